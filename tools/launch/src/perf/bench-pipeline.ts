import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamKey } from '@mikasmissions/messaging';
import { createContractValidator } from '@mikasmissions/testing';
import Redis from 'ioredis';
import { adminToken, creatorToken, trustCreator } from '../smoke/flows/creator-session';
import { untilPublished } from '../smoke/flows/phase-b-flow';
import { expectAnswer, type SmokeContext, smokeContext } from '../smoke/smoke-client';
import { PHASE_B_ENV } from '../smoke/smoke-run';
import { startSmokeStack } from '../smoke/smoke-stack';
import { DEFAULT_CLIP, generateClip, serveClip } from '../smoke/test-clip';

/**
 * `pnpm run bench:pipeline`: issue 14's media pipeline on the smoke's test clip (3 s testsrc at
 * 1280x720 → 720p + 360p). Starts identity, catalog, creator-studio, media-pipeline (ingest,
 * transcode, publish in one worker), moderation and the gateway (memory stores, events over the
 * Redis at SMOKE_REDIS_URL under a per-run prefix, deleted at the end), signs in a creator the
 * admin grants, then uploads through the gateway by URL:
 *   1. one clip, alone: the time of each stage;
 *   2. BENCH_UPLOADS (default 10) clips at once: wall time, clips/min and each stage's median.
 * A stage's time is taken from the `occurredAt` of the events in the run's streams
 * (media.uploaded → media.transcode.requested → media.transcoded → media.reviewed →
 * episode.published), so it includes waiting in that stage's queue. Not in CI.
 */
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 10);
const APPS = ['identity', 'catalog', 'creator-studio', 'media-pipeline', 'moderation', 'gateway'];
const EVENTS = ['media.uploaded', 'media.transcode.requested', 'media.transcoded', 'media.reviewed', 'episode.published'] as const;
const STAGES = ['upload→ingested', 'ingested→transcoded', 'transcoded→reviewed', 'reviewed→published'] as const;

const say = (line: string) => process.stdout.write(`[bench:pipeline] ${line}\n`);
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sec = (ms: number) => (ms / 1000).toFixed(2);

/** When each asset's events happened: `times.get(assetId)[type]` in epoch ms, from the envelopes' `occurredAt`. */
async function eventTimes(redis: Redis, prefix: string): Promise<Map<string, Record<string, number>>> {
  const times = new Map<string, Record<string, number>>();
  for (const type of EVENTS) {
    for (const [, fields] of await redis.xrange(streamKey(prefix, type), '-', '+')) {
      const envelope = JSON.parse(fields[fields.indexOf('envelope') + 1]) as {
        occurredAt: string;
        payload: { assetId?: string; episodeId?: string };
      };
      const id = envelope.payload.assetId ?? envelope.payload.episodeId;
      if (!id) continue;
      const at = times.get(id) ?? {};
      at[type] ??= Date.parse(envelope.occurredAt);
      times.set(id, at);
    }
  }
  return times;
}

/** Each stage's duration (ms) of one asset, plus `accepted` (the request until media.uploaded) and `total` (the request until episode.published). */
function stagesOf(at: Record<string, number>, requestedAt: number): Record<string, number> {
  const missing = EVENTS.filter((t) => at[t] === undefined);
  if (missing.length > 0) throw new Error(`no ${missing.join(', ')} event in the run's streams`);
  const out: Record<string, number> = { accepted: at['media.uploaded'] - requestedAt };
  STAGES.forEach((stage, i) => (out[stage] = at[EVENTS[i + 1]] - at[EVENTS[i]]));
  out.total = at['episode.published'] - requestedAt;
  return out;
}

async function uploadOne(ctx: SmokeContext, creator: string, url: string, n: number): Promise<{ id: string; requestedAt: number }> {
  const requestedAt = Date.now();
  const body = { source_url: url, title: `Bench clip ${n}`, age_band: '6-11', learning_tags: ['counting'] };
  const a = expectAnswer(await ctx.call('POST', '/v1/creator/assets/upload', body, creator), 202);
  return { id: a.body.asset_id as string, requestedAt };
}

function table(rows: [string, ...string[]][], head: string[]): void {
  process.stdout.write(`| ${head.join(' | ')} |\n| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |\n`);
  for (const row of rows) process.stdout.write(`| ${row.join(' | ')} |\n`);
}

async function main(): Promise<void> {
  say(`machine: ${cpus().length} cores, load ${load()} (1/5/15 min)`);
  const stack = await startSmokeStack(APPS, { SMOKE_LOG_LEVEL: 'error', ...process.env }, say, { env: PHASE_B_ENV });
  const dir = await mkdtemp(join(tmpdir(), 'bench-pipeline-'));
  const redis = stack.events ? new Redis(stack.events.redisUrl) : undefined;
  try {
    if (!redis || !stack.events)
      throw new Error('needs a Redis (SMOKE_REDIS_URL) to carry events between the apps and to read their times');
    const prefix = stack.events.streamPrefix;
    const ctx = smokeContext(stack.gatewayUrl, createContractValidator(), stack, () => undefined, process.env);
    const admin = await adminToken(ctx);
    const creator = await creatorToken(ctx, admin);
    await trustCreator(ctx, admin, creator);
    const source = await serveClip(await generateClip(dir));
    say(`clip: ${DEFAULT_CLIP.seconds} s testsrc ${DEFAULT_CLIP.size} at ${source.url}`);
    try {
      say('1 upload alone');
      const one = await uploadOne(ctx, creator, source.url, 0);
      await untilPublished(ctx, one.id, creator);
      const single = stagesOf((await eventTimes(redis, prefix)).get(one.id) ?? {}, one.requestedAt);
      process.stdout.write(`\nOne clip (asset ${one.id}), load ${load()}:\n\n`);
      table(
        ['accepted', ...STAGES, 'total'].map((k) => [k, sec(single[k])]),
        ['stage', 's'],
      );

      say(`${UPLOADS} uploads at once`);
      const loadBefore = load();
      const t0 = Date.now();
      const many = await Promise.all(Array.from({ length: UPLOADS }, (_, i) => uploadOne(ctx, creator, source.url, i + 1)));
      await Promise.all(many.map((u) => untilPublished(ctx, u.id, creator, undefined, 600_000)));
      const times = await eventTimes(redis, prefix);
      const per = many.map((u) => stagesOf(times.get(u.id) ?? {}, u.requestedAt));
      const wall = Math.max(...many.map((u) => times.get(u.id)!['episode.published'])) - t0;
      process.stdout.write(`\n${UPLOADS} clips at once, load ${loadBefore} before, ${load()} after:\n\n`);
      table(
        [
          ['wall time (first request → last episode.published)', `${sec(wall)} s`],
          ['throughput', `${((UPLOADS / wall) * 60_000).toFixed(1)} clips/min`],
        ],
        ['metric', 'value'],
      );
      process.stdout.write('\n');
      table(
        ['accepted', ...STAGES, 'total'].map((k) => [k, sec(median(per.map((p) => p[k]))), sec(Math.max(...per.map((p) => p[k])))]),
        ['stage', 'median s', 'max s'],
      );
      process.stdout.write('\n');
    } finally {
      await source.close();
    }
  } finally {
    redis?.disconnect();
    await rm(dir, { recursive: true, force: true });
    say('stopping the stack');
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`[bench:pipeline] failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
