import { isBedtimeActive, isValidTimeZone, isWithinWindow, localDayOf, parseBedtimeWindow } from './index';

describe('parseBedtimeWindow', () => {
  it('parses HH:MM-HH:MM, also across midnight', () => {
    expect(parseBedtimeWindow('20:00-07:00')).toEqual({ startMinute: 1200, endMinute: 420 });
    expect(parseBedtimeWindow('13:15-14:45')).toEqual({ startMinute: 795, endMinute: 885 });
  });

  it.each(['24:00-07:00', '20:60-07:00', '8:00-07:00', '20:00_07:00', '20:00-07:00 ', '', '20:00'])('refuses %j', (text) => {
    expect(parseBedtimeWindow(text)).toBeNull();
  });
});

describe('isWithinWindow', () => {
  const night = { startMinute: 20 * 60, endMinute: 7 * 60 };
  it('crosses midnight: start inclusive, end exclusive', () => {
    expect(isWithinWindow(night, 20 * 60)).toBe(true);
    expect(isWithinWindow(night, 23 * 60 + 59)).toBe(true);
    expect(isWithinWindow(night, 0)).toBe(true);
    expect(isWithinWindow(night, 7 * 60 - 1)).toBe(true);
    expect(isWithinWindow(night, 7 * 60)).toBe(false);
    expect(isWithinWindow(night, 19 * 60 + 59)).toBe(false);
  });

  it('a same-day window and an empty one', () => {
    expect(isWithinWindow({ startMinute: 60, endMinute: 120 }, 90)).toBe(true);
    expect(isWithinWindow({ startMinute: 60, endMinute: 120 }, 120)).toBe(false);
    expect(isWithinWindow({ startMinute: 60, endMinute: 60 }, 60)).toBe(false);
  });
});

describe('isBedtimeActive across midnight in two timezones', () => {
  // 20:00-07:00 in Europe/Berlin (UTC+1 in January) and America/Los_Angeles (UTC-8 in January).
  it.each([
    ['2026-01-15T18:59:00Z', 'Europe/Berlin', false], // 19:59 Berlin
    ['2026-01-15T19:00:00Z', 'Europe/Berlin', true], // 20:00 Berlin
    ['2026-01-15T23:30:00Z', 'Europe/Berlin', true], // 00:30 next day Berlin
    ['2026-01-16T05:59:00Z', 'Europe/Berlin', true], // 06:59 Berlin
    ['2026-01-16T06:00:00Z', 'Europe/Berlin', false], // 07:00 Berlin
    ['2026-01-15T19:00:00Z', 'America/Los_Angeles', false], // 11:00 LA
    ['2026-01-16T04:00:00Z', 'America/Los_Angeles', true], // 20:00 LA
    ['2026-01-16T08:30:00Z', 'America/Los_Angeles', true], // 00:30 LA
    ['2026-01-16T15:00:00Z', 'America/Los_Angeles', false], // 07:00 LA
  ])('%s in %s → %s', (iso, zone, expected) => {
    expect(isBedtimeActive('20:00-07:00', new Date(iso), zone)).toBe(expected);
  });

  it('follows daylight saving time (Berlin is UTC+2 in July)', () => {
    expect(isBedtimeActive('20:00-07:00', new Date('2026-07-15T18:30:00Z'), 'Europe/Berlin')).toBe(true);
    expect(isBedtimeActive('20:00-07:00', new Date('2026-07-15T18:30:00Z'), 'UTC')).toBe(false);
  });

  it('throws on a window or zone that was never validated', () => {
    expect(() => isBedtimeActive('late', new Date(), 'UTC')).toThrow(RangeError);
    expect(() => isBedtimeActive('20:00-07:00', new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('localDayOf', () => {
  it('is the calendar day where the child is, not UTC', () => {
    const instant = new Date('2026-01-15T23:30:00Z');
    expect(localDayOf(instant, 'UTC')).toBe('2026-01-15');
    expect(localDayOf(instant, 'Europe/Berlin')).toBe('2026-01-16');
    expect(localDayOf(new Date('2026-01-16T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-01-15');
    expect(localDayOf(new Date('2026-01-16T08:00:00Z'), 'America/Los_Angeles')).toBe('2026-01-16');
  });
});

describe('isValidTimeZone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata'])('accepts %s', (zone) =>
    expect(isValidTimeZone(zone)).toBe(true),
  );
  it.each(['Mars/Olympus', '', 'Europe/Berlin; DROP', 'x'.repeat(65)])('refuses %j', (zone) => expect(isValidTimeZone(zone)).toBe(false));
});
