/** An instant as a wall clock shows it in one IANA zone. */
export interface LocalTime {
  /** `YYYY-MM-DD`, the local calendar day. */
  day: string;
  /** Minutes since local midnight, 0..1439. */
  minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Whether `timeZone` is an IANA zone this runtime knows (`Europe/Berlin`, `UTC`), checked with `Intl`.
 *
 * @example
 * isValidTimeZone('America/New_York'); // true
 * isValidTimeZone('Mars/Olympus');     // false
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall-clock day and minute of `instant` in `timeZone` (throws a RangeError for an unknown zone).
 *
 * @example
 * localTimeOf(new Date('2026-01-01T23:30:00Z'), 'Europe/Berlin'); // { day: '2026-01-02', minuteOfDay: 30 }
 */
export function localTimeOf(instant: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute) };
}

/**
 * The local calendar day (`YYYY-MM-DD`) of `instant` in `timeZone`: the key a daily watch limit resets on.
 *
 * @example
 * localDayOf(new Date('2026-01-01T03:00:00Z'), 'America/Los_Angeles'); // '2025-12-31'
 */
export function localDayOf(instant: Date, timeZone: string): string {
  return localTimeOf(instant, timeZone).day;
}
