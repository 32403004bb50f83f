import { budgetBreaches, figuresTable, goNoGoInputs, percentile, routeFigures } from './perf-figures';

describe('perf-smoke figures', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99), percentile(values, 100)]).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });

  it('counts non-2xx, 5xx and transport errors into the 5xx share', () => {
    const r = routeFigures('GET /x', 'read', [1, 2, 3, 4], [200, 200, 404, 503], 1);
    expect(r).toMatchObject({ requests: 4, non2xx: 2, error5xx: 1, errors: 1, error5xxPercent: 40 });
  });

  it('a route over either budget, or without answers, is a breach; at the budget is within', () => {
    const at = routeFigures('GET /at', 'read', Array(100).fill(60), Array(100).fill(200), 0);
    expect(budgetBreaches([at], { p95Ms: 60, p99Ms: 150 })).toEqual([]);
    const slow = routeFigures('POST /slow', 'write', [...Array(98).fill(10), 200, 200], Array(100).fill(200), 0);
    expect(budgetBreaches([slow], { p95Ms: 60, p99Ms: 150 })).toEqual(['POST /slow: p99 200 ms > 150 ms (P99_BUDGET_MS)']);
    const none = routeFigures('GET /none', 'read', [], [], 3);
    expect(budgetBreaches([none], { p95Ms: 60, p99Ms: 150 })).toEqual([
      'GET /none: no answers',
      'GET /none: p95 NaN ms > 60 ms (P95_BUDGET_MS)',
      'GET /none: p99 NaN ms > 150 ms (P99_BUDGET_MS)',
    ]);
  });

  it('gives launch-go-nogo the worst read and write p95 and the overall 5xx share, and a table row per route', () => {
    const rows = [
      routeFigures('GET /a', 'read', [10, 20], [200, 200], 0),
      routeFigures('GET /b', 'read', [30, 40], [200, 500], 0),
      routeFigures('PUT /c', 'write', [50, 90], [200, 200], 0),
    ];
    expect(goNoGoInputs(rows)).toEqual({ readP95Ms: 40, writeP95Ms: 90, error5xxPercent: 16.67 });
    expect(figuresTable(rows)).toHaveLength(5);
    expect(figuresTable(rows)[3]).toBe('| GET /b | read | 2 | 30 | 40 | 40 | 1 | 50 |');
  });
});
