import { Module } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { HealthModule } from '@mikasmissions/health';
import { PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { StandaloneRelayModule } from './relay/standalone-relay.module';

/**
 * The standalone outbox relay (port 8095, prefix /outbox-relay): moves one service's
 * outbox (`OUTBOX_SCHEMA`, default `analytics`) from Postgres to Redis Streams, for
 * services that run with `OUTBOX_RELAY_ENABLED=false`. Serves only `/health` and `/ready`.
 */
@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot({ serviceName: 'outbox-relay' }),
    PersistenceModule,
    PlatformHttpModule,
    HealthModule,
    StandaloneRelayModule,
  ],
})
export class AppModule {}
