import { ServiceClient } from '@mikasmissions/service-client';
import { UpstreamContractError } from './upstream-contract.error';
import { EpisodeDurations, type EpisodeFacts } from './episode-durations';

type EpisodeBody = { duration_ms?: unknown; learning_tags?: unknown };

/** {@link EpisodeDurations} over the catalog's `GET /internal/catalog/episodes/{id}`: 404 → `null`. */
export class HttpEpisodeDurations extends EpisodeDurations {
  constructor(private readonly client: ServiceClient) {
    super();
  }

  async find(episodeId: string): Promise<EpisodeFacts | null> {
    const res = await this.client.call('catalog', {
      method: 'GET',
      path: `/internal/catalog/episodes/${encodeURIComponent(episodeId)}`,
      timeoutMs: 2_000,
    });
    if (res.status === 404) return null;
    const body = (res.body ?? {}) as EpisodeBody;
    if (res.status !== 200 || typeof body.duration_ms !== 'number' || body.duration_ms < 0)
      throw new UpstreamContractError('catalog', res.status);
    const tags = Array.isArray(body.learning_tags)
      ? body.learning_tags.filter((t): t is string => typeof t === 'string' && t.length > 0 && t.length <= 64)
      : [];
    return { durationMs: Math.floor(body.duration_ms), learningTags: tags.slice(0, 32) };
  }
}
