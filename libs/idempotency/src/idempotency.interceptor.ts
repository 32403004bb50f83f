import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { RequestContext } from '@mikasmissions/context';
import { mapError } from '@mikasmissions/http';
import { defer, lastValueFrom, Observable } from 'rxjs';
import { IdempotencyDecorator, IdempotencyMetadata } from './idempotency.decorator';
import {
  IdempotencyConflictError,
  IdempotencyKeyMismatchError,
  IdempotencyKeyRequiredError,
  IdempotencyUnavailableError,
  InvalidIdempotencyKeyError,
  ReplayedError,
} from './idempotency.errors';
import { IDEMPOTENCY_OPTIONS, ResolvedIdempotencyModuleOptions } from './idempotency.options';
import { IdempotencyStore, StoredResponse } from './ports/idempotency-store';
import { isValidIdempotencyKey, requestFingerprint, scopedKey } from './request-fingerprint';

/** Request header carrying the client's key. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Response header marking a replayed answer. */
export const REPLAYED_HEADER = 'idempotent-replayed';

const NOT_REPLAYED = new Set(['set-cookie', 'x-request-id', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', REPLAYED_HEADER]);

interface HttpRequestLike {
  method: string;
  url: string;
  originalUrl?: string;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** Global interceptor applying {@link Idempotency} (see the decorator for the semantics). */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly reflector: Reflector,
    private readonly adapterHost: HttpAdapterHost,
    private readonly store: IdempotencyStore,
    private readonly ctx: RequestContext,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: ResolvedIdempotencyModuleOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const meta = this.reflector.get(IdempotencyDecorator, context.getHandler());
    if (!meta || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<HttpRequestLike>();
    const header = req.headers[IDEMPOTENCY_KEY_HEADER];
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined) {
      if (meta.required) throw new IdempotencyKeyRequiredError();
      return next.handle();
    }
    if (!isValidIdempotencyKey(key)) throw new InvalidIdempotencyKeyError();
    const storeKey = scopedKey(this.ctx.tenantId, this.ctx.principal?.userId ?? 'anonymous', key);
    const fingerprint = requestFingerprint(req.method, req.originalUrl ?? req.url, req.body);
    const response = context.switchToHttp().getResponse();
    return defer(() => this.run(storeKey, fingerprint, meta, response, next));
  }

  private async run(storeKey: string, fingerprint: string, meta: IdempotencyMetadata, response: unknown, next: CallHandler): Promise<unknown> {
    const lockTtlMs = this.options.lockTtlMs;
    const claim = await this.store.claim(storeKey, fingerprint, lockTtlMs).catch((error: unknown) => {
      this.logger.error(`idempotency store unavailable: ${(error as Error).message}`);
      throw new IdempotencyUnavailableError();
    });
    if (claim.outcome !== 'claimed') {
      if (claim.fingerprint !== fingerprint) throw new IdempotencyKeyMismatchError();
      if (claim.outcome === 'in-flight') throw new IdempotencyConflictError(1);
      return this.replay(response, claim.response);
    }
    const { token } = claim;
    const renewal = setInterval(() => {
      this.store.renew(storeKey, token, lockTtlMs).catch((e: unknown) => this.logger.warn(`lock renewal failed: ${(e as Error).message}`));
    }, Math.max(50, Math.floor(lockTtlMs / 3)));
    renewal.unref();
    try {
      const value = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const stored: StoredResponse = {
        status: this.statusOf(response),
        headers: this.replayableHeaders(response),
        body: value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value),
      };
      await this.store.complete(storeKey, token, stored, meta.ttlMs).catch((e: unknown) => this.logger.error(`storing response failed: ${(e as Error).message}`));
      return value;
    } catch (error) {
      const mapped = mapError(error);
      if (mapped.status >= 500) {
        await this.store.release(storeKey, token).catch((e: unknown) => this.logger.warn(`releasing key failed: ${(e as Error).message}`));
      } else {
        const stored: StoredResponse = {
          status: mapped.status,
          headers: { ...(mapped.headers ?? {}) },
          error: { code: mapped.code, message: mapped.message, details: mapped.details },
        };
        await this.store.complete(storeKey, token, stored, meta.ttlMs).catch((e: unknown) => this.logger.error(`storing error failed: ${(e as Error).message}`));
      }
      throw error;
    } finally {
      clearInterval(renewal);
    }
  }

  private replay(response: unknown, stored: StoredResponse): unknown {
    const adapter = this.adapterHost.httpAdapter;
    const headers = { ...stored.headers, [REPLAYED_HEADER]: 'true' };
    if (stored.error) {
      (response as { removeHeader?: (name: string) => void }).removeHeader?.('set-cookie');
      throw new ReplayedError(stored.status, stored.error.code, stored.error.message, stored.error.details, headers);
    }
    for (const [name, value] of Object.entries(headers)) adapter.setHeader(response, name, value);
    (response as { removeHeader?: (name: string) => void }).removeHeader?.('set-cookie');
    if (stored.body === undefined) return undefined;
    if (!stored.headers['content-type']) adapter.setHeader(response, 'content-type', 'application/json; charset=utf-8');
    return stored.body;
  }

  private statusOf(response: unknown): number {
    return (response as { statusCode?: number }).statusCode ?? 200;
  }

  private replayableHeaders(response: unknown): Record<string, string> {
    const all = (response as { getHeaders?: () => Record<string, unknown> }).getHeaders?.() ?? {};
    const picked: Record<string, string> = {};
    for (const [name, value] of Object.entries(all)) {
      const lower = name.toLowerCase();
      if (NOT_REPLAYED.has(lower) || value === undefined) continue;
      picked[lower] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return picked;
  }
}
