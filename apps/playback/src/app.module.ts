import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { FamilyModule } from './family/family.module';
import { SessionsModule } from './sessions/sessions.module';

/** The playback service (port 8085, prefix /v1): sessions that enforce the parent's rules and billing, and their signed HLS streams. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'playback', http: { port: 8085, prefix: 'v1' }, messaging: true }),
    FamilyModule,
    SessionsModule,
  ],
})
export class AppModule {}
