const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;

/**
 * The contract's `ModerationQueueItem` as a `@Serialize` schema: the answer of an approval or a
 * rejection is the review, and the event payload the handler hands to `@Publish` never reaches the client.
 */
export const reviewViewSchema = {
  title: 'ModerationQueueItem',
  type: 'object',
  properties: {
    asset_id: str,
    episode_id: str,
    creator_id: str,
    status: str,
    rules: {
      type: 'array',
      items: { type: 'object', properties: { rule: str, severity: str, detail: str }, required: ['rule', 'severity'] },
    },
    reason: nullableStr,
    language: str,
    creator_trust: str,
    title: str,
    summary: str,
    show_id: str,
    age_band: str,
    learning_tags: { type: 'array', items: str },
    duration_ms: { type: 'integer' },
    thumbnail_key: str,
    review_required: { type: 'boolean' },
    decided_by: nullableStr,
    decision_note: nullableStr,
    queued_at: str,
    decided_at: nullableStr,
  },
  required: [
    'asset_id',
    'episode_id',
    'creator_id',
    'status',
    'rules',
    'reason',
    'language',
    'creator_trust',
    'learning_tags',
    'duration_ms',
    'review_required',
    'decided_by',
    'decision_note',
    'queued_at',
    'decided_at',
  ],
};
