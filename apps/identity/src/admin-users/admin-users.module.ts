import { Module } from '@nestjs/common';
import { UsesConfig } from '@mikasmissions/config';
import { PersistenceService } from '@mikasmissions/persistence';
import { IdentityPrismaService } from '../infra/identity-prisma.service';
import { InfraModule } from '../infra/infra.module';
import { ParentsModule } from '../parents/parents.module';
import { MemoryAdminUsersRepository } from './adapters/memory-admin-users.repository';
import { PrismaAdminUsersRepository } from './adapters/prisma-admin-users.repository';
import { adminBootstrapConfig } from './admin-bootstrap.config';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersRepository } from './admin-users.repository';
import { AdminUsersService } from './admin-users.service';

/** Admin login (`POST /v1/admin/login`) and the bootstrap admin (`ADMIN_BOOTSTRAP_*`). */
@UsesConfig(adminBootstrapConfig)
@Module({
  imports: [InfraModule, ParentsModule],
  controllers: [AdminUsersController],
  providers: [
    {
      provide: AdminUsersRepository,
      inject: [PersistenceService, IdentityPrismaService],
      useFactory: (persistence: PersistenceService, prisma: IdentityPrismaService | null) =>
        persistence.preferredStore({ redis: false }) === 'postgres' && prisma
          ? new PrismaAdminUsersRepository(prisma)
          : new MemoryAdminUsersRepository(),
    },
    AdminUsersService,
  ],
})
export class AdminUsersModule {}
