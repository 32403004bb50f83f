/**
 * An in-process "there is work" signal for a relay loop: `notify()` wakes every waiter,
 * or, when nobody waits yet, makes the next `wait()` return at once (no lost wake-up).
 */
export class WorkSignal {
  private waiters: Array<() => void> = [];
  private pending = false;

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    if (waiters.length === 0) this.pending = true;
    for (const wake of waiters) wake();
  }

  /** Resolves on the next `notify()` (or a pending one), or after `timeoutMs`. */
  wait(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Releases every waiter (shutdown). */
  release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
