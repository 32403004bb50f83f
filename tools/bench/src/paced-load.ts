import { Pool } from 'undici';

/** What {@link pacedLoad} sends: one GET, its headers made afresh for every round (signed identity expires). */
export interface PacedTarget {
  url: string;
  headers: () => Record<string, string>;
  /** The status every answer must have. Default 200. */
  status?: number;
}

/** One paced round: how much was sent and answered, and the latency percentiles (ms). */
export interface PacedResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  /** Every answered request's latency (ms), ascending, for percentiles pooled over rounds. */
  latencies: number[];
  sent: number;
  errors: number;
}

/** The value at quantile `q` (0–1) of ascending `sorted`, nearest rank. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** A target's paced load generator: {@link PacedLoad.round} as often as needed, then {@link PacedLoad.close}. */
export interface PacedLoad {
  /** Offers `rate` requests per second for `seconds`, evenly spaced; resolves with what came back. */
  round(rate: number, seconds: number): Promise<PacedResult>;
  /** Closes the connections. */
  close(): Promise<void>;
}

/**
 * An open-loop load at a fixed offered rate: `rate` GETs per second spread evenly (one every
 * 1/rate s, not bursts) over `connections` keep-alive connections (one undici Pool, opened
 * before the first round). Each latency runs from the moment the request was due, not from
 * when it left, so a stalled server or a late generator shows in the percentiles (no
 * coordinated omission). autocannon's `overallRate` cannot serve here: it sends each second's
 * quota back-to-back at the start of the second and then idles, so its latencies are those of
 * a saturated burst. Percentiles are rounded to 0.1 ms; a round throws when an answer has
 * another status than `target.status`.
 *
 * @example
 * const load = await pacedLoad({ url: 'http://127.0.0.1:8080/v1/catalog/episodes/e1', headers }, 50);
 * const { latency } = await load.round(1000, 1);
 * await load.close();
 */
export async function pacedLoad(target: PacedTarget, connections: number): Promise<PacedLoad> {
  const url = new URL(target.url);
  const pool = new Pool(url.origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  const path = `${url.pathname}${url.search}`;
  const expected = target.status ?? 200;
  const get = async (headers: Record<string, string>) => {
    const answer = await pool.request({ method: 'GET', path, headers });
    await answer.body.dump();
    return answer.statusCode;
  };
  const warmHeaders = target.headers();
  await Promise.all(Array.from({ length: connections }, () => get(warmHeaders)));
  return {
    close: () => pool.close(),
    async round(rate, seconds) {
      const total = Math.max(1, Math.round(rate * seconds));
      const intervalMs = 1_000 / rate;
      const latencies: number[] = [];
      const wrong = new Set<number>();
      let errors = 0;
      const inFlight: Promise<void>[] = [];
      const headers = target.headers();
      const fire = (dueAt: number) =>
        get(headers).then(
          (status) => {
            if (status === expected) latencies.push(performance.now() - dueAt);
            else wrong.add(status);
          },
          () => {
            errors++;
          },
        );
      const start = performance.now();
      let next = 0;
      while (next < total) {
        const now = performance.now();
        while (next < total && start + next * intervalMs <= now) inFlight.push(fire(start + next++ * intervalMs));
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(1, start + next * intervalMs - performance.now()))));
      }
      await Promise.all(inFlight);
      const elapsedSec = (performance.now() - start) / 1_000;
      if (wrong.size > 0) throw new Error(`${target.url}: answers with status ${[...wrong].join(', ')} (expected ${expected})`);
      latencies.sort((a, b) => a - b);
      const round1 = (v: number) => Math.round(v * 10) / 10;
      return {
        requests: { average: latencies.length / elapsedSec },
        latency: { p50: round1(quantile(latencies, 0.5)), p99: round1(quantile(latencies, 0.99)) },
        latencies,
        sent: total,
        errors,
      };
    },
  };
}
