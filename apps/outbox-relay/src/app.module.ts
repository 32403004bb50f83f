import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { StandaloneRelayModule } from './relay/standalone-relay.module';

/**
 * The standalone outbox relay (port 8095, prefix /outbox-relay): moves one service's
 * outbox (`OUTBOX_SCHEMA`, default `analytics`) from Postgres to Redis Streams, for
 * services that run with `OUTBOX_RELAY_ENABLED=false`. Serves only `/health` and `/ready`.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'outbox-relay', http: { port: 8095, prefix: 'outbox-relay' }, cache: false, idempotency: false }),
    StandaloneRelayModule,
  ],
})
export class AppModule {}
