/** The zone used when the child's controls name none (or name one the runtime does not know). */
export const DEFAULT_TIMEZONE = 'Europe/Berlin';

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** `timezone` when the runtime knows it as an IANA zone, else {@link DEFAULT_TIMEZONE}. */
export function knownTimezone(timezone: string | undefined): string {
  if (!timezone) return DEFAULT_TIMEZONE;
  try {
    formatterOf(timezone);
    return timezone;
  } catch {
    return DEFAULT_TIMEZONE;
  }
}

/**
 * The calendar day (`YYYY-MM-DD`) of `instant` in `timezone`: the ledger's key.
 *
 * @example
 * localDateOf(new Date('2026-12-01T23:30:00Z'), 'Europe/Berlin') // '2026-12-02'
 */
export function localDateOf(instant: Date, timezone: string): string {
  return formatterOf(knownTimezone(timezone)).format(instant);
}

/** `date` (`YYYY-MM-DD`) moved by `days` calendar days (negative: back). */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}
