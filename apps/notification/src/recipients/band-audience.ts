import type { ChildAgeBand } from '@mikasmissions/contracts-events';

/** Port: which parents have a child in an age band — parent ids only, never a child's id or name. */
export abstract class BandAudience {
  /** The distinct parent ids with at least one child in `band`; throws `ProfileUnavailableError` when profile cannot say. */
  abstract parentsWithChildIn(band: ChildAgeBand): Promise<string[]>;
}
