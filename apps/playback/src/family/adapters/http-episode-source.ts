import { Injectable } from '@nestjs/common';
import { ServiceClient } from '@mikasmissions/service-client';
import { z } from 'zod';
import { AGE_BANDS, type AgeBand, type PlaybackEpisode } from '../family-models';
import { EpisodeSource } from '../family.ports';
import { unexpectedAnswer } from '../upstream-policy';

const episodeBody = z.object({
  episode_id: z.string(),
  show_id: z.string(),
  age_band: z.enum(AGE_BANDS as [AgeBand, ...AgeBand[]]),
  duration_ms: z.number().int().min(0),
  playback_ready: z.boolean().optional(),
  published: z.boolean().optional(),
  publish_state: z.string().optional(),
  status: z.string().optional(),
  renditions: z.array(z.object({ profile: z.string().optional(), storage_key: z.string().optional() }).loose()).default([]),
});

/** Catalog's profile of the HLS master playlist that lists the other renditions. */
const ADAPTIVE_PROFILE = 'adaptive';

/** Publish states that mean "not out yet". */
const UNPUBLISHED = new Set(['draft', 'unpublished', 'scheduled', 'processing', 'withdrawn', 'archived']);

/**
 * {@link EpisodeSource} over catalog's `GET /internal/catalog/episodes/{id}`: the contract's
 * episode plus its publish state; the playlist is the `adaptive` rendition's `storage_key` (the
 * HLS master), else the first rendition's (default `episodes/<id>/index.m3u8`). 404 is `null`; catalog down is 503 `service_unavailable`.
 */
@Injectable()
export class HttpEpisodeSource extends EpisodeSource {
  constructor(private readonly client: ServiceClient) {
    super();
  }

  async find(episodeId: string): Promise<PlaybackEpisode | null> {
    const { status, body } = await this.client.call('catalog', {
      method: 'GET',
      path: `/internal/catalog/episodes/${encodeURIComponent(episodeId)}`,
    });
    if (status === 404) return null;
    const parsed = episodeBody.safeParse(body);
    if (status !== 200 || !parsed.success) throw unexpectedAnswer('catalog', status);
    const e = parsed.data;
    const state = (e.publish_state ?? e.status ?? '').toLowerCase();
    const playable = e.playback_ready !== false && e.published !== false && !UNPUBLISHED.has(state);
    const playlists = e.renditions.filter((r) => typeof r.storage_key === 'string' && r.storage_key.endsWith('.m3u8'));
    const storageKey =
      (playlists.find((r) => r.profile === ADAPTIVE_PROFILE) ?? playlists[0])?.storage_key ?? `episodes/${e.episode_id}/index.m3u8`;
    return { episodeId: e.episode_id, showId: e.show_id, ageBand: e.age_band, durationMs: e.duration_ms, playable, storageKey };
  }
}
