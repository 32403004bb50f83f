import { Module } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { AUTHX_OPTIONS, OtpStore, type ResolvedAuthxOptions } from '@mikasmissions/authx';
import { AppConfig } from '@mikasmissions/config';
import { PersistenceService } from '@mikasmissions/persistence';
import { IdentityPrismaService, type IdentityTransactionHost } from '../infra/identity-prisma.service';
import { InfraModule } from '../infra/infra.module';
import { MemoryConsentRepository } from './adapters/memory-consent.repository';
import { MemoryParentsRepository } from './adapters/memory-parents.repository';
import { PrismaConsentRepository } from './adapters/prisma-consent.repository';
import { PrismaParentsRepository } from './adapters/prisma-parents.repository';
import { ConsentController } from './consent.controller';
import { ConsentRepository } from './consent.repository';
import { ConsentCodeKey } from './consent-codes';
import { ConsentService } from './consent.service';
import { InternalParentsController } from './internal-parents.controller';
import { LoginThrottle } from './login-throttle';
import { ParentOtpLogin } from './parent-otp-login.service';
import { ParentsController } from './parents.controller';
import { ParentsRepository } from './parents.repository';
import { ParentsService } from './parents.service';
import { PasswordHasher } from './password-hasher';
import { PAYMENT_VERIFIER } from './payment-verifier';
import { SignupPolicy } from './signup-policy';

const inPostgres = (persistence: PersistenceService, prisma: IdentityPrismaService | null): prisma is IdentityPrismaService =>
  persistence.preferredStore({ redis: false }) === 'postgres' && prisma !== null;

/**
 * Parents (issue 11): signup, password sign-in, verifiable consent and the internal status
 * read. Postgres adapters with DATABASE_URL, memory ones otherwise (dev:local).
 */
@Module({
  imports: [InfraModule],
  controllers: [ParentsController, ConsentController, InternalParentsController],
  providers: [
    {
      provide: ParentsRepository,
      inject: [PersistenceService, IdentityPrismaService, TransactionHost],
      useFactory: (persistence: PersistenceService, prisma: IdentityPrismaService | null, txHost: IdentityTransactionHost) =>
        inPostgres(persistence, prisma) ? new PrismaParentsRepository(prisma, txHost) : new MemoryParentsRepository(),
    },
    {
      provide: ConsentRepository,
      inject: [PersistenceService, IdentityPrismaService, TransactionHost],
      useFactory: (persistence: PersistenceService, prisma: IdentityPrismaService | null, txHost: IdentityTransactionHost) =>
        inPostgres(persistence, prisma) ? new PrismaConsentRepository(prisma, txHost) : new MemoryConsentRepository(),
    },
    { provide: LoginThrottle, inject: [OtpStore], useFactory: (store: OtpStore) => new LoginThrottle(store) },
    {
      provide: ConsentCodeKey,
      inject: [AppConfig, AUTHX_OPTIONS],
      useFactory: (config: AppConfig, options: ResolvedAuthxOptions) =>
        new ConsentCodeKey(options.encryptionKey ?? (config.jwt.kind === 'secret' ? config.jwt.secret : config.jwt.privateKeyPem)),
    },
    { provide: PAYMENT_VERIFIER, useValue: null },
    SignupPolicy,
    PasswordHasher,
    ParentsService,
    ParentOtpLogin,
    ConsentService,
  ],
  exports: [ParentsRepository, PasswordHasher, LoginThrottle],
})
export class ParentsModule {}
