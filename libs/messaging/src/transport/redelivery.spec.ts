import { ConfigValidationError, loadConfig } from '@mikasmissions/config';
import { messagingConfig } from '../messaging.config';
import { resolveMessagingOptions } from '../messaging.defaults';
import { MessagingConfigError } from '../messaging.errors';
import { encodeFailure, parseFailure, RETRY_JITTER, retryDelayMs } from './redelivery';

describe('consumer retry backoff', () => {
  it('doubles the delay per failed delivery up to the maximum, plus at most 25 % jitter', () => {
    expect([1, 2, 3, 4, 5].map((d) => retryDelayMs(d, 1_000, 5_000, () => 0))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
    expect(retryDelayMs(3, 1_000, 60_000, () => 0.999_999)).toBe(Math.round(4_000 * (1 + RETRY_JITTER)));
    for (let i = 0; i < 200; i += 1) {
      const delay = retryDelayMs(2, 100, 60_000);
      expect(delay).toBeGreaterThanOrEqual(200);
      expect(delay).toBeLessThanOrEqual(250);
    }
  });

  it('reads failure records, including plain-text errors written before backoff existed', () => {
    expect(parseFailure(encodeFailure({ error: 'boom', deliveries: 2, retryAfterMs: 2_100 }))).toEqual({
      error: 'boom',
      deliveries: 2,
      retryAfterMs: 2_100,
    });
    expect(parseFailure('job 2 is poison')).toEqual({ error: 'job 2 is poison' });
    expect(parseFailure('{"not":"a failure"}')).toEqual({ error: '{"not":"a failure"}' });
    expect(parseFailure(null)).toBeUndefined();
  });

  it('takes base and max from MESSAGING_RETRY_BASE_MS / MESSAGING_RETRY_MAX_MS and rejects bad values at start-up', () => {
    expect(resolveMessagingOptions({ service: 'svc' }).consumer).toMatchObject({ retryBaseMs: 1_000, retryMaxMs: 60_000 });
    const slice = (env: Record<string, string>) => loadConfig({ JWT_SECRET: 's', ...env }, [messagingConfig]).slice(messagingConfig);
    expect(
      resolveMessagingOptions({ service: 'svc' }, slice({ MESSAGING_RETRY_BASE_MS: '250', MESSAGING_RETRY_MAX_MS: '8000' })).consumer,
    ).toMatchObject({ retryBaseMs: 250, retryMaxMs: 8_000 });
    expect(() => slice({ MESSAGING_RETRY_BASE_MS: '-1' })).toThrow(ConfigValidationError);
    expect(() => slice({ MESSAGING_RETRY_BASE_MS: '5000', MESSAGING_RETRY_MAX_MS: '1000' })).toThrow(
      'MESSAGING_RETRY_MAX_MS: must not be below MESSAGING_RETRY_BASE_MS',
    );
    expect(() => resolveMessagingOptions({ service: 'svc', consumer: { retryBaseMs: 5_000 } }, { MESSAGING_RETRY_MAX_MS: 1_000 })).toThrow(
      MessagingConfigError,
    );
    expect(() => resolveMessagingOptions({ service: 'svc', consumer: { retryBaseMs: 5_000 } }, { MESSAGING_RETRY_MAX_MS: 1_000 })).toThrow(
      /retryMaxMs \(1000\) must not be below consumer.retryBaseMs \(5000\)/,
    );
  });
});
