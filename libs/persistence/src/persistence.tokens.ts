/** Injection token of the shared ioredis client, or `null` when REDIS_URL is not set. */
export const REDIS = Symbol.for('mikasmissions.persistence.redis');
/** Injection token of the shared `pg.Pool`, or `null` when DATABASE_URL is not set. */
export const PG_POOL = Symbol.for('mikasmissions.persistence.pg-pool');
/** Injection token of the resolved `ResolvedPersistenceOptions` of `PersistenceModule`. */
export const PERSISTENCE_OPTIONS = Symbol.for('mikasmissions.persistence.options');
/** Injection token of the service's Postgres schema name (a validated identifier, e.g. `analytics`). */
export const PERSISTENCE_SCHEMA = Symbol.for('mikasmissions.persistence.schema');
