import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ADAPTERS } from '@mikasmissions/testing';
import { stubEpisode } from '../testing/family-stub';
import { ffmpegPath } from '../testing/hls-clip';
import { startPlaybackHarness, type PlaybackHarness } from '../testing/playback-harness';

const run = promisify(execFile);

/** A real JPEG, as transcode writes `thumb.jpg` next to the renditions. */
async function writeThumbnail(mediaDir: string, episodeId: string): Promise<void> {
  const dir = join(mediaDir, 'episodes', episodeId);
  await mkdir(dir, { recursive: true });
  await run(ffmpegPath(), [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=1'],
    ...['-frames:v', '1', join(dir, 'thumb.jpg')],
  ]);
}

describe.each(ADAPTERS)('published episodes’ thumbnails on %s', (adapter) => {
  let h: PlaybackHarness;
  beforeAll(async () => {
    h = await startPlaybackHarness(adapter, 'memory');
    await writeThumbnail(h.mediaDir, 'ep-1');
    await writeThumbnail(h.mediaDir, 'ep-draft');
    await writeFile(join(h.mediaDir, 'episodes', 'ep-1', 'notes.txt'), 'not an image');
    h.stub.state.episodes.set('ep-draft', stubEpisode('ep-draft', { publish_state: 'draft', published: false }));
  }, 60_000);
  afterAll(() => h.close());

  const refused = async (path: string, status: number, code: string) => {
    const res = await h.call('GET', path, null);
    expect([res.status, res.body?.error?.code]).toEqual([status, code]);
    expect(res.headers.get('cache-control') ?? '').not.toContain('public');
  };

  it('serves the thumbnail of a published episode without a token, as a cacheable JPEG', async () => {
    const res = await fetch(`${h.origin}/v1/playback/media/episodes/ep-1/thumb.jpg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
  });

  it('refuses playlists and segments without a session signature, and never serves what is not a published image', async () => {
    await refused('/v1/playback/media/episodes/ep-1/index.m3u8', 403, 'invalid_stream_signature');
    await refused('/v1/playback/media/episodes/ep-1/seg000.ts', 403, 'invalid_stream_signature');
    await refused('/v1/playback/media/episodes/ep-draft/thumb.jpg', 404, 'media_not_found');
    await refused('/v1/playback/media/episodes/ep-unknown/thumb.jpg', 404, 'media_not_found');
    await refused('/v1/playback/media/episodes/ep-1/notes.txt', 404, 'media_not_found');
    await refused('/v1/playback/media/episodes/ep-1/missing.jpg', 404, 'media_not_found');
    await refused('/v1/playback/media/episodes/ep-1/..%2F..%2Fep-draft%2Fthumb.jpg', 404, 'media_not_found');
  });

  it('answers 503 service_unavailable with Retry-After while catalog cannot be asked, never the file', async () => {
    const cut = await startPlaybackHarness(adapter, 'memory', { CATALOG_URL: 'http://127.0.0.1:9' });
    try {
      await writeThumbnail(cut.mediaDir, 'ep-1');
      const res = await cut.call('GET', '/v1/playback/media/episodes/ep-1/thumb.jpg', null);
      expect([res.status, res.body?.error?.code]).toEqual([503, 'service_unavailable']);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await cut.close();
    }
  }, 60_000);
});
