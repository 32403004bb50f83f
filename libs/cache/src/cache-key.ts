import { CUSTOM_ROUTE_ARGS_METADATA, PARAMTYPES_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { RouteInfo } from '@mikasmissions/http';
import type { CacheKeyRequest } from './cache.decorator';

type RouteArgs = Record<string, { index: number; data?: unknown }>;

/** A zod DTO made by nestjs-zod's `createZodDto`, as far as the key needs it. */
interface ZodObjectDto {
  isZodDto: true;
  schema: { shape?: Record<string, unknown> };
}

function isZodObjectDto(type: unknown): type is ZodObjectDto {
  const dto = type as Partial<ZodObjectDto> | undefined;
  return typeof type === 'function' && dto?.isZodDto === true && typeof dto.schema?.shape === 'object';
}

/** The query names a route declares, sorted (none when it reads no query), or why they cannot be known. */
function declaredQueryNames(route: RouteInfo): string[] | string {
  const method = route.handler.name;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, method) ?? {}) as RouteArgs;
  const types = (Reflect.getMetadata(PARAMTYPES_METADATA, route.controller.prototype as object, method) ?? []) as unknown[];
  const names = new Set<string>();
  for (const [slot, arg] of Object.entries(args)) {
    if (slot.includes(CUSTOM_ROUTE_ARGS_METADATA)) continue;
    const type = Number(slot.split(':')[0]);
    if (type === RouteParamtypes.REQUEST) return 'it takes the whole request (@Req)';
    if (type !== RouteParamtypes.QUERY) continue;
    const dto = types[arg.index];
    if (typeof arg.data === 'string') names.add(arg.data);
    else if (isZodObjectDto(dto)) for (const name of Object.keys(dto.schema.shape ?? {})) names.add(name);
    else return 'it takes @Query() without a zod object DTO';
  }
  return [...names].sort();
}

function queryPart(query: Record<string, unknown> | undefined, names: readonly string[]): string {
  const pairs: string[] = [];
  for (const name of names) {
    const value = query?.[name];
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(typeof item === 'string' ? item : JSON.stringify(item))}`);
    }
  }
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/**
 * The default `@Cache` key of a route, worked out once at start-up: method, path and only the
 * query parameters the handler declares (`@Query('name')`, or the keys of a zod object DTO
 * taken by `@Query()`), sorted by name, so unknown parameters (`?junk=…`) and their order make
 * no new entries. A route whose query input cannot be known (`@Req()`, `@Query()` without a zod
 * object DTO) stops the start-up: give it an explicit `key`.
 *
 * @example
 * // @Get('events') list(@Query() q: ListEventsQuery) with { type, limit }:
 * // GET /api/events?limit=5&junk=1&type=play → 'GET /api/events?limit=5&type=play'
 */
export function defaultCacheKey(route: RouteInfo): (req: CacheKeyRequest) => string {
  const names = declaredQueryNames(route);
  if (typeof names === 'string') {
    throw new Error(`${route.name}: @Cache cannot key on the route's input because ${names}; pass key: (req) => …`);
  }
  return (req) => {
    const url = (req as CacheKeyRequest & { originalUrl?: string }).originalUrl ?? req.url;
    const mark = url.indexOf('?');
    return `${req.method} ${mark === -1 ? url : url.slice(0, mark)}${queryPart(req.query, names)}`;
  };
}
