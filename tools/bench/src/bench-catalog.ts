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
 * `pnpm run bench:catalog`: the real catalog read, direct and through the gateway. Starts
 * apps/catalog (memory mode, demo episodes, enforce mode) and the gateway in front of it on
 * 127.0.0.1, then measures `GET /v1/catalog/episodes/ep-demo-1` as a parent — the cached
 * answer, and the `If-None-Match` revalidation (304) — with autocannon: 2 s warm-up each, then
 * BENCH_SECONDS (default 5) interleaved 1 s rounds, BENCH_CONNECTIONS (default 50). Direct
 * calls carry identity headers signed per round (as the gateway would). Prints a table of
 * medians (req/s, p50, p99); exits 1 on any error or unexpected status.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PATH = '/v1/catalog/episodes/ep-demo-1';

interface Case {
  name: string;
  url: string;
  status: number;
  headers: () => Record<string, string>;
}

async function round(c: Case, seconds: number): Promise<autocannon.Result> {
  process.stdout.write(`bench: ${c.url}: ${seconds} s, ${CONNECTIONS} connections…\n`);
  const result = await autocannon({ url: c.url, headers: c.headers(), connections: CONNECTIONS, duration: seconds });
  const wrong = result.statusCodeStats ? Object.keys(result.statusCodeStats).filter((code) => Number(code) !== c.status) : [];
  if (result.errors > 0 || wrong.length > 0)
    throw new Error(`${c.name}: ${result.errors} errors, statuses ${JSON.stringify(result.statusCodeStats)}`);
  return result;
}

async function main(): Promise<void> {
  const started: Started[] = [];
  const common = BENCH_APP_ENV;
  try {
    const catalog = await startProcess('catalog', 'apps/catalog/src/main.ts', { ...common, CATALOG_PORT: '0' });
    started.push(catalog);
    const gateway = await startProcess('gateway', 'apps/gateway/src/main.ts', { ...common, GATEWAY_PORT: '0', CATALOG_URL: catalog.url });
    started.push(gateway);
    const token = await benchParentToken();
    const bearer = { authorization: `Bearer ${token}` };
    const signed = () =>
      signIdentity(
        { role: 'parent', tenantId: 'default', requestId: 'bench', parentUserId: 'bench-parent' },
        { method: 'GET', path: PATH },
        BENCH_EDGE_KEY,
      );
    const etag = (await fetch(`${gateway.url}${PATH}`, { headers: bearer })).headers.get('etag') ?? '';
    const cases: Case[] = [
      { name: 'direct, cached answer', url: `${catalog.url}${PATH}`, status: 200, headers: signed },
      { name: 'gateway, cached answer', url: `${gateway.url}${PATH}`, status: 200, headers: () => bearer },
      {
        name: 'gateway, If-None-Match → 304',
        url: `${gateway.url}${PATH}`,
        status: 304,
        headers: () => ({ ...bearer, 'if-none-match': etag }),
      },
    ];
    const figures = await measureInterleaved(cases, SECONDS, round);
    const lines = [
      `bench:catalog — GET ${PATH} as a parent, ${CONNECTIONS} connections, ${SECONDS} interleaved 1 s rounds (medians), node ${process.version}`,
      '',
      ...latencyTable(figures),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const s of started) s.child.kill('SIGTERM');
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench:catalog failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
