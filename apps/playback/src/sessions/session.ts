import type { SessionCapReason } from '@mikasmissions/contracts-events';

/** One playback session, as stored. */
export interface Session {
  id: string;
  tenantId: string;
  childProfileId: string;
  parentUserId: string;
  episodeId: string;
  deviceType: string;
  /** The episode's playlist under MEDIA_STORE_DIR, e.g. `episodes/ep-1/index.m3u8`. */
  mediaKey: string;
  /** The daily limit in force at the start (the parent's, tightened by the request). */
  limitMinutes: number;
  /** Minutes progress had counted that day when the session started. */
  usedAtStart: number;
  minutesWatched: number;
  startedAt: string;
  lastHeartbeatAt: string | null;
  endedAt: string | null;
  endReason: SessionCapReason | null;
}

/** What a start stores. */
export type NewSession = Omit<Session, 'id' | 'minutesWatched' | 'startedAt' | 'lastHeartbeatAt' | 'endedAt' | 'endReason'> & {
  startedAt: Date;
};
