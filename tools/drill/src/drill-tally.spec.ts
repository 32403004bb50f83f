import { backoffMs } from './drill-load';
import { deliveredCount, hasSettled, meetsBar, renderTable, tally, type KeyOutcome } from './drill-tally';

const counts = (rows: Record<string, number>, applied: Record<string, number>) => ({
  rows: new Map(Object.entries(rows)),
  applied: new Map(Object.entries(applied)),
});

describe('drill tally', () => {
  const outcomes: KeyOutcome[] = [
    { scenario: 'pg', marker: 'a', accepted: true },
    { scenario: 'pg', marker: 'b', accepted: true },
    { scenario: 'pg', marker: 'c', accepted: false },
    { scenario: 'kill', marker: 'd', accepted: true },
    { scenario: 'kill', marker: 'e', accepted: false },
  ];

  it('counts accepted, delivered, lost and both kinds of duplicates per scenario, plus a total', () => {
    // a: ran twice (2 rows, 2 applications); b: accepted, never applied; c: unanswered but committed;
    // d: one row applied twice; e: unanswered, nothing stored.
    const [pg, kill, total] = tally(outcomes, counts({ a: 2, b: 1, c: 1, d: 1 }, { a: 2, c: 1, d: 2 }), ['pg', 'kill']);
    expect(pg).toEqual({
      scenario: 'pg',
      sent: 3,
      accepted: 2,
      delivered: 1,
      lost: 1,
      duplicatedRows: 1,
      duplicatedApplications: 0,
      unanswered: 1,
      unansweredCommitted: 1,
    });
    expect(kill).toEqual({
      scenario: 'kill',
      sent: 2,
      accepted: 1,
      delivered: 1,
      lost: 0,
      duplicatedRows: 0,
      duplicatedApplications: 1,
      unanswered: 1,
      unansweredCommitted: 0,
    });
    expect(total).toEqual({
      scenario: 'total',
      sent: 5,
      accepted: 3,
      delivered: 2,
      lost: 1,
      duplicatedRows: 1,
      duplicatedApplications: 1,
      unanswered: 2,
      unansweredCommitted: 1,
    });
    expect(meetsBar(total)).toBe(false);
  });

  it('passes the bar only with 0 lost and 0 duplicated effects; unanswered keys do not fail it', () => {
    const [, , total] = tally(outcomes, counts({ a: 1, b: 1, d: 1 }, { a: 1, b: 1, d: 1 }), ['pg', 'kill']);
    expect(total).toMatchObject({ lost: 0, duplicatedRows: 0, duplicatedApplications: 0, unanswered: 2 });
    expect(meetsBar(total)).toBe(true);
  });

  it('keeps scenarios in the order given and adds unknown ones after them', () => {
    const rows = tally([{ scenario: 'x', marker: 'm', accepted: true }], counts({}, {}), ['pg']);
    expect(rows.map((r) => r.scenario)).toEqual(['pg', 'x', 'total']);
  });

  it('counts delivered accepted keys for the settle loop', () => {
    expect(
      deliveredCount(
        outcomes,
        new Map([
          ['a', 1],
          ['c', 1],
          ['d', 3],
        ]),
      ),
    ).toBe(2);
  });

  it('settles when everything is delivered or nothing changed over the window', () => {
    expect(hasSettled([], 10, 3)).toBe(false);
    expect(hasSettled([10], 10, 3)).toBe(true);
    expect(hasSettled([7, 7], 10, 3)).toBe(false);
    expect(hasSettled([5, 7, 7, 7], 10, 3)).toBe(true);
    expect(hasSettled([7, 7, 8], 10, 3)).toBe(false);
  });

  it('renders a Markdown table with a bold total', () => {
    const table = renderTable(tally(outcomes.slice(0, 1), counts({ a: 1 }, { a: 1 }), ['pg']));
    expect(table.split('\n')).toEqual([
      '| scenario | sent | accepted | delivered | lost | dup rows | dup applied | unanswered | unanswered+committed |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| pg | 1 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |',
      '| **total** | 1 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |',
    ]);
  });
});

describe('drill client backoff', () => {
  it("honours the server's Retry-After (capped at 5 s), else backs off exponentially up to 4 s", () => {
    expect(backoffMs(1, '2')).toBeGreaterThanOrEqual(2_000);
    expect(backoffMs(1, '2')).toBeLessThan(2_200);
    expect(backoffMs(1, '60')).toBeLessThan(5_200);
    for (let i = 0; i < 20; i += 1) {
      expect(backoffMs(1, null)).toBeGreaterThanOrEqual(125);
      expect(backoffMs(1, null)).toBeLessThanOrEqual(250);
      expect(backoffMs(10, null)).toBeLessThanOrEqual(4_000);
      expect(backoffMs(10, null)).toBeGreaterThanOrEqual(2_000);
    }
  });
});
