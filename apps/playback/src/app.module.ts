import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { SessionsModule } from './sessions/sessions.module';

/** The playback service (port 8085, prefix /v1): sessions of the caller's tenant. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'playback', http: { port: 8085, prefix: 'v1' } }), SessionsModule],
})
export class AppModule {}
