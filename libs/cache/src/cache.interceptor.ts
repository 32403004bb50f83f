import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { SerializeDecorator } from '@mikasmissions/serialize';
import { defer, lastValueFrom, Observable } from 'rxjs';
import { CacheDecorator, CacheKeyRequest, CacheMetadata } from './cache.decorator';
import { CacheResult, CacheService } from './cache.service';

/** Response header telling how the answer was obtained. */
export const X_CACHE_HEADER = 'x-cache';

const seconds = (ms: number) => Math.floor(ms / 1000);

/** The `Cache-Control` value of a policy, so browsers and CDNs follow it too. */
export function cacheControlOf(meta: Pick<CacheMetadata, 'ttlMs' | 'swrMs' | 'scope'>): string {
  const visibility = meta.scope === 'global' ? 'public' : 'private';
  return `${visibility}, max-age=${seconds(meta.ttlMs)}, stale-while-revalidate=${seconds(meta.swrMs)}, stale-if-error=${seconds(meta.swrMs)}`;
}

/** Global interceptor applying {@link Cache} to GET routes (see the decorator for the semantics). */
@Injectable()
export class CacheInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly adapterHost: HttpAdapterHost,
    private readonly cache: CacheService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const meta = this.reflector.get(CacheDecorator, context.getHandler());
    if (!meta || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<CacheKeyRequest>();
    if (req.method !== 'GET') return next.handle();
    const serializer = this.reflector.get(SerializeDecorator, context.getHandler());
    const key = this.cache.scopedKey(meta.key ? meta.key(req) : `${req.method} ${req.url}`, meta.scope);
    const tags = typeof meta.tags === 'function' ? meta.tags(req) : meta.tags;
    const load = async (): Promise<string> => {
      const value: unknown = await lastValueFrom(next.handle(), { defaultValue: null });
      if (typeof value === 'string') return value;
      return serializer ? serializer.stringify(value) : JSON.stringify(value);
    };
    const response = context.switchToHttp().getResponse();
    return defer(async () => this.answer(response, meta, await this.cache.fetch(key, { ttlMs: meta.ttlMs, swrMs: meta.swrMs, tags }, load)));
  }

  private answer(response: unknown, meta: CacheMetadata, result: CacheResult): string {
    const adapter = this.adapterHost.httpAdapter;
    adapter.setHeader(response, X_CACHE_HEADER, result.state);
    adapter.setHeader(response, 'age', String(seconds(result.ageMs)));
    adapter.setHeader(response, 'cache-control', cacheControlOf(meta));
    adapter.setHeader(response, 'content-type', 'application/json; charset=utf-8');
    return result.entry.body;
  }
}
