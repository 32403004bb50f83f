import { defineEvent } from '../event-definition';
import parentControlsUpdatedV1 from '../schemas/parent.controls.updated.v1.json';

/** A child's full parental controls, as the public API spells them (identity's `ParentalControls`). */
export interface ParentalControlsSnapshot {
  autoplay: boolean;
  chat_enabled: boolean;
  external_links: boolean;
  session_limit_minutes: number;
  /** `HH:MM-HH:MM` in `timezone`, may cross midnight. */
  bedtime_window: string;
  safety_mode: 'strict' | 'balanced';
  /** IANA zone. */
  timezone: string;
  /** Absent: no ceiling below the child's own band. */
  max_age_band?: '3-5' | '6-11' | '12-16';
  approved_only: boolean;
  approved_show_ids: string[];
  blocked_show_ids: string[];
  search_enabled: boolean;
  history_paused: boolean;
}

/** Payload of {@link ParentControlsUpdated}. */
export interface ParentControlsUpdatedPayload {
  parentUserId: string;
  childProfileId: string;
  /** The whole controls object after the change. */
  controls: ParentalControlsSnapshot;
  /** The names of the fields that changed (empty when the PUT changed nothing). */
  changed: string[];
}

/** `parent.controls.updated` v1: a parent replaced a child's controls (identity); catalog, playback, recommendation and progress refresh their copy. */
export const ParentControlsUpdated = defineEvent<ParentControlsUpdatedPayload>({
  type: 'parent.controls.updated',
  version: 1,
  schema: parentControlsUpdatedV1,
});
