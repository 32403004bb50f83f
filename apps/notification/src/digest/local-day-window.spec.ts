import { localDayWindow } from './local-day-window';

describe('localDayWindow', () => {
  it.each([
    ['2026-12-01T09:00:00.000Z', 'UTC', '2026-12-01', '2026-12-02T00:00:00.000Z'],
    ['2026-12-01T23:30:00.000Z', 'Europe/Berlin', '2026-12-02', '2026-12-02T23:00:00.000Z'],
    ['2026-12-01T03:00:00.000Z', 'America/Los_Angeles', '2026-11-30', '2026-12-01T08:00:00.000Z'],
    // DST: Berlin's 29 March 2026 has 23 hours, 25 October 2026 has 25.
    ['2026-03-29T10:00:00.000Z', 'Europe/Berlin', '2026-03-29', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25T10:00:00.000Z', 'Europe/Berlin', '2026-10-25', '2026-10-25T23:00:00.000Z'],
    ['2026-12-01T12:00:00.000Z', 'Asia/Kathmandu', '2026-12-01', '2026-12-01T18:15:00.000Z'],
  ])('%s in %s is %s, ending %s', (instant, zone, day, closes) => {
    expect(localDayWindow(new Date(instant), zone)).toEqual({ day, closesAt: new Date(closes) });
  });
});
