import { Injectable } from '@nestjs/common';
import type { Schema } from '@mikasmissions/contracts-api';
import { ChildSessionCapped, type SessionCapReason } from '@mikasmissions/contracts-events';
import { EventPublisher } from '@mikasmissions/messaging';
import { EpisodeSource, UsageSource } from '../family/family.ports';
import { SessionNotFoundError } from '../playback.errors';
import { FamilyAccess } from './family-access';
import { bedtimeNow, dayBudget, episodeRefusal } from './playback-rules';
import type { Session } from './session';
import { SessionsRepository } from './sessions.repository';

/** The heartbeat answer (the contract's PlaybackHeartbeatResponse). */
export type HeartbeatResponse = Schema<'PlaybackHeartbeatResponse'>;

/**
 * Heartbeats: re-reads the parent's current controls, the episode and progress's usage, counts
 * the session's wall-clock minutes, and stops the stream (`continue: false`) when the day's
 * limit is used up, the bedtime has begun, or the controls no longer allow the episode. The
 * stop ends the session and publishes `child.session.capped` once, in one transaction.
 */
@Injectable()
export class PlaybackHeartbeatService {
  constructor(
    private readonly access: FamilyAccess,
    private readonly episodes: EpisodeSource,
    private readonly usage: UsageSource,
    private readonly sessions: SessionsRepository,
    private readonly events: EventPublisher,
  ) {}

  /** Records a heartbeat of session `id` and says whether the stream may go on. */
  async beat(id: string): Promise<HeartbeatResponse> {
    const session = await this.sessions.find(id);
    if (!session) throw new SessionNotFoundError();
    this.access.assertActsFor(session);
    if (session.endedAt) return { continue: false, remaining_minutes: 0, ...(session.endReason ? { stop_reason: session.endReason } : {}) };

    const now = new Date();
    const child = await this.access.ownedChild(session.childProfileId);
    const [controls, episode] = await Promise.all([this.access.controlsOf(child), this.episodes.find(session.episodeId)]);
    const watched = Math.max(0, Math.floor((now.getTime() - Date.parse(session.startedAt)) / 60_000));
    const realUsed = await this.usage.minutesUsed(child.childProfileId, dayBudget(controls, 0, now).date);
    const budget = dayBudget(controls, realUsed, now, {
      sessionLimitMinutes: session.limitMinutes,
      sessionMinutesUsed: session.usedAtStart + watched,
    });

    let stop: SessionCapReason | undefined;
    if (!episode || !episode.playable || episodeRefusal(episode, child, controls)) stop = 'episode_not_allowed';
    else if (budget.remainingMinutes <= 0) stop = 'session_cap_reached';
    else if (bedtimeNow(controls, now)) stop = 'bedtime_active';

    await this.events.transaction(async () => {
      await this.sessions.heartbeat(session.id, now, watched);
      if (stop && (await this.sessions.end(session.id, now, stop))) await this.publishCapped(session, stop, watched, now);
    });
    if (stop) return { continue: false, remaining_minutes: budget.remainingMinutes, stop_reason: stop };
    return { continue: true, remaining_minutes: budget.remainingMinutes };
  }

  private async publishCapped(session: Session, reason: SessionCapReason, minutesWatched: number, at: Date): Promise<void> {
    await this.events.publish(
      ChildSessionCapped,
      {
        sessionId: session.id,
        childProfileId: session.childProfileId,
        parentUserId: session.parentUserId,
        episodeId: session.episodeId,
        reason,
        minutesWatched,
        cappedAt: at.toISOString(),
      },
      { aggregateId: session.childProfileId },
    );
  }
}
