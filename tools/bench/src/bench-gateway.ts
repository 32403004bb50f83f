import autocannon from 'autocannon';
import { BENCH_APP_ENV, benchParentToken, type Started, startProcess } from './bench-processes';

/**
 * `pnpm run bench:gateway`: the gateway's cost in one run. Starts a catalog-like stub upstream
 * (one cached answer) and the gateway (enforce mode, HS256 token verified, identity signed, no
 * Redis so no rate limit) on 127.0.0.1, then measures `GET /v1/catalog/episodes/e1` direct and
 * through the gateway with autocannon: 2 s warm-up each, then BENCH_SECONDS (default 5)
 * interleaved 1 s rounds, BENCH_CONNECTIONS (default 50), beside a bare Fastify + undici proxy
 * (tools/bench/src/bare-proxy.ts) that shows what any proxy keeps on this machine. Bars: the gateway adds ≤ 2 ms at p99
 * and keeps ≥ 50 % of the direct throughput. Prints a table; exits 1 when a bar is missed.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PATH = '/v1/catalog/episodes/e1';

interface Figures {
  rps: number[];
  p50: number[];
  p99: number[];
}

async function round(url: string, headers: Record<string, string>, seconds: number): Promise<autocannon.Result> {
  process.stdout.write(`bench: ${url}: ${seconds} s, ${CONNECTIONS} connections…\n`);
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

async function main(): Promise<void> {
  const started: Started[] = [];
  try {
    const upstream = await startProcess('catalog-stub', 'tools/bench/src/catalog-stub.ts', {});
    started.push(upstream);
    const gateway = await startProcess('gateway', 'apps/gateway/src/main.ts', {
      ...BENCH_APP_ENV,
      GATEWAY_PORT: '0',
      CATALOG_URL: upstream.url,
    });
    started.push(gateway);
    const bare = await startProcess('bare-proxy', 'tools/bench/src/bare-proxy.ts', { UPSTREAM_URL: upstream.url });
    started.push(bare);
    const token = await benchParentToken();
    const cases: { name: string; url: string; headers: Record<string, string> }[] = [
      { name: 'direct', url: `${upstream.url}${PATH}`, headers: {} },
      { name: 'bare', url: `${bare.url}${PATH}`, headers: {} },
      { name: 'gateway', url: `${gateway.url}${PATH}`, headers: { authorization: `Bearer ${token}` } },
    ];
    for (const c of cases) await round(c.url, c.headers, 2);
    const figures: Record<string, Figures> = Object.fromEntries(cases.map((c) => [c.name, { rps: [], p50: [], p99: [] }]));
    for (let i = 0; i < SECONDS; i++) {
      for (const c of cases) {
        const r = await round(c.url, c.headers, 1);
        figures[c.name].rps.push(r.requests.average);
        figures[c.name].p50.push(r.latency.p50);
        figures[c.name].p99.push(r.latency.p99);
      }
    }
    const medians = (f: Figures) => ({ rps: median(f.rps), p50: median(f.p50), p99: median(f.p99) });
    const [d, b, g] = [medians(figures.direct), medians(figures.bare), medians(figures.gateway)];
    const addedP99 = g.p99 - d.p99;
    const share = g.rps / d.rps;
    const lines = [
      `bench:gateway — GET ${PATH}, ${CONNECTIONS} connections, ${SECONDS} interleaved 1 s rounds (medians), node ${process.version}`,
      '',
      '| path | req/s | p50 ms | p99 ms | req/s vs direct | p99 added |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      `| direct to upstream | ${Math.round(d.rps)} | ${d.p50} | ${d.p99} | 1.00 | — |`,
      `| bare Fastify + undici proxy (the floor) | ${Math.round(b.rps)} | ${b.p50} | ${b.p99} | ${(b.rps / d.rps).toFixed(2)} | ${(b.p99 - d.p99).toFixed(1)} ms |`,
      `| through gateway | ${Math.round(g.rps)} | ${g.p50} | ${g.p99} | ${share.toFixed(2)} | ${addedP99.toFixed(1)} ms |`,
      '',
      `gateway vs the bare proxy: ${(g.rps / b.rps).toFixed(2)} of its req/s, ${(g.p99 - b.p99).toFixed(1)} ms more at p99 (the gateway's own cost: token, policy, identity signing, breaker, context, logs)`,
      `bars: p99 added ≤ 2 ms: ${addedP99 <= 2 ? 'ok' : 'MISSED'}; throughput ≥ 50 % of direct: ${share >= 0.5 ? 'ok' : 'MISSED'}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exitCode = addedP99 <= 2 && share >= 0.5 ? 0 : 1;
  } finally {
    for (const s of started) s.child.kill('SIGTERM');
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench:gateway failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
