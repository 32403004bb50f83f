import { isBedtimeActive, localDate } from './family-time';

describe('isBedtimeActive', () => {
  it('spans midnight on the wall clock of the time zone', () => {
    // 20:00-07:00 in Berlin (UTC+1 in December)
    expect(isBedtimeActive('20:00-07:00', new Date('2026-12-01T18:59:00Z'), 'Europe/Berlin')).toBe(false); // 19:59
    expect(isBedtimeActive('20:00-07:00', new Date('2026-12-01T19:00:00Z'), 'Europe/Berlin')).toBe(true); // 20:00
    expect(isBedtimeActive('20:00-07:00', new Date('2026-12-01T23:30:00Z'), 'Europe/Berlin')).toBe(true); // 00:30 next day
    expect(isBedtimeActive('20:00-07:00', new Date('2026-12-02T05:59:00Z'), 'Europe/Berlin')).toBe(true); // 06:59
    expect(isBedtimeActive('20:00-07:00', new Date('2026-12-02T06:00:00Z'), 'Europe/Berlin')).toBe(false); // 07:00
  });

  it('reads the same instant differently in another zone', () => {
    const at = new Date('2026-12-01T12:00:00Z');
    expect(isBedtimeActive('20:00-07:00', at, 'UTC')).toBe(false);
    expect(isBedtimeActive('20:00-07:00', at, 'Pacific/Auckland')).toBe(true); // 01:00 there
  });

  it('handles a window within one day and an empty one', () => {
    expect(isBedtimeActive('13:00-15:00', new Date('2026-12-01T14:00:00Z'), 'UTC')).toBe(true);
    expect(isBedtimeActive('13:00-15:00', new Date('2026-12-01T15:00:00Z'), 'UTC')).toBe(false);
    expect(isBedtimeActive('21:00-21:00', new Date('2026-12-01T21:00:00Z'), 'UTC')).toBe(false);
  });

  it('throws for a malformed window or an unknown zone', () => {
    expect(() => isBedtimeActive('9pm-7am', new Date(), 'UTC')).toThrow(RangeError);
    expect(() => isBedtimeActive('24:00-07:00', new Date(), 'UTC')).toThrow(RangeError);
    expect(() => isBedtimeActive('20:00-07:00', new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('localDate', () => {
  it('is the calendar day in the zone', () => {
    const at = new Date('2026-12-01T23:30:00Z');
    expect(localDate(at, 'UTC')).toBe('2026-12-01');
    expect(localDate(at, 'Asia/Tokyo')).toBe('2026-12-02');
    expect(localDate(new Date('2026-12-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-30');
  });
});
