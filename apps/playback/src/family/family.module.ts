import { Global, Module } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { ResilienceModule, ResilienceService } from '@mikasmissions/resilience';
import { ServiceClient } from '@mikasmissions/service-client';
import { playbackConfig } from '../playback.config';
import { PLAYBACK_SETTINGS, playbackSettings, type PlaybackSettings } from '../playback-settings';
import { HttpChildRules } from './adapters/http-child-rules';
import { HttpEntitlements } from './adapters/http-entitlements';
import { HttpEpisodeSource } from './adapters/http-episode-source';
import { HttpGateTokens } from './adapters/http-gate-tokens';
import { HttpUsageSource } from './adapters/http-usage-source';
import {
  MemoryChildRules,
  MemoryEntitlements,
  MemoryEpisodeSource,
  MemoryGateTokens,
  MemoryUsageSource,
} from './adapters/memory-family.adapters';
import { CachedEntitlements } from './entitlement-cache';
import { ChildRules, EpisodeSource, Entitlements, GateTokens, UsageSource } from './family.ports';
import { SubscriptionChangesConsumer } from './subscription-changes.consumer';

const http = (s: PlaybackSettings) => s.PLAYBACK_UPSTREAMS === 'http';

/**
 * What playback reads from the other services, each behind its port: `PLAYBACK_UPSTREAMS=http`
 * (default) calls them through ServiceClient; `memory` uses in-process stand-ins that know
 * nobody (everything is refused until a test fills them). Also the settings and the
 * `subscription.changed` consumer that drops cached entitlements.
 */
@Global()
@UsesConfig(playbackConfig)
@Module({
  imports: [ResilienceModule],
  controllers: [SubscriptionChangesConsumer],
  providers: [
    { provide: PLAYBACK_SETTINGS, inject: [AppConfig], useFactory: playbackSettings },
    {
      provide: ChildRules,
      inject: [PLAYBACK_SETTINGS, ServiceClient, ResilienceService],
      useFactory: (s: PlaybackSettings, client: ServiceClient, resilience: ResilienceService) =>
        http(s) ? new HttpChildRules(client, resilience, s.PLAYBACK_BREAKER_OPEN_MS) : new MemoryChildRules(),
    },
    {
      provide: Entitlements,
      inject: [PLAYBACK_SETTINGS, ServiceClient, ResilienceService],
      useFactory: (s: PlaybackSettings, client: ServiceClient, resilience: ResilienceService) =>
        new CachedEntitlements(
          http(s) ? new HttpEntitlements(client, resilience, s.PLAYBACK_BREAKER_OPEN_MS) : new MemoryEntitlements(),
          s.PLAYBACK_ENTITLEMENT_CACHE_MS,
        ),
    },
    {
      provide: EpisodeSource,
      inject: [PLAYBACK_SETTINGS, ServiceClient],
      useFactory: (s: PlaybackSettings, c: ServiceClient) => (http(s) ? new HttpEpisodeSource(c) : new MemoryEpisodeSource()),
    },
    {
      provide: UsageSource,
      inject: [PLAYBACK_SETTINGS, ServiceClient],
      useFactory: (s: PlaybackSettings, c: ServiceClient) => (http(s) ? new HttpUsageSource(c) : new MemoryUsageSource()),
    },
    {
      provide: GateTokens,
      inject: [PLAYBACK_SETTINGS, ServiceClient],
      useFactory: (s: PlaybackSettings, c: ServiceClient) => (http(s) ? new HttpGateTokens(c) : new MemoryGateTokens()),
    },
  ],
  exports: [PLAYBACK_SETTINGS, ChildRules, Entitlements, EpisodeSource, UsageSource, GateTokens],
})
export class FamilyModule {}
