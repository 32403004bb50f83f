import type { ParentalControlsSnapshot } from '@mikasmissions/contracts-events';

/** Identity's full controls object as `parent.controls.updated` carries it: balanced, nothing restricted; override what a test changes. */
export function wireControls(fields: Partial<ParentalControlsSnapshot> = {}): ParentalControlsSnapshot {
  return {
    autoplay: false,
    chat_enabled: false,
    external_links: false,
    session_limit_minutes: 60,
    bedtime_window: '20:00-07:00',
    safety_mode: 'balanced',
    timezone: 'Europe/Berlin',
    approved_only: false,
    approved_show_ids: [],
    blocked_show_ids: [],
    search_enabled: true,
    history_paused: false,
    ...fields,
  };
}

/** A unique id for one test's child or parent. */
export const uid = (label: string): string => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
