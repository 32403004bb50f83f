/** The platform's age bands, youngest first (contract `AgeBand`). */
export const AGE_BANDS = ['3-5', '6-11', '12-16'] as const;

/** A child's age band. */
export type AgeBand = (typeof AGE_BANDS)[number];

/** The kids experiences, one per band (contract `KidsMode`, also a rail item's `content_suitability`). */
export const KIDS_MODES = ['early', 'core', 'teen'] as const;

/** A kids experience. */
export type KidsMode = (typeof KIDS_MODES)[number];

/** Whether `value` is one of {@link AGE_BANDS}. */
export const isAgeBand = (value: unknown): value is AgeBand =>
  typeof value === 'string' && (AGE_BANDS as readonly string[]).includes(value);

/** 0 for `3-5`, 1 for `6-11`, 2 for `12-16`. */
export const bandRank = (band: AgeBand): number => AGE_BANDS.indexOf(band);

/** The band a mode is made for: early → 3-5, core → 6-11, teen → 12-16. */
export const bandOfMode = (mode: KidsMode): AgeBand => AGE_BANDS[KIDS_MODES.indexOf(mode)];

/** The mode made for a band (a rail item's `content_suitability`). */
export const modeOfBand = (band: AgeBand): KidsMode => KIDS_MODES[bandRank(band)];

/** The younger of the bands given (`undefined` entries are ignored). */
export function youngestBand(first: AgeBand, ...others: Array<AgeBand | undefined>): AgeBand {
  return others.reduce<AgeBand>((low, band) => (band !== undefined && bandRank(band) < bandRank(low) ? band : low), first);
}
