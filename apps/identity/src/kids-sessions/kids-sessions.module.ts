import { Module } from '@nestjs/common';
import { AuditService, SessionService } from '@mikasmissions/authx';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { PersistenceService, SqlTransactions } from '@mikasmissions/persistence';
import { FamilyActor } from '../family-scope/family-actor';
import { FamilyScopeModule } from '../family-scope/family-scope.module';
import { GatesModule } from '../gates/gates.module';
import { GatesService } from '../gates/gates.service';
import { MemoryKidsSessionStore } from './adapters/memory-kids-session.store';
import { PostgresKidsSessionStore } from './adapters/postgres-kids-session.store';
import { KidsSessionStore } from './kids-session.store';
import { kidsSessionsConfig } from './kids-sessions.config';
import { KidsSessionsController } from './kids-sessions.controller';
import { KidsSessionsService } from './kids-sessions.service';

/** Kids sessions (`/v1/children/profiles/{id}/session`), reading `KIDS_SESSION_TTL_SEC`. */
@UsesConfig(kidsSessionsConfig)
@Module({
  imports: [FamilyScopeModule, GatesModule],
  controllers: [KidsSessionsController],
  providers: [
    {
      provide: KidsSessionStore,
      inject: [PersistenceService, SqlTransactions],
      useFactory: (persistence: PersistenceService, sql: SqlTransactions | null) =>
        persistence.preferredStore({ redis: false }) === 'postgres' && sql
          ? new PostgresKidsSessionStore(sql)
          : new MemoryKidsSessionStore(),
    },
    {
      provide: KidsSessionsService,
      inject: [FamilyActor, GatesService, SessionService, KidsSessionStore, AuditService, AppConfig],
      useFactory: (
        actor: FamilyActor,
        gates: GatesService,
        sessions: SessionService,
        store: KidsSessionStore,
        audit: AuditService,
        config: AppConfig,
      ) => new KidsSessionsService(actor, gates, sessions, store, audit, config.slice(kidsSessionsConfig).KIDS_SESSION_TTL_SEC),
    },
  ],
  exports: [KidsSessionStore],
})
export class KidsSessionsModule {}
