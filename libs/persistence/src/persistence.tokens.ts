/** Injection token of the shared ioredis client, or `null` when REDIS_URL is not set. */
export const REDIS = Symbol.for('mikasmissions.persistence.redis');
/** Injection token of the shared `pg.Pool`, or `null` when DATABASE_URL is not set. */
export const PG_POOL = Symbol.for('mikasmissions.persistence.pg-pool');
