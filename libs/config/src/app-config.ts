import type { ConfigFragment } from './config-fragment';

/** Where a port (store interface) keeps its data in this process. */
export type StoreKind = 'memory' | 'postgres' | 'redis';

/** JWT key material: a shared secret (HS256) or a PEM pair (RS256/EdDSA). */
export type JwtKeys = { kind: 'secret'; secret: string } | { kind: 'pem'; privateKeyPem: string; publicKeyPem: string };

/**
 * The validated configuration of one process. Inject it with `@Inject(AppConfig)`-free
 * constructor typing: `constructor(private readonly config: AppConfig) {}`.
 */
export abstract class AppConfig {
  abstract readonly nodeEnv: 'development' | 'test' | 'production';
  /** `strict` when NODE_ENV=production, GO_ENV=production|prod or PERSISTENCE_MODE=strict|required: stores must be durable. */
  abstract readonly persistence: {
    mode: 'auto' | 'memory' | 'strict';
    strict: boolean;
    databaseUrl?: string;
    /** Set whenever Redis is on; in cluster mode `REDIS_URL`, or `redis://<first cluster node>`. */
    redisUrl?: string;
    /** `REDIS_CLUSTER_NODES`: Redis is a cluster reached through these start-up nodes. */
    redisClusterNodes?: readonly string[];
  };
  abstract readonly http: { useFastify: boolean; bodyLimitBytes: number; shutdownTimeoutMs: number; host: string };
  abstract readonly log: { level: string; pretty: boolean };
  abstract readonly jwt: JwtKeys & { issuer?: string; audience?: string };
  abstract readonly otel: { tracesEndpoint?: string; serviceName?: string };
  /**
   * `AUTH_MODE`: `permissive` (default in development/test) lets a request without a token
   * through as anonymous; `enforce` (forced in strict/production) requires a valid token on
   * every non-public route. `AUTH_DEV_LOGIN=true` enables the dev-only login route (never in strict mode).
   */
  abstract readonly auth: { mode: 'permissive' | 'enforce'; devLogin: boolean };
  /** Feature flags from `FLAG_<NAME>=true|false`, keyed by NAME. */
  abstract readonly flags: Readonly<Record<string, boolean>>;
  /**
   * The validated slice of a config fragment, parsed by the same `loadConfig` pass as the
   * rest (never here). Throws when the fragment was not loaded: declare it with
   * `@UsesConfig(fragment)` on the module that reads it.
   *
   * @example
   * config.slice(messagingConfig).OUTBOX_RELAY_POLL_MS
   */
  abstract slice<T>(fragment: ConfigFragment<T>): T;
}
