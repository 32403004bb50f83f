import type { ParentalControlsSnapshot } from '@mikasmissions/contracts-events';

/** A child's full parental controls (the contract's `ParentalControls`, every extra field filled in). */
export type ParentalControls = ParentalControlsSnapshot;

export { AGE_BANDS } from '../family-scope/child-lookup';
export type { AgeBand } from '../family-scope/child-lookup';

/**
 * The strict default every child starts with: autoplay, chat and external links off, 30 minutes,
 * bedtime 20:00-07:00, `strict`, UTC, no ceiling below the child's band, nothing approved-only or
 * blocked, search on, history recorded.
 */
export const STRICT_DEFAULTS: Readonly<ParentalControls> = Object.freeze({
  autoplay: false,
  chat_enabled: false,
  external_links: false,
  session_limit_minutes: 30,
  bedtime_window: '20:00-07:00',
  safety_mode: 'strict',
  timezone: 'UTC',
  approved_only: false,
  approved_show_ids: [],
  blocked_show_ids: [],
  search_enabled: true,
  history_paused: false,
});

/** A fresh copy of {@link STRICT_DEFAULTS}. */
export const strictDefaults = (): ParentalControls => structuredClone(STRICT_DEFAULTS) as ParentalControls;

/** Every field name of {@link ParentalControls}, in the contract's order. */
export const CONTROL_FIELDS = [
  'autoplay',
  'chat_enabled',
  'external_links',
  'session_limit_minutes',
  'bedtime_window',
  'safety_mode',
  'timezone',
  'max_age_band',
  'approved_only',
  'approved_show_ids',
  'blocked_show_ids',
  'search_enabled',
  'history_paused',
] as const satisfies ReadonlyArray<keyof ParentalControls>;

/** The names of the fields whose values differ between `before` and `after`. */
export function changedFields(before: ParentalControls, after: ParentalControls): string[] {
  return CONTROL_FIELDS.filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null));
}

/** A child's stored controls with who owns and last changed them. */
export interface StoredControls {
  tenantId: string;
  childProfileId: string;
  parentUserId: string;
  controls: ParentalControls;
  updatedBy: string;
  updatedAt: string;
}
