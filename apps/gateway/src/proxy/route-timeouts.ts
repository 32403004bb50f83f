import type { PolicyRule } from '@mikasmissions/edge-auth';

/** Routes slower than the default by nature: timeouts in ms, by `METHOD path` of their policy rule. */
const ROUTE_TIMEOUTS_MS: Readonly<Record<string, number>> = {
  'POST /v1/creator/assets/upload': 30_000,
  'POST /v1/creator/assets': 120_000,
  'POST /v1/admin/workflows/{workflow_id}/runs': 15_000,
};

/** The timeout of a request matched by `rule`: its own entry, else `defaultMs` (`GATEWAY_TIMEOUT_MS`). */
export function routeTimeoutMs(rule: PolicyRule, defaultMs: number): number {
  return ROUTE_TIMEOUTS_MS[`${rule.method} ${rule.path}`] ?? defaultMs;
}
