import { ProgressRepository } from '../progress.repository';
import { advance, type ChildHistory, type DayUsage, type EpisodePosition, type RecordOutcome, type WatchRecord } from '../watch-progress';

interface ChildState {
  events: Set<string>;
  positions: Map<string, EpisodePosition>;
  days: Map<string, DayUsage>;
}

/** In-process store for dev:local and tests; same contract as the Postgres adapter. */
export class MemoryProgressRepository extends ProgressRepository {
  private readonly children = new Map<string, ChildState>();

  async record(record: WatchRecord): Promise<RecordOutcome> {
    const state = this.stateOf(record.childProfileId);
    const key = `${record.episodeId}\u0000${record.eventTime.toISOString()}`;
    const previous = state.positions.get(record.episodeId) ?? null;
    if (state.events.has(key)) {
      return {
        duplicate: true,
        positionMs: previous?.positionMs ?? 0,
        completed: previous?.completed ?? false,
        watchedMs: 0,
        newlyCompleted: false,
      };
    }
    state.events.add(key);
    const { next, outcome } = advance(previous, record);
    state.positions.set(record.episodeId, next);
    const day = state.days.get(record.localDate) ?? { localDate: record.localDate, watchedMs: 0, completions: 0 };
    state.days.set(record.localDate, {
      ...day,
      watchedMs: day.watchedMs + outcome.watchedMs,
      completions: day.completions + (outcome.newlyCompleted ? 1 : 0),
    });
    return outcome;
  }

  async history(childProfileId: string): Promise<ChildHistory> {
    const state = this.children.get(childProfileId);
    if (!state) return { started: 0, completed: 0, lastEpisodeId: null, days: [] };
    const positions = [...state.positions.entries()];
    const newest = positions.reduce<[string, EpisodePosition] | null>(
      (best, entry) =>
        !best ||
        entry[1].lastEventTime.getTime() > best[1].lastEventTime.getTime() ||
        (entry[1].lastEventTime.getTime() === best[1].lastEventTime.getTime() && entry[0] > best[0])
          ? entry
          : best,
      null,
    );
    return {
      started: positions.length,
      completed: positions.filter(([, p]) => p.completed).length,
      lastEpisodeId: newest ? newest[0] : null,
      days: [...state.days.values()].sort((a, b) => a.localDate.localeCompare(b.localDate)).map((d) => ({ ...d })),
    };
  }

  async watchedOn(childProfileId: string, localDate: string): Promise<number> {
    return this.children.get(childProfileId)?.days.get(localDate)?.watchedMs ?? 0;
  }

  async erase(_tenantId: string, childProfileId: string): Promise<boolean> {
    return this.children.delete(childProfileId);
  }

  private stateOf(childProfileId: string): ChildState {
    let state = this.children.get(childProfileId);
    if (!state) {
      state = { events: new Set(), positions: new Map(), days: new Map() };
      this.children.set(childProfileId, state);
    }
    return state;
  }
}
