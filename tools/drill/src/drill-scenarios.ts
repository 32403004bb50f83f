import type { FaultProxy } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import type { AnalyticsProcess, DrillRedis } from './drill-stack';

/** What a scenario can break. */
export interface DrillStack {
  proxy: FaultProxy;
  redis: DrillRedis;
  /** A client of the drill's Redis (for FLUSHALL). */
  redisClient: () => Redis;
  analytics: AnalyticsProcess;
  progress: (line: string) => void;
}

/** One fault, injected while the load runs; `run` takes about `seconds`. */
export interface Scenario {
  name: string;
  describe: string;
  run(stack: DrillStack, seconds: number): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const since = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s (${new Date().toISOString().slice(11, 23)})`;

/** Waits out what is left of a scenario's `seconds` (at least 1 s of load after the fault). */
async function rest(t0: number, seconds: number): Promise<void> {
  await sleep(Math.max(1_000, seconds * 1000 - (Date.now() - t0)));
}

/** The three scenarios of issue 9, in order. */
export const SCENARIOS: Scenario[] = [
  {
    name: 'pg-restart',
    describe: 'Postgres "restart": the proxy drops every connection and refuses new ones for 5 s, then forwards again',
    async run(stack, seconds) {
      const t0 = Date.now();
      await sleep(2_000);
      await stack.proxy.cut();
      stack.progress(`pg-restart: Postgres cut at ${since(t0)}`);
      await sleep(5_000);
      await stack.proxy.restore();
      stack.progress(`pg-restart: Postgres restored at ${since(t0)}`);
      await rest(t0, seconds);
    },
  },
  {
    name: 'redis-flush',
    describe: "the drill's Redis is SIGKILLed and started again empty, then FLUSHALL on it",
    async run(stack, seconds) {
      const t0 = Date.now();
      await sleep(2_000);
      await stack.redis.kill();
      stack.progress(`redis-flush: Redis SIGKILLed at ${since(t0)}`);
      await sleep(1_500);
      await stack.redis.start();
      stack.progress(`redis-flush: Redis started empty at ${since(t0)}`);
      await sleep(3_500);
      const client = stack.redisClient();
      try {
        await client.connect();
        await client.flushall();
      } finally {
        client.disconnect();
      }
      stack.progress(`redis-flush: FLUSHALL at ${since(t0)}`);
      await rest(t0, seconds);
    },
  },
  {
    name: 'sigkill',
    describe: 'the analytics process (HTTP, relay, consumer) is SIGKILLed under load and started again',
    async run(stack, seconds) {
      const t0 = Date.now();
      await sleep(2_000);
      await stack.analytics.kill('SIGKILL');
      stack.progress(`sigkill: analytics SIGKILLed at ${since(t0)}`);
      await stack.analytics.start();
      stack.progress(`sigkill: analytics listening again at ${since(t0)}`);
      await rest(t0, seconds);
    },
  },
];
