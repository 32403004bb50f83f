import { defineEvent, EventDefinitionError, type EventPayload } from './event-definition';

describe('defineEvent', () => {
  it('returns a frozen contract carrying type, version and schema', () => {
    const schema = { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } };
    const Ping = defineEvent<{ n: number }>({ type: 'test.ping', version: 2, schema });
    expect(Ping).toEqual({ type: 'test.ping', version: 2, schema });
    expect(Object.isFrozen(Ping)).toBe(true);
    const payload: EventPayload<typeof Ping> = { n: 1 };
    // @ts-expect-error the payload type is carried by the definition
    const wrong: EventPayload<typeof Ping> = { m: 1 };
    expect([payload, wrong]).toHaveLength(2);
  });

  it('rejects a malformed type or version when the definition is made', () => {
    expect(() => defineEvent({ type: 'Not A Type', version: 1, schema: {} })).toThrow(EventDefinitionError);
    expect(() => defineEvent({ type: 'nodots', version: 1, schema: {} })).toThrow('event types look like "service.thing.happened"');
    expect(() => defineEvent({ type: 'test.ping', version: 0, schema: {} })).toThrow(
      'test.ping: version must be a positive integer, got 0',
    );
    expect(() => defineEvent({ type: 'test.ping', version: 1, schema: null as never })).toThrow('schema must be a JSON schema object');
  });
});
