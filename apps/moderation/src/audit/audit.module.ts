import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { MemoryAuditRepository } from './adapters/memory-audit.repository';
import { PostgresAuditRepository } from './adapters/postgres-audit.repository';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** The moderation audit: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@Module({
  controllers: [AuditController],
  providers: [
    AuditService,
    {
      provide: AuditRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresAuditRepository(sql, schema) : new MemoryAuditRepository(),
    },
  ],
  exports: [AuditService],
})
export class AuditModule {}
