import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { RecipientsModule } from '../recipients/recipients.module';
import { MemoryPreferencesRepository } from './adapters/memory-preferences.repository';
import { PostgresPreferencesRepository } from './adapters/postgres-preferences.repository';
import { PreferencesController } from './preferences.controller';
import { PreferencesRepository } from './preferences.repository';
import { PreferencesService } from './preferences.service';

/** Notification preferences: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@Module({
  imports: [RecipientsModule],
  controllers: [PreferencesController],
  providers: [
    PreferencesService,
    {
      provide: PreferencesRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresPreferencesRepository(sql, schema) : new MemoryPreferencesRepository(),
    },
  ],
  exports: [PreferencesRepository],
})
export class PreferencesModule {}
