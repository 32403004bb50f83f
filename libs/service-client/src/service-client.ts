import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import { activeTraceCarrier, RequestContext, withSpan } from '@mikasmissions/context';
import { IDENTITY_SETTINGS, type IdentitySettings, signIdentity } from '@mikasmissions/service-identity';
import { Pool } from 'undici';
import { SERVICE_URLS, serviceClientConfig, type ServiceName } from './service-client.config';
import { ServiceUnavailableError } from './service-client.errors';

/** One call to another service. */
export interface ServiceRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** The path on the callee, e.g. `/internal/profiles/c1`; no query string. */
  path: string;
  /** Query parameters; `undefined` values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /** Overrides `SERVICE_CLIENT_TIMEOUT_MS` for this call. */
  timeoutMs?: number;
}

/** The callee's answer: its status and parsed JSON body (`undefined` for an empty body). */
export interface ServiceResponse<T = unknown> {
  status: number;
  body: T;
}

/** The process name the calls are signed as (`x-auth-subject: service:<name>`). */
export const SERVICE_CLIENT_CALLER = Symbol.for('mikasmissions.service-client.caller');

/**
 * Calls other platform services as the `service` identity: the gateway's HMAC headers
 * (`signIdentity` with `EDGE_IDENTITY_KEY`), bound to the method and path, carrying the
 * current request id and tenant so logs and events join up. One undici keep-alive pool per
 * service, URLs from `IDENTITY_URL`, `PROFILE_URL`, …. A refused or dropped connection, a
 * timeout or a 5xx throws {@link ServiceUnavailableError} (503 + `Retry-After`); any other
 * answer, 4xx included, is returned for the caller to read. No retries and no breaker here:
 * wrap the caller's port method in `@Resilience` where the route needs them.
 *
 * @example
 * const { status, body } = await client.call('profile', { method: 'GET', path: `/internal/profiles/${id}` });
 * if (status === 404) throw new ChildProfileNotFoundError(id);
 */
@Injectable()
export class ServiceClient implements OnApplicationShutdown {
  private readonly pools = new Map<ServiceName, Pool>();
  private readonly env;

  constructor(
    config: AppConfig,
    private readonly ctx: RequestContext,
    @Inject(IDENTITY_SETTINGS) private readonly identity: IdentitySettings,
    @Inject(SERVICE_CLIENT_CALLER) private readonly caller: string,
  ) {
    this.env = config.slice(serviceClientConfig);
  }

  /** The base URL of `service` in this process's configuration. */
  urlOf(service: ServiceName): string {
    return this.env[SERVICE_URLS[service]];
  }

  /** Sends `request` to `service`; see the class for what throws. */
  async call<T = unknown>(service: ServiceName, request: ServiceRequest): Promise<ServiceResponse<T>> {
    const requestId = this.ctx.active ? this.ctx.requestId : randomUUID();
    const tenantId = this.ctx.active ? this.ctx.tenantId : 'default';
    const signed = signIdentity(
      { role: 'service', tenantId, requestId, subject: `service:${this.caller}` },
      { method: request.method, path: request.path },
      this.identity.key,
    );
    const headers: Record<string, string> = { ...signed, accept: 'application/json' };
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const timeoutMs = request.timeoutMs ?? this.env.SERVICE_CLIENT_TIMEOUT_MS;
    let answer;
    try {
      answer = await withSpan(
        `${request.method} ${service}`,
        { kind: 'client', attributes: { 'http.request.method': request.method, 'url.path': request.path, 'mm.upstream': service } },
        () =>
          this.pool(service).request({
            method: request.method,
            path: `${request.path}${queryString(request.query)}`,
            headers: { ...headers, ...activeTraceCarrier() },
            body,
            headersTimeout: timeoutMs,
            bodyTimeout: timeoutMs,
            signal: AbortSignal.timeout(timeoutMs),
          }),
      );
    } catch (cause) {
      throw new ServiceUnavailableError(service, failureReason(cause), { cause });
    }
    const text = await answer.body.text().catch((cause: unknown) => {
      throw new ServiceUnavailableError(service, 'the answer was cut off', { cause });
    });
    if (answer.statusCode >= 500) {
      const retryAfter = Number(answer.headers['retry-after']);
      throw new ServiceUnavailableError(service, `it answered ${answer.statusCode}`, {
        retryAfterSec: Number.isFinite(retryAfter) ? retryAfter : 1,
      });
    }
    return { status: answer.statusCode, body: (text === '' ? undefined : parseJson(service, text)) as T };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close().catch(() => undefined)));
    this.pools.clear();
  }

  private pool(service: ServiceName): Pool {
    let pool = this.pools.get(service);
    if (!pool) {
      pool = new Pool(this.urlOf(service), { connections: this.env.SERVICE_CLIENT_CONNECTIONS, keepAliveTimeout: 30_000 });
      this.pools.set(service, pool);
    }
    return pool;
  }
}

function queryString(query: ServiceRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function parseJson(service: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ServiceUnavailableError(service, 'it answered with a body that is not JSON', { cause });
  }
}

function failureReason(cause: unknown): string {
  const error = cause as { code?: string; name?: string };
  if (
    error.name === 'TimeoutError' ||
    error.name === 'AbortError' ||
    error.code === 'UND_ERR_HEADERS_TIMEOUT' ||
    error.code === 'UND_ERR_BODY_TIMEOUT'
  )
    return 'timeout';
  if (error.code === 'ECONNREFUSED') return 'connection refused';
  return 'connection failed';
}
