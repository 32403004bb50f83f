import { Injectable } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import {
  JSON_CONTENT_TYPE,
  declareStageDecorator,
  PipelineStage,
  RouteResult,
  type RouteCall,
  type RouteInfo,
  type RouteStage,
  type RouteStepFn,
} from '@mikasmissions/http';
import { defaultCacheKey } from './cache-key';
import { CacheDecorator, type CacheKeyRequest, type CacheMetadata } from './cache.decorator';

declareStageDecorator({ kind: 'step', name: 'cache' }, CacheDecorator.KEY, '@Cache', 'CacheModule (on by default in PlatformModule)');
import { CacheService, type CacheResult } from './cache.service';

/** Response header telling how the answer was obtained. */
export const X_CACHE_HEADER = 'x-cache';

const seconds = (ms: number) => Math.floor(ms / 1000);

/** The `Cache-Control` value of a policy, so browsers and CDNs follow it too. */
export function cacheControlOf(meta: Pick<CacheMetadata, 'ttlMs' | 'swrMs' | 'scope'>): string {
  const visibility = meta.scope === 'global' ? 'public' : 'private';
  return `${visibility}, max-age=${seconds(meta.ttlMs)}, stale-while-revalidate=${seconds(meta.swrMs)}, stale-if-error=${seconds(meta.swrMs)}`;
}

/**
 * Stage `cache` for GET routes carrying {@link Cache} (see the decorator for the semantics).
 * It stores the JSON text the inner stages made (`@Serialize`'s, else `JSON.stringify`) and
 * answers a HIT with it, without running the handler.
 */
@PipelineStage({ kind: 'step', name: 'cache' })
@Injectable()
export class CacheStage implements RouteStage<RouteStepFn> {
  constructor(
    private readonly reflector: Reflector,
    private readonly adapterHost: HttpAdapterHost,
    private readonly cache: CacheService,
  ) {}

  plan(route: RouteInfo): RouteStepFn | undefined {
    const meta = this.reflector.get(CacheDecorator, route.handler);
    if (!meta) return undefined;
    const keyOf = meta.key ?? defaultCacheKey(route);
    return async (call, next) => {
      if (call.req.method !== 'GET') return next();
      const req = call.req as unknown as CacheKeyRequest;
      const key = this.cache.scopedKey(keyOf(req), meta.scope);
      const tags = typeof meta.tags === 'function' ? meta.tags(req) : meta.tags;
      const load = async (): Promise<string> => (await next()).toJson() ?? 'null';
      return this.answer(call, meta, await this.cache.fetch(key, { ttlMs: meta.ttlMs, swrMs: meta.swrMs, tags }, load));
    };
  }

  private answer(call: RouteCall, meta: CacheMetadata, result: CacheResult): RouteResult {
    const adapter = this.adapterHost.httpAdapter;
    adapter.setHeader(call.res, X_CACHE_HEADER, result.state);
    adapter.setHeader(call.res, 'age', String(seconds(result.ageMs)));
    adapter.setHeader(call.res, 'cache-control', cacheControlOf(meta));
    adapter.setHeader(call.res, 'content-type', JSON_CONTENT_TYPE);
    return RouteResult.stored(result.entry.body);
  }
}
