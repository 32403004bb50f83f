import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { signIdentity } from '@mikasmissions/service-identity';
import { gatewayBars, gatewayTables, type BenchGroup } from './bench-gateway-report';
import {
  BENCH_APP_ENV,
  BENCH_EDGE_KEY,
  benchParentToken,
  cpuMs,
  measureInterleaved,
  median,
  type Started,
  startProcess,
} from './bench-processes';
import { pacedLoad, quantile, type PacedLoad } from './paced-load';

/**
 * `pnpm run bench:gateway`: the gateway's cost in one run, on 127.0.0.1, as a parent in
 * enforce mode (HS256 token verified, policy, identity signed for the upstream, breaker).
 *
 * Two upstreams, each measured direct and through the gateway:
 * - `catalog`: the real apps/catalog episode read `GET /v1/catalog/episodes/ep-demo-1`, served
 *   from its cache (memory mode). Direct calls carry identity headers signed per round, as the
 *   gateway would. A second gateway in front of it also enforces the Redis rate limit
 *   (`BENCH_REDIS_URL`, default `redis://127.0.0.1:6379`, keys under `bench:gw:<pid>:`, a limit
 *   no bench reaches; `BENCH_REDIS_URL=` leaves that row out).
 * - `stub`: a trivial catalog-like stub (tools/bench/src/catalog-stub.ts, one cached answer of
 *   the same shape). A floor study, not judged by the bars: it answers ~100k req/s, so no proxy
 *   (the bare one keeps ~0.17 of it) can keep half; the bars apply to the real catalog route.
 * Each upstream also gets a bare Fastify + undici proxy (tools/bench/src/bare-proxy.ts): the
 * floor any proxy pays on this machine, beside which the gateway's own cost shows.
 *
 * Two measurements, all cases interleaved round by round so load drift hits them alike:
 * 1. saturated throughput: autocannon, BENCH_CONNECTIONS (default 50) connections, 2 s warm-up,
 *    then BENCH_SECONDS (default 5) rounds of 1 s;
 * 2. latency at a fixed offered rate below saturation: an open-loop paced load (paced-load.ts)
 *    on the same connections, at BENCH_RATE req/s (default: half the slowest path's saturated
 *    req/s of that upstream, so every path can sustain it), 1 s warm-up, then the same rounds;
 *    p50/p99 are taken over every answer of all rounds of a case (pooled, not per-round medians).
 *
 * Apps log at BENCH_LOG_LEVEL (default `silent`; `info` writes the one access line per request
 * that production writes, read and dropped by the bench).
 *
 * Prints medians, the machine's load average, and each bar per upstream with PASS/MISS: the
 * gateway keeps ≥ 50 % of the direct req/s (saturated), and adds ≤ 2 ms at p99 (fixed rate;
 * INCONCLUSIVE when direct's own p99 moved between rounds by more than 2 ms). Exits 1 unless
 * every bar passed.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const FIXED_RATE = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const APP_ENV = { ...BENCH_APP_ENV, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? BENCH_APP_ENV.LOG_LEVEL };
const CATALOG_PATH = '/v1/catalog/episodes/ep-demo-1';
const STUB_PATH = '/v1/catalog/episodes/e1';

interface Case {
  name: string;
  upstream: string;
  url: string;
  headers: () => Record<string, string>;
  /** The process the path calls first (the upstream for `direct`), whose CPU per request is shown. */
  pid: number | undefined;
}

/** CPU µs per request of each case's first process, one entry per saturated round (the warm-up first). */
const cpuPerRequest = new Map<string, number[]>();

async function saturated(c: Case, seconds: number): Promise<autocannon.Result> {
  process.stdout.write(`bench: ${c.name} (${c.url}): ${seconds} s, ${CONNECTIONS} connections…\n`);
  const cpuBefore = cpuMs(c.pid);
  const result = await autocannon({ url: c.url, headers: c.headers(), connections: CONNECTIONS, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${c.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const list = cpuPerRequest.get(c.name) ?? [];
  list.push(((cpuMs(c.pid) - cpuBefore) * 1_000) / result.requests.total);
  cpuPerRequest.set(c.name, list);
  return result;
}

const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const started: Started[] = [];
  const loads: PacedLoad[] = [];
  const start = async (name: string, entry: string, env: Record<string, string>) => {
    const s = await startProcess(name, entry, env);
    started.push(s);
    return s;
  };
  try {
    const loadBefore = load();
    const [catalog, stub] = await Promise.all([
      start('catalog', 'apps/catalog/src/main.ts', { ...APP_ENV, CATALOG_PORT: '0' }),
      start('catalog-stub', 'tools/bench/src/catalog-stub.ts', {}),
    ]);
    const gatewayEnv = (upstream: string) => ({ ...APP_ENV, GATEWAY_PORT: '0', CATALOG_URL: upstream });
    const limited = { REDIS_URL, GATEWAY_RATE_PREFIX: `bench:gw:${process.pid}:`, GATEWAY_RATE_LIMIT_DEFAULT: '100000000' };
    const [gwCatalog, gwLimited, gwStub, bare, bareCatalog] = await Promise.all([
      start('gateway', 'apps/gateway/src/main.ts', gatewayEnv(catalog.url)),
      REDIS_URL ? start('gateway+redis', 'apps/gateway/src/main.ts', { ...gatewayEnv(catalog.url), ...limited }) : undefined,
      start('gateway (stub)', 'apps/gateway/src/main.ts', gatewayEnv(stub.url)),
      start('bare-proxy', 'tools/bench/src/bare-proxy.ts', { UPSTREAM_URL: stub.url }),
      start('bare-proxy (catalog)', 'tools/bench/src/bare-proxy.ts', { UPSTREAM_URL: catalog.url }),
    ]);
    const bearer = { authorization: `Bearer ${await benchParentToken()}` };
    const signed = () =>
      signIdentity(
        { role: 'parent', tenantId: 'default', requestId: 'bench', parentUserId: 'bench-parent' },
        { method: 'GET', path: CATALOG_PATH },
        BENCH_EDGE_KEY,
      );
    const cases: Case[] = [
      { name: 'direct', upstream: 'catalog', url: `${catalog.url}${CATALOG_PATH}`, headers: signed, pid: catalog.child.pid },
      {
        name: 'bare Fastify + undici proxy',
        upstream: 'catalog',
        url: `${bareCatalog.url}${CATALOG_PATH}`,
        headers: signed,
        pid: bareCatalog.child.pid,
      },
      { name: 'gateway', upstream: 'catalog', url: `${gwCatalog.url}${CATALOG_PATH}`, headers: () => bearer, pid: gwCatalog.child.pid },
      ...(gwLimited
        ? [
            {
              name: 'gateway + Redis rate limit',
              upstream: 'catalog',
              url: `${gwLimited.url}${CATALOG_PATH}`,
              headers: () => bearer,
              pid: gwLimited.child.pid,
            },
          ]
        : []),
      { name: 'direct', upstream: 'stub', url: `${stub.url}${STUB_PATH}`, headers: () => ({}), pid: stub.child.pid },
      { name: 'bare Fastify + undici proxy', upstream: 'stub', url: `${bare.url}${STUB_PATH}`, headers: () => ({}), pid: bare.child.pid },
      { name: 'gateway', upstream: 'stub', url: `${gwStub.url}${STUB_PATH}`, headers: () => bearer, pid: gwStub.child.pid },
    ];
    const key = (c: Case) => `${c.upstream}: ${c.name}`;
    const keyed = cases.map((c) => ({ ...c, name: key(c) }));
    const throughput = await measureInterleaved(keyed, SECONDS, saturated);
    const rates = new Map<string, number>();
    for (const upstream of new Set(cases.map((c) => c.upstream))) {
      const slowest = Math.min(...keyed.filter((c) => c.upstream === upstream).map((c) => median(throughput.get(c.name)!.rps)));
      rates.set(upstream, FIXED_RATE ?? Math.max(50, Math.round(slowest / 2 / 50) * 50));
    }
    const paced = new Map<string, PacedLoad>();
    for (const c of keyed) {
      const l = await pacedLoad({ url: c.url, headers: c.headers }, CONNECTIONS);
      loads.push(l);
      paced.set(c.name, l);
    }
    const pooled = new Map<string, number[]>();
    const latency = await measureInterleaved(
      keyed,
      SECONDS,
      async (c, seconds) => {
        const result = await paced.get(c.name)!.round(rates.get(c.upstream)!, seconds);
        if (pooled.has(c.name)) pooled.get(c.name)!.push(...result.latencies);
        else pooled.set(c.name, []);
        return result;
      },
      1,
    );
    const pacedOf = (name: string) => {
      const all = pooled.get(name)!.sort((a, b) => a - b);
      return {
        rps: latency.get(name)!.rps,
        p50: quantile(all, 0.5),
        p99: quantile(all, 0.99),
        samples: all.length,
        roundP99: latency.get(name)!.p99,
      };
    };
    const groups: BenchGroup[] = [...rates].map(([upstream, rate]) => ({
      upstream,
      path: upstream === 'catalog' ? CATALOG_PATH : STUB_PATH,
      rate,
      barred: upstream === 'catalog',
      rows: keyed
        .filter((c) => c.upstream === upstream)
        .map((c) => ({
          name: cases[keyed.indexOf(c)].name,
          saturated: throughput.get(c.name)!,
          paced: pacedOf(c.name),
          cpuUsPerRequest: median(cpuPerRequest.get(c.name)!.slice(1)),
        })),
    }));
    const bars = gatewayBars(groups);
    const lines = [
      `bench:gateway — ${CONNECTIONS} connections, ${SECONDS} interleaved 1 s rounds per case (medians), apps at LOG_LEVEL=${APP_ENV.LOG_LEVEL}, node ${process.version}`,
      `machine load average (1/5/15 min): ${loadBefore} before, ${load()} after, on ${cpus().length} cores`,
      '',
      ...gatewayTables(groups),
      '',
      ...bars.lines,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exitCode = bars.allMet ? 0 : 1;
  } finally {
    await Promise.all(loads.map((l) => l.close().catch(() => undefined)));
    for (const s of started) s.child.kill('SIGTERM');
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench:gateway failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
