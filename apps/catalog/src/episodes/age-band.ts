/** The age bands of the catalog, youngest first: `3-5` < `6-11` < `12-16`. */
export const AGE_BANDS = ['3-5', '6-11', '12-16'] as const;

/** One age band. */
export type AgeBand = (typeof AGE_BANDS)[number];

/** Whether `value` names an age band. */
export function isAgeBand(value: unknown): value is AgeBand {
  return typeof value === 'string' && (AGE_BANDS as readonly string[]).includes(value);
}

/** The band's position in {@link AGE_BANDS}: comparing ranks orders bands. */
export function ageBandRank(band: AgeBand): number {
  return AGE_BANDS.indexOf(band);
}

/** Whether `band` is above `ceiling` (e.g. `12-16` above `6-11`). */
export function isAboveBand(band: AgeBand, ceiling: AgeBand): boolean {
  return ageBandRank(band) > ageBandRank(ceiling);
}
