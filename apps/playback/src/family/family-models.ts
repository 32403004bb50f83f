/** A child's age band, youngest first. */
export type AgeBand = '3-5' | '6-11' | '12-16';

/** The age bands in order: an episode is allowed when its band's index is ≤ the child's. */
export const AGE_BANDS: readonly AgeBand[] = ['3-5', '6-11', '12-16'];

/** What profile says about a child (`GET /internal/profiles/{id}`); no personal data. */
export interface ChildProfile {
  childProfileId: string;
  parentUserId: string;
  ageBand: AgeBand;
}

/** The parent's controls of one child (identity's `GET /internal/controls/{id}`), the fields playback reads. */
export interface ChildControls {
  autoplay: boolean;
  externalLinks: boolean;
  sessionLimitMinutes: number;
  /** `"HH:MM-HH:MM"` on the child's wall clock. */
  bedtimeWindow: string;
  safetyMode: 'strict' | 'balanced';
  /** IANA time zone. */
  timezone: string;
  maxAgeBand: AgeBand;
  approvedOnly: boolean;
  approvedShowIds: string[];
  blockedShowIds: string[];
}

/** An episode as playback needs it (catalog's `GET /internal/catalog/episodes/{id}`). */
export interface PlaybackEpisode {
  episodeId: string;
  showId: string;
  ageBand: AgeBand;
  durationMs: number;
  /** Published and playable. */
  playable: boolean;
  /** The HLS master or media playlist under MEDIA_STORE_DIR, e.g. `episodes/ep-1/index.m3u8`. */
  storageKey: string;
}

/** Billing's answer for a child (`GET /v1/billing/entitlements?child_profile_id=`). */
export interface Entitlement {
  parentUserId: string;
  plan: string;
  active: boolean;
}
