import { ADAPTERS } from '@mikasmissions/testing';
import { writeAdaptiveHlsClip } from '../testing/hls-clip';
import { stubEpisode } from '../testing/family-stub';
import { asParent, startPlaybackHarness, TEST_PLAYBACK_SIGNING_KEY, type PlaybackHarness } from '../testing/playback-harness';
import { StreamSigner } from './stream-signer';

const signer = new StreamSigner(TEST_PLAYBACK_SIGNING_KEY);
const uris = (playlist: string) => playlist.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));

describe.each(ADAPTERS)('adaptive HLS streams (master + renditions) on %s', (adapter) => {
  let h: PlaybackHarness;
  beforeAll(async () => {
    h = await startPlaybackHarness(adapter, 'postgres');
    await writeAdaptiveHlsClip(h.mediaDir, 'ep-abr');
    const key = (path: string) => ({ url: `/media/episodes/ep-abr/${path}`, storage_key: `episodes/ep-abr/${path}` });
    const renditions = [
      { profile: '180p', ...key('0/index.m3u8') },
      { profile: 'adaptive', ...key('master.m3u8') },
      { profile: '90p', ...key('1/index.m3u8') },
    ];
    h.stub.state.episodes.set('ep-abr', stubEpisode('ep-abr', { renditions }));
  });
  afterAll(() => h.close());

  const startSession = async (label: string) => {
    const { child, parent } = h.family(label);
    const res = await h.call('POST', '/v1/playback/sessions', asParent(parent), {
      child_profile_id: child,
      episode_id: 'ep-abr',
      device_type: 'web',
    });
    expect(res.status).toBe(201);
    return res.body as { playback_session_id: string; stream_url: string };
  };
  const get = (url: string) => h.call('GET', url.replace(h.origin, ''), null);
  const refused = async (url: string, code = 'invalid_stream_signature', status = 403) => {
    const res = await get(url);
    expect([res.status, res.body?.error?.code]).toEqual([status, code]);
  };

  it('streams the master playlist, and through it both variant playlists and a segment of each', async () => {
    const s = await startSession('abr-play');
    expect(new URL(s.stream_url).pathname).toBe(`/v1/playback/streams/${s.playback_session_id}/master.m3u8`);
    const master = await get(s.stream_url);
    expect(master.status).toBe(200);
    expect(master.text).toMatch(/#EXT-X-STREAM-INF:BANDWIDTH=\d+,RESOLUTION=320x180/);
    expect(master.text).toMatch(/#EXT-X-STREAM-INF:BANDWIDTH=\d+,RESOLUTION=160x90/);
    const variants = uris(master.text);
    expect(variants.map((uri) => uri.split('?')[0])).toEqual(['0/index.m3u8', '1/index.m3u8']);
    const firstBytes: Buffer[] = [];
    for (const variant of variants) {
      const variantUrl = new URL(variant, s.stream_url).toString();
      const playlist = await get(variantUrl);
      expect(playlist.status).toBe(200);
      expect(playlist.headers.get('content-type')).toContain('application/vnd.apple.mpegurl');
      const segments = uris(playlist.text);
      expect(segments.length).toBeGreaterThanOrEqual(2);
      for (const segment of segments) expect(segment).toMatch(/^seg\d{3}\.ts\?exp=\d+&sig=[A-Za-z0-9_-]+$/);
      const res = await fetch(new URL(segments[0], variantUrl));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('video/mp2t');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes[0]).toBe(0x47); // MPEG-TS sync byte
      firstBytes.push(bytes);
    }
    // Two different renditions, not the same folder twice.
    expect(firstBytes[0].equals(firstBytes[1])).toBe(false);
  });

  it('refuses forged, swapped and traversing rendition paths', async () => {
    const s = await startSession('abr-refuse');
    const id = s.playback_session_id;
    const exp = Number(new URL(s.stream_url).searchParams.get('exp'));
    const base = `${h.origin}/v1/playback/streams/${id}`;
    const genuine = signer.query(id, '0/index.m3u8', exp);
    expect((await get(`${base}/0/index.m3u8?${genuine}`)).status).toBe(200);
    // A signature covers its folder: 0/'s signature does not open 1/, nor the bare file name.
    await refused(`${base}/1/index.m3u8?${genuine}`);
    await refused(`${base}/0/index.m3u8?${signer.query(id, 'index.m3u8', exp)}`);
    await refused(`${base}/0/index.m3u8?${new StreamSigner('y'.repeat(40)).query(id, '0/index.m3u8', exp)}`);
    // Traversal: signed or not, `..` and hidden names never pass the pattern.
    await refused(`${base}/..%2F..%2Fep-1/index.m3u8?${signer.query(id, '../../ep-1/index.m3u8', exp)}`);
    // (`%2E%2E/` is not tried here: fetch resolves it as `..` before sending, so it never reaches playback.)
    await refused(`${base}/.hidden/index.m3u8?${signer.query(id, '.hidden/index.m3u8', exp)}`);
    await refused(`${base}/0%2F..%2F..%2Fep-1%2Findex.m3u8?${signer.query(id, '0/../../ep-1/index.m3u8', exp)}`);
    // A signed rendition path the store does not hold is 404.
    await refused(`${base}/7/index.m3u8?${signer.query(id, '7/index.m3u8', exp)}`, 'stream_not_found', 404);
  });
});
