import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DigestModule } from '../digest/digest.module';
import { JobsModule } from '../jobs/jobs.module';
import { PreferencesModule } from '../preferences/preferences.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { NotificationEventsConsumer } from './notification-events.consumer';
import { NotificationEventsService } from './notification-events.service';

/** The consumers of `episode.published`, `subscription.changed` and `consent.verified`. */
@Module({
  imports: [DeliveriesModule, DigestModule, JobsModule, PreferencesModule, RecipientsModule],
  controllers: [NotificationEventsConsumer],
  providers: [NotificationEventsService],
})
export class EventsModule {}
