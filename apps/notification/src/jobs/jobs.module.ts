import { Module } from '@nestjs/common';
import { UsesConfig } from '@mikasmissions/config';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DigestModule } from '../digest/digest.module';
import { notificationConfig } from '../notification.config';
import { InternalNotificationsController } from './internal-notifications.controller';
import { NotificationJobs } from './notification-jobs';

/** The dispatch and digest schedules, and `/internal/notifications/*` to run them on demand. */
@UsesConfig(notificationConfig)
@Module({
  imports: [DeliveriesModule, DigestModule],
  controllers: [InternalNotificationsController],
  providers: [NotificationJobs],
  exports: [NotificationJobs],
})
export class JobsModule {}
