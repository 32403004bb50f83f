/** Properties of the contract's `Episode` (components/watching.yaml), for `@Serialize`. */
const episodeProperties = {
  episode_id: { type: 'string' },
  show_id: { type: 'string' },
  title: { type: 'string' },
  summary: { type: 'string' },
  age_band: { type: 'string' },
  duration_ms: { type: 'integer' },
  learning_tags: { type: 'array', items: { type: 'string' } },
  playback_ready: { type: 'boolean' },
  thumbnail_url: { type: 'string' },
  published_at_iso: { type: 'string' },
  renditions: {
    type: 'array',
    items: {
      type: 'object',
      properties: { profile: { type: 'string' }, url: { type: 'string' }, storage_key: { type: 'string' } },
      required: ['profile', 'url'],
    },
  },
} as const;

/** `GET /v1/catalog/episodes/{id}`: exactly the contract's `Episode`, nothing else reaches the client. */
export const episodeSchema = {
  title: 'Episode',
  type: 'object',
  properties: episodeProperties,
  required: Object.keys(episodeProperties),
};

/** An episode for service callers: also unpublished ones (`published_at_iso` null), `published`, `updated_at_iso`. */
export const internalEpisodeSchema = {
  title: 'InternalEpisode',
  type: 'object',
  properties: {
    ...episodeProperties,
    published_at_iso: { type: ['string', 'null'] },
    published: { type: 'boolean' },
    updated_at_iso: { type: 'string' },
  },
  required: [...Object.keys(episodeProperties), 'published', 'updated_at_iso'],
};

/** `GET /internal/catalog/episodes`: a page of published episodes and the cursor of the next one. */
export const episodePageSchema = {
  title: 'EpisodePage',
  type: 'object',
  properties: {
    episodes: { type: 'array', items: internalEpisodeSchema },
    next_cursor: { type: ['string', 'null'] },
  },
  required: ['episodes', 'next_cursor'],
};

/** `POST /internal/catalog/episodes`: the stored episode and what the upsert did. */
export const upsertAnswerSchema = {
  title: 'EpisodeUpsert',
  type: 'object',
  properties: { episode: internalEpisodeSchema, created: { type: 'boolean' }, changed: { type: 'boolean' } },
  required: ['episode', 'created', 'changed'],
};
