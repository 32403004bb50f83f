import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for identity's `GET /internal/parents/{id}`, for the profile e2e tests. */
export interface FakeIdentity {
  url: string;
  /** Sets what identity answers for a parent (`null`: 404). */
  setParent(parentUserId: string, status: 'active' | 'pending_consent' | null): void;
  /** The headers of every request it received. */
  readonly requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeIdentity(): Promise<FakeIdentity> {
  const parents = new Map<string, 'active' | 'pending_consent'>();
  const requests: FakeIdentity['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    requests.push({ path, headers: req.headers });
    const match = /^\/internal\/parents\/([^/]+)$/.exec(path);
    const id = match ? decodeURIComponent(match[1]) : undefined;
    const status = id === undefined ? undefined : parents.get(id);
    res.setHeader('content-type', 'application/json');
    if (req.method !== 'GET' || !id || !status) {
      res.statusCode = 404;
      res.end(
        JSON.stringify({
          error: { code: 'parent_not_found', message: 'no such parent', requestId: String(req.headers['x-request-id'] ?? '') },
        }),
      );
      return;
    }
    res.end(JSON.stringify({ parent_user_id: id, status, consent_verified_at: status === 'active' ? new Date().toISOString() : null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setParent: (parentUserId, status) => (status === null ? parents.delete(parentUserId) : parents.set(parentUserId, status)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
