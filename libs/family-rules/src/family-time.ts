const WINDOW = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

/** Hour and minute of `at` on the wall clock of `timeZone` (IANA); throws a RangeError for an unknown zone. */
function wallClock(at: Date, timeZone: string): { minutes: number; date: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { minutes: Number(part('hour')) * 60 + Number(part('minute')), date: `${part('year')}-${part('month')}-${part('day')}` };
}

/**
 * Whether `at` falls in the bedtime `window` ("HH:MM-HH:MM", start inclusive, end exclusive)
 * on the wall clock of `timeZone`. A window whose end is before its start spans midnight
 * ("20:00-07:00" is active at 23:30 and at 06:59); equal ends mean no bedtime.
 * Throws a RangeError for a malformed window or an unknown time zone.
 *
 * @example isBedtimeActive('20:00-07:00', new Date('2026-12-01T05:30:00Z'), 'Europe/Berlin') // true (06:30 there)
 */
export function isBedtimeActive(window: string, at: Date, timeZone: string): boolean {
  const match = WINDOW.exec(window);
  if (!match) throw new RangeError(`bedtime window must be "HH:MM-HH:MM", got ${JSON.stringify(window)}`);
  const start = Number(match[1]) * 60 + Number(match[2]);
  const end = Number(match[3]) * 60 + Number(match[4]);
  const now = wallClock(at, timeZone).minutes;
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * The calendar date (YYYY-MM-DD) of `at` in `timeZone` (IANA): the day a child's daily
 * minutes count towards. Throws a RangeError for an unknown time zone.
 *
 * @example localDate(new Date('2026-12-01T23:30:00Z'), 'Asia/Tokyo') // '2026-12-02'
 */
export function localDate(at: Date, timeZone: string): string {
  return wallClock(at, timeZone).date;
}
