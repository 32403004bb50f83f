import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyIdentity } from '@mikasmissions/service-identity';
import { TEST_EDGE_IDENTITY_KEY } from '@mikasmissions/testing';

/** One parent as the fake knows it. */
export interface FakeParent {
  email: string;
  marketing: boolean;
  phone?: string;
  /** The age bands of the parent's children (profile's side). */
  bands: string[];
  /** The signup language (BCP 47); default `en`. */
  language?: string;
}

/**
 * A stand-in for identity's `GET /internal/parents/{id}/contact` and profile's
 * `GET /internal/age-bands/{band}/parents` in one loopback server, answering like they do and
 * refusing calls without the signed `service` identity (counted in `unsigned`).
 */
export interface FakeFamily {
  /** `http://127.0.0.1:<port>`, for both `IDENTITY_URL` and `PROFILE_URL`. */
  url: string;
  add(parentUserId: string, parent: FakeParent): void;
  /** `'ok'`, or `'down'` to answer every identity call with 500. */
  identityMode: 'ok' | 'down';
  /** `'ok'`, or `'down'` to answer every profile call with 503. */
  profileMode: 'ok' | 'down';
  unsigned: number;
  /** Paths asked, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Starts the fake on an ephemeral loopback port. */
export async function startFakeFamily(): Promise<FakeFamily> {
  const parents = new Map<string, FakeParent>();
  const fake = { identityMode: 'ok', profileMode: 'ok', unsigned: 0, requests: [] as string[] } as FakeFamily;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    fake.requests.push(url.pathname);
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const check = verifyIdentity(req.headers, { method: req.method ?? 'GET', path: url.pathname }, TEST_EDGE_IDENTITY_KEY, 30_000);
    if (!check.ok || check.identity.role !== 'service') {
      fake.unsigned += 1;
      return send(401, { error: { code: 'missing_identity', message: 'service identity required', requestId: 'fake' } });
    }
    const contact = /^\/internal\/parents\/([^/]+)\/contact$/.exec(url.pathname);
    if (contact) {
      if (fake.identityMode === 'down') return send(500, { error: { code: 'internal', message: 'boom', requestId: 'fake' } });
      const id = decodeURIComponent(contact[1]);
      const parent = parents.get(id);
      if (!parent) return send(404, { error: { code: 'parent_not_found', message: 'no such parent', requestId: 'fake' } });
      return send(200, {
        parent_user_id: id,
        email: parent.email,
        marketing: parent.marketing,
        language: parent.language ?? 'en',
        ...(parent.phone ? { phone: parent.phone } : {}),
      });
    }
    const band = /^\/internal\/age-bands\/([^/]+)\/parents$/.exec(url.pathname);
    if (band) {
      if (fake.profileMode === 'down') return send(503, { error: { code: 'store_unavailable', message: 'down', requestId: 'fake' } });
      const after = url.searchParams.get('after');
      const limit = Number(url.searchParams.get('limit') ?? 500);
      const ids = [...parents.entries()]
        .filter(([id, p]) => p.bands.includes(decodeURIComponent(band[1])) && (after === null || id > after))
        .map(([id]) => id)
        .sort()
        .slice(0, limit);
      return send(200, { parent_user_ids: ids, next_after: ids.length === limit ? ids[ids.length - 1] : null });
    }
    return send(404, { error: { code: 'route_not_found', message: 'no such route', requestId: 'fake' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    add: (id: string, parent: FakeParent) => void parents.set(id, parent),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
