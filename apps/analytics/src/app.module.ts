import { Module } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { HealthModule } from '@mikasmissions/health';
import { PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { AuthModule } from './auth/auth.module';
import { EventsModule } from './events/events.module';
import { MeController } from './me/me.controller';

/** The analytics service: the runbook's demo app (port 3003, prefix /api/v1/analytics). */
@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot({ serviceName: 'analytics' }),
    PersistenceModule,
    PlatformHttpModule,
    HealthModule,
    EventsModule,
    AuthModule,
  ],
  controllers: [MeController],
})
export class AppModule {}
