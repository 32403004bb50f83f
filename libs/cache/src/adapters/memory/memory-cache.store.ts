import { randomUUID } from 'node:crypto';
import { CacheEntry, CacheStore } from '../../ports/cache-store';

/** In-process cache for dev:local and single-replica runs; same contract as Redis. */
export class MemoryCacheStore extends CacheStore {
  private readonly entries = new Map<string, { entry: CacheEntry; expiresAt: number }>();
  private readonly locks = new Map<string, { token: string; expiresAt: number }>();

  async get(key: string): Promise<CacheEntry | null> {
    const found = this.entries.get(key);
    if (!found) return null;
    if (found.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return null;
    }
    return { ...found.entry, tags: [...found.entry.tags] };
  }

  private writes = 0;

  /** Drops expired entries now and then, so keys nobody reads again do not pile up. */
  private sweep(): void {
    if (++this.writes % 1_000 !== 0) return;
    const now = Date.now();
    for (const [key, { expiresAt }] of this.entries) if (expiresAt <= now) this.entries.delete(key);
    for (const [name, { expiresAt }] of this.locks) if (expiresAt <= now) this.locks.delete(name);
  }

  async set(key: string, entry: CacheEntry): Promise<void> {
    this.sweep();
    this.entries.set(key, { entry: { ...entry, tags: [...entry.tags] }, expiresAt: entry.storedAt + entry.ttlMs + entry.swrMs });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async deleteByTag(tag: string): Promise<number> {
    let n = 0;
    for (const [key, { entry }] of this.entries) {
      if (entry.tags.includes(tag) && (await this.get(key))) {
        this.entries.delete(key);
        n++;
      }
    }
    return n;
  }

  async expireByTag(tag: string): Promise<number> {
    let n = 0;
    for (const [key, { entry }] of this.entries) {
      if (entry.tags.includes(tag) && (await this.get(key))) {
        entry.expired = true;
        n++;
      }
    }
    return n;
  }

  async acquireLock(name: string, ttlMs: number): Promise<string | null> {
    const held = this.locks.get(name);
    if (held && held.expiresAt > Date.now()) return null;
    const token = randomUUID();
    this.locks.set(name, { token, expiresAt: Date.now() + ttlMs });
    return token;
  }

  async releaseLock(name: string, token: string): Promise<void> {
    if (this.locks.get(name)?.token === token) this.locks.delete(name);
  }
}
