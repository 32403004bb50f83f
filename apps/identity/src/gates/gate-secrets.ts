import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** sha256 hex of `text`: how gate tokens and math answers are stored. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The stored hash of a math challenge's answer (bound to the challenge id). */
export const answerHash = (challengeId: string, answer: string): string => sha256(`${challengeId}:${answer.trim()}`);

/** Constant-time comparison of two hex hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** A new gate token (`gt_` + 32 random bytes, base64url); only its {@link sha256} is stored. */
export const newGateToken = (): string => `gt_${randomBytes(32).toString('base64url')}`;

/**
 * An adult-level arithmetic question and its answer: `a × b + c` with a two-digit `a`, so a
 * young child cannot answer it at a glance.
 *
 * @example
 * const { question, answer } = mathQuestion(); // 'What is 37 × 6 + 58?', '280'
 */
export function mathQuestion(): { question: string; answer: string } {
  const a = randomInt(12, 50);
  const b = randomInt(3, 10);
  const c = randomInt(10, 100);
  return { question: `What is ${a} × ${b} + ${c}?`, answer: String(a * b + c) };
}
