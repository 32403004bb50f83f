import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
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
    PlatformModule.forRoot({
      service: 'analytics',
      http: { port: 3003, prefix: 'api/v1/analytics' },
      prisma: { token: AnalyticsPrismaService, imports: [InfraModule] },
      messaging: true,
      authx: true,
    }),
    EventsModule,
    RecordedEventsModule,
    AuthModule,
    FlakyModule,
    BenchModule,
  ],
  controllers: [MeController],
})
export class AppModule {}
