import { ConfigValidationError, loadConfig } from '@mikasmissions/config';
import { idempotencyConfig } from './idempotency.config';
import { resolveIdempotencyOptions } from './idempotency.options';

describe('idempotencyConfig and resolveIdempotencyOptions', () => {
  it('defaults: 30 s claims, 4xx answers kept 1 h, purge every 10 s in batches of 1,000', () => {
    expect(resolveIdempotencyOptions()).toEqual({
      store: 'auto',
      keyPrefix: 'mm:idem:',
      lockTtlMs: 30_000,
      errorTtlMs: 3_600_000,
      purgeIntervalMs: 10_000,
      purgeBatchSize: 1_000,
    });
  });

  it('takes the variables over the module options', () => {
    const env = loadConfig({ JWT_SECRET: 's', IDEMPOTENCY_ERROR_TTL_MS: '600000', IDEMPOTENCY_LOCK_TTL_MS: '2000' }, [
      idempotencyConfig,
    ]).slice(idempotencyConfig);
    expect(resolveIdempotencyOptions({ errorTtlMs: 5_000, purgeBatchSize: 50 }, env)).toMatchObject({
      errorTtlMs: 600_000,
      lockTtlMs: 2_000,
      purgeBatchSize: 50,
    });
  });

  it('rejects bad variables in the one-pass list and bad options at start-up', () => {
    expect(() => loadConfig({ JWT_SECRET: 's', IDEMPOTENCY_PURGE_BATCH_SIZE: '0' }, [idempotencyConfig])).toThrow(ConfigValidationError);
    expect(() => resolveIdempotencyOptions({ errorTtlMs: 10 })).toThrow('errorTtlMs must be an integer ≥ 1000');
    expect(() => resolveIdempotencyOptions({ store: 'disk' as never })).toThrow('store must be one of');
  });
});
