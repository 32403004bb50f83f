import { createServer, type IncomingMessage, type Server } from 'node:http';

/** Controls as identity's `GET /internal/controls/{id}` answers them. */
export interface StubControls {
  autoplay: boolean;
  chat_enabled: boolean;
  external_links: boolean;
  session_limit_minutes: number;
  bedtime_window: string;
  safety_mode: 'strict' | 'balanced';
  timezone: string;
  /** Left out by identity when the parent set no ceiling. */
  max_age_band?: string;
  approved_only: boolean;
  approved_show_ids: string[];
  blocked_show_ids: string[];
  search_enabled: boolean;
  history_paused: boolean;
}

/** Permissive controls: 120 min, no bedtime, balanced, autoplay and links allowed, up to 12-16. */
export const OPEN_CONTROLS: StubControls = {
  autoplay: true,
  chat_enabled: false,
  external_links: true,
  session_limit_minutes: 120,
  bedtime_window: '00:00-00:00',
  safety_mode: 'balanced',
  timezone: 'UTC',
  max_age_band: '12-16',
  approved_only: false,
  approved_show_ids: [],
  blocked_show_ids: [],
  search_enabled: true,
  history_paused: false,
};

/** What the stub knows; tests change it between requests. */
export interface FamilyState {
  profiles: Map<string, { parent_user_id: string; age_band: string }>;
  controls: Map<string, StubControls>;
  episodes: Map<string, Record<string, unknown>>;
  /** child → entitlement body; absent → 404 entitlement_not_found. */
  entitlements: Map<string, { parent_user_id: string; plan: string; active: boolean }>;
  /** `child|date` → minutes. */
  usage: Map<string, number>;
  /** gate token → child, removed when consumed. */
  gates: Map<string, string>;
  /** Delays (ms) for the next billing requests, one taken per request. */
  billingDelays: number[];
  /** Every request the stub saw: `METHOD path` plus the caller's signed role. */
  calls: Array<{ line: string; role?: string }>;
}

/** A stand-in for identity, profile, catalog, billing and progress on one loopback port, speaking their agreed internal routes. */
export interface FamilyStub {
  readonly url: string;
  readonly port: number;
  readonly state: FamilyState;
  close(): Promise<void>;
}

const json = (status: number, body: unknown) => ({ status, body });
const notFound = (code: string) => json(404, { error: { code, message: code, requestId: 'stub' } });

function route(state: FamilyState, method: string, url: URL, body: Record<string, unknown>): { status: number; body: unknown } {
  const path = url.pathname;
  let m: RegExpExecArray | null;
  if (method === 'GET' && (m = /^\/internal\/profiles\/([^/]+)$/.exec(path))) {
    const id = decodeURIComponent(m[1]);
    const p = state.profiles.get(id);
    return p ? json(200, { child_profile_id: id, ...p }) : notFound('child_profile_not_found');
  }
  if (method === 'GET' && (m = /^\/internal\/controls\/([^/]+)$/.exec(path))) {
    const id = decodeURIComponent(m[1]);
    const c = state.controls.get(id);
    const p = state.profiles.get(id);
    return c && p
      ? json(200, { child_profile_id: id, parent_user_id: p.parent_user_id, controls: c })
      : notFound('child_profile_not_found');
  }
  if (method === 'POST' && path === '/internal/gates/consume') {
    const token = String(body.gate_token ?? '');
    const ok = state.gates.get(token) === body.child_profile_id;
    if (ok) state.gates.delete(token);
    return json(200, { consumed: ok });
  }
  if (method === 'GET' && (m = /^\/internal\/catalog\/episodes\/([^/]+)$/.exec(path))) {
    const e = state.episodes.get(decodeURIComponent(m[1]));
    return e ? json(200, e) : notFound('episode_not_found');
  }
  if (method === 'GET' && path === '/v1/billing/entitlements') {
    const e = state.entitlements.get(url.searchParams.get('child_profile_id') ?? '');
    return e ? json(200, e) : notFound('entitlement_not_found');
  }
  if (method === 'GET' && (m = /^\/internal\/progress\/([^/]+)\/usage$/.exec(path))) {
    const id = decodeURIComponent(m[1]);
    const date = url.searchParams.get('date') ?? '';
    return json(200, { child_profile_id: id, date, minutes_used: state.usage.get(`${id}|${date}`) ?? 0, timezone: 'UTC' });
  }
  return notFound('route_not_found');
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Starts a {@link FamilyStub} on an ephemeral loopback port. */
export async function startFamilyStub(): Promise<FamilyStub> {
  const state: FamilyState = {
    profiles: new Map(),
    controls: new Map(),
    episodes: new Map(),
    entitlements: new Map(),
    usage: new Map(),
    gates: new Map(),
    billingDelays: [],
    calls: [],
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      state.calls.push({ line: `${req.method} ${url.pathname}`, role: req.headers['x-auth-role'] as string | undefined });
      const delay = url.pathname === '/v1/billing/entitlements' ? (state.billingDelays.shift() ?? 0) : 0;
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      const answer = route(state, req.method ?? 'GET', url, await readBody(req));
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    })().catch(() => res.destroy()); // a caller that gave up (timeout, lost hedge) closed the socket
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A catalog episode as `GET /internal/catalog/episodes/{id}` answers it (contract shape + publish state + storage key). */
export function stubEpisode(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    episode_id: id,
    show_id: 'show-mikas-1',
    title: `Episode ${id}`,
    summary: 'A tiny test clip.',
    age_band: '6-11',
    duration_ms: 600_000,
    learning_tags: ['science'],
    playback_ready: true,
    thumbnail_url: 'https://cdn.example.test/thumb.jpg',
    published_at_iso: '2026-11-30T10:00:00.000Z',
    publish_state: 'published',
    renditions: [{ profile: '360p', url: `/media/episodes/${id}/index.m3u8`, storage_key: `episodes/${id}/index.m3u8` }],
    ...over,
  };
}
