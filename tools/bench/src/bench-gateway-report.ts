import { median, type RoundFigures } from './bench-processes';

/** The bars of issue 10: the gateway keeps ≥ this share of the direct req/s (saturated)… */
export const MIN_THROUGHPUT_SHARE = 0.5;
/** …and adds ≤ this many ms at p99 (at a fixed offered rate both sustain). */
export const MAX_ADDED_P99_MS = 2;

/** One path to one upstream: its saturated and fixed-rate rounds. */
export interface BenchRow {
  name: string;
  saturated: RoundFigures;
  /** The fixed-rate rounds: served req/s per round, latency percentiles (ms) pooled over all rounds. */
  paced: { rps: number[]; p50: number; p99: number; samples: number; roundP99: number[] };
  /** CPU µs per request of the process the path calls first (the upstream when direct), saturated rounds' median. */
  cpuUsPerRequest: number;
}

/**
 * One upstream: the `direct` row first, then the proxied paths; `rate` is the fixed offered req/s.
 * `barred` says whether the issue's bars apply: they do to the cached catalog route; a no-op stub
 * is a floor study (no proxy keeps half of a no-op's req/s), shown but not judged.
 */
export interface BenchGroup {
  upstream: string;
  path: string;
  rate: number;
  rows: BenchRow[];
  barred: boolean;
}

const rps = (f: RoundFigures) => median(f.rps);
const fixed1 = (v: number) => v.toFixed(1);
const direct = (g: BenchGroup) => g.rows.find((r) => r.name === 'direct')!;

/** The two Markdown tables of `bench:gateway` (saturated, fixed rate), medians of the rounds. */
export function gatewayTables(groups: BenchGroup[]): string[] {
  const lines = [
    'saturated throughput (autocannon, closed loop):',
    '',
    '| upstream | path | req/s | p50 ms | p99 ms | req/s vs direct | CPU µs/req of its first hop |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const g of groups) {
    const d = rps(direct(g).saturated);
    for (const r of g.rows) {
      lines.push(
        `| ${g.upstream} | ${r.name} | ${Math.round(rps(r.saturated))} | ${median(r.saturated.p50)} | ${median(r.saturated.p99)} | ${(rps(r.saturated) / d).toFixed(2)} | ${Math.round(r.cpuUsPerRequest)} |`,
      );
    }
  }
  lines.push('', 'latency at a fixed offered rate (open loop, evenly paced, from the due time):', '');
  lines.push(
    '| upstream | path | offered req/s | served req/s | answers | p50 ms | p99 ms | p99 added vs direct |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const g of groups) {
    const d = direct(g).paced.p99;
    for (const r of g.rows) {
      const p99 = r.paced.p99;
      lines.push(
        `| ${g.upstream} | ${r.name} | ${g.rate} | ${Math.round(median(r.paced.rps))} | ${r.paced.samples} | ${fixed1(r.paced.p50)} | ${fixed1(p99)} | ${r.name === 'direct' ? '—' : `${(p99 - d).toFixed(1)} ms`} |`,
      );
    }
  }
  return lines;
}

/**
 * Each gateway row's two bars against its upstream's direct row, PASS/MISS, beside what the
 * bare proxy to the same upstream reached (the floor: no proxy keeps more here), and whether
 * every bar was met. The p99 bar is INCONCLUSIVE (and not met) when the direct path's own p99
 * moved between its rounds by more than the bar: a difference that small cannot be told apart
 * from the machine's noise then, whichever way it came out.
 */
export function gatewayBars(groups: BenchGroup[]): { lines: string[]; allMet: boolean } {
  const lines = [
    'bars (per gateway path, against direct to the same upstream; the bare proxy is the floor, not a bar):',
    '',
    '| upstream | path | req/s share ≥ 0.50 | p99 added ≤ 2 ms at the fixed rate | direct p99 spread over rounds | bare proxy: share, p99 added |',
    '| --- | --- | --- | --- | ---: | --- |',
  ];
  let allMet = true;
  for (const g of groups) {
    const d = direct(g);
    const spread = Math.max(...d.paced.roundP99) - Math.min(...d.paced.roundP99);
    const noisy = spread > MAX_ADDED_P99_MS;
    const bare = g.rows.find((row) => row.name.startsWith('bare'));
    const floor = bare ? `${(rps(bare.saturated) / rps(d.saturated)).toFixed(2)}, ${(bare.paced.p99 - d.paced.p99).toFixed(1)} ms` : '—';
    for (const r of g.rows.filter((row) => row.name.startsWith('gateway'))) {
      const share = rps(r.saturated) / rps(d.saturated);
      const added = r.paced.p99 - d.paced.p99;
      const shareOk = share >= MIN_THROUGHPUT_SHARE;
      const addedOk = !noisy && added <= MAX_ADDED_P99_MS;
      if (g.barred) allMet &&= shareOk && addedOk;
      const addedVerdict = noisy ? 'INCONCLUSIVE' : addedOk ? 'PASS' : 'MISS';
      const verdict = (text: string) => (g.barred ? text : 'not a bar (floor study)');
      lines.push(
        `| ${g.upstream} | ${r.name} | ${share.toFixed(2)} ${verdict(shareOk ? 'PASS' : 'MISS')} | ${added.toFixed(1)} ms ${verdict(addedVerdict)} | ${spread.toFixed(1)} ms | ${floor} |`,
      );
    }
  }
  return { lines, allMet };
}
