import { Reflector } from '@nestjs/core';

/** The request as a `key` or `tags` function sees it (Express and Fastify alike). */
export interface CacheKeyRequest {
  method: string;
  url: string;
  query: Record<string, unknown>;
  params: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
}

/** Options of {@link Cache}. */
export interface CacheOptions {
  /** How long an entry is fresh (served without calling the origin). */
  ttlMs: number;
  /** After ttlMs, how long a stale entry is still served while one revalidation runs. Default: 0. */
  swrMs?: number;
  /**
   * The cache key within the scope; namespace it, e.g. `events:…`. Default: method, path and
   * only the query parameters the handler declares, sorted (see `defaultCacheKey`).
   */
  key?: (req: CacheKeyRequest) => string;
  /** Tags for `CacheService.invalidateTag` / `expireByTag`. */
  tags?: string[] | ((req: CacheKeyRequest) => string[]);
  /** `tenant` (default): one entry per tenant; `principal`: per tenant and user; `global`: shared. */
  scope?: 'tenant' | 'principal' | 'global';
}

/** What {@link Cache} stores on a handler. */
export type CacheMetadata = Required<Omit<CacheOptions, 'key' | 'tags'>> & Pick<CacheOptions, 'key' | 'tags'>;

/** The metadata key of {@link Cache}. */
export const CacheDecorator = Reflector.createDecorator<CacheMetadata>();

function validate(options: CacheOptions): CacheMetadata {
  const problems: string[] = [];
  if (!Number.isInteger(options?.ttlMs) || options.ttlMs <= 0) problems.push('ttlMs must be a positive integer');
  const swrMs = options?.swrMs ?? 0;
  if (!Number.isInteger(swrMs) || swrMs < 0) problems.push('swrMs must be an integer ≥ 0');
  if (options?.key !== undefined && typeof options.key !== 'function') problems.push('key must be a function of the request');
  const tags = options?.tags;
  if (
    tags !== undefined &&
    typeof tags !== 'function' &&
    !(Array.isArray(tags) && tags.every((t) => typeof t === 'string' && t.length > 0))
  ) {
    problems.push('tags must be non-empty strings or a function of the request');
  }
  const scope = options?.scope ?? 'tenant';
  if (!['tenant', 'principal', 'global'].includes(scope)) problems.push("scope must be 'tenant', 'principal' or 'global'");
  if (problems.length > 0) throw new Error(`@Cache: ${problems.join('; ')}`);
  return { ttlMs: options.ttlMs, swrMs, key: options.key, tags: options.tags, scope };
}

/**
 * Caches a GET route's response with stale-while-revalidate: fresh → served from cache;
 * stale (within swrMs) → served at once while one background revalidation runs (one per key
 * across replicas); miss → concurrent requests share one origin call. Errors are never cached.
 * Keys are tenant-scoped by default. Sets `x-cache: HIT|STALE|MISS`, `Age` and a matching
 * `Cache-Control`. Bad options fail at start-up.
 *
 * @example
 * @Cache({ ttlMs: 5_000, swrMs: 25_000, tags: ['events'] })
 * @Get('events')
 * getEvents(@Query() query: ListEventsQuery) { … } // keyed on path + ListEventsQuery's fields
 */
export function Cache(options: CacheOptions): MethodDecorator {
  return CacheDecorator(validate(options));
}
