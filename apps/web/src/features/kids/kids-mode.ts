import type { Schema } from '@mikasmissions/contracts-api';

/** The kids experience of an age band: `early` (3-5), `core` (6-11), `teen` (12-16). */
export function modeOfBand(band: Schema<'AgeBand'>): Schema<'KidsMode'> {
  return band === '3-5' ? 'early' : band === '6-11' ? 'core' : 'teen';
}

/** Rail items grouped into rails by why they are there, in the order the API gave them. */
export function railsOf(items: Schema<'RailItem'>[]): { reason: Schema<'ReasonCode'>; items: Schema<'RailItem'>[] }[] {
  const rails = new Map<Schema<'ReasonCode'>, Schema<'RailItem'>[]>();
  for (const item of items) rails.set(item.reason_code, [...(rails.get(item.reason_code) ?? []), item]);
  return [...rails].map(([reason, list]) => ({ reason, items: list }));
}
