/**
 * The JSON schema of `GET /events` (the runbook's `EventsResponse`, with the item fields
 * spelled out): `@Serialize` compiles it once, and nothing outside it reaches the client.
 */
export const eventsResponseSchema = {
  title: 'EventsResponse',
  type: 'object',
  properties: {
    data: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          tenantId: { type: 'string' },
          type: { type: 'string' },
          payload: { anyOf: [{ type: 'object', additionalProperties: true }, { type: 'null' }] },
          occurredAt: { type: 'string' },
          createdAt: { type: 'string' },
        },
      },
    },
    count: { type: 'number' },
  },
  required: ['data', 'count'],
};
