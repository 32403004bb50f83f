import { activeTraceCarrier, withSpan } from './trace-context';
import { isTracing } from './tracing';

/** With tracing on (real SDK, real processes) it is checked end to end by apps/e2e/src/trace-across-services.e2e-spec.ts. */

describe('trace context without tracing', () => {
  it('carries nothing and only runs the function', async () => {
    expect(isTracing()).toBe(false);
    expect(activeTraceCarrier()).toEqual({});
    await expect(withSpan('failing', {}, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(
      withSpan('x', { kind: 'consumer', parent: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } }, async () =>
        activeTraceCarrier(),
      ),
    ).resolves.toEqual({});
  });
});
