import { hash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** SHA-256 of method, URL (path and query) and the body with its keys sorted. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return hash('sha256', `${method.toUpperCase()} ${url}\n${JSON.stringify(canonical(body ?? null))}`, 'hex');
}

/** The store key of an idempotency key within its tenant and principal. */
export function scopedKey(tenantId: string, principalId: string, key: string): string {
  return hash('sha256', JSON.stringify([tenantId, principalId, key]), 'hex');
}

const VALID_KEY = /^[\x20-\x7e]{1,255}$/;

/** Keys are 1–255 printable ASCII characters. */
export function isValidIdempotencyKey(key: string): boolean {
  return VALID_KEY.test(key);
}
