import { localTimeOf } from './local-time';

/** A parsed `HH:MM-HH:MM` window, as minutes since local midnight. */
export interface BedtimeWindow {
  startMinute: number;
  endMinute: number;
}

const WINDOW = /^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])$/;

/**
 * Parses `HH:MM-HH:MM` (24-hour; the window may cross midnight, `20:00-07:00`); `null` when the
 * text is not such a window.
 *
 * @example
 * parseBedtimeWindow('20:00-07:00'); // { startMinute: 1200, endMinute: 420 }
 * parseBedtimeWindow('25:00-07:00'); // null
 */
export function parseBedtimeWindow(text: string): BedtimeWindow | null {
  const match = typeof text === 'string' ? WINDOW.exec(text) : null;
  if (!match) return null;
  return { startMinute: Number(match[1]) * 60 + Number(match[2]), endMinute: Number(match[3]) * 60 + Number(match[4]) };
}

/**
 * Whether the local minute `minuteOfDay` falls in `window`: start inclusive, end exclusive; a
 * window whose start is after its end crosses midnight; start = end is an empty window.
 */
export function isWithinWindow(window: BedtimeWindow, minuteOfDay: number): boolean {
  const { startMinute: start, endMinute: end } = window;
  if (start === end) return false;
  return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}

/**
 * Whether bedtime is on at `instant` for a child whose controls say `window` in `timeZone`.
 * Throws a RangeError for a text that is not a window or an unknown zone (controls are validated
 * when stored, so this is a bug, not bad input).
 *
 * @example
 * isBedtimeActive('20:00-07:00', new Date('2026-01-01T22:00:00Z'), 'UTC');           // true
 * isBedtimeActive('20:00-07:00', new Date('2026-01-01T22:00:00Z'), 'America/New_York'); // false (17:00 there)
 */
export function isBedtimeActive(window: string, instant: Date, timeZone: string): boolean {
  const parsed = parseBedtimeWindow(window);
  if (!parsed) throw new RangeError(`not a bedtime window: ${JSON.stringify(window)}`);
  return isWithinWindow(parsed, localTimeOf(instant, timeZone).minuteOfDay);
}
