/** What the load generator knows about one logical event (one `Idempotency-Key`). */
export interface KeyOutcome {
  /** The scenario that was running when the event was first sent. */
  scenario: string;
  /** The event's unique `type` (its payload marker): business rows and counters are keyed by it. */
  marker: string;
  /** Got a 2xx at least once. */
  accepted: boolean;
}

/** What the throwaway database holds, per marker (`analytics.events.type` = counter `event_type`). */
export interface StoreCounts {
  /** Business rows (`analytics.events`) per marker. */
  rows: ReadonlyMap<string, number>;
  /** Consumer applications (`analytics.recorded_event_counters.count`) per marker. */
  applied: ReadonlyMap<string, number>;
}

/** One row of the drill's table. */
export interface ScenarioTally {
  scenario: string;
  /** Logical events sent (distinct keys). */
  sent: number;
  /** Keys that got a 2xx at least once. */
  accepted: number;
  /** Accepted keys whose event the consumer applied at least once. */
  delivered: number;
  /** Accepted keys the consumer never applied. */
  lost: number;
  /** Business rows beyond the first, per key (a key that ran twice). */
  duplicatedRows: number;
  /** Consumer applications beyond one per business row (an event applied twice). */
  duplicatedApplications: number;
  /** Keys that never got a 2xx before the client gave up. */
  unanswered: number;
  /** Of those, keys that committed a row anyway (the client would report a failure that happened). */
  unansweredCommitted: number;
}

const empty = (scenario: string): ScenarioTally => ({
  scenario,
  sent: 0,
  accepted: 0,
  delivered: 0,
  lost: 0,
  duplicatedRows: 0,
  duplicatedApplications: 0,
  unanswered: 0,
  unansweredCommitted: 0,
});

/**
 * Counts per scenario (in `scenarios` order) plus a `total` row: lost = accepted − delivered,
 * duplicated = rows per key beyond one plus applications beyond one per row.
 *
 * @example
 * tally([{ scenario: 'pg', marker: 'd.pg.1', accepted: true }], { rows: new Map([['d.pg.1', 1]]), applied: new Map([['d.pg.1', 1]]) }, ['pg'])
 * // → [{ scenario: 'pg', sent: 1, accepted: 1, delivered: 1, lost: 0, … }, { scenario: 'total', … }]
 */
export function tally(outcomes: readonly KeyOutcome[], counts: StoreCounts, scenarios: readonly string[]): ScenarioTally[] {
  const rows = new Map(scenarios.map((s) => [s, empty(s)]));
  for (const o of outcomes) {
    let row = rows.get(o.scenario);
    if (!row) rows.set(o.scenario, (row = empty(o.scenario)));
    const stored = counts.rows.get(o.marker) ?? 0;
    const applied = counts.applied.get(o.marker) ?? 0;
    row.sent += 1;
    row.duplicatedRows += Math.max(0, stored - 1);
    row.duplicatedApplications += Math.max(0, applied - stored);
    if (o.accepted) {
      row.accepted += 1;
      if (applied > 0) row.delivered += 1;
      else row.lost += 1;
    } else {
      row.unanswered += 1;
      if (stored > 0) row.unansweredCommitted += 1;
    }
  }
  const list = [...rows.values()];
  const total = empty('total');
  for (const r of list)
    for (const k of Object.keys(total) as Array<keyof ScenarioTally>) if (k !== 'scenario') (total[k] as number) += r[k] as number;
  return [...list, total];
}

/** The bar: no accepted event lost and no effect applied twice. */
export function meetsBar(total: ScenarioTally): boolean {
  return total.lost === 0 && total.duplicatedRows === 0 && total.duplicatedApplications === 0;
}

/** How many accepted keys are delivered so far (the settle loop polls this). */
export function deliveredCount(outcomes: readonly KeyOutcome[], applied: ReadonlyMap<string, number>): number {
  return outcomes.reduce((n, o) => n + (o.accepted && (applied.get(o.marker) ?? 0) > 0 ? 1 : 0), 0);
}

/**
 * True once the last `window` samples are equal (nothing more arrives) or every accepted key is
 * delivered; the settle loop stops there or at its deadline.
 */
export function hasSettled(samples: readonly number[], accepted: number, window: number): boolean {
  const last = samples.at(-1);
  if (last === undefined) return false;
  if (last >= accepted) return true;
  if (samples.length < window) return false;
  return samples.slice(-window).every((s) => s === last);
}

const COLUMNS: Array<[keyof ScenarioTally, string]> = [
  ['scenario', 'scenario'],
  ['sent', 'sent'],
  ['accepted', 'accepted'],
  ['delivered', 'delivered'],
  ['lost', 'lost'],
  ['duplicatedRows', 'dup rows'],
  ['duplicatedApplications', 'dup applied'],
  ['unanswered', 'unanswered'],
  ['unansweredCommitted', 'unanswered+committed'],
];

/** The table as Markdown (so it pastes into RUNBOOK.md unchanged). */
export function renderTable(rows: readonly ScenarioTally[]): string {
  const header = `| ${COLUMNS.map(([, title]) => title).join(' | ')} |`;
  const rule = `|${COLUMNS.map(([k]) => (k === 'scenario' ? ' --- ' : ' ---: ')).join('|')}|`;
  const body = rows.map(
    (r) => `| ${COLUMNS.map(([k]) => (k === 'scenario' && r.scenario === 'total' ? '**total**' : String(r[k]))).join(' | ')} |`,
  );
  return [header, rule, ...body].join('\n');
}
