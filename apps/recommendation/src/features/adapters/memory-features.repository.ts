import type { AgeBand } from '../../policy/age-band';
import type { ChildFeatures, ChildFeaturesPatch, HomeSnapshot, Popularity, WatchState, WatchUpdate } from '../child-features';
import { FeaturesRepository } from '../features.repository';

const copy = <T>(value: T): T => structuredClone(value);

/** In-process features for dev:local and tests; same contract as the Postgres adapter. */
export class MemoryFeaturesRepository extends FeaturesRepository {
  private readonly states = new Map<string, WatchState>();
  private readonly children = new Map<string, ChildFeatures>();
  private readonly snapshots = new Map<string, HomeSnapshot>();

  async recordWatch(u: WatchUpdate): Promise<void> {
    const key = JSON.stringify([u.childId, u.episodeId]);
    const old = this.states.get(key);
    const at = u.eventAt.toISOString();
    const newer = !old || at >= old.lastEventAt;
    this.states.set(key, {
      childId: u.childId,
      episodeId: u.episodeId,
      ageBand: u.ageBand ?? old?.ageBand ?? null,
      positionSeconds: newer ? u.positionSeconds : old.positionSeconds,
      completed: (old?.completed ?? false) || u.completed,
      learningTags: u.learningTags.length > 0 ? [...u.learningTags] : (old?.learningTags ?? []),
      lastEventAt: newer ? at : old.lastEventAt,
      completedAt: old?.completedAt ?? (u.completed ? at : null),
    });
  }

  async watchStates(childId: string): Promise<WatchState[]> {
    return [...this.states.values()]
      .filter((s) => s.childId === childId)
      .sort((a, b) => b.lastEventAt.localeCompare(a.lastEventAt) || a.episodeId.localeCompare(b.episodeId))
      .map(copy);
  }

  async popularInBand(band: AgeBand, since: Date, episodeIds: readonly string[]): Promise<Popularity[]> {
    const counts = new Map<string, number>();
    const from = since.toISOString();
    const wanted = new Set(episodeIds);
    for (const s of this.states.values()) {
      if (s.ageBand === band && wanted.has(s.episodeId) && s.completedAt !== null && s.completedAt >= from)
        counts.set(s.episodeId, (counts.get(s.episodeId) ?? 0) + 1);
    }
    return [...counts.entries()]
      .map(([episodeId, completions]) => ({ episodeId, completions }))
      .sort((a, b) => b.completions - a.completions || a.episodeId.localeCompare(b.episodeId));
  }

  async saveChild(patch: ChildFeaturesPatch): Promise<void> {
    const old = this.children.get(patch.childId);
    this.children.set(patch.childId, {
      childId: patch.childId,
      parentUserId: patch.parentUserId !== undefined ? patch.parentUserId : (old?.parentUserId ?? null),
      ageBand: patch.ageBand !== undefined ? patch.ageBand : (old?.ageBand ?? null),
      controls: patch.controls !== undefined ? copy(patch.controls) : (old?.controls ?? null),
      updatedAt: new Date().toISOString(),
    });
  }

  async child(childId: string): Promise<ChildFeatures | null> {
    const found = this.children.get(childId);
    return found ? copy(found) : null;
  }

  async saveSnapshot(snapshot: HomeSnapshot): Promise<void> {
    this.snapshots.set(snapshot.childId, copy(snapshot));
  }

  async snapshot(childId: string): Promise<HomeSnapshot | null> {
    const found = this.snapshots.get(childId);
    return found ? copy(found) : null;
  }

  async eraseChild(childId: string): Promise<void> {
    for (const [key, state] of this.states) if (state.childId === childId) this.states.delete(key);
    this.children.delete(childId);
    this.snapshots.delete(childId);
  }
}
