import { DEFAULT_TIMEZONE, knownTimezone, localDateOf, shiftDate } from './local-day';

describe('local days', () => {
  it('puts an instant in the calendar day of the zone, across midnight and DST', () => {
    expect(localDateOf(new Date('2026-12-01T22:59:59Z'), 'Europe/Berlin')).toBe('2026-12-01');
    expect(localDateOf(new Date('2026-12-01T23:00:00Z'), 'Europe/Berlin')).toBe('2026-12-02');
    expect(localDateOf(new Date('2026-12-02T04:59:59Z'), 'America/New_York')).toBe('2026-12-01');
    expect(localDateOf(new Date('2026-07-01T22:00:00Z'), 'Europe/Berlin')).toBe('2026-07-02');
    expect(localDateOf(new Date('2026-12-01T15:00:00Z'), 'Asia/Tokyo')).toBe('2026-12-02');
  });

  it('falls back to Europe/Berlin for a missing or unknown zone', () => {
    expect(knownTimezone(undefined)).toBe(DEFAULT_TIMEZONE);
    expect(knownTimezone('Mars/Olympus')).toBe(DEFAULT_TIMEZONE);
    expect(knownTimezone('America/New_York')).toBe('America/New_York');
    expect(localDateOf(new Date('2026-12-01T23:30:00Z'), 'Mars/Olympus')).toBe('2026-12-02');
  });

  it('shifts calendar days over month and year ends', () => {
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDate('2028-03-01', -1)).toBe('2028-02-29');
  });
});
