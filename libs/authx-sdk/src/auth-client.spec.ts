import { createAuthClient } from './auth-client';
import type { AuthTokens } from './types';

/** A fake AuthX: `/me` accepts only the current access token; `/auth/refresh` rotates. */
function fakeServer() {
  let generation = 0;
  const state = { refreshCalls: 0, current: 'access-0' };
  const fetchImpl: typeof fetch = async (input, init) => {
    const path = new URL(String(input)).pathname;
    if (path.endsWith('/auth/refresh')) {
      state.refreshCalls++;
      const body = JSON.parse(String(init?.body)) as { refreshToken: string };
      await new Promise((r) => setTimeout(r, 30));
      if (body.refreshToken !== `refresh-${generation}`)
        return new Response(JSON.stringify({ error: { code: 'REFRESH_TOKEN_REUSED', message: 'no' } }), { status: 401 });
      generation++;
      state.current = `access-${generation}`;
      return Response.json({ accessToken: state.current, refreshToken: `refresh-${generation}`, sessionId: 's' });
    }
    const auth = new Headers(init?.headers).get('authorization');
    return auth === `Bearer ${state.current}` ? Response.json({ ok: true }) : new Response('{}', { status: 401 });
  };
  return { state, fetchImpl };
}

describe('createAuthClient across tabs (Web Locks + BroadcastChannel)', () => {
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  beforeAll(() => {
    let chain: Promise<unknown> = Promise.resolve();
    const locks = {
      request<T>(_name: string, _opts: unknown, cb: () => Promise<T>): Promise<T> {
        const run = chain.then(cb);
        chain = run.catch(() => undefined);
        return run;
      },
    };
    Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
  });
  afterAll(() => {
    if (saved) Object.defineProperty(globalThis, 'navigator', saved);
    else delete (globalThis as { navigator?: unknown }).navigator;
  });

  it('two tabs sharing storage refresh once when both hit a 401', async () => {
    const server = fakeServer();
    const storage: { tokens: AuthTokens | null } = { tokens: { accessToken: 'stale', refreshToken: 'refresh-0' } };
    const tab = () =>
      createAuthClient({
        baseUrl: 'http://authx.test/v1',
        getTokens: () => storage.tokens,
        setTokens: (t) => {
          storage.tokens = t;
        },
        fetch: server.fetchImpl,
        crossTab: true,
      });
    const [a, b] = [tab(), tab()];
    try {
      const results = await Promise.all([a.fetchWithAuth('/me'), b.fetchWithAuth('/me'), a.fetchWithAuth('/me'), b.fetchWithAuth('/me')]);
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(server.state.refreshCalls).toBe(1);
      expect(storage.tokens?.refreshToken).toBe('refresh-1');
    } finally {
      a.close();
      b.close();
    }
  });

  it('holds requests while a refresh is under way, then sends them with the new token', async () => {
    const server = fakeServer();
    let tokens: AuthTokens | null = { accessToken: 'stale', refreshToken: 'refresh-0' };
    const seen: Array<string | null> = [];
    const spy: typeof fetch = (input, init) => {
      if (!String(input).endsWith('/auth/refresh')) seen.push(new Headers(init?.headers).get('authorization'));
      return server.fetchImpl(input, init);
    };
    const client = createAuthClient({
      baseUrl: 'http://authx.test/v1',
      getTokens: () => tokens,
      setTokens: (t) => void (tokens = t),
      fetch: spy,
    });
    const refreshing = client.refresh();
    const res = await client.fetchWithAuth('/me');
    await refreshing;
    expect(res.status).toBe(200);
    expect(seen).toEqual(['Bearer access-1']);
    expect(server.state.refreshCalls).toBe(1);
  });

  it('signs out everywhere it is asked when the refresh is refused', async () => {
    const server = fakeServer();
    let tokens: AuthTokens | null = { accessToken: 'stale', refreshToken: 'stolen' };
    const events: string[] = [];
    const client = createAuthClient({
      baseUrl: 'http://authx.test/v1',
      getTokens: () => tokens,
      setTokens: (t) => void (tokens = t),
      fetch: server.fetchImpl,
    });
    client.onAuthStateChange((e) => events.push(e));
    const res = await client.fetchWithAuth('/me');
    expect(res.status).toBe(401);
    expect(tokens).toBeNull();
    expect(events).toEqual(['SIGNED_OUT']);
    expect(server.state.refreshCalls).toBe(1);
  });
});
