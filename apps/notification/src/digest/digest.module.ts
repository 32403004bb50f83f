import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { PreferencesModule } from '../preferences/preferences.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { MemoryDigestRepository } from './adapters/memory-digest.repository';
import { PostgresDigestRepository } from './adapters/postgres-digest.repository';
import { DigestFlusher } from './digest-flusher';
import { DigestRepository } from './digest.repository';

/** The daily digest: items per parent and local day, and the flusher that turns a closed day into one delivery. */
@Module({
  imports: [DeliveriesModule, PreferencesModule, RecipientsModule],
  providers: [
    DigestFlusher,
    {
      provide: DigestRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresDigestRepository(sql, schema) : new MemoryDigestRepository(),
    },
  ],
  exports: [DigestRepository, DigestFlusher],
})
export class DigestModule {}
