import type { EventEnvelope } from '../event-envelope';

/** Lifecycle of an outbox row. */
export type OutboxStatus = 'pending' | 'published' | 'failed';

/** One outbox row as operators and the relay see it. */
export interface OutboxRecord {
  id: string;
  type: string;
  aggregateId: string | null;
  envelope: EventEnvelope;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  publishedAt: string | null;
  /** Where the relay last put the row (set when published), else `null`. */
  streamEntry: StreamEntryRef | null;
}

/** A stream entry as the relay recorded it: the `XADD` id and the stream's epoch (marker) at that time. */
export interface StreamEntryRef {
  id: string;
  epoch: string;
}

/** A page of published rows in the retention window, for the reconciler. */
export interface PublishedPage {
  records: OutboxRecord[];
  /** Where the next page starts; `null` when this was the last. */
  next: string | null;
}

/** What the relay reports per claimed row. */
export type RelayOutcome =
  | { id: string; ok: true; /** where the transport put it, when it can tell */ entry?: StreamEntryRef }
  | { id: string; ok: false; error: string; /** give up: status `failed` */ fail: boolean; retryInMs: number };

/** Rows the relay holds exclusively until it completes or releases them. */
export interface OutboxClaim {
  records: OutboxRecord[];
  /** Applies the outcomes (published / retry later / failed) and releases the claim. */
  complete(outcomes: RelayOutcome[]): Promise<void>;
  /** Gives the rows back untouched. */
  release(): Promise<void>;
}

/** Options of {@link OutboxStore.requeueFailed}. */
export interface RequeueOptions {
  limit: number;
  /** Only report what would be requeued. */
  dryRun: boolean;
  /** Set attempts back to 0 (a fresh retry budget). */
  resetAttempts: boolean;
}

/** Row counts per status. */
export type OutboxStats = Record<OutboxStatus, number>;

/**
 * Port: where events wait between the handler's commit and the relay. Adapters: Postgres
 * (table `outbox` in the service's schema, joins the handler's transaction), Redis, memory.
 */
export abstract class OutboxStore {
  /** `postgres`, `redis` or `memory`. */
  abstract readonly kind: 'postgres' | 'redis' | 'memory';
  /** Whether {@link append} joins the caller's database transaction (else writes are buffered until commit). */
  abstract readonly transactional: boolean;
  /** Stores new pending events. */
  abstract append(envelopes: EventEnvelope[]): Promise<void>;
  /** Claims up to `limit` due pending rows, oldest first, never a row another claim holds. */
  abstract claim(limit: number): Promise<OutboxClaim>;
  /** Failed rows, oldest first. */
  abstract listFailed(limit: number): Promise<OutboxRecord[]>;
  /** Moves up to `limit` failed rows back to pending (unless dry-run); returns them. */
  abstract requeueFailed(options: RequeueOptions): Promise<OutboxRecord[]>;
  /** Counts per status. */
  abstract stats(): Promise<OutboxStats>;
  /** Published rows published within the last `withinMs`, in write order, `limit` per page from `after` (a previous page's `next`). */
  abstract listPublished(query: { withinMs: number; limit: number; after?: string | null }): Promise<PublishedPage>;
  /** Moves these published rows back to pending, due now (the transport lost them); returns how many moved. */
  abstract republish(ids: string[]): Promise<number>;
  /** Deletes up to `limit` published rows published more than `olderThanMs` ago; returns how many. */
  abstract prunePublished(olderThanMs: number, limit: number): Promise<number>;
  /** Resolves when new rows may be waiting (or after `timeoutMs`). */
  abstract waitForWork(timeoutMs: number): Promise<void>;
  /** Tells this process's relay that rows were committed (no round trip). */
  abstract wake(): void;
  /** Releases listeners and connections the store opened itself. */
  async close(): Promise<void> {}
}
