import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The controls identity answers for a child (the fields the catalog reads). */
export interface FakeControls {
  max_age_band?: string;
  approved_only?: boolean;
  approved_show_ids?: string[];
  blocked_show_ids?: string[];
}

/**
 * Stand-ins for profile (`GET /internal/profiles/{id}`) and identity
 * (`GET /internal/controls/{id}`) on one ephemeral port, answering the agreed shapes from
 * what a test sets; `down` makes both answer 503. Records the role each call was signed as.
 */
export class FakeFamily {
  readonly profiles = new Map<string, { parent_user_id: string; age_band: string }>();
  readonly controls = new Map<string, FakeControls>();
  readonly roles: string[] = [];
  down = false;
  private server?: Server;

  /** Starts listening; returns the base URL for `PROFILE_URL` and `IDENTITY_URL`. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => this.answer(req, res.writeHead.bind(res), res.end.bind(res)));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** Closes the server and its sockets. */
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(
    req: IncomingMessage,
    head: (status: number, headers: Record<string, string>) => unknown,
    end: (body: string) => unknown,
  ): void {
    this.roles.push(String(req.headers['x-auth-role']));
    const json = (status: number, body: unknown) => {
      head(status, { 'content-type': 'application/json' });
      end(JSON.stringify(body));
    };
    if (this.down) return json(503, { error: { code: 'store_unavailable', message: 'down', requestId: 'fake' } });
    const [, internal, area, rawId] = (req.url ?? '').split('?')[0].split('/');
    const id = decodeURIComponent(rawId ?? '');
    if (internal === 'internal' && area === 'profiles' && this.profiles.has(id)) {
      return json(200, { child_profile_id: id, ...this.profiles.get(id) });
    }
    if (internal === 'internal' && area === 'controls' && this.controls.has(id)) {
      const c = this.controls.get(id)!;
      return json(200, {
        child_profile_id: id,
        parent_user_id: this.profiles.get(id)?.parent_user_id ?? 'p',
        controls: { autoplay: false, safety_mode: 'strict', ...c },
      });
    }
    json(404, {
      error: { code: area === 'profiles' ? 'child_profile_not_found' : 'controls_not_found', message: 'not found', requestId: 'fake' },
    });
  }
}
