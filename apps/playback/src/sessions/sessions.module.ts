import { Module } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { PLAYBACK_SETTINGS, type PlaybackSettings } from '../playback-settings';
import { EpisodeMediaController } from '../streams/episode-media.controller';
import { StreamSigner } from '../streams/stream-signer';
import { StreamsController } from '../streams/streams.controller';
import { MemorySessionsRepository } from './adapters/memory-sessions.repository';
import { PostgresSessionsRepository } from './adapters/postgres-sessions.repository';
import { FamilyAccess } from './family-access';
import { PlaybackHeartbeatService } from './playback-heartbeat.service';
import { PlaybackStartService } from './playback-start.service';
import { actingSessionScope } from './session-scope';
import { SessionErasureConsumer } from './session-erasure.consumer';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';

/** Sessions, their signed streams and published episodes' thumbnails: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@Module({
  controllers: [SessionsController, StreamsController, EpisodeMediaController, SessionErasureConsumer],
  providers: [
    FamilyAccess,
    PlaybackStartService,
    PlaybackHeartbeatService,
    { provide: StreamSigner, inject: [PLAYBACK_SETTINGS], useFactory: (s: PlaybackSettings) => new StreamSigner(s.signingKey) },
    {
      provide: SessionsRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA, RequestContext],
      useFactory: (sql: SqlTransactions | null, schema: string, ctx: RequestContext) =>
        sql ? new PostgresSessionsRepository(sql, schema, () => actingSessionScope(ctx)) : new MemorySessionsRepository(),
    },
  ],
})
export class SessionsModule {}
