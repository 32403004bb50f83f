/** The roles that may call a route. */
export type RouteRoles = readonly string[];

/**
 * One row of the edge's route policy. `path` segments are literals, `{param}` (exactly one
 * segment) or a final `*` (one or more segments). `roles: 'public'` needs no token.
 */
export interface PolicyRule {
  method: string | '*';
  path: string;
  roles: RouteRoles | 'public';
}

const PARENT: RouteRoles = ['parent', 'service'];
const FAMILY: RouteRoles = ['parent', 'child', 'service'];
const CREATOR: RouteRoles = ['service', 'creator'];
const ADMIN: RouteRoles = ['admin', 'service'];

const rule = (method: string, path: string, roles: RouteRoles | 'public'): PolicyRule => Object.freeze({ method, path, roles });

/**
 * Issue 10's role table for every v1 operation, then the health paths, then one fallback per
 * area (method `*`, `/v1/<area>/*`) so an operation a domain issue adds inherits its area's
 * roles and is never public by accident. First match wins; a path outside every area has no
 * rule. Creator routes allow `service` and the `creator` role (the admin grants it).
 */
export const V1_POLICY: readonly PolicyRule[] = Object.freeze([
  rule('POST', '/v1/parents/signup', 'public'),
  rule('POST', '/v1/parents/login', 'public'),
  rule('POST', '/v1/parents/login/otp/request', 'public'),
  rule('POST', '/v1/parents/login/otp/verify', 'public'),
  rule('POST', '/v1/parents/consent/request', PARENT),
  rule('POST', '/v1/parents/consent/verify', 'public'),
  rule('GET', '/v1/parents/dashboard', PARENT),
  rule('GET', '/v1/parents/controls/{child_profile_id}', PARENT),
  rule('PUT', '/v1/parents/controls/{child_profile_id}', PARENT),
  rule('POST', '/v1/parents/gates/challenge', PARENT),
  rule('POST', '/v1/parents/gates/verify', PARENT),
  rule('PUT', '/v1/parents/pin', ['parent']),
  rule('GET', '/v1/parents/notifications/preferences', ['parent']),
  rule('PUT', '/v1/parents/notifications/preferences', ['parent']),
  rule('POST', '/v1/children/profiles/{child_profile_id}/session', ['parent']),
  rule('DELETE', '/v1/children/profiles/{child_profile_id}/session', PARENT),
  rule('GET', '/v1/children/profiles', PARENT),
  rule('POST', '/v1/children/profiles', PARENT),
  rule('GET', '/v1/home/rails', FAMILY),
  rule('GET', '/v1/kids/home', FAMILY),
  rule('GET', '/v1/kids/progress/{child_profile_id}', FAMILY),
  rule('GET', '/v1/catalog/episodes/{id}', FAMILY),
  rule('POST', '/v1/playback/sessions', FAMILY),
  rule('POST', '/v1/playback/sessions/{id}/heartbeat', FAMILY),
  // Public at the edge: players fetch HLS segments without a bearer token. Playback checks the
  // HMAC signature (`exp`, `sig`, bound to the session and file) and answers 403 without it.
  rule('GET', '/v1/playback/streams/{session_id}/{file}', 'public'),
  // Public at the edge: an <img> sends no bearer token. Playback serves only images of episodes
  // catalog has published, and refuses playlists and segments (they need a signed stream URL).
  rule('GET', '/v1/playback/media/episodes/{episode_id}/{file}', 'public'),
  rule('GET', '/v1/playback/streams/{session_id}/{rendition}/{file}', 'public'),
  rule('POST', '/v1/progress/watch-events', FAMILY),
  rule('GET', '/v1/billing/entitlements', PARENT),
  rule('POST', '/v1/creator/assets', CREATOR),
  rule('POST', '/v1/creator/assets/upload', CREATOR),
  rule('GET', '/v1/creator/assets/{asset_id}', CREATOR),
  rule('POST', '/v1/admin/login', 'public'),
  rule('GET', '/v1/admin/workflows', ADMIN),
  rule('POST', '/v1/admin/workflows', ADMIN),
  rule('PUT', '/v1/admin/workflows/{workflow_id}', ADMIN),
  rule('DELETE', '/v1/admin/workflows/{workflow_id}', ADMIN),
  rule('POST', '/v1/admin/workflows/{workflow_id}/runs', ADMIN),
  rule('GET', '/v1/admin/runs/{run_id}', ADMIN),
  rule('GET', '/v1/admin/runs/{run_id}/logs', ADMIN),
  rule('POST', '/v1/admin/runs/{run_id}/retry', ADMIN),
  rule('POST', '/v1/admin/runs/{run_id}/cancel', ADMIN),
  rule('GET', '/v1/admin/model-profiles/{id}', ADMIN),
  rule('PUT', '/v1/admin/model-profiles/{id}', ADMIN),
  rule('GET', '/v1/admin/audit', ADMIN),
  rule('GET', '/v1/admin/moderation/queue', ADMIN),
  rule('POST', '/v1/admin/moderation/queue/{asset_id}/approve', ADMIN),
  rule('POST', '/v1/admin/moderation/queue/{asset_id}/reject', ADMIN),
  rule('GET', '/v1/admin/moderation/audit', ADMIN),
  rule('GET', '/v1/admin/moderation/creators/{creator_id}', ADMIN),
  rule('PUT', '/v1/admin/moderation/creators/{creator_id}', ADMIN),
  rule('GET', '/health', 'public'),
  rule('GET', '/ready', 'public'),
  rule('GET', '/healthz', 'public'),
  rule('*', '/v1/parents/*', PARENT),
  rule('*', '/v1/children/*', PARENT),
  rule('*', '/v1/billing/*', PARENT),
  rule('*', '/v1/home/*', FAMILY),
  rule('*', '/v1/kids/*', FAMILY),
  rule('*', '/v1/catalog/*', FAMILY),
  rule('*', '/v1/playback/*', FAMILY),
  rule('*', '/v1/progress/*', FAMILY),
  rule('*', '/v1/creator/*', CREATOR),
  rule('*', '/v1/admin/*', ADMIN),
]);

type Matcher = (segments: readonly string[]) => boolean;
/** A rule ready to match: its method upper-cased (`*` for any) and its path compiled. */
type CompiledRule = { rule: PolicyRule; method: string; matches: Matcher };
const compiled = new WeakMap<readonly PolicyRule[], CompiledRule[]>();

function compile(path: string): Matcher {
  const pattern = path.split('/').filter((s) => s !== '');
  const wildcard = pattern[pattern.length - 1] === '*';
  const fixed = wildcard ? pattern.slice(0, -1) : pattern;
  const isParam = fixed.map((s) => /^\{[^/{}]+\}$/.test(s) || s.startsWith(':'));
  return (segments) => {
    if (wildcard ? segments.length <= fixed.length : segments.length !== fixed.length) return false;
    for (let i = 0; i < fixed.length; i++) if (!isParam[i] && fixed[i] !== segments[i]) return false;
    return true;
  };
}

/** `rules` compiled, once per frozen list (the policies are frozen module constants), so a request pays no per-rule set-up. */
function compiledRules(rules: readonly PolicyRule[]): CompiledRule[] {
  let list = compiled.get(rules);
  if (list) return list;
  list = rules.map((rule) => ({ rule, method: rule.method.toUpperCase(), matches: compile(rule.path) }));
  if (Object.isFrozen(rules) && rules.every(Object.isFrozen)) compiled.set(rules, list);
  return list;
}

/** The path's decoded segments, or `undefined` for a path that is not canonical (`//`, `.`, `..`, bad or encoded `/`). */
function canonicalSegments(path: string): string[] | undefined {
  const end = path.search(/[?#]/);
  const bare = end === -1 ? path : path.slice(0, end);
  if (!bare.startsWith('/')) return undefined;
  const segments = bare.slice(1).split('/');
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  const decoded: string[] = [];
  for (const segment of segments) {
    let value = segment;
    if (segment.includes('%')) {
      try {
        value = decodeURIComponent(segment);
      } catch {
        return undefined;
      }
    }
    if (value === '' && segments.length > 1) return undefined;
    if (value === '.' || value === '..' || value.includes('/') || value.includes('\\')) return undefined;
    if (value !== '') decoded.push(value);
  }
  return decoded;
}

/**
 * The first rule of `rules` (default {@link V1_POLICY}) for `method` and `path` (query string
 * ignored, one trailing `/` tolerated, `HEAD` read as `GET`). `undefined` when no rule matches or
 * the path is not canonical (`//`, `.` or `..` segments, an encoded `/`): the gateway refuses it.
 *
 * @example
 * policyFor('GET', '/v1/kids/progress/c1?x=1')?.roles // ['parent', 'child', 'service']
 * policyFor('POST', '/v1/admin/login')?.roles         // 'public'
 */
export function policyFor(method: string, path: string, rules: readonly PolicyRule[] = V1_POLICY): PolicyRule | undefined {
  const segments = canonicalSegments(path);
  if (!segments) return undefined;
  const upper = method.toUpperCase();
  const wanted = upper === 'HEAD' ? 'GET' : upper;
  for (const c of compiledRules(rules)) if ((c.method === '*' || c.method === wanted) && c.matches(segments)) return c.rule;
  return undefined;
}
