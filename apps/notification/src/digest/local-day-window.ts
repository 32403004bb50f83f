import { localDayOf, localTimeOf } from '@mikasmissions/family-rules';

/** A local calendar day of one zone, and the instant it ends (the next local midnight). */
export interface LocalDayWindow {
  /** `YYYY-MM-DD`. */
  day: string;
  closesAt: Date;
}

const MINUTE = 60_000;

/**
 * The local day `instant` falls on in `timeZone`, and when that day ends — found from the wall
 * clock and corrected minute by minute, so a DST change that day still lands on the real
 * midnight.
 *
 * @example
 * localDayWindow(new Date('2026-12-01T22:30:00Z'), 'Europe/Berlin')
 * // { day: '2026-12-01', closesAt: 2026-12-01T23:00:00.000Z }
 */
export function localDayWindow(instant: Date, timeZone: string): LocalDayWindow {
  const { day, minuteOfDay } = localTimeOf(instant, timeZone);
  const startOfMinute = Math.floor(instant.getTime() / MINUTE) * MINUTE;
  let closes = startOfMinute + (1440 - minuteOfDay) * MINUTE;
  for (let i = 0; i < 180 && localDayOf(new Date(closes), timeZone) === day; i++) closes += MINUTE;
  for (let i = 0; i < 180 && localDayOf(new Date(closes - MINUTE), timeZone) !== day; i++) closes -= MINUTE;
  return { day, closesAt: new Date(closes) };
}
