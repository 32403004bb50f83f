import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { EventsModule } from './events/events.module';
import { JobsModule } from './jobs/jobs.module';
import { PreferencesModule } from './preferences/preferences.module';

/** The notification service (port 8091, prefix /v1): e-mail/SMS to parents from events, and their preferences. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'notification', http: { port: 8091, prefix: 'v1' }, messaging: true }),
    PreferencesModule,
    EventsModule,
    JobsModule,
  ],
})
export class AppModule {}
