import { isAgeBand } from '../policy/age-band';
import type { RecommendationControls } from './child-controls';

const ids = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...(value as string[])] : null;

/**
 * Reads identity's controls object (the snake_case fields of `/internal/controls` and of the
 * `parent.controls.updated` event) into {@link RecommendationControls}, or `null` when a field
 * recommendation filters by is missing or malformed (the caller then refuses to guess).
 */
export function controlsFromWire(wire: unknown): RecommendationControls | null {
  if (typeof wire !== 'object' || wire === null) return null;
  const c = wire as Record<string, unknown>;
  const approved = ids(c.approved_show_ids);
  const blocked = ids(c.blocked_show_ids);
  if (c.safety_mode !== 'strict' && c.safety_mode !== 'balanced') return null;
  if (typeof c.approved_only !== 'boolean' || approved === null || blocked === null) return null;
  if (c.max_age_band !== undefined && c.max_age_band !== null && !isAgeBand(c.max_age_band)) return null;
  return {
    safetyMode: c.safety_mode,
    ...(isAgeBand(c.max_age_band) ? { maxAgeBand: c.max_age_band } : {}),
    approvedOnly: c.approved_only,
    approvedShowIds: approved,
    blockedShowIds: blocked,
    historyPaused: c.history_paused === true,
  };
}
