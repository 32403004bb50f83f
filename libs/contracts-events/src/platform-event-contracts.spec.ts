import { EventContracts, EventValidationError, PLATFORM_EVENT_CONTRACTS } from './event-contracts';

/** Per event type: a payload its schema accepts, and invalid ones with what the error must name. */
interface ContractCase {
  valid: Record<string, unknown>;
  invalid: Array<{ payload: unknown; mentions: string[] }>;
}

const cases: Record<string, ContractCase> = {
  'analytics.event.recorded': {
    valid: { eventId: 'e1', eventType: 'play', occurredAt: '2026-11-23T10:00:00.000Z' },
    invalid: [
      { payload: { eventId: 'e1', eventType: 'play' }, mentions: ["must have required property 'occurredAt'"] },
      { payload: { eventId: 'e1', eventType: 'play', occurredAt: 'yesterday' }, mentions: ['/occurredAt must match format "date-time"'] },
    ],
  },
  'media.uploaded': {
    valid: { episodeId: 'ep1', creatorId: 'c1', sourceUrl: 's3://media/ep1.mp4', contentType: 'video/mp4' },
    invalid: [
      { payload: { episodeId: 'ep1', creatorId: 'c1' }, mentions: ["must have required property 'sourceUrl'"] },
      {
        payload: { episodeId: '', creatorId: 'c1', sourceUrl: 's3://x', size: 3 },
        mentions: ['/episodeId must NOT have fewer than 1 characters', '(size)'],
      },
    ],
  },
  'episode.published': {
    valid: { episodeId: 'ep1', missionId: 'm1', ageRating: '6+', title: 'The moon mission' },
    invalid: [
      {
        payload: { episodeId: 'ep1', missionId: 'm1', ageRating: '18+' },
        mentions: ['/ageRating must be equal to one of the allowed values'],
      },
      { payload: { episodeId: 'ep1', ageRating: '3+' }, mentions: ["must have required property 'missionId'"] },
    ],
  },
  'progress.updated': {
    valid: { childId: 'k1', episodeId: 'ep1', positionSeconds: 95, completed: false },
    invalid: [
      { payload: { childId: 'k1', episodeId: 'ep1', positionSeconds: -1 }, mentions: ['/positionSeconds must be >= 0'] },
      { payload: { childId: 'k1', episodeId: 'ep1', positionSeconds: 1.5 }, mentions: ['/positionSeconds must be integer'] },
      {
        payload: { childId: 'k1', positionSeconds: 3, completed: 'yes' },
        mentions: ["must have required property 'episodeId'", '/completed must be boolean'],
      },
    ],
  },
  'subscription.changed': {
    valid: { parentId: 'p1', plan: 'family', status: 'past_due' },
    invalid: [
      { payload: { parentId: 'p1', plan: 'family', status: 'paused' }, mentions: ['/status must be equal to one of the allowed values'] },
      { payload: { parentId: 'p1', status: 'active', childId: 'k1' }, mentions: ["must have required property 'plan'", '(childId)'] },
    ],
  },
};

describe('platform event contracts', () => {
  const contracts = new EventContracts();

  it('has a case for every platform event type', () => {
    expect(Object.keys(cases).sort()).toEqual(PLATFORM_EVENT_CONTRACTS.map((c) => c.type).sort());
  });

  describe.each(Object.entries(cases))('%s', (type, { valid, invalid }) => {
    it('accepts a valid payload, alone and in an envelope', () => {
      expect(() => contracts.assertPayload(type, valid)).not.toThrow();
      const envelope = {
        id: '01a2083c-c6a2-715f-bf44-58163ca4e8da',
        type,
        version: contracts.versionOf(type),
        occurredAt: '2026-11-23T10:00:00.000Z',
        tenantId: 'default',
        requestId: 'r1',
        payload: valid,
      };
      expect(() => contracts.assertEnvelope(envelope)).not.toThrow();
    });

    it.each(invalid.map((c) => [JSON.stringify(c.payload), c] as const))('rejects %s naming the problem', (_, { payload, mentions }) => {
      let caught: unknown;
      try {
        contracts.assertPayload(type, payload);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(EventValidationError);
      const message = (caught as EventValidationError).message;
      expect(message).toContain(`invalid ${type} event:`);
      for (const mention of mentions) expect(message).toContain(mention);
    });
  });
});
