import type { EventEnvelope } from '../../event-envelope';
import { InboxStore } from '../../ports/inbox-store';

/** In-process inbox for dev:local and unit tests. */
export class MemoryInboxStore extends InboxStore {
  readonly kind = 'memory' as const;
  private readonly seen = new Set<string>();
  private readonly running = new Map<string, Promise<boolean>>();

  async runOnce(consumer: string, envelope: EventEnvelope, handler: () => Promise<void>): Promise<boolean> {
    const key = `${consumer}\u0000${envelope.id}`;
    if (this.seen.has(key)) return false;
    const inFlight = this.running.get(key);
    if (inFlight) return inFlight.then(() => false);
    const run = handler().then(() => {
      this.seen.add(key);
      return true;
    });
    this.running.set(key, run);
    try {
      return await run;
    } finally {
      this.running.delete(key);
    }
  }

  async has(consumer: string, eventId: string): Promise<boolean> {
    return this.seen.has(`${consumer}\u0000${eventId}`);
  }
}
