import { Module } from '@nestjs/common';
import { PersistenceService, SqlTransactions } from '@mikasmissions/persistence';
import { FamilyScopeModule } from '../family-scope/family-scope.module';
import { MemoryControlsRepository } from './adapters/memory-controls.repository';
import { PostgresControlsRepository } from './adapters/postgres-controls.repository';
import { ControlsController } from './controls.controller';
import { ControlsRepository } from './controls.repository';
import { ControlsService } from './controls.service';
import { InternalControlsController } from './internal-controls.controller';

/**
 * Parental controls: `GET`/`PUT /v1/parents/controls/{id}` and `GET /internal/controls/{id}`.
 * Postgres adapter when the persistence mode prefers Postgres, else memory; children are looked
 * up in the profile service (`PROFILE_URL`).
 */
@Module({
  imports: [FamilyScopeModule],
  controllers: [ControlsController, InternalControlsController],
  providers: [
    ControlsService,
    {
      provide: ControlsRepository,
      inject: [PersistenceService, SqlTransactions],
      useFactory: (persistence: PersistenceService, sql: SqlTransactions | null) =>
        persistence.preferredStore({ redis: false }) === 'postgres' && sql
          ? new PostgresControlsRepository(sql)
          : new MemoryControlsRepository(),
    },
  ],
  exports: [ControlsService, ControlsRepository],
})
export class ControlsModule {}
