import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Profile, identity and catalog's internal routes for `bench:home`, served from memory: every
 * `bench-kid-*` is a 6-11 child of `bench-parent` with balanced controls (one show blocked),
 * and the catalog is a demo-sized one (12 shows × 10 episodes over the three bands).
 */
const BANDS = ['3-5', '6-11', '12-16'];
const TAGS = ['space', 'ocean', 'animals', 'counting', 'music', 'coding'];
const episodes = Array.from({ length: 120 }, (_, i) => ({
  episode_id: `ep-demo-${i + 1}`,
  show_id: `show-${Math.floor(i / 10) + 1}`,
  title: `Demo episode ${i + 1}`,
  summary: 'A demo mission.',
  age_band: BANDS[Math.floor(i / 10) % 3],
  duration_ms: 420_000,
  learning_tags: [TAGS[i % TAGS.length], TAGS[(i + 2) % TAGS.length]],
  playback_ready: true,
  thumbnail_url: `https://media.example.test/ep-demo-${i + 1}/thumb.jpg`,
  published_at_iso: new Date(Date.UTC(2026, 9, 1) + i * 3_600_000).toISOString(),
  renditions: [],
  published: true,
}));
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
  blocked_show_ids: ['show-5'],
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
  if (area === 'catalog') {
    const band = url.searchParams.get('age_band');
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const rows = episodes.filter((e) => e.age_band === band).reverse();
    return send(200, { episodes: rows.slice(start, start + limit), next_cursor: start + limit < rows.length ? String(start + limit) : null });
  }
  return send(404, { error: { code: 'not_found' } });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`[family-stub] listening on http://localhost:${(server.address() as AddressInfo).port}\n`));
