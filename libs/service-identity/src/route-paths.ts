import { PATH_METADATA } from '@nestjs/common/constants';
import type { RouteInfo } from '@mikasmissions/http';

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [''] : [String(value)]);
const join = (...parts: string[]): string =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every full path a route answers on: global prefix, controller path and method path (RouterModule paths are not seen). */
export function routePaths(route: RouteInfo, globalPrefix: string): string[] {
  const controller = list(Reflect.getMetadata(PATH_METADATA, route.controller));
  const method = list(Reflect.getMetadata(PATH_METADATA, route.handler));
  return controller.flatMap((c) => method.map((m) => join(globalPrefix, c, m)));
}

/** Whether a full path is internal: `/internal/…` or `<prefix>/internal/…` (also `/internal` itself). */
export function isInternalPath(path: string, globalPrefix: string): boolean {
  const prefix = join(globalPrefix) === '/' ? '' : join(globalPrefix);
  return ['', prefix].some((p) => path === `${p}/internal` || path.startsWith(`${p}/internal/`));
}
