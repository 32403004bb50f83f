import { Reflector } from '@nestjs/core';

/** Options of {@link Idempotency}. */
export interface IdempotencyOptions {
  /** How long a completed response is replayed. Default: 24 h. */
  ttlMs?: number;
  /** Answer 400 when the `Idempotency-Key` header is missing. Default: false. */
  required?: boolean;
}

/** What {@link Idempotency} stores on a handler. */
export type IdempotencyMetadata = Required<IdempotencyOptions>;

/** Default retention of a completed response. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** The metadata key of {@link Idempotency}. */
export const IdempotencyDecorator = Reflector.createDecorator<IdempotencyMetadata>();

/**
 * Makes a write safe to retry: the first request with an `Idempotency-Key` runs, and its
 * status, body and headers are replayed (with `idempotent-replayed: true`) for the same key
 * within `ttlMs`. Same key with another payload → 422; while the first still runs → 409.
 * Bad options fail at start-up.
 *
 * @example
 * @Idempotency({ required: true })
 * @Post('events')
 * create(@Body() dto: CreateEventDto) { … }
 */
export function Idempotency(options: IdempotencyOptions = {}): MethodDecorator {
  const ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
  if (!Number.isInteger(ttlMs) || ttlMs < 1_000) {
    throw new Error(`@Idempotency: ttlMs must be an integer of at least 1000 ms, got ${String(options.ttlMs)}`);
  }
  return IdempotencyDecorator({ ttlMs, required: options.required === true });
}
