import { isValidTimeZone, localDayOf } from '@mikasmissions/family-rules';

/** The zone used when the child's controls name none (or name one the runtime does not know). */
export const DEFAULT_TIMEZONE = 'Europe/Berlin';

const MS_PER_DAY = 86_400_000;

/** `timezone` when the runtime knows it as an IANA zone, else {@link DEFAULT_TIMEZONE}. */
export function knownTimezone(timezone: string | undefined): string {
  return timezone && isValidTimeZone(timezone) ? timezone : DEFAULT_TIMEZONE;
}

/**
 * The calendar day (`YYYY-MM-DD`) of `instant` in `timezone` (libs/family-rules' local day, the
 * same one playback's limits use): the ledger's key.
 *
 * @example
 * localDateOf(new Date('2026-12-01T23:30:00Z'), 'Europe/Berlin') // '2026-12-02'
 */
export function localDateOf(instant: Date, timezone: string): string {
  return localDayOf(instant, knownTimezone(timezone));
}

/** `date` (`YYYY-MM-DD`) moved by `days` calendar days (negative: back). */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}
