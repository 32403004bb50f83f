import type { ChildControls, ChildProfile, Entitlement, PlaybackEpisode } from '../family-models';
import { ChildRules, EpisodeSource, Entitlements, GateTokens, UsageSource } from '../family.ports';

/** In-process {@link ChildRules}: knows the children and controls a test puts in. */
export class MemoryChildRules extends ChildRules {
  readonly profiles = new Map<string, ChildProfile>();
  readonly controlsByChild = new Map<string, ChildControls>();

  async profile(childProfileId: string): Promise<ChildProfile | null> {
    const found = this.profiles.get(childProfileId);
    return found ? { ...found } : null;
  }

  async controls(childProfileId: string): Promise<ChildControls | null> {
    const found = this.controlsByChild.get(childProfileId);
    return found ? structuredClone(found) : null;
  }
}

/** In-process {@link EpisodeSource}. */
export class MemoryEpisodeSource extends EpisodeSource {
  readonly episodes = new Map<string, PlaybackEpisode>();

  async find(episodeId: string): Promise<PlaybackEpisode | null> {
    const found = this.episodes.get(episodeId);
    return found ? { ...found } : null;
  }
}

/** In-process {@link Entitlements}: no plan unless a test grants one. */
export class MemoryEntitlements extends Entitlements {
  readonly byChild = new Map<string, Entitlement>();

  async forChild(childProfileId: string): Promise<Entitlement | null> {
    const found = this.byChild.get(childProfileId);
    return found ? { ...found } : null;
  }
}

/** In-process {@link UsageSource}: minutes per `child|date`, 0 when unknown. */
export class MemoryUsageSource extends UsageSource {
  readonly minutes = new Map<string, number>();

  async minutesUsed(childProfileId: string, date: string): Promise<number> {
    return this.minutes.get(`${childProfileId}|${date}`) ?? 0;
  }
}

/** In-process {@link GateTokens}: each issued token works once, for its child. */
export class MemoryGateTokens extends GateTokens {
  private readonly issued = new Map<string, string>();

  /** Makes `token` valid once for `childProfileId`. */
  issue(childProfileId: string, token: string): void {
    this.issued.set(token, childProfileId);
  }

  async consume(childProfileId: string, gateToken: string): Promise<boolean> {
    if (this.issued.get(gateToken) !== childProfileId) return false;
    this.issued.delete(gateToken);
    return true;
  }
}
