import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { ChildProfilesStoreModule } from './child-profiles/child-profiles-store.module';
import { ChildProfilesModule } from './child-profiles/child-profiles.module';
import { RepositoryChildOwnership } from './child-profiles/repository-child-ownership';

/**
 * The profile service (port 8082, prefix /v1): child profiles (age band, avatar) and the
 * ownership lookups other services ask. Its `IdentityScope` asks its own repository who owns a
 * child ({@link RepositoryChildOwnership}); events go through the outbox (`messaging`).
 */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'profile',
      http: { port: 8082, prefix: 'v1' },
      messaging: true,
      identity: { childOwnership: RepositoryChildOwnership, imports: [ChildProfilesStoreModule] },
    }),
    ChildProfilesModule,
  ],
})
export class AppModule {}
