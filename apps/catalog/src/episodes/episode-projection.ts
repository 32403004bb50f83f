import type { EpisodePublishedPayload } from '@mikasmissions/contracts-events';
import type { AgeBand } from './age-band';
import type { Episode, EpisodeInput } from './episode';

const BAND_OF_RATING: Record<EpisodePublishedPayload['ageRating'], AgeBand> = {
  '0+': '3-5',
  '3+': '3-5',
  '6+': '6-11',
  '9+': '6-11',
  '12+': '12-16',
};

/** The profile of the rendition that is the HLS master playlist listing the others (adaptive playback). */
export const ADAPTIVE_PROFILE = 'adaptive';

/** The event's renditions (else the stored ones), its master playlist first as the `adaptive` rendition. */
function renditionsOf(p: EpisodePublishedPayload, existing: Episode | null): Array<{ profile: string; storageKey: string }> {
  const stored = existing?.renditions ?? [];
  const ladder = p.renditions ?? stored.filter((r) => r.profile !== ADAPTIVE_PROFILE);
  const master = p.masterKey ?? (p.renditions ? undefined : stored.find((r) => r.profile === ADAPTIVE_PROFILE)?.storageKey);
  return [...(master === undefined ? [] : [{ profile: ADAPTIVE_PROFILE, storageKey: master }]), ...ladder];
}

/**
 * The catalog entry an `episode.published` event makes: the event's fields over what the
 * catalog already has, defaults for the rest, published at the event's `publishedAt`, else
 * the instant already stored, else the event's `occurredAt` — so a redelivery writes the same row.
 * A `masterKey` becomes the first rendition, profile `adaptive` (what playback streams).
 */
export function projectPublished(event: { payload: EpisodePublishedPayload; occurredAt: string }, existing: Episode | null): EpisodeInput {
  const p = event.payload;
  const renditions = renditionsOf(p, existing);
  return {
    episodeId: p.episodeId,
    showId: p.showId ?? existing?.showId ?? p.missionId,
    title: p.title ?? existing?.title ?? p.episodeId,
    summary: p.summary ?? existing?.summary ?? '',
    ageBand: p.ageBand ?? existing?.ageBand ?? BAND_OF_RATING[p.ageRating],
    durationMs: p.durationMs ?? existing?.durationMs ?? 0,
    learningTags: p.learningTags ?? existing?.learningTags ?? [],
    playbackReady: renditions.length > 0,
    thumbnail: p.thumbnailUrl ?? existing?.thumbnail ?? `episodes/${p.episodeId}/thumb.jpg`,
    publishedAt: new Date(p.publishedAt ?? existing?.publishedAt ?? event.occurredAt).toISOString(),
    renditions: renditions.map((r) => ({ profile: r.profile, storageKey: r.storageKey })),
  };
}
