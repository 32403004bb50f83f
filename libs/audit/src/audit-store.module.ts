import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { MemoryAuditRepository } from './adapters/memory/memory-audit.repository';
import { PostgresAuditRepository } from './adapters/postgres/postgres-audit.repository';
import { AuditRepository } from './ports/audit.repository';

/**
 * Provides {@link AuditRepository}: Postgres (the service's schema, table `audit_entries`) when
 * `DATABASE_URL` is set, memory otherwise. The service declares `"audit"` in its
 * `prisma/<service>/platform.json` so `pnpm run migrate` creates the table.
 *
 * @example
 * @Module({ imports: [AuditStoreModule], providers: [AuditService], exports: [AuditService] })
 * export class AuditModule {}
 */
@Module({
  providers: [
    {
      provide: AuditRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresAuditRepository(sql, schema) : new MemoryAuditRepository(),
    },
  ],
  exports: [AuditRepository],
})
export class AuditStoreModule {}
