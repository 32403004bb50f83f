import type { ContractValidator } from '@mikasmissions/testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely; the contract validator checks their shape
export type Json = Record<string, any>;

/** One answer of the gateway: status, parsed JSON body (`undefined` when not JSON) and raw text. */
export interface Answer {
  status: number;
  body: Json;
  text: string;
}

/** A failed smoke step: the CLI prints it as `[FAIL] <step>: <message>` and exits 1. */
export class SmokeStepError extends Error {
  override readonly name = 'SmokeStepError';
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(`${step}: ${message}`);
  }
}

/** What one smoke flow is given: the gateway client, the step runner and a source of consent codes. */
export interface SmokeContext {
  /** `call(method, path, body?, bearer?)`: JSON to the gateway; the answer is checked against the v1 contract. */
  call(method: string, path: string, body?: unknown, token?: string): Promise<Answer>;
  /** Like {@link call} for gateway routes outside the v1 contract (AuthX's `/v1/auth/*`, `/v1/me`): not contract-checked. */
  raw(method: string, path: string, body?: unknown, token?: string): Promise<Answer>;
  /** Runs one step: prints `[ok] <name> — <detail>` or throws a {@link SmokeStepError} naming it. */
  step<T>(name: string, run: () => Promise<T>, detail?: (value: T) => string): Promise<T>;
  /** The consent code identity sent to `email`, or `undefined` when this run cannot read identity's console. */
  consentCode(email: string): Promise<string | undefined>;
  /** How to get a consent code when {@link consentCode} cannot (printed in the failure). */
  consentHint: string;
  env: NodeJS.ProcessEnv;
}

/** Throws unless `answer.status` is `status` (and, when given, the error code is `code`). */
export function expectAnswer(answer: Answer, status: number, code?: string): Answer {
  const got = answer.body?.error?.code as string | undefined;
  if (answer.status !== status || (code !== undefined && got !== code)) {
    throw new Error(`expected ${status}${code ? ` ${code}` : ''}, got ${answer.status} ${answer.text.slice(0, 300)}`);
  }
  return answer;
}

/** Throws `message` unless `ok`. */
export function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

/** Reads `read()` every 250 ms until `done` holds; throws naming `what` after `timeoutMs`. */
export async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`${what} did not happen within ${timeoutMs} ms; last: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function send(baseUrl: string, method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  const json = (res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : undefined) as Json;
  return { status: res.status, body: json, text };
}

/**
 * The gateway client and step runner of a smoke run against `baseUrl`: every answer is checked
 * against the v1 contract (a body the contract does not allow fails the step), every step
 * prints one line to `out`.
 */
export function smokeContext(
  baseUrl: string,
  contract: ContractValidator,
  codes: Pick<SmokeContext, 'consentCode' | 'consentHint'>,
  out: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): SmokeContext {
  return {
    ...codes,
    env,
    async raw(method, path, body, token) {
      return send(baseUrl, method, path, body, token);
    },
    async call(method, path, body, token) {
      const answer = await send(baseUrl, method, path, body, token);
      contract.assert({ method, path, status: answer.status, body: answer.body });
      return answer;
    },
    async step(name, run, detail) {
      const t0 = Date.now();
      try {
        const value = await run();
        const extra = detail ? ` — ${detail(value)}` : '';
        out(`[ok] ${name}${extra} (${Date.now() - t0} ms)`);
        return value;
      } catch (error) {
        throw error instanceof SmokeStepError ? error : new SmokeStepError(name, error instanceof Error ? error.message : String(error));
      }
    },
  };
}
