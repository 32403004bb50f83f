import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyIdentity } from '@mikasmissions/service-identity';
import { TEST_EDGE_IDENTITY_KEY } from '@mikasmissions/testing';

/** A stand-in for the profile service's `GET /internal/profiles/{id}`, for billing's tests. */
export interface FakeProfile {
  /** `http://127.0.0.1:<port>`, for `PROFILE_URL`. */
  url: string;
  /** Records that `childProfileId` belongs to `parentUserId`. */
  grant(parentUserId: string, childProfileId: string): void;
  /** `'ok'`, or `'error'` to answer every lookup with 500. */
  mode: 'ok' | 'error';
  /** Lookups that carried no valid `service` identity (must stay 0). */
  unsigned: number;
  close(): Promise<void>;
}

/**
 * Starts the fake on an ephemeral loopback port. It answers like profile does: 200
 * `{child_profile_id, parent_user_id, age_band}`, 404 `child_profile_not_found`, and 401 to a
 * call without the signed `service` identity (counted in `unsigned`).
 */
export async function startFakeProfile(): Promise<FakeProfile> {
  const parents = new Map<string, string>();
  const fake: Partial<FakeProfile> & { mode: FakeProfile['mode']; unsigned: number } = { mode: 'ok', unsigned: 0 };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const check = verifyIdentity(req.headers, { method: req.method ?? 'GET', path }, TEST_EDGE_IDENTITY_KEY, 30_000);
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (!check.ok || check.identity.role !== 'service') {
      fake.unsigned += 1;
      return send(401, { error: { code: 'missing_identity', message: 'service identity required', requestId: 'fake' } });
    }
    if (fake.mode === 'error') return send(500, { error: { code: 'internal', message: 'boom', requestId: 'fake' } });
    const match = /^\/internal\/profiles\/([^/]+)$/.exec(path);
    const id = match ? decodeURIComponent(match[1]) : undefined;
    const parent = id ? parents.get(id) : undefined;
    if (!id || !parent) return send(404, { error: { code: 'child_profile_not_found', message: 'no such child', requestId: 'fake' } });
    return send(200, { child_profile_id: id, parent_user_id: parent, age_band: '6-11' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    grant: (parentUserId: string, childProfileId: string) => void parents.set(childProfileId, parentUserId),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as FakeProfile;
}
