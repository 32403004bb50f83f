import { ApiError } from '@/api/api-error';

/**
 * The fields a failed save names: `workflow_invalid` gives `details.problems[].field`,
 * `validation_failed` gives `details[].path`. Keyed by the top-level field name.
 */
export function fieldProblems(error: unknown): Set<string> {
  const fields = new Set<string>();
  if (!(error instanceof ApiError)) return fields;
  const details = error.details as { problems?: Array<{ field?: unknown }> } | Array<{ path?: unknown }> | undefined;
  const list: unknown[] = Array.isArray(details) ? details.map((d) => d.path) : (details?.problems ?? []).map((p) => p.field);
  for (const f of list) if (typeof f === 'string' && f) fields.add(f.split(/[.[]/)[0]);
  return fields;
}
