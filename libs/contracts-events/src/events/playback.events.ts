import { defineEvent } from '../event-definition';
import childSessionCappedV1 from '../schemas/child.session.capped.v1.json';
import playbackSessionStartedV1 from '../schemas/playback.session.started.v1.json';

/** Payload of {@link PlaybackSessionStarted}. */
export interface PlaybackSessionStartedPayload {
  sessionId: string;
  childProfileId: string;
  parentUserId: string;
  episodeId: string;
  deviceType: string;
  /** ISO 8601. */
  startedAt: string;
  /** Minutes left of the child's daily limit when the session started. */
  maxMinutes?: number;
}

/** Why a session was stopped. */
export type SessionCapReason = 'session_cap_reached' | 'bedtime_active' | 'episode_not_allowed';

/** Payload of {@link ChildSessionCapped}. */
export interface ChildSessionCappedPayload {
  sessionId: string;
  childProfileId: string;
  parentUserId: string;
  episodeId: string;
  reason: SessionCapReason;
  minutesWatched: number;
  /** ISO 8601. */
  cappedAt: string;
}

/** `playback.session.started` v1: a child started watching an episode (playback). */
export const PlaybackSessionStarted = defineEvent<PlaybackSessionStartedPayload>({
  type: 'playback.session.started',
  version: 1,
  schema: playbackSessionStartedV1,
});

/** `child.session.capped` v1: a heartbeat stopped a session (limit, bedtime or the parent's controls) (playback). */
export const ChildSessionCapped = defineEvent<ChildSessionCappedPayload>({
  type: 'child.session.capped',
  version: 1,
  schema: childSessionCappedV1,
});
