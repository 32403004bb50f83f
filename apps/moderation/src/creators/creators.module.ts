import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { AuditModule } from '../audit/audit.module';
import { PolicyModule } from '../rules/policy.module';
import { MemoryCreatorTrustRepository } from './adapters/memory-creator-trust.repository';
import { PostgresCreatorTrustRepository } from './adapters/postgres-creator-trust.repository';
import { CreatorTrustController } from './creator-trust.controller';
import { CreatorTrustRepository } from './creator-trust.repository';
import { CreatorTrustService } from './creator-trust.service';

/** Creator trust levels set by admins (Postgres when DATABASE_URL is set, memory otherwise); the policy stage reads them. */
@Module({
  imports: [PolicyModule, AuditModule],
  controllers: [CreatorTrustController],
  providers: [
    CreatorTrustService,
    {
      provide: CreatorTrustRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresCreatorTrustRepository(sql, schema) : new MemoryCreatorTrustRepository(),
    },
  ],
  exports: [CreatorTrustService],
})
export class CreatorsModule {}
