import { ADAPTERS } from '@mikasmissions/testing';
import { asParent, startPlaybackHarness, TEST_PLAYBACK_SIGNING_KEY, type PlaybackHarness } from '../testing/playback-harness';
import { StreamSigner } from './stream-signer';

const signer = new StreamSigner(TEST_PLAYBACK_SIGNING_KEY);

describe.each(ADAPTERS)('signed HLS streams on %s', (adapter) => {
  let h: PlaybackHarness;
  beforeAll(async () => {
    h = await startPlaybackHarness(adapter, 'postgres');
  });
  afterAll(() => h.close());

  const startSession = async (label: string, controls = {}) => {
    const { child, parent } = h.family(label, { controls });
    const res = await h.call('POST', '/v1/playback/sessions', asParent(parent), {
      child_profile_id: child,
      episode_id: 'ep-1',
      device_type: 'web',
    });
    expect(res.status).toBe(201);
    return { ...res.body, child, parent } as { playback_session_id: string; stream_url: string; child: string; parent: string };
  };
  const path = (url: string) => url.replace(h.origin, '');
  const refused = async (url: string, code = 'invalid_stream_signature', status = 403) => {
    const res = await h.call('GET', path(url), null);
    expect([res.status, res.body?.error?.code]).toEqual([status, code]);
  };

  it('serves the real playlist with every segment signed, and the segments, without a bearer token', async () => {
    const s = await startSession('play');
    const playlist = await h.call('GET', path(s.stream_url), null);
    expect(playlist.status).toBe(200);
    expect(playlist.headers.get('content-type')).toContain('application/vnd.apple.mpegurl');
    expect(playlist.text).toMatch(/^#EXTM3U/);
    const segments = playlist.text.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(segments.length).toBeGreaterThanOrEqual(2);
    for (const segment of segments) {
      expect(segment).toMatch(/^seg\d{3}\.ts\?exp=\d+&sig=[A-Za-z0-9_-]+$/);
      const res = await fetch(new URL(segment, s.stream_url));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('video/mp2t');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBeGreaterThan(1000);
      expect(bytes[0]).toBe(0x47); // MPEG-TS sync byte
    }
  });

  it('refuses tampered, expired, other-session and other-file signatures with 403 invalid_stream_signature', async () => {
    const a = await startSession('sig-a');
    const b = await startSession('sig-b');
    const url = new URL(a.stream_url);
    const sig = url.searchParams.get('sig')!;
    const exp = Number(url.searchParams.get('exp'));
    const base = `${h.origin}/v1/playback/streams`;
    await refused(`${base}/${a.playback_session_id}/index.m3u8?exp=${exp}&sig=${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`);
    await refused(`${base}/${a.playback_session_id}/index.m3u8?exp=${exp + 60}&sig=${sig}`);
    await refused(`${base}/${a.playback_session_id}/index.m3u8?exp=${exp}`);
    const past = Math.floor(Date.now() / 1000) - 5;
    await refused(`${base}/${a.playback_session_id}/index.m3u8?${signer.query(a.playback_session_id, 'index.m3u8', past)}`);
    await refused(`${base}/${b.playback_session_id}/index.m3u8?exp=${exp}&sig=${sig}`);
    await refused(`${base}/${a.playback_session_id}/seg000.ts?exp=${exp}&sig=${sig}`);
    // A signature made with another key is as bad as none.
    await refused(
      `${base}/${a.playback_session_id}/index.m3u8?${new StreamSigner('x'.repeat(40)).query(a.playback_session_id, 'index.m3u8', exp)}`,
    );
    // A correctly signed file the store does not hold is 404; a path trick never gets past the pattern.
    await refused(
      `${base}/${a.playback_session_id}/seg999.ts?${signer.query(a.playback_session_id, 'seg999.ts', exp)}`,
      'stream_not_found',
      404,
    );
    await refused(
      `${base}/${a.playback_session_id}/..%2Fep-2%2Findex.m3u8?${signer.query(a.playback_session_id, '../ep-2/index.m3u8', exp)}`,
    );
    // The genuine URL still works.
    expect((await h.call('GET', path(a.stream_url), null)).status).toBe(200);
  });
});
