import { EventContracts, EventValidationError, UnknownEventTypeError } from './event-contracts';

describe('EventContracts', () => {
  const contracts = new EventContracts();
  const envelope = (payload: unknown) => ({
    id: '01a2083c-c6a2-715f-bf44-58163ca4e8da',
    type: 'analytics.event.recorded',
    version: 1,
    occurredAt: '2026-11-23T10:00:00.000Z',
    tenantId: 'default',
    requestId: 'r1',
    payload,
  });

  it('knows the platform event types', () => {
    expect(contracts.types()).toEqual(expect.arrayContaining(['analytics.event.recorded', 'media.uploaded', 'episode.published']));
    expect(contracts.versionOf('media.uploaded')).toBe(1);
  });

  it('accepts a valid payload and envelope', () => {
    const payload = { eventId: 'e1', eventType: 'play', occurredAt: '2026-01-01T00:00:00Z' };
    expect(() => contracts.assertPayload('analytics.event.recorded', payload)).not.toThrow();
    expect(() => contracts.assertEnvelope(envelope(payload))).not.toThrow();
  });

  it('rejects an invalid payload naming every problem', () => {
    try {
      contracts.assertPayload('analytics.event.recorded', { eventId: '', extra: 1 });
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(EventValidationError);
      const message = (error as Error).message;
      expect(message).toContain('invalid analytics.event.recorded event');
      expect(message).toContain('eventType');
      expect(message).toContain('(extra)');
    }
  });

  it('accepts an optional W3C traceparent/tracestate and rejects a malformed one', () => {
    const traced = {
      ...envelope({ eventId: 'e1', eventType: 'play', occurredAt: '2026-01-01T00:00:00Z' }),
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      tracestate: 'vendor=x',
    };
    expect(() => contracts.assertEnvelope(traced)).not.toThrow();
    expect(() => contracts.assertEnvelope({ ...traced, traceparent: '00-XYZ-1-01' })).toThrow(EventValidationError);
    expect(() => contracts.assertEnvelope({ ...traced, tracestate: 'x'.repeat(513) })).toThrow(EventValidationError);
  });

  it('rejects a malformed envelope and an unknown type', () => {
    expect(() => contracts.assertEnvelope({ ...envelope({}), id: 'nope' })).toThrow(EventValidationError);
    expect(() => contracts.assertEnvelope({ type: 'x' })).toThrow(/invalid/);
    expect(() => contracts.assertPayload('no.such', {})).toThrow(UnknownEventTypeError);
  });

  it('accepts extra contracts registered at start-up', () => {
    const extended = new EventContracts().register({ type: 'test.ping', version: 2, schema: { type: 'object', required: ['n'] } });
    expect(extended.versionOf('test.ping')).toBe(2);
    expect(() => extended.assertPayload('test.ping', {})).toThrow(/n/);
  });
});
