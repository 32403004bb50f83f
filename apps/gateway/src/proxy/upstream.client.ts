import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import { ReadinessRegistry } from '@mikasmissions/health';
import { CircuitOpenError, ResilienceService } from '@mikasmissions/resilience';
import { Pool, type Dispatcher } from 'undici';
import { gatewayConfig } from './gateway.config';
import { UpstreamTimeoutError, UpstreamUnavailableError } from './gateway.errors';
import { UPSTREAMS, type UpstreamName } from './upstreams';

/** One request to forward. `body` is the client's raw body (buffered, so an idempotent retry can resend it). */
export interface UpstreamRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[]>;
  body?: Buffer;
  timeoutMs: number;
}

/** Safe to send twice: only these are retried. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
/** The connection was never made: no upstream saw the request, so any method may be retried. */
const NOT_SENT = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
const HEALTH_PATH = '/v1/health';
const HEALTH_TIMEOUT_MS = 800;

/**
 * The gateway's upstreams: one undici keep-alive pool and one breaker per service
 * (`ResilienceService` circuit `upstream.<name>`, shown in `/ready` under `circuits`).
 * A timeout is 504 `upstream_timeout`, a refused or dropped connection or an open breaker
 * 502 `upstream_unavailable`; retries (`GATEWAY_RETRIES`) only for idempotent methods, or when
 * the connection was never made. Upstream answers, 5xx included, pass through unchanged.
 */
@Injectable()
export class UpstreamClient implements OnModuleInit, OnApplicationShutdown {
  private readonly pools = new Map<UpstreamName, Pool>();
  private readonly calls = new Map<UpstreamName, (request: UpstreamRequest) => Promise<Dispatcher.ResponseData>>();
  readonly origins: Record<UpstreamName, string>;

  constructor(
    config: AppConfig,
    private readonly resilience: ResilienceService,
    private readonly readiness: ReadinessRegistry,
  ) {
    const env = config.slice(gatewayConfig);
    this.origins = Object.fromEntries(Object.entries(UPSTREAMS).map(([name, key]) => [name, env[key]])) as Record<UpstreamName, string>;
    for (const name of Object.keys(UPSTREAMS) as UpstreamName[]) {
      const pool = new Pool(this.origins[name], { connections: env.GATEWAY_UPSTREAM_CONNECTIONS, keepAliveTimeout: 30_000, pipelining: 1 });
      this.pools.set(name, pool);
      const policy = {
        failureRateThreshold: 0.5,
        minimumCalls: 10,
        windowMs: 10_000,
        openDurationMs: 5_000,
        retries: { max: env.GATEWAY_RETRIES, baseDelayMs: 25, maxDelayMs: 200 },
      };
      this.calls.set(
        name,
        this.resilience.wrap(`upstream.${name}`, (signal, request: UpstreamRequest) => this.send(name, pool, request, signal), policy),
      );
    }
  }

  onModuleInit(): void {
    this.readiness.register({ name: 'upstreams', critical: false, timeoutMs: 1_000, check: () => this.probeAll() });
  }

  /** Sends `request` to `upstream` through its breaker; resolves with the upstream's answer (body still streaming). */
  async forward(upstream: UpstreamName, request: UpstreamRequest): Promise<Dispatcher.ResponseData> {
    try {
      return await this.calls.get(upstream)!(request);
    } catch (error) {
      if (error instanceof CircuitOpenError) {
        const retryAfter = Number(error.headers?.['retry-after'] ?? 1);
        throw new UpstreamUnavailableError(upstream, 'its breaker is open', false, retryAfter);
      }
      throw error;
    }
  }

  private async send(name: UpstreamName, pool: Pool, request: UpstreamRequest, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
    const idempotent = IDEMPOTENT.has(request.method);
    const headersDeadline = new AbortController();
    const onAbort = () => headersDeadline.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      headersDeadline.abort();
    }, request.timeoutMs);
    try {
      const answer = await pool.request({
        method: request.method as Dispatcher.HttpMethod,
        path: request.path,
        headers: request.headers,
        body: request.body,
        signal: headersDeadline.signal,
        bodyTimeout: request.timeoutMs,
      });
      return answer;
    } catch (error) {
      if (timedOut) throw new UpstreamTimeoutError(name, request.timeoutMs, idempotent);
      const code = (error as { code?: string }).code ?? '';
      throw new UpstreamUnavailableError(name, code || (error as Error).message, idempotent || NOT_SENT.has(code));
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** Each upstream's `GET /v1/health`, in parallel, cut off at 800 ms: `up`, or `down` with the reason. */
  private async probeAll(): Promise<Record<string, unknown>> {
    const entries = await Promise.all(
      [...this.pools].map(async ([name, pool]) => {
        try {
          const res = await pool.request({ method: 'GET', path: HEALTH_PATH, signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
          await res.body.dump();
          return [
            name,
            res.statusCode < 500
              ? { status: 'up', url: this.origins[name] }
              : { status: 'down', url: this.origins[name], statusCode: res.statusCode },
          ];
        } catch (error) {
          return [name, { status: 'down', url: this.origins[name], reason: (error as { code?: string }).code ?? (error as Error).message }];
        }
      }),
    );
    return Object.fromEntries(entries);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close().catch(() => undefined)));
  }
}
