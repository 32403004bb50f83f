import { Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { RequestContext } from '@mikasmissions/context';
import {
  JSON_CONTENT_TYPE,
  mapError,
  declareStageDecorator,
  PipelineStage,
  RouteResult,
  type RouteInfo,
  type RouteStage,
  type RouteStepFn,
} from '@mikasmissions/http';
import { IdempotencyDecorator, IdempotencyMetadata } from './idempotency.decorator';
import {
  IdempotencyClaimLostError,
  IdempotencyConflictError,
  IdempotencyKeyMismatchError,
  IdempotencyKeyRequiredError,
  IdempotencyUnavailableError,
  InvalidIdempotencyKeyError,
  ReplayedError,
} from './idempotency.errors';
import { IDEMPOTENCY_OPTIONS, ResolvedIdempotencyModuleOptions } from './idempotency.options';

declareStageDecorator(
  { kind: 'step', name: 'idempotency' },
  IdempotencyDecorator.KEY,
  '@Idempotency',
  'IdempotencyModule (on by default in PlatformModule)',
);
import { IdempotencyStore, StoredResponse } from './ports/idempotency-store';
import { isValidIdempotencyKey, requestFingerprint, scopedKey } from './request-fingerprint';

/** Request header carrying the client's key. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Response header marking a replayed answer. */
export const REPLAYED_HEADER = 'idempotent-replayed';

const NOT_REPLAYED = new Set([
  'set-cookie',
  'x-request-id',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  REPLAYED_HEADER,
]);

/**
 * Stage `idempotency` (outermost) for routes carrying {@link Idempotency} (see the decorator
 * for the semantics): a replay answers from the store and never reaches inner stages. With a
 * transactional store (Postgres) it opens the unit of work the inner stages join (`publish`'s
 * transaction, the handler's `@Transactional()` writes), and the answer commits in it.
 */
@PipelineStage({ kind: 'step', name: 'idempotency' })
@Injectable()
export class IdempotencyStage implements RouteStage<RouteStepFn> {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly reflector: Reflector,
    private readonly adapterHost: HttpAdapterHost,
    private readonly store: IdempotencyStore,
    private readonly ctx: RequestContext,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: ResolvedIdempotencyModuleOptions,
  ) {}

  plan(route: RouteInfo): RouteStepFn | undefined {
    const meta = this.reflector.get(IdempotencyDecorator, route.handler);
    if (!meta) return undefined;
    return async ({ req, res }, next) => {
      const header = req.headers[IDEMPOTENCY_KEY_HEADER];
      const key = Array.isArray(header) ? header[0] : header;
      if (key === undefined) {
        if (meta.required) throw new IdempotencyKeyRequiredError();
        return next();
      }
      if (!isValidIdempotencyKey(key)) throw new InvalidIdempotencyKeyError();
      const storeKey = scopedKey(this.ctx.tenantId, this.ctx.principal?.userId ?? 'anonymous', key);
      const fingerprint = requestFingerprint(req.method, req.originalUrl ?? req.url, req.body);
      return this.run(storeKey, fingerprint, meta, res, next);
    };
  }

  private async run(
    storeKey: string,
    fingerprint: string,
    meta: IdempotencyMetadata,
    response: unknown,
    next: () => Promise<RouteResult>,
  ): Promise<RouteResult> {
    const { lockTtlMs, errorTtlMs } = this.options;
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
    const renewal = setInterval(
      () => {
        this.store
          .renew(storeKey, token, lockTtlMs)
          .catch((e: unknown) => this.logger.warn(`lock renewal failed: ${(e as Error).message}`));
      },
      Math.max(50, Math.floor(lockTtlMs / 3)),
    );
    renewal.unref();
    try {
      return await this.store.unitOfWork(async () => {
        const result = await next();
        const stored: StoredResponse = {
          status: this.statusOf(response),
          headers: this.replayableHeaders(response),
          body: result.toJson(),
        };
        await this.keep(storeKey, token, stored, meta.ttlMs);
        return result;
      });
    } catch (error) {
      if (error instanceof IdempotencyClaimLostError) throw error;
      const mapped = mapError(error);
      if (mapped.status >= 500) {
        await this.store.release(storeKey, token).catch((e: unknown) => this.logger.warn(`releasing key failed: ${(e as Error).message}`));
      } else {
        const stored: StoredResponse = {
          status: mapped.status,
          headers: { ...(mapped.headers ?? {}) },
          error: { code: mapped.code, message: mapped.message, details: mapped.details },
        };
        await this.store
          .complete(storeKey, token, stored, Math.min(meta.ttlMs, errorTtlMs))
          .catch((e: unknown) => this.logger.error(`storing error failed: ${(e as Error).message}`));
      }
      throw error;
    } finally {
      clearInterval(renewal);
    }
  }

  /**
   * Stores the answer. A transactional store writes it in the handler's transaction: if that
   * fails, or the claim was taken over meanwhile, the error rolls the handler's writes back.
   * Otherwise the handler's work is done already: a failure is logged, and the key frees
   * itself after `lockTtlMs`.
   */
  private async keep(storeKey: string, token: string, stored: StoredResponse, ttlMs: number): Promise<void> {
    if (this.store.transactional) {
      if (!(await this.store.complete(storeKey, token, stored, ttlMs))) throw new IdempotencyClaimLostError();
      return;
    }
    await this.store
      .complete(storeKey, token, stored, ttlMs)
      .catch((e: unknown) => this.logger.error(`storing response failed: ${(e as Error).message}`));
  }

  private replay(response: unknown, stored: StoredResponse): RouteResult {
    const adapter = this.adapterHost.httpAdapter;
    const headers = { ...stored.headers, [REPLAYED_HEADER]: 'true' };
    if (stored.error) {
      (response as { removeHeader?: (name: string) => void }).removeHeader?.('set-cookie');
      throw new ReplayedError(stored.status, stored.error.code, stored.error.message, stored.error.details, headers);
    }
    for (const [name, value] of Object.entries(headers)) adapter.setHeader(response, name, value);
    (response as { removeHeader?: (name: string) => void }).removeHeader?.('set-cookie');
    if (stored.body === undefined) return RouteResult.stored(undefined);
    if (!stored.headers['content-type']) adapter.setHeader(response, 'content-type', JSON_CONTENT_TYPE);
    return RouteResult.stored(stored.body);
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
