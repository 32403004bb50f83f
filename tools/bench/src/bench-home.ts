import autocannon from 'autocannon';
import { BENCH_APP_ENV, benchParentToken, median, type Started, startProcess } from './bench-processes';

/**
 * `pnpm run bench:home`: the kids-home latency through the gateway, cached and uncached, in one
 * run. Starts a stub of profile and identity, the real apps/catalog (memory mode, its demo
 * catalog of 30 episodes), apps/recommendation (memory stores, HTTP upstreams) and the gateway
 * (enforce mode, HS256 token) on 127.0.0.1, then measures `GET /v1/kids/home?child_profile_id&mode=core` with
 * autocannon: cached = one child over and over (x-cache HIT), uncached = a new child per
 * request (profile, controls, one catalog page per allowed band, rails every time). 2 s warm-up
 * each, then BENCH_SECONDS (default 5) interleaved 1 s rounds, BENCH_CONNECTIONS (default 20).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

interface Figures {
  rps: number[];
  p50: number[];
  p99: number[];
}

let fresh = 0;
const homePath = (child: string) => `/v1/kids/home?child_profile_id=${child}&mode=core`;

async function round(base: string, headers: Record<string, string>, cached: boolean, seconds: number): Promise<autocannon.Result> {
  const result = await autocannon({
    url: base,
    headers,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      { method: 'GET', setupRequest: (req) => ({ ...req, path: homePath(cached ? 'bench-kid-cached' : `bench-kid-${(fresh += 1)}`) }) },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${cached ? 'cached' : 'uncached'}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

async function main(): Promise<void> {
  const started: Started[] = [];
  const common = BENCH_APP_ENV;
  try {
    const stub = await startProcess('family-stub', 'tools/bench/src/family-stub.ts', {});
    started.push(stub);
    const catalog = await startProcess('catalog', 'apps/catalog/src/main.ts', {
      ...common,
      CATALOG_PORT: '0',
      PROFILE_URL: stub.url,
      IDENTITY_URL: stub.url,
    });
    started.push(catalog);
    const recommendation = await startProcess('recommendation', 'apps/recommendation/src/main.ts', {
      ...common,
      RECOMMENDATION_PORT: '0',
      RECOMMENDATION_UPSTREAMS: 'http',
      PROFILE_URL: stub.url,
      IDENTITY_URL: stub.url,
      CATALOG_URL: catalog.url,
    });
    started.push(recommendation);
    const gateway = await startProcess('gateway', 'apps/gateway/src/main.ts', {
      ...common,
      GATEWAY_PORT: '0',
      RECOMMENDATION_URL: recommendation.url,
    });
    started.push(gateway);
    const token = await benchParentToken();
    const headers = { authorization: `Bearer ${token}` };
    const probe = await fetch(`${gateway.url}${homePath('bench-kid-probe')}`, { headers });
    const body = (await probe.json()) as { rails?: unknown[] };
    if (probe.status !== 200 || !Array.isArray(body.rails) || body.rails.length === 0)
      throw new Error(`probe answered ${probe.status}: ${JSON.stringify(body).slice(0, 300)}`);
    for (const cached of [true, false]) await round(gateway.url, headers, cached, 2);
    const figures: Record<'cached' | 'uncached', Figures> = {
      cached: { rps: [], p50: [], p99: [] },
      uncached: { rps: [], p50: [], p99: [] },
    };
    for (let i = 0; i < SECONDS; i++) {
      for (const cached of [true, false]) {
        const r = await round(gateway.url, headers, cached, 1);
        const f = figures[cached ? 'cached' : 'uncached'];
        f.rps.push(r.requests.average);
        f.p50.push(r.latency.p50);
        f.p99.push(r.latency.p99);
      }
    }
    const row = (name: string, f: Figures) => `| ${name} | ${Math.round(median(f.rps))} | ${median(f.p50)} | ${median(f.p99)} |`;
    const lines = [
      `bench:home — GET /v1/kids/home through the gateway (real catalog, demo catalog), ${CONNECTIONS} connections, ${SECONDS} interleaved 1 s rounds (medians), ${body.rails.length} rail items per home, node ${process.version}`,
      '',
      '| home | req/s | p50 ms | p99 ms |',
      '| --- | ---: | ---: | ---: |',
      row('cached (same child, x-cache HIT)', figures.cached),
      row('uncached (new child each request)', figures.uncached),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const s of started) s.child.kill('SIGTERM');
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench:home failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
