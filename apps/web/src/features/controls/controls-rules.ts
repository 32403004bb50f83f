import { isValidTimeZone, parseBedtimeWindow } from '@mikasmissions/family-rules';
import type { Schema } from '@mikasmissions/contracts-api';

/** The controls as the form edits them. */
export type Controls = Schema<'ParentalControls'>;
/** An age band. */
export type AgeBand = Schema<'AgeBand'>;

const BANDS: AgeBand[] = ['3-5', '6-11', '12-16'];
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const MAX_SHOWS = 500;

/** Splits a show-id list typed as lines or commas. */
export function parseShowIds(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function showIdsOk(ids: string[]): boolean {
  return ids.length <= MAX_SHOWS && ids.every((id) => id.length <= 128 && ID.test(id)) && new Set(ids).size === ids.length;
}

/**
 * The identity service's checks of PUT /v1/parents/controls (controls.validation.ts), field by
 * field with the same error codes, using the same bedtime and time-zone rules
 * (@mikasmissions/family-rules). Empty when the API would accept the controls.
 */
export function controlsErrors(c: Controls, childBand: AgeBand | undefined): Partial<Record<keyof Controls, string>> {
  const errors: Partial<Record<keyof Controls, string>> = {};
  if (!Number.isInteger(c.session_limit_minutes) || c.session_limit_minutes < 5 || c.session_limit_minutes > 180)
    errors.session_limit_minutes = 'invalid_session_limit';
  if (!parseBedtimeWindow(c.bedtime_window)) errors.bedtime_window = 'invalid_bedtime_window';
  if (c.safety_mode !== 'strict' && c.safety_mode !== 'balanced') errors.safety_mode = 'invalid_safety_mode';
  if (c.timezone !== undefined && !isValidTimeZone(c.timezone)) errors.timezone = 'invalid_timezone';
  if (
    c.max_age_band !== undefined &&
    (!BANDS.includes(c.max_age_band) || (childBand && BANDS.indexOf(c.max_age_band) > BANDS.indexOf(childBand)))
  )
    errors.max_age_band = 'invalid_age_band';
  if (!showIdsOk(c.approved_show_ids ?? [])) errors.approved_show_ids = 'invalid_approved_show_ids';
  if (!showIdsOk(c.blocked_show_ids ?? [])) errors.blocked_show_ids = 'invalid_blocked_show_ids';
  return errors;
}

/** The bands a ceiling may take for a child of `band` (never above the child's own). */
export function ceilingsFor(band: AgeBand): AgeBand[] {
  return BANDS.slice(0, BANDS.indexOf(band) + 1);
}

/** The API error's field (`details.field`), to show a server-side refusal next to its input. */
export function errorField(details: unknown): string | undefined {
  const field = (details as { field?: unknown } | undefined)?.field;
  return typeof field === 'string' ? field : undefined;
}
