import { adminFallback } from '@/components/admin/admin-fixtures';
import { familyFixtures } from './fixtures/family-fixtures';
import { kidsFixtures } from './fixtures/kids-fixtures';

type Answer = { status: number; body?: unknown };
type Route = { method: string; pattern: RegExp; answer: (match: string[], body: Record<string, unknown>, origin: string) => Answer };

const ID = '([^/?]+)';
const route = (method: string, path: string, answer: Route['answer']): Route => ({
  method,
  pattern: new RegExp(`^${path.replace(/:id/g, ID)}$`),
  answer,
});
const ok = (body: unknown, status = 200): Answer => ({ status, body });

/** Every operation the parent and kids pages call, answered from the typed fixtures. */
const ROUTES: Route[] = [
  route('POST', '/v1/parents/signup', () => ok(familyFixtures.signup, 201)),
  route('POST', '/v1/parents/login', () => ok(familyFixtures.login)),
  route('POST', '/v1/parents/consent/request', () => ok(familyFixtures.consentRequest, 202)),
  route('POST', '/v1/parents/consent/verify', () => ok(familyFixtures.consentVerify)),
  route('GET', '/v1/parents/dashboard', () => ok(familyFixtures.dashboard)),
  route('GET', '/v1/parents/controls/:id', ([id]) => ok(familyFixtures.controls(id))),
  route('PUT', '/v1/parents/controls/:id', ([id], body) => ok({ child_profile_id: id, controls: body })),
  route('POST', '/v1/parents/gates/challenge', (_m, body) =>
    ok(familyFixtures.gateChallenge(body.method === 'math' ? 'math' : 'pin'), 201),
  ),
  route('POST', '/v1/parents/gates/verify', () => ok(familyFixtures.gateVerify)),
  route('PUT', '/v1/parents/pin', () => ok(familyFixtures.pin)),
  route('GET', '/v1/children/profiles', () => ok(familyFixtures.profiles)),
  route('POST', '/v1/children/profiles', () => ok(familyFixtures.createProfile, 201)),
  route('POST', '/v1/children/profiles/:id/session', ([id]) => ok(familyFixtures.kidsSession(id), 201)),
  route('DELETE', '/v1/children/profiles/:id/session', ([id]) => ok(familyFixtures.revokeKids(id))),
  route('GET', '/v1/billing/entitlements', () => ok(familyFixtures.entitlement)),
  route('GET', '/v1/billing/subscriptions', () => ok(familyFixtures.subscriptions)),
  route('POST', '/v1/billing/subscriptions', (_m, body) => ok({ ...familyFixtures.subscriptions.subscriptions[0], plan: body.plan }, 201)),
  route('DELETE', '/v1/billing/subscriptions/:id', () =>
    ok({ ...familyFixtures.subscriptions.subscriptions[0], cancel_at_period_end: true, canceled_at: '2026-01-05T10:00:00.000Z' }),
  ),
  route('GET', '/v1/kids/home', (_m, _b, origin) => ok(kidsFixtures.home(kidsFixtures.childId, origin))),
  route('GET', '/v1/kids/progress/:id', ([id]) => ok(kidsFixtures.progress(id))),
  route('GET', '/v1/catalog/episodes/:id', ([id], _b, origin) => ok(kidsFixtures.episode(id, origin))),
  route('POST', '/v1/playback/sessions', (_m, _b, origin) => ok(kidsFixtures.playbackSession(origin), 201)),
  route('POST', '/v1/playback/sessions/:id/heartbeat', () => ok(kidsFixtures.heartbeat)),
  route('POST', '/v1/progress/watch-events', () => ok(kidsFixtures.watchEvent, 202)),
  route('POST', '/v1/auth/refresh', () => ok({ accessToken: 'fixture-access', refreshToken: 'fixture-refresh', expiresIn: 900 })),
  route('POST', '/v1/auth/logout', () => ({ status: 204 })),
];

/**
 * A `fetch` that never leaves the browser: answers from the typed fixtures
 * (`NEXT_PUBLIC_USE_API_FALLBACKS=true`, dev server only), `404 not_found`-shaped error
 * bodies for anything else, so a missing fixture shows the error state rather than passing.
 */
export const fallbackFetch: typeof fetch = async (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  const url = new URL(request.url);
  const text = request.method === 'GET' ? '' : await request.clone().text();
  const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  const origin = typeof window === 'undefined' ? 'http://localhost:3000' : window.location.origin;
  for (const r of ROUTES) {
    const match = r.method === request.method ? r.pattern.exec(url.pathname) : null;
    if (!match) continue;
    const answer = r.answer(match.slice(1), body, origin);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  }
  const admin = adminFallback(request.method, url.pathname, body);
  if (admin)
    return new Response(admin.body === undefined ? null : JSON.stringify(admin.body), {
      status: admin.status,
      headers: { 'content-type': 'application/json' },
    });
  const error = { error: { code: 'invalid_response', message: `no fixture for ${request.method} ${url.pathname}`, requestId: 'fixture' } };
  return new Response(JSON.stringify(error), { status: 404, headers: { 'content-type': 'application/json' } });
};
