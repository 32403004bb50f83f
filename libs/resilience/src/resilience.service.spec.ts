import { PlatformError } from '@mikasmissions/http';
import { ReadinessRegistry } from '@mikasmissions/health';
import { CircuitOpenError, HedgeLostError, markRetryable } from './resilience.errors';
import { ResilienceService } from './resilience.service';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const boom = (status = 500) => new PlatformError(status, 'BOOM', 'boom');
const waitForAbort = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));

describe('ResilienceService.wrap (circuits in code)', () => {
  let service: ResilienceService;
  let registry: ReadinessRegistry;
  let n = 0;
  const name = () => `target-${n++}`;
  beforeEach(() => {
    registry = new ReadinessRegistry();
    service = new ResilienceService(registry);
    service.onModuleInit();
  });
  afterEach(() => service.onApplicationShutdown());

  it('opens on the rolling failure rate and then fails fast without calling the target', async () => {
    let calls = 0;
    const call = service.wrap(
      name(),
      async () => {
        calls++;
        throw boom();
      },
      { minimumCalls: 3, failureRateThreshold: 0.5, openDurationMs: 10_000 },
    );
    for (let i = 0; i < 3; i++) await expect(call()).rejects.toMatchObject({ code: 'boom' });
    const started = Date.now();
    await expect(call()).rejects.toBeInstanceOf(CircuitOpenError);
    await expect(call()).rejects.toMatchObject({ status: 503, code: 'circuit_open', headers: { 'retry-after': '10' } });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(calls).toBe(3);
    const details = (await registry.list()[0].check()) as Record<string, { state: string; failures: number; rejects: number }>;
    expect(Object.values(details)[0]).toMatchObject({ state: 'open', failures: 3, rejects: 2 });
  });

  it('forgets failures that left the rolling window', async () => {
    const call = service.wrap(
      name(),
      async () => {
        throw boom();
      },
      { minimumCalls: 3, windowMs: 1_000 },
    );
    await expect(call()).rejects.toMatchObject({ code: 'boom' });
    await expect(call()).rejects.toMatchObject({ code: 'boom' });
    await sleep(1_300);
    for (let i = 0; i < 3; i++) await expect(call()).rejects.toMatchObject({ code: 'boom' });
    await expect(call()).rejects.toBeInstanceOf(CircuitOpenError);
  });

  it('runs unprotected when disabled', async () => {
    let calls = 0;
    const call = service.wrap(
      name(),
      async () => {
        calls++;
        throw boom();
      },
      { enabled: false, minimumCalls: 1 },
    );
    for (let i = 0; i < 4; i++) await expect(call()).rejects.toMatchObject({ code: 'boom' });
    expect(calls).toBe(4);
  });

  it('does not count client errors (4xx) as failures', async () => {
    const call = service.wrap(
      name(),
      async () => {
        throw boom(404);
      },
      { minimumCalls: 2 },
    );
    for (let i = 0; i < 5; i++) await expect(call()).rejects.toMatchObject({ status: 404 });
  });

  it('half-open admits at most halfOpenMaxCalls probes; success closes', async () => {
    let fail = true;
    let calls = 0;
    const call = service.wrap(
      name(),
      async () => {
        calls++;
        await sleep(150);
        if (fail) throw boom();
        return 'ok';
      },
      { minimumCalls: 2, openDurationMs: 300, halfOpenMaxCalls: 2 },
    );
    await Promise.allSettled([call(), call()]);
    await expect(call()).rejects.toBeInstanceOf(CircuitOpenError);
    fail = false;
    calls = 0;
    await sleep(450);
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => call()));
    expect(calls).toBe(2);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof CircuitOpenError)).toHaveLength(4);
    await expect(call()).resolves.toBe('ok');
  });

  it('a failed half-open probe re-opens the breaker', async () => {
    let calls = 0;
    const call = service.wrap(
      name(),
      async () => {
        calls++;
        throw boom();
      },
      { minimumCalls: 1, openDurationMs: 300 },
    );
    await expect(call()).rejects.toMatchObject({ code: 'boom' });
    await sleep(450);
    await expect(call()).rejects.toMatchObject({ code: 'boom' });
    await expect(call()).rejects.toBeInstanceOf(CircuitOpenError);
    expect(calls).toBe(2);
  });

  it('times an attempt out and aborts its signal', async () => {
    let seen: AbortSignal | undefined;
    const call = service.wrap(
      name(),
      (signal) => {
        seen = signal;
        return waitForAbort(signal);
      },
      { timeoutMs: 100 },
    );
    await expect(call()).rejects.toMatchObject({ status: 504, code: 'upstream_timeout' });
    expect(seen?.aborted).toBe(true);
  });

  it('retries only retryable errors, with backoff', async () => {
    let calls = 0;
    const flaky = service.wrap(
      name(),
      async () => {
        if (++calls < 3) throw markRetryable(boom(503));
        return 'third time';
      },
      { retries: { max: 3, baseDelayMs: 10 }, minimumCalls: 10 },
    );
    await expect(flaky()).resolves.toBe('third time');
    expect(calls).toBe(3);
    let hard = 0;
    const broken = service.wrap(
      name(),
      async () => {
        hard++;
        throw boom();
      },
      { retries: 3, minimumCalls: 10 },
    );
    await expect(broken()).rejects.toMatchObject({ code: 'boom' });
    expect(hard).toBe(1);
  });

  it('hedges a slow attempt: the first answer wins and the loser is aborted', async () => {
    const signals: AbortSignal[] = [];
    const call = service.wrap(
      name(),
      async (signal) => {
        signals.push(signal);
        if (signals.length === 1) return waitForAbort(signal);
        return 'hedge won';
      },
      { hedgeAfterMs: 100 },
    );
    await expect(call()).resolves.toBe('hedge won');
    expect(signals).toHaveLength(2);
    expect(signals[0].aborted).toBe(true);
    expect(signals[0].reason).toBeInstanceOf(HedgeLostError);
    expect(signals[1].aborted).toBe(false);
  });

  it("'p95' hedges from observed latency, within the hedge budget", async () => {
    const attempts = new Map<string, number>();
    const target = name();
    const call = service.wrap(
      target,
      async (signal, id: string) => {
        const nth = (attempts.get(id) ?? 0) + 1;
        attempts.set(id, nth);
        if (id.startsWith('slow') && nth === 1) return waitForAbort(signal);
        return id;
      },
      { hedgeAfterMs: 'p95', hedgeBudget: 0.1, timeoutMs: 2_000 },
    );
    for (let i = 0; i < 20; i++) await call(`warm-${i}`);
    const slow = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => call(`slow-${i}`)));
    expect(service.snapshot()[target].hedges).toBe(4);
    expect(slow.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    expect(slow.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'upstream_timeout')).toHaveLength(16);
  });

  it('answers with the fallback when open or failing', async () => {
    const call = service.wrap(
      name(),
      async () => {
        throw boom();
      },
      { minimumCalls: 1, fallback: (error) => ({ degraded: true, code: (error as { code: string }).code }) },
    );
    await expect(call()).resolves.toEqual({ degraded: true, code: 'boom' });
    await expect(call()).resolves.toEqual({ degraded: true, code: 'circuit_open' });
  });

  it('rejects bad policies at creation', () => {
    expect(() => service.wrap('bad', async () => 1, { failureRateThreshold: 2, hedgeAfterMs: -1 as never })).toThrow(
      "circuit bad: failureRateThreshold must be in (0, 1]; hedgeAfterMs must be a positive integer or 'p95'",
    );
  });
});
