import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { ConfiguredChildOwnership } from './upstreams/configured-child-ownership';
import { KidsProgressModule } from './kids-progress/kids-progress.module';
import { WatchEventsModule } from './watch-events/watch-events.module';

/** The progress service (port 8086, prefix /v1): watch events, resume points, the daily ledger and the kids progress. */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'progress',
      http: { port: 8086, prefix: 'v1' },
      messaging: true,
      identity: { childOwnership: ConfiguredChildOwnership },
    }),
    WatchEventsModule,
    KidsProgressModule,
  ],
})
export class AppModule {}
