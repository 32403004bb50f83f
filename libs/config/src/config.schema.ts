import { createPrivateKey, createPublicKey } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { envBoolean } from './env-fields';

const booleanString = envBoolean();

const optionalUrl = (protocols: string[], label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || isUrlWith(v, protocols), {
      message: `expected a ${label} URL (${protocols.map((p) => `${p}//`).join(' or ')})`,
    });

function isUrlWith(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isHostPort(entry: string): boolean {
  const at = entry.lastIndexOf(':');
  const port = Number(entry.slice(at + 1));
  return at > 0 && Number.isInteger(port) && port >= 1 && port <= 65_535;
}

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** PEM values may arrive with literal `\n` sequences (one-line env files). */
export const normalizePem = (value: string): string => value.replace(/\\n/g, '\n').trim();

const pem = (kind: 'private' | 'public') =>
  z
    .string()
    .optional()
    .transform((v) => (v ? normalizePem(v) : undefined))
    .refine(
      (v) => {
        if (v === undefined) return true;
        try {
          if (kind === 'private') createPrivateKey(v);
          else createPublicKey(v);
          return true;
        } catch {
          return false;
        }
      },
      { message: `expected a PEM-encoded ${kind} key` },
    );

/** The zod schema of every platform-wide variable (FLAG_* and per-app ports are parsed separately). */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** `required` is seed 000's spelling of `strict`. */
  PERSISTENCE_MODE: z
    .enum(['auto', 'memory', 'strict', 'required'])
    .default('auto')
    .transform((v) => (v === 'required' ? 'strict' : v)),
  /** Seed 000's environment switch: `production` or `prod` turns strict persistence on, as NODE_ENV=production does. */
  GO_ENV: z.enum(['development', 'dev', 'test', 'production', 'prod']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanString.default(false),
  USE_FASTIFY: booleanString.default(false),
  /** Interface the HTTP server binds: `0.0.0.0` (containers) by default; dev:local binds `127.0.0.1`, which the dev login requires. */
  LISTEN_HOST: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : '0.0.0.0'))
    .refine((v) => v === 'localhost' || isIP(v) !== 0, { message: 'expected an IP address (0.0.0.0, 127.0.0.1, ::) or localhost' }),
  HTTP_BODY_LIMIT_BYTES: positiveInt(1_048_576),
  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:'], 'Postgres'),
  REDIS_URL: optionalUrl(['redis:', 'rediss:'], 'Redis'),
  /** Redis Cluster start-up nodes (`host:port,host:port`): every Redis user talks to the cluster; `REDIS_URL` then only lends credentials/TLS. */
  REDIS_CLUSTER_NODES: z
    .string()
    .trim()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((e) => e.trim())
            .filter(Boolean)
        : undefined,
    )
    .refine((nodes) => nodes === undefined || (nodes.length > 0 && nodes.every(isHostPort)), { message: 'expected host:port,host:port' }),
  JWT_SECRET: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  JWT_PRIVATE_KEY_PEM: pem('private'),
  JWT_PUBLIC_KEY_PEM: pem('public'),
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl(['http:', 'https:'], 'HTTP'),
  OTEL_SERVICE_NAME: z.string().optional(),
  AUTH_MODE: z.enum(['permissive', 'enforce']).optional(),
  AUTH_DEV_LOGIN: booleanString.default(false),
});

export type RawEnv = z.infer<typeof envSchema>;

/** The core variables every app reads (the lib fragments add their own). */
export const CORE_CONFIG_KEYS: readonly string[] = Object.keys(envSchema.shape);
