import { Module } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { HealthModule } from '@mikasmissions/health';
import { MessagingModule } from '@mikasmissions/messaging';
import { PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { AuthModule } from './auth/auth.module';
import { EventsModule } from './events/events.module';
import { AnalyticsPrismaService } from './infra/analytics-prisma.service';
import { InfraModule } from './infra/infra.module';
import { MeController } from './me/me.controller';
import { RecordedEventsModule } from './recorded-events/recorded-events.module';

/** The analytics service: the runbook's demo app (port 3003, prefix /api/v1/analytics). */
@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot({ serviceName: 'analytics' }),
    PersistenceModule,
    PlatformHttpModule,
    HealthModule,
    MessagingModule.forRoot({ service: 'analytics', prisma: { token: AnalyticsPrismaService, imports: [InfraModule] } }),
    EventsModule,
    RecordedEventsModule,
    AuthModule,
  ],
  controllers: [MeController],
})
export class AppModule {}
