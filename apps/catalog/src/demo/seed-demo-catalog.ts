import type { EpisodesRepository } from '../episodes/episodes.repository';
import { demoEpisodes } from './demo-catalog';

/** Upserts the demo episodes (idempotent: a second run changes nothing). Returns how many were new or changed. */
export async function seedDemoCatalog(repository: EpisodesRepository): Promise<number> {
  let changed = 0;
  for (const episode of demoEpisodes()) if ((await repository.upsert(episode)).changed) changed++;
  return changed;
}
