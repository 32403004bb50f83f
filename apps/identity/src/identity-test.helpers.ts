import type { INestApplication } from '@nestjs/common';
import { CapturingOtpSender, OtpSender } from '@mikasmissions/authx';

/** JSON POST (or other method) helper for e2e tests. */
export function send(method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
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
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'], now: Date.now() + offsetMs });
}
