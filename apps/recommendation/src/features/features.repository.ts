import type { AgeBand } from '../policy/age-band';
import type { ChildFeatures, ChildFeaturesPatch, HomeSnapshot, Popularity, WatchState, WatchUpdate } from './child-features';

/** Port: the per-child features behind the rails. Adapters: memory, Postgres (plain SQL); one contract suite. */
export abstract class FeaturesRepository {
  /** Applies a watch event: the newest event sets the position; completion is kept once reached. */
  abstract recordWatch(update: WatchUpdate): Promise<void>;
  /** The child's watch states, most recent first. */
  abstract watchStates(childId: string): Promise<WatchState[]>;
  /** Among `episodeIds`: distinct children of `band` who completed each since `since`, most completions first (none → left out). */
  abstract popularInBand(band: AgeBand, since: Date, episodeIds: readonly string[]): Promise<Popularity[]>;
  /** Creates or updates the child's features; absent fields keep their stored value. */
  abstract saveChild(patch: ChildFeaturesPatch): Promise<void>;
  /** The child's features, or `null`. */
  abstract child(childId: string): Promise<ChildFeatures | null>;
  /** Replaces the child's stored home. */
  abstract saveSnapshot(snapshot: HomeSnapshot): Promise<void>;
  /** The child's stored home, or `null`. */
  abstract snapshot(childId: string): Promise<HomeSnapshot | null>;
  /** Erases everything kept about the child (watch states, features, stored home). */
  abstract eraseChild(childId: string): Promise<void>;
}
