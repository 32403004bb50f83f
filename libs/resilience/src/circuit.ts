import { mapError } from '@mikasmissions/http';
import CircuitBreaker from 'opossum';
import { CircuitOpenError, HedgeLostError, isRetryable, ResilienceTimeoutError } from './resilience.errors';
import { HedgeBudget, LatencyTracker } from './hedging';
import type { ResolvedResiliencePolicy } from './resilience-policy';

/** One attempt of the protected call; it should stop when `signal` aborts. */
export type Attempt<T> = (signal: AbortSignal) => Promise<T>;

/** State and counters of a circuit, as `/ready` shows them. */
export interface CircuitSnapshot {
  state: 'closed' | 'open' | 'half-open';
  fires: number;
  successes: number;
  failures: number;
  rejects: number;
  timeouts: number;
  hedges: number;
  retries: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Server errors (and timeouts) count against the breaker; client errors (4xx) do not. */
function isFailure(error: unknown): boolean {
  return mapError(error).status >= 500;
}

/**
 * A named circuit: an opossum breaker (rolling-window failure rate, open, half-open) around
 * attempts with timeout, jittered retries and hedging. Half-open admits up to
 * `halfOpenMaxCalls` probes: opossum's own probe plus extra ones counted here.
 */
export class Circuit {
  private readonly breaker: CircuitBreaker<[Attempt<unknown>], unknown>;
  private readonly latencies = new LatencyTracker();
  private readonly budget: HedgeBudget;
  private probes = 0;
  private openedAt = 0;
  private timeouts = 0;
  private retries = 0;

  constructor(
    readonly name: string,
    readonly policy: ResolvedResiliencePolicy,
  ) {
    this.budget = new HedgeBudget(policy.hedgeBudget, policy.windowMs);
    this.breaker = new CircuitBreaker((attempt: Attempt<unknown>) => this.attempts(attempt), {
      name,
      timeout: false,
      errorThresholdPercentage: Math.max(0, policy.failureRateThreshold * 100 - 1e-9),
      resetTimeout: policy.openDurationMs,
      rollingCountTimeout: policy.windowMs,
      rollingCountBuckets: 10,
      volumeThreshold: policy.minimumCalls,
      errorFilter: (error: unknown) => !isFailure(error),
    });
    this.breaker.on('open', () => (this.openedAt = Date.now()));
    this.breaker.on('halfOpen', () => (this.probes = 0));
    this.breaker.on('close', () => (this.probes = 0));
  }

  /** Runs `attempt` under the policy; the breaker open → {@link CircuitOpenError} (or the fallback). */
  async execute<T>(attempt: Attempt<T>): Promise<T> {
    if (!this.policy.enabled) return attempt(new AbortController().signal);
    try {
      return (await this.admit(attempt as Attempt<unknown>)) as T;
    } catch (error) {
      if (this.policy.fallback) return this.policy.fallback(error) as T;
      throw error;
    }
  }

  private async admit(attempt: Attempt<unknown>): Promise<unknown> {
    if (this.breaker.halfOpen) {
      if (this.probes >= this.policy.halfOpenMaxCalls) throw this.openError();
      this.probes++;
      if (!this.breaker.pendingClose) return this.extraProbe(attempt);
    }
    try {
      return await this.breaker.fire(attempt);
    } catch (error) {
      if ((error as { code?: string }).code === 'EOPENBREAKER') throw this.openError();
      throw error;
    }
  }

  /** A half-open probe beyond opossum's single one: its outcome closes or re-opens the breaker. */
  private async extraProbe(attempt: Attempt<unknown>): Promise<unknown> {
    try {
      const value = await this.attempts(attempt);
      if (this.breaker.halfOpen) this.breaker.close();
      return value;
    } catch (error) {
      if (isFailure(error) && !this.breaker.opened) this.breaker.open();
      throw error;
    }
  }

  private openError(): CircuitOpenError {
    return new CircuitOpenError(this.name, Math.max(0, this.openedAt + this.policy.openDurationMs - Date.now()));
  }

  private async attempts(attempt: Attempt<unknown>): Promise<unknown> {
    const { max, baseDelayMs, maxDelayMs } = this.policy.retries;
    for (let n = 0; ; n++) {
      try {
        return await this.hedged(attempt);
      } catch (error) {
        if (n >= max || !isRetryable(error)) throw error;
        this.retries++;
        await sleep(Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** n));
      }
    }
  }

  private hedgeDelay(): number | undefined {
    const h = this.policy.hedgeAfterMs;
    return h === 'p95' ? this.latencies.p95() : h;
  }

  private hedged(attempt: Attempt<unknown>): Promise<unknown> {
    this.budget.call();
    const delay = this.hedgeDelay();
    if (delay === undefined) return this.timed(attempt, new AbortController());
    const controllers: AbortController[] = [];
    return new Promise((resolve, reject) => {
      let settled = false;
      let running = 0;
      let timer: NodeJS.Timeout | undefined;
      const start = () => {
        const controller = new AbortController();
        controllers.push(controller);
        running++;
        this.timed(attempt, controller).then(
          (value) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            for (const other of controllers) if (other !== controller) other.abort(new HedgeLostError());
            resolve(value);
          },
          (error: unknown) => {
            running--;
            if (settled || running > 0) return;
            settled = true;
            clearTimeout(timer);
            reject(error);
          },
        );
      };
      start();
      if (delay !== undefined) {
        timer = setTimeout(() => {
          if (!settled && this.budget.tryHedge()) start();
        }, delay);
      }
    });
  }

  private async timed(attempt: Attempt<unknown>, controller: AbortController): Promise<unknown> {
    const started = Date.now();
    const timeoutMs = this.policy.timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    try {
      const run = attempt(controller.signal);
      const value = await (timeoutMs === undefined
        ? run
        : Promise.race([
            run,
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => {
                this.timeouts++;
                const error = new ResilienceTimeoutError(this.name, timeoutMs);
                controller.abort(error);
                reject(error);
              }, timeoutMs);
            }),
          ]));
      this.latencies.record(Date.now() - started);
      return value;
    } finally {
      clearTimeout(timer);
    }
  }

  snapshot(): CircuitSnapshot {
    const stats = this.breaker.stats;
    return {
      state: this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'half-open' : 'closed',
      fires: stats.fires,
      successes: stats.successes,
      failures: stats.failures,
      rejects: stats.rejects,
      timeouts: this.timeouts,
      hedges: this.budget.spent,
      retries: this.retries,
    };
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}
