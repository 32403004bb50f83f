/** Recent successful latencies of one circuit, for the adaptive (`'p95'`) hedge delay. */
export class LatencyTracker {
  private readonly samples: number[] = [];
  private next = 0;

  constructor(
    private readonly size = 200,
    private readonly minimumSamples = 20,
  ) {}

  record(ms: number): void {
    if (this.samples.length < this.size) this.samples.push(ms);
    else this.samples[this.next] = ms;
    this.next = (this.next + 1) % this.size;
  }

  /** The p95 of recent latencies, or undefined until enough samples exist. */
  p95(): number | undefined {
    if (this.samples.length < this.minimumSamples) return undefined;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return Math.max(1, sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]);
  }
}

/** Caps hedges at a share of calls per window, so hedging cannot double load on a struggling backend. */
export class HedgeBudget {
  private calls = 0;
  private hedges = 0;
  private windowStart = Date.now();

  constructor(
    private readonly share: number,
    private readonly windowMs: number,
  ) {}

  private roll(): void {
    if (Date.now() - this.windowStart >= this.windowMs) {
      this.calls = 0;
      this.hedges = 0;
      this.windowStart = Date.now();
    }
  }

  /** Counts one call. */
  call(): void {
    this.roll();
    this.calls++;
  }

  /** Takes one hedge from the budget if there is room (at least one per window). */
  tryHedge(): boolean {
    this.roll();
    if (this.hedges >= Math.max(1, Math.floor(this.calls * this.share))) return false;
    this.hedges++;
    return true;
  }

  get spent(): number {
    return this.hedges;
  }
}
