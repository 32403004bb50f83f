/**
 * The one declared order of the request pipeline. Guards run first, in {@link GUARD_ORDER};
 * then a route's decorators wrap its handler, outermost first, in {@link STEP_ORDER}:
 *
 * - `upload` outermost: a multipart route's body is read (after the guards, so no caller without
 *   identity gets a byte stored) into the `req.body` the inner stages see, `idempotency`'s
 *   fingerprint included; it removes what a refused request left;
 * - `idempotency` outside everything else, so a replay never reaches `@Publish` or the handler;
 * - `publish` opens the unit of work the handler and its outbox row share;
 * - `cache` inside it, so a HIT never publishes;
 * - `resilience` around `chaos`, so injected failures count for the breaker;
 * - `serialize` innermost, next to the handler: it adds the JSON text and keeps the value.
 *
 * Guards: `tenant` (a malformed `x-tenant-id` is 400 before anything else) → `flag` (a route
 * whose flag is off looks absent, whoever asks) → `identity` (the gateway-signed `x-auth-*`
 * headers, libs/service-identity: a pure HMAC check with no I/O, so a forged or missing
 * identity is refused before AuthX spends a token or session lookup) → `auth` (AuthX; a
 * bearer token it verifies replaces the principal).
 *
 * Module import order does not matter: every stage is slotted here by name.
 */
export const GUARD_ORDER = ['tenant', 'flag', 'identity', 'auth'] as const;

/** Decorator stages, outermost first (see {@link GUARD_ORDER}). */
export const STEP_ORDER = ['upload', 'idempotency', 'publish', 'cache', 'resilience', 'chaos', 'serialize'] as const;

/** A guard stage's name. */
export type GuardStageName = (typeof GUARD_ORDER)[number];

/** A decorator stage's name. */
export type StepStageName = (typeof STEP_ORDER)[number];
