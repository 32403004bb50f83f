import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyIdentity } from '@mikasmissions/service-identity';
import { TEST_EDGE_IDENTITY_KEY } from '@mikasmissions/testing';

/** A child the fake profile service knows. */
export interface FakeProfile {
  child_profile_id: string;
  parent_user_id: string;
  display_name: string;
  age_band: string;
}

/**
 * A stand-in for the profile service's two internal reads, on loopback, for identity's tests:
 * it checks the signed `service` identity like a real service (401/403 otherwise) and answers
 * `GET /internal/profiles?parent_user_id=` and `GET /internal/profiles/{id}`. `failing` makes
 * every answer a 500.
 */
export class FakeProfileServer {
  readonly profiles: FakeProfile[] = [];
  failing = false;
  /** How many signed calls it answered. */
  calls = 0;
  private server?: Server;

  /** Starts listening; resolves to its base URL. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const reply = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const check = verifyIdentity(req.headers, { method: req.method ?? 'GET', path: url.pathname }, TEST_EDGE_IDENTITY_KEY, 30_000);
      if (!check.ok) return reply(401, { error: { code: 'missing_identity', message: check.problem, requestId: 'fake' } });
      if (check.identity.role !== 'service')
        return reply(403, { error: { code: 'insufficient_role', message: 'service only', requestId: 'fake' } });
      this.calls += 1;
      if (this.failing) return reply(500, { error: { code: 'internal', message: 'boom', requestId: 'fake' } });
      if (url.pathname === '/internal/profiles') {
        const parent = url.searchParams.get('parent_user_id');
        return reply(200, {
          profiles: this.profiles
            .filter((p) => p.parent_user_id === parent)
            .map(({ child_profile_id, display_name, age_band }) => ({
              child_profile_id,
              display_name,
              age_band,
              created_at: '2026-11-01T00:00:00.000Z',
            })),
        });
      }
      const id = decodeURIComponent(url.pathname.replace(/^\/internal\/profiles\//, ''));
      const found = this.profiles.find((p) => p.child_profile_id === id);
      if (!found) return reply(404, { error: { code: 'child_profile_not_found', message: 'no such child', requestId: 'fake' } });
      return reply(200, { child_profile_id: found.child_profile_id, parent_user_id: found.parent_user_id, age_band: found.age_band });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
