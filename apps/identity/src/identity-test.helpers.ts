import type { INestApplication } from '@nestjs/common';
import { CapturingOtpSender, OtpSender, SessionService } from '@mikasmissions/authx';
import { createRedisClient } from '@mikasmissions/persistence';
import { testRedisUrl } from '@mikasmissions/testing';
import { generateSync } from '@otplib/totp';
import { createHmac } from 'node:crypto';

/** JSON POST (or other method) helper for e2e tests. */
export function send(method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

/**
 * Headers of a session opened in-process with any roles (`admin`, `platform-admin`): the dev
 * login never mints privileged roles, so tests grant them as an operator's SQL grant would.
 */
export async function signInAs(app: INestApplication, userId: string, tenant: string, roles: string[]): Promise<Record<string, string>> {
  const { accessToken } = await app.get(SessionService).open({ tenantId: tenant, userId, roles });
  return { authorization: `Bearer ${accessToken}`, 'x-tenant-id': tenant };
}

/** The capturing sender of an app booted with OTP_SENDER=capture. */
export function capturedCodes(app: INestApplication): CapturingOtpSender {
  const sender = app.get(OtpSender);
  if (!(sender instanceof CapturingOtpSender)) throw new Error('boot the app with OTP_SENDER=capture');
  return sender;
}

/** A unique e-mail subject per test. */
export const subject = (label: string) => `${label}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.com`;

/** Fakes only `Date` (servers and fetch keep real timers), starting at now + `offsetMs`. */
export function shiftClock(offsetMs: number): void {
  jest.useFakeTimers({
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
    now: Date.now() + offsetMs,
  });
}

/** Decodes the base32 TOTP secret of an enrolment. */
export function base32Decode(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** node:crypto for @otplib in tests. */
export const nodeCrypto = {
  name: 'test-node',
  hmac: (alg: string, key: Uint8Array, data: Uint8Array) => new Uint8Array(createHmac(alg, key).update(data).digest()),
  randomBytes: (n: number) => new Uint8Array(n),
  constantTimeEqual: (a: string | Uint8Array, b: string | Uint8Array) => Buffer.from(a).equals(Buffer.from(b)),
};

/** The TOTP code of `secret` (base32) at now + `offsetSec`. */
export const totpCode = (secret: string, offsetSec = 0) =>
  generateSync({ secret: base32Decode(secret), crypto: nodeCrypto, epoch: Math.floor(Date.now() / 1000) + offsetSec });

/** A 6-digit code that no step of `secret` around now accepts. */
export function wrongTotpCode(secret: string): string {
  const valid = new Set([-60, -30, 0, 30, 60].map((s) => totpCode(secret, s)));
  for (let n = 0; ; n++) if (!valid.has(String(n).padStart(6, '0'))) return String(n).padStart(6, '0');
}

/** Deletes every Redis key under `prefix` (a test's `uniquePrefix`), so a run leaves nothing behind. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = createRedisClient(testRedisUrl(), 'identity-test-cleanup');
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
