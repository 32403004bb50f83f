import { Module } from '@nestjs/common';
import { PersistenceService, SqlTransactions } from '@mikasmissions/persistence';
import { FamilyScopeModule } from '../family-scope/family-scope.module';
import { MemoryGateStore } from './adapters/memory-gate.store';
import { PostgresGateStore } from './adapters/postgres-gate.store';
import { GateStore } from './gate.store';
import { GatesController } from './gates.controller';
import { GatesService } from './gates.service';
import { InternalGatesController } from './internal-gates.controller';
import { MemoryParentCredentials, ParentCredentials, PostgresParentCredentials } from './parent-credentials';

const usesPostgres = (persistence: PersistenceService, sql: SqlTransactions | null): sql is SqlTransactions => persistence.preferredStore({ redis: false }) === 'postgres' && sql !== null;

/**
 * Parent gates: PIN, challenge, verify and `POST /internal/gates/consume`. Postgres adapters when
 * the persistence mode prefers Postgres (the password re-check then reads the `parents` table),
 * else memory.
 */
@Module({
  imports: [FamilyScopeModule],
  controllers: [GatesController, InternalGatesController],
  providers: [
    GatesService,
    {
      provide: GateStore,
      inject: [PersistenceService, SqlTransactions],
      useFactory: (persistence: PersistenceService, sql: SqlTransactions | null) => (usesPostgres(persistence, sql) ? new PostgresGateStore(sql) : new MemoryGateStore()),
    },
    {
      provide: ParentCredentials,
      inject: [PersistenceService, SqlTransactions],
      useFactory: (persistence: PersistenceService, sql: SqlTransactions | null) => (usesPostgres(persistence, sql) ? new PostgresParentCredentials(sql) : new MemoryParentCredentials()),
    },
  ],
  exports: [GatesService, GateStore, ParentCredentials],
})
export class GatesModule {}
