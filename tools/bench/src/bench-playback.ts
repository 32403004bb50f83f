import autocannon from 'autocannon';
import { signIdentity } from '@mikasmissions/service-identity';
import {
  BENCH_APP_ENV,
  BENCH_EDGE_KEY,
  benchParentToken,
  latencyTable,
  measureInterleaved,
  type Started,
  startProcess,
} from './bench-processes';

/**
 * `pnpm run bench:playback`: the playback start, `POST /v1/playback/sessions` for `ep-demo-1`
 * as a parent, direct to playback and through the gateway. Starts the real apps/catalog and
 * apps/playback (memory mode, enforce mode, sessions stored in memory) and the gateway on
 * 127.0.0.1; identity, profile, billing and progress are one loopback stub
 * (playback-family-stub.ts: open controls, an active plan, no usage), so the figures are
 * playback's own checks, its five upstream calls and the session write, not those services.
 * autocannon: 2 s warm-up each, then BENCH_SECONDS (default 5) interleaved 1 s rounds,
 * BENCH_CONNECTIONS (default 20). Direct calls carry identity headers signed per round (as the
 * gateway would). Prints a table of medians (req/s, p50, p99); exits 1 on any error or any
 * status other than 201.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PATH = '/v1/playback/sessions';
const BODY = JSON.stringify({ child_profile_id: 'bench-kid-1', episode_id: 'ep-demo-1', device_type: 'tablet' });

interface Case {
  name: string;
  url: string;
  headers: () => Record<string, string>;
}

async function round(c: Case, seconds: number): Promise<autocannon.Result> {
  const result = await autocannon({
    url: c.url,
    method: 'POST',
    body: BODY,
    headers: { 'content-type': 'application/json', ...c.headers() },
    connections: CONNECTIONS,
    duration: seconds,
  });
  const wrong = result.statusCodeStats ? Object.keys(result.statusCodeStats).filter((code) => Number(code) !== 201) : [];
  if (result.errors > 0 || result.timeouts > 0 || wrong.length > 0)
    throw new Error(`${c.name}: ${result.errors} errors, ${result.timeouts} timeouts, statuses ${JSON.stringify(result.statusCodeStats)}`);
  return result;
}

async function main(): Promise<void> {
  const started: Started[] = [];
  const common = BENCH_APP_ENV;
  try {
    const stub = await startProcess('playback-family-stub', 'tools/bench/src/playback-family-stub.ts', {});
    started.push(stub);
    const catalog = await startProcess('catalog', 'apps/catalog/src/main.ts', { ...common, CATALOG_PORT: '0' });
    started.push(catalog);
    const upstreams = {
      IDENTITY_URL: stub.url,
      PROFILE_URL: stub.url,
      BILLING_URL: stub.url,
      PROGRESS_URL: stub.url,
      CATALOG_URL: catalog.url,
    };
    const playback = await startProcess('playback', 'apps/playback/src/main.ts', { ...common, ...upstreams, PLAYBACK_PORT: '0' });
    started.push(playback);
    const gateway = await startProcess('gateway', 'apps/gateway/src/main.ts', {
      ...common,
      GATEWAY_PORT: '0',
      PLAYBACK_URL: playback.url,
      CATALOG_URL: catalog.url,
    });
    started.push(gateway);
    const token = await benchParentToken();
    const bearer = { authorization: `Bearer ${token}` };
    const signed = () =>
      signIdentity(
        { role: 'parent', tenantId: 'default', requestId: 'bench', parentUserId: 'bench-parent' },
        { method: 'POST', path: PATH },
        BENCH_EDGE_KEY,
      );
    const cases: Case[] = [
      { name: 'direct to playback', url: `${playback.url}${PATH}`, headers: signed },
      { name: 'through the gateway', url: `${gateway.url}${PATH}`, headers: () => bearer },
    ];
    const figures = await measureInterleaved(cases, SECONDS, round);
    const lines = [
      `bench:playback — POST ${PATH} (ep-demo-1) as a parent, ${CONNECTIONS} connections, ${SECONDS} interleaved 1 s rounds (medians), node ${process.version}`,
      '',
      ...latencyTable(figures),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const s of started) s.child.kill('SIGTERM');
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench:playback failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
