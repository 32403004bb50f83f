import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Identity's, profile's, billing's and progress's routes that playback calls at a session start,
 * for `bench:playback`, served from memory: every `bench-kid-*` is a 6-11 child of
 * `bench-parent` with open controls (120 min, no bedtime), an active family plan and no usage.
 * Catalog is the real process.
 */
const controls = {
  autoplay: true,
  chat_enabled: false,
  external_links: false,
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

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://stub');
  const send = (status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
  };
  const parts = url.pathname.split('/');
  if (url.pathname === '/v1/billing/entitlements')
    return send(200, { parent_user_id: 'bench-parent', plan: 'family_monthly', active: true });
  if (parts[1] !== 'internal') return send(404, { error: { code: 'not_found', message: 'not found', requestId: 'stub' } });
  if (parts[2] === 'profiles') return send(200, { child_profile_id: parts[3], parent_user_id: 'bench-parent', age_band: '6-11' });
  if (parts[2] === 'controls') return send(200, { child_profile_id: parts[3], parent_user_id: 'bench-parent', controls });
  if (parts[2] === 'progress' && parts[4] === 'usage')
    return send(200, { child_profile_id: parts[3], date: url.searchParams.get('date') ?? '', minutes_used: 0, timezone: 'UTC' });
  return send(404, { error: { code: 'not_found', message: 'not found', requestId: 'stub' } });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () =>
  process.stdout.write(`[playback-family-stub] listening on http://localhost:${(server.address() as AddressInfo).port}\n`),
);
