import type { RailItem } from '@mikasmissions/contracts-api';
import type { Popularity, WatchState } from '../features/child-features';
import { type AgeBand, modeOfBand } from '../policy/age-band';
import { type ChildPolicy, parentSafetyApplied } from '../policy/child-policy';
import type { CatalogEpisode } from '../upstreams/catalog-source';
import { ageFitScore } from './age-fit';

/** At most this many items in `continue_watching` and `next_episode`. */
export const RAIL_SIZE = 10;
/** At most this many items in each discovery rail (because, popular, new, learning), so the later rails keep episodes too. */
export const DISCOVERY_SIZE = 6;
/** Half-life of a watch's weight in `because_you_watched`. */
const HALF_LIFE_DAYS = 14;
const DAY_MS = 86_400_000;

/** What the rails are built from: only policy-filtered candidates ever become items. */
export interface RailInputs {
  policy: ChildPolicy;
  /** The policy-filtered candidates, newest first (see `CandidateQuery`). */
  candidates: CatalogEpisode[];
  /** The child's watch states, most recent first. */
  states: WatchState[];
  /** Completions in the child's band over the last 7 days, most first. */
  popular: Popularity[];
  now: Date;
}

type ReasonCode = RailItem['reason_code'];

const byPublishedAsc = (a: CatalogEpisode, b: CatalogEpisode): number =>
  (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.episodeId.localeCompare(b.episodeId);

/**
 * Builds the rails in their order — continue_watching, next_episode, because_you_watched,
 * popular_in_band, new_in_band, learning_path — from the candidates only, at most
 * {@link RAIL_SIZE} or {@link DISCOVERY_SIZE} each, no episode twice in the whole answer.
 */
export function buildRails(inputs: RailInputs): RailItem[] {
  const { policy, candidates, now } = inputs;
  const byId = new Map(candidates.map((c) => [c.episodeId, c]));
  // An event without tags (an older producer) takes the episode's tags from the catalog.
  const states = inputs.states.map((s) =>
    s.learningTags.length > 0 ? s : { ...s, learningTags: byId.get(s.episodeId)?.learningTags ?? [] },
  );
  const watched = new Map(states.map((s) => [s.episodeId, s]));
  const interests = new Set(states.flatMap((s) => s.learningTags));
  const used = new Set<string>();
  const items: RailItem[] = [];
  const safety = parentSafetyApplied(policy);

  const fill = (reason: ReasonCode, ordered: Iterable<CatalogEpisode | undefined>, size = RAIL_SIZE): void => {
    let count = 0;
    for (const episode of ordered) {
      if (count >= size) return;
      if (!episode || used.has(episode.episodeId)) continue;
      used.add(episode.episodeId);
      count += 1;
      items.push(toItem(episode, reason, policy.childBand, interests, safety));
    }
  };
  const unwatched = (c: CatalogEpisode): boolean => !watched.has(c.episodeId);

  fill(
    'continue_watching',
    states.filter((s) => !s.completed && s.positionSeconds > 0).map((s) => byId.get(s.episodeId)),
  );
  fill('next_episode', nextEpisodes(candidates, states, byId));
  fill('because_you_watched', becauseYouWatched(candidates, states, byId, now).filter(unwatched), DISCOVERY_SIZE);
  fill(
    'popular_in_band',
    inputs.popular.map((p) => byId.get(p.episodeId)).filter((c) => c !== undefined && !watched.get(c.episodeId)?.completed),
    DISCOVERY_SIZE,
  );
  fill('new_in_band', newInBand(candidates, policy.childBand).filter(unwatched), DISCOVERY_SIZE);
  fill('learning_path', learningPath(candidates, states, policy.childBand).filter(unwatched), DISCOVERY_SIZE);
  return items;
}

function toItem(e: CatalogEpisode, reason: ReasonCode, childBand: AgeBand, interests: ReadonlySet<string>, safety: boolean): RailItem {
  const band = e.ageBand as AgeBand;
  return {
    episode_id: e.episodeId,
    title: e.title,
    summary: e.summary,
    thumbnail_url: e.thumbnailUrl,
    duration_ms: e.durationMs,
    age_band: band,
    content_suitability: modeOfBand(band),
    learning_tags: [...e.learningTags],
    reason_code: reason,
    safety_applied: safety,
    age_fit_score: ageFitScore(childBand, band, e.learningTags, interests),
  };
}

/** For each show the child watched (most recent first): the first episode after the furthest one watched that the child has not completed. */
function nextEpisodes(candidates: CatalogEpisode[], states: WatchState[], byId: Map<string, CatalogEpisode>): CatalogEpisode[] {
  const completed = new Set(states.filter((s) => s.completed).map((s) => s.episodeId));
  const watched = new Set(states.map((s) => s.episodeId));
  const shows = [...new Set(states.map((s) => byId.get(s.episodeId)?.showId).filter((id): id is string => id !== undefined))];
  return shows.flatMap((show) => {
    const order = candidates.filter((c) => c.showId === show).sort(byPublishedAsc);
    const furthest = order.reduce((last, c, i) => (watched.has(c.episodeId) ? i : last), -1);
    const found = order.slice(furthest + 1).find((c) => !completed.has(c.episodeId));
    return found ? [found] : [];
  });
}

/** Content-based: learning tags and shows of what the child watched, weighted by completion and recency. */
function becauseYouWatched(
  candidates: CatalogEpisode[],
  states: WatchState[],
  byId: Map<string, CatalogEpisode>,
  now: Date,
): CatalogEpisode[] {
  const tagWeight = new Map<string, number>();
  const showWeight = new Map<string, number>();
  for (const s of states) {
    const ageDays = Math.max(0, (now.getTime() - Date.parse(s.lastEventAt)) / DAY_MS);
    const weight = (s.completed ? 1 : 0.5) * 0.5 ** (ageDays / HALF_LIFE_DAYS);
    for (const tag of s.learningTags) tagWeight.set(tag, (tagWeight.get(tag) ?? 0) + weight);
    const show = byId.get(s.episodeId)?.showId;
    if (show !== undefined) showWeight.set(show, (showWeight.get(show) ?? 0) + weight);
  }
  const score = (c: CatalogEpisode): number =>
    c.learningTags.reduce((sum, t) => sum + (tagWeight.get(t) ?? 0), 0) + 0.5 * (showWeight.get(c.showId) ?? 0);
  return candidates
    .map((c) => ({ c, s: score(c) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .map((x) => x.c);
}

/** Newest first, episodes of the child's own band before younger ones. */
function newInBand(candidates: CatalogEpisode[], childBand: AgeBand): CatalogEpisode[] {
  const fit = (c: CatalogEpisode): number => ageFitScore(childBand, c.ageBand as AgeBand, [], new Set());
  return [...candidates].sort((a, b) => fit(b) - fit(a));
}

/** Episodes whose tags continue what the child completed, in publication order; for a new child the starts of tagged paths, best band fit first. */
function learningPath(candidates: CatalogEpisode[], states: WatchState[], childBand: AgeBand): CatalogEpisode[] {
  const done = new Set(states.filter((s) => s.completed).flatMap((s) => s.learningTags));
  const tagged = candidates.filter((c) => c.learningTags.length > 0);
  if (done.size === 0) {
    const fit = (c: CatalogEpisode): number => ageFitScore(childBand, c.ageBand as AgeBand, [], new Set());
    return tagged.sort((a, b) => fit(b) - fit(a) || byPublishedAsc(a, b));
  }
  const overlap = (c: CatalogEpisode): number => c.learningTags.filter((t) => done.has(t)).length;
  return tagged.filter((c) => overlap(c) > 0).sort((a, b) => overlap(b) - overlap(a) || byPublishedAsc(a, b));
}
