import { SERVICE_URLS } from '@mikasmissions/service-client';

/** The services the gateway routes to, each named by the variable that holds its URL (libs/service-client's table). */
export const UPSTREAMS = SERVICE_URLS;

/** One of {@link UPSTREAMS}. */
export type UpstreamName = keyof typeof UPSTREAMS;

/**
 * Which upstream serves a `/v1/<area>/…` path: the first rule whose segments prefix the path,
 * a `*` segment matching any one segment. `admin/login` is identity's (admin users live there);
 * `admin/moderation/*` is moderation's (the review queue and its audit); the rest of `admin/*` is admin-studio's. `children/profiles/<id>/session` (kids sessions) is
 * identity's; the rest of `children/*` is profile's. `parents/notifications/*` is
 * notification's; the rest of `parents/*` is identity's.
 */
const ROUTES: ReadonlyArray<readonly [readonly string[], UpstreamName]> = [
  [['admin', 'login'], 'identity'],
  [['admin', 'auth'], 'identity'],
  [['admin', 'moderation'], 'moderation'],
  [['admin'], 'admin-studio'],
  [['parents', 'notifications'], 'notification'],
  [['parents'], 'identity'],
  [['auth'], 'identity'],
  [['.well-known'], 'identity'],
  [['me'], 'identity'],
  [['children', 'profiles', '*', 'session'], 'identity'],
  [['children'], 'profile'],
  [['catalog'], 'catalog'],
  [['home'], 'recommendation'],
  [['kids', 'progress'], 'progress'],
  [['kids', 'home'], 'recommendation'],
  [['progress'], 'progress'],
  [['playback'], 'playback'],
  [['creator'], 'creator-studio'],
  [['billing'], 'billing'],
];

/**
 * The upstream of a gateway path (query ignored), or `undefined` outside `/v1` and its areas.
 *
 * @example
 * upstreamOf('/v1/kids/progress/c1') // 'progress'
 * upstreamOf('/v1/kids/home?mode=core') // 'recommendation'
 * upstreamOf('/v1/children/profiles/c1/session') // 'identity'
 */
export function upstreamOf(path: string): UpstreamName | undefined {
  const segments = path
    .split(/[?#]/, 1)[0]
    .split('/')
    .filter((s) => s !== '');
  if (segments[0] !== 'v1') return undefined;
  const rest = segments.slice(1);
  return ROUTES.find(([prefix]) => prefix.every((s, i) => (s === '*' ? rest[i] !== undefined : rest[i] === s)))?.[1];
}
