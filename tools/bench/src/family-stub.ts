import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Profile's and identity's internal routes for `bench:home`, served from memory: every
 * `bench-kid-*` is a 6-11 child of `bench-parent` with balanced controls (one demo show blocked).
 */
const controls = {
  autoplay: false,
  chat_enabled: false,
  external_links: false,
  session_limit_minutes: 60,
  bedtime_window: '20:00-07:00',
  safety_mode: 'balanced',
  timezone: 'Europe/Berlin',
  approved_only: false,
  approved_show_ids: [],
  blocked_show_ids: ['show-robot-workshop'],
  search_enabled: true,
  history_paused: false,
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://stub');
  const send = (status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
  };
  const [, internal, area, id] = url.pathname.split('/');
  if (internal !== 'internal') return send(404, { error: { code: 'not_found' } });
  if (area === 'profiles') return send(200, { child_profile_id: id, parent_user_id: 'bench-parent', age_band: '6-11' });
  if (area === 'controls') return send(200, { child_profile_id: id, parent_user_id: 'bench-parent', controls });
  return send(404, { error: { code: 'not_found' } });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () =>
  process.stdout.write(`[family-stub] listening on http://localhost:${(server.address() as AddressInfo).port}\n`),
);
