import { Module } from '@nestjs/common';
import { UsesConfig } from '@mikasmissions/config';
import { AcceptsMultipart } from '@mikasmissions/http';
import { ResilienceModule } from '@mikasmissions/resilience';
import { HealthzController } from '../healthz/healthz.controller';
import { EdgeAccessService } from './edge-access.service';
import { EdgeRateLimitService } from './edge-rate-limit.service';
import { gatewayConfig } from './gateway.config';
import { ProxyRoute } from './proxy.route';
import { UpstreamClient } from './upstream.client';

/**
 * The edge: `/v1/*` proxied to the services after policy, token, rate limit and signed identity;
 * `/healthz`. The creator's direct upload is the one route passed on as multipart.
 */
@AcceptsMultipart('v1/creator/assets')
@UsesConfig(gatewayConfig)
@Module({
  imports: [ResilienceModule],
  controllers: [HealthzController],
  providers: [EdgeAccessService, EdgeRateLimitService, UpstreamClient, ProxyRoute],
})
export class ProxyModule {}
