import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { WatchEventsModule } from './watch-events/watch-events.module';

/** The progress service (port 8086, prefix /v1): watch-events of the caller's tenant. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'progress', http: { port: 8086, prefix: 'v1' } }), WatchEventsModule],
})
export class AppModule {}
