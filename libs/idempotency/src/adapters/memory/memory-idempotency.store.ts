import { randomUUID } from 'node:crypto';
import { ClaimResult, IdempotencyStore, StoredResponse } from '../../ports/idempotency-store';

interface MemoryRecord {
  fingerprint: string;
  token?: string;
  response?: StoredResponse;
  expiresAt: number;
}

/** Freezes `value` and everything in it, so a stored response can be handed out as it is. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Single-process store for dev:local and tests; same contract as Redis. A completed response
 * is copied once when stored and kept frozen, so a replay hands it out without another copy.
 */
export class MemoryIdempotencyStore extends IdempotencyStore {
  private readonly records = new Map<string, MemoryRecord>();

  private live(key: string): MemoryRecord | undefined {
    const record = this.records.get(key);
    if (record && record.expiresAt <= Date.now()) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }

  private claims = 0;

  /** Drops expired records now and then, so keys nobody sends again do not pile up. */
  private sweep(): void {
    if (++this.claims % 1_000 !== 0) return;
    const now = Date.now();
    for (const [key, { expiresAt }] of this.records) if (expiresAt <= now) this.records.delete(key);
  }

  async claim(key: string, fingerprint: string, lockTtlMs: number): Promise<ClaimResult> {
    this.sweep();
    const existing = this.live(key);
    if (existing?.response) return { outcome: 'completed', fingerprint: existing.fingerprint, response: existing.response };
    if (existing) return { outcome: 'in-flight', fingerprint: existing.fingerprint };
    const token = randomUUID();
    this.records.set(key, { fingerprint, token, expiresAt: Date.now() + lockTtlMs });
    return { outcome: 'claimed', token };
  }

  async renew(key: string, token: string, lockTtlMs: number): Promise<boolean> {
    const record = this.live(key);
    if (!record || record.token !== token) return false;
    record.expiresAt = Date.now() + lockTtlMs;
    return true;
  }

  async complete(key: string, token: string, response: StoredResponse, ttlMs: number): Promise<boolean> {
    const record = this.live(key);
    if (!record || record.token !== token) return false;
    this.records.set(key, {
      fingerprint: record.fingerprint,
      response: deepFreeze(structuredClone(response)),
      expiresAt: Date.now() + ttlMs,
    });
    return true;
  }

  async release(key: string, token: string): Promise<void> {
    if (this.live(key)?.token === token) this.records.delete(key);
  }
}
