import { createAuthClient } from './auth-client';
import { memoryTokenStore, webStorageTokenStore, type WebStorageLike } from './token-store';
import type { AuthTokens } from './types';

/** A fake AuthX: `/auth/login` signs in, `/me` takes only the latest access token, `/auth/refresh` rotates. */
function fakeAuthx() {
  let n = 0;
  const pair = () => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, sessionId: 's1' });
  const fetchImpl: typeof fetch = async (input, init) => {
    const path = new URL(String(input)).pathname;
    if (path.endsWith('/auth/login')) return Response.json(pair());
    if (path.endsWith('/auth/refresh')) {
      const { refreshToken } = JSON.parse(String(init?.body)) as { refreshToken: string };
      if (refreshToken !== `refresh-${n}`)
        return new Response('{"error":{"code":"refresh_token_invalid","message":"no"}}', { status: 401 });
      n++;
      return Response.json(pair());
    }
    const ok = new Headers(init?.headers).get('authorization') === `Bearer access-${n}`;
    return ok ? Response.json({ ok }) : new Response('{}', { status: 401 });
  };
  return fetchImpl;
}

/** A Web Storage over a Map, as a browser's sessionStorage behaves for one tab. */
function mapStorage(): WebStorageLike & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, String(value)),
    removeItem: (key) => void entries.delete(key),
  };
}

describe('token stores', () => {
  it('keeps tokens in memory by default, with no storage global needed (Node)', async () => {
    expect((globalThis as { localStorage?: unknown }).localStorage).toBeUndefined();
    const auth = createAuthClient({ baseUrl: 'http://authx.test/v1', fetch: fakeAuthx() });
    expect(await auth.getTokens()).toBeNull();
    await auth.login({ userId: 'u1' });
    expect(await auth.getTokens()).toMatchObject({ accessToken: 'access-0', refreshToken: 'refresh-0' });
    expect((await auth.fetchWithAuth('/me')).status).toBe(200);
    await auth.refresh();
    expect((await auth.getTokens())?.refreshToken).toBe('refresh-1');
    await auth.logout();
    expect(await auth.getTokens()).toBeNull();
  });

  it('two default clients do not share tokens', async () => {
    const fetchImpl = fakeAuthx();
    const a = createAuthClient({ baseUrl: 'http://authx.test/v1', fetch: fetchImpl });
    const b = createAuthClient({ baseUrl: 'http://authx.test/v1', fetch: fetchImpl });
    await a.login({ userId: 'u1' });
    expect(await b.getTokens()).toBeNull();
  });

  it('an explicit memory store can be seeded and is what the client refreshes from', async () => {
    const store = memoryTokenStore({ accessToken: 'expired', refreshToken: 'refresh-0' });
    const auth = createAuthClient({ baseUrl: 'http://authx.test/v1', fetch: fakeAuthx(), tokenStore: store });
    const res = await auth.fetchWithAuth('/me');
    expect(res.status).toBe(200);
    expect(await store.get()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  });

  it('webStorageTokenStore writes JSON under its key, survives a new client (a reload) and clears on sign-out', async () => {
    const storage = mapStorage();
    const fetchImpl = fakeAuthx();
    const first = createAuthClient({ baseUrl: 'http://authx.test/v1', fetch: fetchImpl, tokenStore: webStorageTokenStore(storage) });
    await first.login({ userId: 'u1' });
    expect(JSON.parse(storage.entries.get('authx:tokens')!)).toMatchObject({ accessToken: 'access-0' });
    const reloaded = createAuthClient({ baseUrl: 'http://authx.test/v1', fetch: fetchImpl, tokenStore: webStorageTokenStore(storage) });
    expect((await reloaded.fetchWithAuth('/me')).status).toBe(200);
    await reloaded.logout();
    expect(storage.entries.has('authx:tokens')).toBe(false);
  });

  it('webStorageTokenStore reads a corrupt or foreign entry as signed out', () => {
    const storage = mapStorage();
    const store = webStorageTokenStore(storage, 'k');
    storage.setItem('k', '{not json');
    expect(store.get()).toBeNull();
    storage.setItem('k', JSON.stringify({ accessToken: 1 }));
    expect(store.get()).toBeNull();
  });

  it('refuses a missing storage with a message that points at memoryTokenStore', () => {
    const sessionStorage = (globalThis as { sessionStorage?: WebStorageLike }).sessionStorage;
    expect(() => webStorageTokenStore(sessionStorage as WebStorageLike)).toThrow(/memoryTokenStore/);
  });

  it('still takes a getTokens/setTokens pair, and refuses half a pair or both kinds', async () => {
    let tokens: AuthTokens | null = null;
    const auth = createAuthClient({
      baseUrl: 'http://authx.test/v1',
      fetch: fakeAuthx(),
      getTokens: () => tokens,
      setTokens: (t) => void (tokens = t),
    });
    await auth.login({ userId: 'u1' });
    expect(tokens).toMatchObject({ accessToken: 'access-0' });
    expect(() => createAuthClient({ baseUrl: 'http://x', getTokens: () => null })).toThrow(/together/);
    expect(() =>
      createAuthClient({ baseUrl: 'http://x', tokenStore: memoryTokenStore(), getTokens: () => null, setTokens: () => undefined }),
    ).toThrow(/not both/);
  });
});

describe('crossTab default follows the store (in a browser)', () => {
  beforeAll(() => Object.defineProperty(globalThis, 'window', { value: globalThis, configurable: true }));
  afterAll(() => delete (globalThis as { window?: unknown }).window);

  /** Two "tabs" on one origin; what the second tab hears when the first one refreshes. */
  async function secondTabHears(store: () => Parameters<typeof createAuthClient>[0]['tokenStore']): Promise<string[]> {
    const fetchImpl = fakeAuthx();
    const baseUrl = `http://authx.test/${Math.random()}`;
    const [a, b] = [
      createAuthClient({ baseUrl, fetch: fetchImpl, tokenStore: store() }),
      createAuthClient({ baseUrl, fetch: fetchImpl, tokenStore: store() }),
    ];
    const heard: string[] = [];
    b.onAuthStateChange((event) => heard.push(event));
    try {
      await a.login({ userId: 'u1' });
      await a.refresh();
      // BroadcastChannel delivers asynchronously: wait for the event, or 1 s for its absence.
      for (let waited = 0; heard.length === 0 && waited < 1000; waited += 10) await new Promise((r) => setTimeout(r, 10));
      if (heard.length > 0) await new Promise((r) => setTimeout(r, 20));
      return heard;
    } finally {
      a.close();
      b.close();
    }
  }

  it('per-tab stores (memory) do not share refreshes: another tab hears nothing of them', async () => {
    expect(await secondTabHears(() => memoryTokenStore())).toEqual([]);
  });

  it('a store shared by tabs (localStorage-like) shares them: the other tab hears the refresh', async () => {
    const shared = mapStorage();
    expect(await secondTabHears(() => webStorageTokenStore(shared))).toEqual(['TOKEN_REFRESHED']);
  });
});
