/** A response as stored for replay. */
export interface StoredResponse {
  status: number;
  /** Response headers worth replaying (never `set-cookie`). */
  headers: Record<string, string>;
  /** The JSON text of a successful body. */
  body?: string;
  /** A 4xx error, replayed through the platform error filter. */
  error?: { code: string; message: string; details?: unknown };
}

/** The outcome of {@link IdempotencyStore.claim}. */
export type ClaimResult =
  | { outcome: 'claimed'; token: string }
  | { outcome: 'in-flight'; fingerprint: string }
  | { outcome: 'completed'; fingerprint: string; response: StoredResponse };

/**
 * Port: where idempotency records live. `claim` must be atomic across processes: of many
 * concurrent claims of one key exactly one returns `claimed`. Adapters: memory, Redis, Postgres.
 *
 * A `transactional` store (Postgres) writes the answer of `complete` in the caller's database
 * transaction: the stage runs the handler and `complete` inside {@link IdempotencyStore.unitOfWork},
 * so the answer commits with the handler's rows and outbox rows, or not at all.
 */
export abstract class IdempotencyStore {
  /** Whether `complete` inside {@link unitOfWork} commits with the handler's writes. Default: false. */
  readonly transactional: boolean = false;

  /** Runs `fn` as one unit of work with the handler's writes (a database transaction), or just runs it. */
  unitOfWork<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  /** Claims `key` for `lockTtlMs`, or reports the record already there. */
  abstract claim(key: string, fingerprint: string, lockTtlMs: number): Promise<ClaimResult>;
  /** Extends the in-flight claim; false when `token` no longer holds it. */
  abstract renew(key: string, token: string, lockTtlMs: number): Promise<boolean>;
  /** Stores the response for `ttlMs` if `token` still holds the claim. */
  abstract complete(key: string, token: string, response: StoredResponse, ttlMs: number): Promise<boolean>;
  /** Drops the claim held by `token` so the client may retry. */
  abstract release(key: string, token: string): Promise<void>;
}
