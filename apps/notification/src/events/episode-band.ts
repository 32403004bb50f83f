import type { AgeRating, ChildAgeBand, EpisodePublishedPayload } from '@mikasmissions/contracts-events';

const BAND_OF_RATING: Readonly<Record<AgeRating, ChildAgeBand>> = { '0+': '3-5', '3+': '3-5', '6+': '6-11', '9+': '6-11', '12+': '12-16' };

/** The band an episode is for: its `ageBand`, else the one its `ageRating` maps to (as catalog derives it). */
export const episodeBand = (episode: EpisodePublishedPayload): ChildAgeBand => episode.ageBand ?? BAND_OF_RATING[episode.ageRating];
