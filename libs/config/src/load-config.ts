import type { AppConfig, JwtKeys } from './app-config';
import type { ConfigFragment } from './config-fragment';
import { ConfigValidationError } from './config.errors';
import { envSchema } from './config.schema';

const FLAG_PREFIX = 'FLAG_';
const FLAG_NAME = /^[A-Z0-9_]+$/;

const MISSING_JWT = 'JWT_SECRET: required unless both JWT_PRIVATE_KEY_PEM and JWT_PUBLIC_KEY_PEM are set';

type Env = Record<string, string | undefined>;

/** The variables that turn strict persistence on, as error messages name them. */
export const STRICT_SWITCHES = 'NODE_ENV=production, GO_ENV=production|prod or PERSISTENCE_MODE=strict|required';

/**
 * Whether an environment asks for strict persistence: `NODE_ENV=production`, seed 000's
 * `GO_ENV=production` / `GO_ENV=prod`, or `PERSISTENCE_MODE=strict` / `required`.
 */
export function isStrictEnv(env: Env): boolean {
  const goEnv = env.GO_ENV?.trim().toLowerCase();
  const mode = env.PERSISTENCE_MODE?.trim().toLowerCase();
  return env.NODE_ENV === 'production' || goEnv === 'production' || goEnv === 'prod' || mode === 'strict' || mode === 'required';
}

/**
 * Validates `env` — the core variables and every given config fragment, in one pass — and
 * returns the typed configuration, or throws a {@link ConfigValidationError} listing every
 * bad or missing variable of all of them (never its value).
 *
 * @example
 * const config = loadConfig(process.env, [messagingConfig]);
 * config.persistence.strict; // true in production
 * config.slice(messagingConfig).OUTBOX_RELAY_POLL_MS;
 */
export function loadConfig(input: Env = process.env, fragments: readonly ConfigFragment[] = []): AppConfig {
  const unique = [...new Set(fragments)];
  assertDisjoint(unique);
  const env = withoutEmptyValues(input);
  const problems: string[] = [];
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) problems.push(...issuesOf(parsed.error.issues, 'environment'));
  const flags = parseFlags(input, problems);
  const strict = isStrictEnv(env);
  checkJwtKeys(env, strict, problems);
  if (strict) {
    if (!env.DATABASE_URL) problems.push(`DATABASE_URL: required in strict persistence mode (${STRICT_SWITCHES})`);
    if (!env.REDIS_URL && !env.REDIS_CLUSTER_NODES)
      problems.push(`REDIS_URL (or REDIS_CLUSTER_NODES): required in strict persistence mode (${STRICT_SWITCHES})`);
  }
  const slices = new Map<string, unknown>();
  for (const fragment of unique) {
    const result = fragment.schema.safeParse(pick(env, fragment.keys));
    if (result.success) slices.set(fragment.name, result.data);
    else problems.push(...issuesOf(result.error.issues, fragment.name));
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigValidationError(problems);

  const e = parsed.data;
  const jwt: JwtKeys =
    e.JWT_PRIVATE_KEY_PEM && e.JWT_PUBLIC_KEY_PEM
      ? { kind: 'pem', privateKeyPem: e.JWT_PRIVATE_KEY_PEM, publicKeyPem: e.JWT_PUBLIC_KEY_PEM }
      : { kind: 'secret', secret: e.JWT_SECRET as string };
  const memoryOnly = e.PERSISTENCE_MODE === 'memory';
  return {
    nodeEnv: e.NODE_ENV,
    persistence: {
      mode: strict ? 'strict' : e.PERSISTENCE_MODE,
      strict,
      databaseUrl: memoryOnly ? undefined : e.DATABASE_URL,
      redisUrl: memoryOnly ? undefined : (e.REDIS_URL ?? (e.REDIS_CLUSTER_NODES ? `redis://${e.REDIS_CLUSTER_NODES[0]}` : undefined)),
      redisClusterNodes: memoryOnly ? undefined : e.REDIS_CLUSTER_NODES,
    },
    http: {
      useFastify: e.USE_FASTIFY,
      bodyLimitBytes: e.HTTP_BODY_LIMIT_BYTES,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      host: e.LISTEN_HOST,
    },
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY },
    jwt: { ...jwt, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE },
    otel: { tracesEndpoint: e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME },
    auth: { mode: strict ? 'enforce' : (e.AUTH_MODE ?? 'permissive'), devLogin: strict ? false : e.AUTH_DEV_LOGIN },
    flags,
    slice: <T>(fragment: ConfigFragment<T>): T => {
      if (!slices.has(fragment.name)) {
        throw new Error(`config fragment "${fragment.name}" was not loaded: declare it with @UsesConfig() on the module that reads it`);
      }
      return slices.get(fragment.name) as T;
    },
  };
}

/** One line per zod issue: `<VARIABLE>: <message>`. */
function issuesOf(issues: readonly { path: PropertyKey[]; message: string }[], fallback: string): string[] {
  return issues.map((issue) => `${issue.path.map(String).join('.') || fallback}: ${issue.message}`);
}

const pick = (env: Env, keys: readonly string[]): Env =>
  Object.fromEntries(keys.filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));

const CORE_KEYS = new Set(Object.keys(envSchema.shape));

/** Each variable has one owner: two fragments (or a fragment and the core) declaring it is a programming error. */
function assertDisjoint(fragments: readonly ConfigFragment[]): void {
  const owners = new Map<string, string>([...CORE_KEYS].map((k) => [k, 'the core schema']));
  const names = new Set<string>();
  for (const fragment of fragments) {
    if (names.has(fragment.name)) throw new Error(`config fragment "${fragment.name}" is defined twice`);
    names.add(fragment.name);
    for (const key of fragment.keys) {
      const owner = owners.get(key);
      if (owner) throw new Error(`${key} is declared by config fragment "${fragment.name}" and by ${owner}`);
      if (key.startsWith(FLAG_PREFIX))
        throw new Error(`${key}: FLAG_* variables belong to the core schema, not to config fragment "${fragment.name}"`);
      owners.set(key, `config fragment "${fragment.name}"`);
    }
  }
}

/** `X=` in an env file means "not set": the default applies. */
function withoutEmptyValues(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
}

/** Cross-variable rules on the key material, checked even when other variables are bad. */
function checkJwtKeys(env: Env, strict: boolean, problems: string[]): void {
  const priv = env.JWT_PRIVATE_KEY_PEM;
  const pub = env.JWT_PUBLIC_KEY_PEM;
  if (priv && !pub) problems.push('JWT_PUBLIC_KEY_PEM: required together with JWT_PRIVATE_KEY_PEM');
  if (pub && !priv) problems.push('JWT_PRIVATE_KEY_PEM: required together with JWT_PUBLIC_KEY_PEM');
  if (priv || pub) return;
  if (!env.JWT_SECRET) problems.push(MISSING_JWT);
  else if (strict && env.JWT_SECRET.length < 32) problems.push('JWT_SECRET: must be at least 32 characters in strict/production mode');
}

function parseFlags(env: Env, problems: string[]): Record<string, boolean> {
  const flags: Record<string, boolean> = {};
  for (const [key, raw] of Object.entries(env)) {
    if (!key.startsWith(FLAG_PREFIX) || raw === undefined) continue;
    const name = key.slice(FLAG_PREFIX.length);
    if (!FLAG_NAME.test(name)) {
      problems.push(`${key}: flag names use A-Z, 0-9 and _ only`);
      continue;
    }
    const value = raw.trim().toLowerCase();
    if (value === 'true' || value === '1') flags[name] = true;
    else if (value === 'false' || value === '0' || value === '') flags[name] = false;
    else problems.push(`${key}: expected true or false`);
  }
  return flags;
}

/**
 * The port an app listens on: `<APP>_PORT` (e.g. `ANALYTICS_PORT`), else `PORT`, else the default.
 */
export function resolvePort(env: Env, appName: string, fallback: number): number {
  const key = `${appName.toUpperCase().replace(/-/g, '_')}_PORT`;
  const raw = env[key] ?? env.PORT;
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigValidationError([`${env[key] !== undefined ? key : 'PORT'}: expected a port number 0-65535`]);
  }
  return port;
}
