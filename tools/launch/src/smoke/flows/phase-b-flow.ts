import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, expectAnswer, type Json, poll, type SmokeContext } from '../smoke-client';
import { DEFAULT_CLIP, generateClip, serveClip } from '../test-clip';
import { adminToken, creatorToken, trustCreator } from './creator-session';
import { bedtimeAwayFromNow, consentedParent, createChild } from './parent-session';

const FINAL = new Set(['published', 'rejected', 'failed']);

/**
 * Polls `GET /v1/creator/assets/{id}` until the asset is final; an asset moderation queued
 * (`in_review`) is approved once by `admin`. Resolves with the final asset and the statuses seen
 * in order; a `rejected`/`failed` asset throws with its `last_error`.
 */
export async function untilPublished(
  ctx: SmokeContext,
  assetId: string,
  creator: string,
  admin?: string,
  timeoutMs = 180_000,
): Promise<{ asset: Json; seen: string[] }> {
  const seen: string[] = [];
  let approved = false;
  const asset = await poll(
    `asset ${assetId} published`,
    async () => {
      const a = expectAnswer(await ctx.call('GET', `/v1/creator/assets/${assetId}`, undefined, creator), 200).body;
      if (seen.at(-1) !== a.status) seen.push(a.status as string);
      if (a.status === 'in_review' && admin && !approved) {
        expectAnswer(await ctx.call('POST', `/v1/admin/moderation/queue/${assetId}/approve`, { note: 'phase-b smoke' }, admin), 200);
        approved = true;
      }
      return a;
    },
    (a) => FINAL.has(a.status as string),
    timeoutMs,
  );
  if (asset.status !== 'published') throw new Error(`asset ${assetId} ended ${asset.status}: ${JSON.stringify(asset.last_error)}`);
  return { asset, seen };
}

/** GETs an absolute URL; throws unless 2xx. */
async function download(url: string): Promise<{ bytes: Buffer; type: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (!res.ok) throw new Error(`GET ${new URL(url).pathname} → ${res.status} ${bytes.toString('utf8').slice(0, 200)}`);
  return { bytes, type: res.headers.get('content-type') ?? '' };
}

/** The URIs a media playlist names: its segments and its `#EXT-X-MAP` init segment. */
function playlistUris(playlist: string): string[] {
  const lines = playlist.split(/\r?\n/).map((l) => l.trim());
  const maps = lines.flatMap((l) => [...l.matchAll(/#EXT-X-MAP:.*URI="([^"]+)"/g)].map((m) => m[1]));
  return [...maps, ...lines.filter((l) => l !== '' && !l.startsWith('#'))];
}

/** The variants a master playlist names: each `#EXT-X-STREAM-INF` with the URI on the next line. */
function masterVariants(master: string): Array<{ uri: string; resolution: string; bandwidth: number }> {
  const lines = master.split(/\r?\n/).map((l) => l.trim());
  return lines.flatMap((line, i) => {
    if (!line.startsWith('#EXT-X-STREAM-INF:')) return [];
    const bandwidth = Number(/[:,]BANDWIDTH=(\d+)/.exec(line)?.[1] ?? 0);
    return [{ uri: lines[i + 1] ?? '', resolution: /RESOLUTION=(\d+x\d+)/.exec(line)?.[1] ?? '?', bandwidth }];
  });
}

/**
 * Seed 000's phase-B smoke through the gateway: a consented parent with a 6-11 child who opts
 * into notification's digest; a creator
 * (granted by the admin); a generated clip served on loopback and uploaded by URL; the asset
 * through ingest → transcode → moderation → publish; the catalog episode with its renditions;
 * the child's rails; a playback session whose signed master playlist names the 720p and 360p
 * variants, and every file of each variant downloads through playback's signed URLs.
 */
export async function phaseBFlow(ctx: SmokeContext): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'phase-b-clip-'));
  try {
    const clip = await ctx.step(
      'clip generate',
      () => generateClip(dir),
      (c) => `${DEFAULT_CLIP.seconds} s testsrc ${DEFAULT_CLIP.size}, ${c.length} bytes`,
    );
    const source = await ctx.step(
      'clip serve',
      () => serveClip(clip),
      (s) => s.url,
    );
    try {
      await pipelineSteps(ctx, source.url);
    } finally {
      await source.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function pipelineSteps(ctx: SmokeContext, sourceUrl: string): Promise<void> {
  const parent = await consentedParent(ctx, 'parent');
  await ctx.step('trial entitlement', () =>
    poll(
      'the trial from consent.verified',
      () => ctx.call('GET', `/v1/billing/entitlements?parent_user_id=${parent.id}`, undefined, parent.token),
      (a) => a.status === 200 && a.body.active === true,
    ),
  );
  const child = await createChild(ctx, 'parent', parent);
  await ctx.step('controls: bedtime away from now', async () => {
    const controls = expectAnswer(await ctx.call('GET', `/v1/parents/controls/${child}`, undefined, parent.token), 200).body.controls;
    const body = { ...controls, bedtime_window: bedtimeAwayFromNow() };
    expectAnswer(await ctx.call('PUT', `/v1/parents/controls/${child}`, body, parent.token), 200);
  });
  await ctx.step(
    'notification preferences',
    async () => {
      const path = '/v1/parents/notifications/preferences';
      const before = expectAnswer(await ctx.call('GET', path, undefined, parent.token), 200).body;
      check(before.digest === before.marketing, `digest ${before.digest} does not follow marketing ${before.marketing} from signup`);
      const after = expectAnswer(await ctx.call('PUT', path, { digest: true }, parent.token), 200).body;
      check(after.digest === true, `digest ${after.digest} after opting in`);
      return before.digest as boolean;
    },
    (was) => `digest ${was ? 'on' : 'off'} (follows marketing) → on, for the band's daily digest`,
  );
  const admin = await adminToken(ctx);
  const creator = await creatorToken(ctx, admin);
  await trustCreator(ctx, admin, creator);
  const t0 = Date.now();
  const assetId = await ctx.step(
    'upload',
    async () => {
      const body = {
        source_url: sourceUrl,
        title: 'Phase-B smoke: counting squares',
        summary: 'A test pattern counts to three.',
        age_band: '6-11',
        learning_tags: ['counting'],
      };
      const a = expectAnswer(await ctx.call('POST', '/v1/creator/assets/upload', body, creator), 202);
      check(a.body.status === 'queued', `status ${a.body.status}`);
      return a.body.asset_id as string;
    },
    (id) => `asset ${id} queued`,
  );
  await ctx.step(
    'asset published',
    () => untilPublished(ctx, assetId, creator, admin),
    ({ seen }) => `${seen.join(' → ')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  await ctx.step(
    'catalog episode',
    async () => {
      const a = expectAnswer(await ctx.call('GET', `/v1/catalog/episodes/${assetId}`, undefined, parent.token), 200).body;
      check(a.playback_ready === true, `playback_ready ${a.playback_ready}`);
      const profiles = (a.renditions as Json[]).map((r) => r.profile as string);
      check(profiles.includes('720p') && profiles.includes('360p'), `renditions ${profiles.join(', ')}, expected 720p and 360p`);
      return a;
    },
    (e) =>
      `${(e.renditions as Json[]).map((r) => r.profile).join(' + ')}, ${e.duration_ms} ms, thumbnail ${e.thumbnail_url ? 'yes' : 'no'}`,
  );
  await ctx.step(
    'kids rails',
    () =>
      poll(
        `episode ${assetId} in the child's rails`,
        async () => expectAnswer(await ctx.call('GET', `/v1/kids/home?child_profile_id=${child}&mode=core`, undefined, parent.token), 200),
        (a) => (a.body.rails as Json[]).some((item) => item.episode_id === assetId),
      ),
    (a) => `in the rails of child ${child} (${(a.body.rails as Json[]).length} item(s))`,
  );
  const session = await ctx.step(
    'playback session',
    async () => {
      const body = { child_profile_id: child, episode_id: assetId, device_type: 'tablet' };
      return expectAnswer(await ctx.call('POST', '/v1/playback/sessions', body, parent.token), 201).body;
    },
    (s) => `session ${s.playback_session_id}`,
  );
  const variants = await ctx.step(
    'stream master playlist',
    async () => {
      const { bytes, type } = await download(session.stream_url as string);
      const text = bytes.toString('utf8');
      check(text.startsWith('#EXTM3U') && text.includes('#EXT-X-STREAM-INF:'), `not an HLS master playlist (${type})`);
      const found = masterVariants(text).map((v) => ({ ...v, url: new URL(v.uri, session.stream_url as string).toString() }));
      const heights = found.map((v) => v.resolution.split('x')[1]);
      check(heights.includes('720') && heights.includes('360'), `master variants ${heights.join(', ')}, expected 720 and 360`);
      return found;
    },
    (v) => v.map((x) => `${x.resolution} @ ${Math.round(x.bandwidth / 1000)} kbit/s`).join(' + '),
  );
  for (const variant of variants) {
    const name = variant.uri.split('/')[0];
    const files = await ctx.step(
      `stream ${name} playlist`,
      async () => {
        const { bytes, type } = await download(variant.url);
        const text = bytes.toString('utf8');
        check(text.startsWith('#EXTM3U') && text.includes('#EXT-X-ENDLIST'), `not a complete HLS playlist (${type})`);
        return playlistUris(text).map((uri) => new URL(uri, variant.url).toString());
      },
      (f) => `${variant.resolution}: ${f.length} signed file(s) (init + segments)`,
    );
    await ctx.step(
      `stream ${name} segments`,
      async () => {
        let total = 0;
        for (const url of files) {
          const { bytes } = await download(url);
          check(bytes.length > 0, `empty ${new URL(url).pathname}`);
          total += bytes.length;
        }
        return total;
      },
      (total) => `${files.length} file(s), ${total} bytes through playback's signed URLs`,
    );
  }
}
