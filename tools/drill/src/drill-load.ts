import type { KeyOutcome } from './drill-tally';

/** How the load behaves. */
export interface LoadOptions {
  /** `http://127.0.0.1:<port>/api/v1/analytics` (loopback only). */
  baseUrl: string;
  tenant: string;
  /** Prefix of every `Idempotency-Key`, unique per drill run. */
  runId: string;
  /** New logical events per second. */
  rate: number;
  /** At most this many logical events in total. */
  maxEvents: number;
  /** A logical event is retried (same key and body) until this long after its first send. */
  retryForMs: number;
  /** Per-attempt timeout (an unanswered request is retried). */
  attemptTimeoutMs: number;
  /** At most this many logical events open (sending or waiting to retry) at once. */
  maxOpen: number;
}

/** Counters for progress lines. */
export interface LoadStats {
  sent: number;
  accepted: number;
  open: number;
  attempts: number;
  status5xx: number;
  status409: number;
  status4xx: number;
  network: number;
  timeouts: number;
  skipped: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Delay before the next attempt: the server's `Retry-After` (≤ 5 s) or exponential backoff with jitter. */
export function backoffMs(attempt: number, retryAfter: string | null): number {
  const told = retryAfter === null ? NaN : Number(retryAfter) * 1000;
  if (Number.isFinite(told) && told >= 0) return Math.min(5_000, told) + Math.random() * 200;
  const cap = Math.min(4_000, 250 * 2 ** Math.min(attempt - 1, 6));
  return cap / 2 + Math.random() * (cap / 2);
}

/**
 * A bounded, open-loop load of `POST /events`: `rate` new logical events per second while
 * running, each with its own `Idempotency-Key` and a unique event `type` (its marker), retried
 * like a real client (unanswered, 5xx, 409, 429) with the same key and body until its deadline.
 */
export class DrillLoad {
  readonly outcomes: KeyOutcome[] = [];
  readonly stats: LoadStats = {
    sent: 0,
    accepted: 0,
    open: 0,
    attempts: 0,
    status5xx: 0,
    status409: 0,
    status4xx: 0,
    network: 0,
    timeouts: 0,
    skipped: 0,
  };
  private scenario = 'warm-up';
  private timer?: NodeJS.Timeout;
  private readonly open = new Set<Promise<void>>();

  constructor(private readonly options: LoadOptions) {}

  /** Events first sent from now on belong to `scenario`. */
  setScenario(scenario: string): void {
    this.scenario = scenario;
  }

  /** Starts sending `rate` new events per second (ticks of 50 ms). */
  start(): void {
    const perTick = this.options.rate / 20;
    let credit = 0;
    this.timer = setInterval(() => {
      credit += perTick;
      while (credit >= 1) {
        credit -= 1;
        if (this.outcomes.length >= this.options.maxEvents) return this.stopSending();
        if (this.open.size >= this.options.maxOpen) {
          this.stats.skipped += 1;
          continue;
        }
        this.launch();
      }
    }, 50);
  }

  /** No new logical events; those open keep retrying. */
  stopSending(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Waits until every open logical event got a 2xx or gave up. */
  async drain(onTick?: () => void): Promise<void> {
    while (this.open.size > 0) {
      await Promise.race([Promise.all(this.open), sleep(2_000)]);
      onTick?.();
    }
  }

  private launch(): void {
    const n = this.outcomes.length;
    const outcome: KeyOutcome = { scenario: this.scenario, marker: `d.${this.scenario}.${n}`, accepted: false };
    this.outcomes.push(outcome);
    this.stats.sent += 1;
    const key = `${this.options.runId}-${this.scenario}-${n}`;
    const body = JSON.stringify({ type: outcome.marker, payload: { drillKey: key } });
    const p: Promise<void> = this.send(outcome, key, body).finally(() => {
      this.open.delete(p);
      this.stats.open = this.open.size;
    });
    this.open.add(p);
    this.stats.open = this.open.size;
  }

  private async send(outcome: KeyOutcome, key: string, body: string): Promise<void> {
    const deadline = Date.now() + this.options.retryForMs;
    for (let attempt = 1; ; attempt += 1) {
      this.stats.attempts += 1;
      let retryAfter: string | null = null;
      try {
        const res = await fetch(`${this.options.baseUrl}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-tenant-id': this.options.tenant },
          body,
          signal: AbortSignal.timeout(this.options.attemptTimeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.status >= 200 && res.status < 300) {
          outcome.accepted = true;
          this.stats.accepted += 1;
          return;
        }
        retryAfter = res.headers.get('retry-after');
        if (res.status >= 500) this.stats.status5xx += 1;
        else if (res.status === 409 || res.status === 429) this.stats.status409 += 1;
        else {
          this.stats.status4xx += 1;
          return;
        }
      } catch (error) {
        if ((error as Error).name === 'TimeoutError') this.stats.timeouts += 1;
        else this.stats.network += 1;
      }
      const wait = backoffMs(attempt, retryAfter);
      if (Date.now() + wait > deadline) return;
      await sleep(wait);
    }
  }
}
