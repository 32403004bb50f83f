import { Module } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { CacheModule } from '@mikasmissions/cache';
import { ContextModule } from '@mikasmissions/context';
import { FlagsModule } from '@mikasmissions/flags';
import { HealthModule } from '@mikasmissions/health';
import { IdempotencyModule } from '@mikasmissions/idempotency';
import { MessagingModule } from '@mikasmissions/messaging';
import { PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { ResilienceModule } from '@mikasmissions/resilience';
import { SerializeModule } from '@mikasmissions/serialize';
import { AuthModule } from './auth/auth.module';
import { BenchModule } from './bench/bench.module';
import { EventsModule } from './events/events.module';
import { FlakyModule } from './flaky/flaky.module';
import { AnalyticsPrismaService } from './infra/analytics-prisma.service';
import { InfraModule } from './infra/infra.module';
import { MeController } from './me/me.controller';
import { RecordedEventsModule } from './recorded-events/recorded-events.module';

/** The analytics service: the runbook's demo app (port 3003, prefix /api/v1/analytics). */
@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot({ serviceName: 'analytics' }),
    PersistenceModule.forRoot({ schema: 'analytics', prisma: { token: AnalyticsPrismaService, imports: [InfraModule] } }),
    PlatformHttpModule,
    HealthModule,
    // Global interceptors run in import order, outermost first: a replay never reaches @Publish,
    // and the cache stores what @Serialize produced.
    IdempotencyModule.forRoot(),
    MessagingModule.forRoot({ service: 'analytics' }),
    CacheModule.forRoot(),
    ResilienceModule,
    SerializeModule,
    FlagsModule,
    EventsModule,
    RecordedEventsModule,
    AuthModule,
    FlakyModule,
    BenchModule,
  ],
  controllers: [MeController],
})
export class AppModule {}
