import { Module } from '@nestjs/common';
import { PersistenceService, SqlTransactions } from '@mikasmissions/persistence';
import { FamilyScopeModule } from '../family-scope/family-scope.module';
import { MemoryGateStore } from './adapters/memory-gate.store';
import { PostgresGateStore } from './adapters/postgres-gate.store';
import { GateStore } from './gate.store';
import { GatesController } from './gates.controller';
import { GatesService } from './gates.service';
import { InternalGatesController } from './internal-gates.controller';
import { ParentsModule } from '../parents/parents.module';
import { ParentCredentials, ParentsRepositoryCredentials } from './parent-credentials';

const usesPostgres = (persistence: PersistenceService, sql: SqlTransactions | null): sql is SqlTransactions =>
  persistence.preferredStore({ redis: false }) === 'postgres' && sql !== null;

/**
 * Parent gates: PIN, challenge, verify and `POST /internal/gates/consume`. The gate store is
 * Postgres when the persistence mode prefers it, else memory; the password re-check reads the
 * parents feature's accounts (`ParentsRepository`).
 */
@Module({
  imports: [FamilyScopeModule, ParentsModule],
  controllers: [GatesController, InternalGatesController],
  providers: [
    GatesService,
    {
      provide: GateStore,
      inject: [PersistenceService, SqlTransactions],
      useFactory: (persistence: PersistenceService, sql: SqlTransactions | null) =>
        usesPostgres(persistence, sql) ? new PostgresGateStore(sql) : new MemoryGateStore(),
    },
    { provide: ParentCredentials, useClass: ParentsRepositoryCredentials },
  ],
  exports: [GatesService, GateStore, ParentCredentials],
})
export class GatesModule {}
