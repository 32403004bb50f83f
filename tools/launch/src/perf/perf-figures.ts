/** Whether a route reads or writes (the go/no-go gate budgets them apart). */
export type RouteKind = 'read' | 'write';

/** What one route's run measured. */
export interface RouteFigures {
  route: string;
  kind: RouteKind;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  non2xx: number;
  error5xx: number;
  error5xxPercent: number;
  errors: number;
}

/** The perf-smoke budgets: every route's p95 and p99 must be at or below them. */
export interface Budgets {
  p95Ms: number;
  p99Ms: number;
}

/** The nearest-rank percentile `p` (0–100) of `values` in ms, rounded to 0.1 ms; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return Math.round(sorted[rank - 1] * 10) / 10;
}

/** A route's figures from its response times (ms), status codes and transport errors. */
export function routeFigures(
  route: string,
  kind: RouteKind,
  times: readonly number[],
  statuses: readonly number[],
  errors: number,
): RouteFigures {
  const error5xx = statuses.filter((s) => s >= 500).length;
  const total = statuses.length + errors;
  return {
    route,
    kind,
    requests: statuses.length,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    p99Ms: percentile(times, 99),
    non2xx: statuses.filter((s) => s < 200 || s >= 300).length,
    error5xx,
    error5xxPercent: total === 0 ? 0 : Math.round(((error5xx + errors) / total) * 10_000) / 100,
    errors,
  };
}

/** One line per budget a route misses (`p95 72.1 ms > 60 ms`), or none; a route with no answers misses both. */
export function budgetBreaches(rows: readonly RouteFigures[], budgets: Budgets): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.requests === 0) out.push(`${r.route}: no answers`);
    if (!(r.p95Ms <= budgets.p95Ms)) out.push(`${r.route}: p95 ${r.p95Ms} ms > ${budgets.p95Ms} ms (P95_BUDGET_MS)`);
    if (!(r.p99Ms <= budgets.p99Ms)) out.push(`${r.route}: p99 ${r.p99Ms} ms > ${budgets.p99Ms} ms (P99_BUDGET_MS)`);
  }
  return out;
}

/** The figures launch-go-nogo takes: the worst read and write p95 and the overall 5xx share. */
export function goNoGoInputs(rows: readonly RouteFigures[]): { readP95Ms: number; writeP95Ms: number; error5xxPercent: number } {
  const worst = (kind: RouteKind) => Math.max(0, ...rows.filter((r) => r.kind === kind).map((r) => r.p95Ms));
  const answers = rows.reduce((n, r) => n + r.requests + r.errors, 0);
  const bad = rows.reduce((n, r) => n + r.error5xx + r.errors, 0);
  return {
    readP95Ms: worst('read'),
    writeP95Ms: worst('write'),
    error5xxPercent: answers === 0 ? 0 : Math.round((bad / answers) * 10_000) / 100,
  };
}

/** The Markdown table perf-smoke prints: route, kind, requests, p50/p95/p99, non-2xx, 5xx %. */
export function figuresTable(rows: readonly RouteFigures[]): string[] {
  return [
    '| route | kind | requests | p50 ms | p95 ms | p99 ms | non-2xx | 5xx % |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) => `| ${r.route} | ${r.kind} | ${r.requests} | ${r.p50Ms} | ${r.p95Ms} | ${r.p99Ms} | ${r.non2xx} | ${r.error5xxPercent} |`,
    ),
  ];
}
