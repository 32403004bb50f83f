import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { ProxyModule } from './proxy/proxy.module';

/**
 * The gateway (port 8080): the only public edge for `/v1/*`. No prefix, so `/health`,
 * `/ready` and `/healthz` sit at the root; always Fastify (the proxy is a Fastify route).
 */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'gateway',
      http: { port: 8080, adapter: 'fastify' },
      cache: false,
      idempotency: false,
      services: false,
    }),
    ProxyModule,
  ],
})
export class AppModule {}
