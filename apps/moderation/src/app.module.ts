import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { AuditModule } from './audit/audit.module';
import { CreatorsModule } from './creators/creators.module';
import { ReviewsModule } from './reviews/reviews.module';

/**
 * The moderation service (port 8088, prefix /v1): the media pipeline's policy stage
 * (`media.transcoded` → `media.reviewed`, then `media.approved` or `media.rejected`), the admin
 * review queue, creator trust levels and the audit of every decision.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'moderation', http: { port: 8088, prefix: 'v1' }, messaging: true }),
    AuditModule,
    CreatorsModule,
    ReviewsModule,
  ],
})
export class AppModule {}
