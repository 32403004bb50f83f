import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { ChildProfilesModule } from './child-profiles/child-profiles.module';

/** The profile service (port 8082, prefix /v1): child-profiles of the caller's tenant. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'profile', http: { port: 8082, prefix: 'v1' } }), ChildProfilesModule],
})
export class AppModule {}
