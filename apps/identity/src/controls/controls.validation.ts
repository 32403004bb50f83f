import { isValidTimeZone, parseBedtimeWindow } from '@mikasmissions/family-rules';
import { InvalidControlsError, type ControlsErrorCode } from './controls.errors';
import { AGE_BANDS, CONTROL_FIELDS, strictDefaults, type AgeBand, type ParentalControls } from './parental-controls';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const MAX_SHOWS = 500;
const REQUIRED = ['autoplay', 'chat_enabled', 'external_links', 'session_limit_minutes', 'bedtime_window', 'safety_mode'] as const;

type Body = Record<string, unknown>;
const fail = (code: ControlsErrorCode, field: string, message: string): never => {
  throw new InvalidControlsError(code, field, message);
};

function flag(body: Body, field: keyof ParentalControls, code: ControlsErrorCode, fallback: boolean): boolean {
  const value = body[field] === undefined ? fallback : body[field];
  return typeof value === 'boolean' ? value : fail(code, field, `${field} must be true or false`);
}

function showIds(body: Body, field: 'approved_show_ids' | 'blocked_show_ids', code: ControlsErrorCode): string[] {
  const value = body[field] === undefined ? [] : body[field];
  const ok =
    Array.isArray(value) &&
    value.length <= MAX_SHOWS &&
    value.every((id) => typeof id === 'string' && id.length <= 128 && ID.test(id)) &&
    new Set(value).size === value.length;
  return ok ? [...(value as string[])] : fail(code, field, `${field} must be at most ${MAX_SHOWS} distinct show ids`);
}

function sessionLimit(value: unknown): number {
  return Number.isInteger(value) && (value as number) >= 5 && (value as number) <= 180
    ? (value as number)
    : fail('invalid_session_limit', 'session_limit_minutes', 'session_limit_minutes must be a whole number from 5 to 180');
}

function ageCeiling(value: unknown, childBand: AgeBand | undefined): AgeBand | undefined {
  if (value === undefined) return undefined;
  if (!AGE_BANDS.includes(value as AgeBand))
    fail('invalid_age_band', 'max_age_band', `max_age_band must be one of ${AGE_BANDS.join(', ')}`);
  if (childBand && AGE_BANDS.indexOf(value as AgeBand) > AGE_BANDS.indexOf(childBand))
    fail('invalid_age_band', 'max_age_band', `max_age_band may not be above the child's own band (${childBand})`);
  return value as AgeBand;
}

/**
 * Checks a PUT body and returns the full controls it stands for: the six required fields must be
 * present, the extra ones default to the strict defaults, unknown fields are refused. Each field
 * fails with its own code (`invalid_session_limit`, `invalid_bedtime_window`, … ; the three plain
 * switches with `validation_failed`), `details.field` naming it. `childBand` is the ceiling's ceiling.
 *
 * @example
 * const controls = parseControls(req.body, '6-11');
 */
export function parseControls(input: unknown, childBand?: AgeBand): ParentalControls {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return fail('validation_failed', 'body', 'the body must be a controls object');
  const body = input as Body;
  const unknown = Object.keys(body).find((key) => !(CONTROL_FIELDS as readonly string[]).includes(key));
  if (unknown !== undefined) fail('validation_failed', unknown, `unknown field ${unknown}`);
  const missing = REQUIRED.find((field) => body[field] === undefined);
  if (missing !== undefined) fail('validation_failed', missing, `${missing} is required`);
  const defaults = strictDefaults();
  const controls: ParentalControls = {
    autoplay: flag(body, 'autoplay', 'validation_failed', defaults.autoplay),
    chat_enabled: flag(body, 'chat_enabled', 'validation_failed', defaults.chat_enabled),
    external_links: flag(body, 'external_links', 'validation_failed', defaults.external_links),
    session_limit_minutes: sessionLimit(body.session_limit_minutes),
    bedtime_window:
      typeof body.bedtime_window === 'string' && parseBedtimeWindow(body.bedtime_window)
        ? body.bedtime_window
        : fail('invalid_bedtime_window', 'bedtime_window', 'bedtime_window must be HH:MM-HH:MM (24-hour; may cross midnight)'),
    safety_mode:
      body.safety_mode === 'strict' || body.safety_mode === 'balanced'
        ? body.safety_mode
        : fail('invalid_safety_mode', 'safety_mode', 'safety_mode must be strict or balanced'),
    timezone:
      body.timezone === undefined
        ? defaults.timezone
        : typeof body.timezone === 'string' && isValidTimeZone(body.timezone)
          ? body.timezone
          : fail('invalid_timezone', 'timezone', 'timezone must be an IANA zone such as Europe/Berlin'),
    approved_only: flag(body, 'approved_only', 'invalid_approved_only', defaults.approved_only),
    approved_show_ids: showIds(body, 'approved_show_ids', 'invalid_approved_show_ids'),
    blocked_show_ids: showIds(body, 'blocked_show_ids', 'invalid_blocked_show_ids'),
    search_enabled: flag(body, 'search_enabled', 'invalid_search_enabled', defaults.search_enabled),
    history_paused: flag(body, 'history_paused', 'invalid_history_paused', defaults.history_paused),
  };
  const ceiling = ageCeiling(body.max_age_band, childBand);
  return ceiling ? { ...controls, max_age_band: ceiling } : controls;
}
