import { GateValidationError, InvalidGateMethodError, MissingFieldsError } from './gates.errors';
import type { GateMethod } from './gate-records';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** `POST /v1/parents/gates/challenge`'s body. */
export interface ChallengeRequest {
  parentUserId: string;
  childProfileId: string;
  method: GateMethod;
}

/** `POST /v1/parents/gates/verify`'s body. */
export interface VerifyRequest {
  parentUserId: string;
  childProfileId: string;
  challengeId: string;
  response: string;
}

type Body = Record<string, unknown>;

/** The body as an object whose `fields` are present (400 `missing_fields` naming the absent ones). */
function withFields(input: unknown, fields: readonly string[]): Body {
  const body = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Body) : {};
  const missing = fields.filter((f) => body[f] === undefined || body[f] === null || body[f] === '');
  if (missing.length > 0) throw new MissingFieldsError(missing);
  const unknown = Object.keys(body).find((k) => !fields.includes(k));
  if (unknown !== undefined) throw new GateValidationError(unknown, `unknown field ${unknown}`);
  return body;
}

function id(body: Body, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || !ID.test(value)) throw new GateValidationError(field, `${field} must be an id`);
  return value;
}

function text(body: Body, field: string, max: number): string {
  const value = body[field];
  if (typeof value !== 'string' || value.length > max)
    throw new GateValidationError(field, `${field} must be a string of at most ${max} characters`);
  return value;
}

/** Parses a challenge request: `missing_fields`, `invalid_gate_method`, `validation_failed`. */
export function parseChallengeRequest(input: unknown): ChallengeRequest {
  const body = withFields(input, ['parent_user_id', 'child_profile_id', 'method']);
  if (body.method !== 'pin' && body.method !== 'math') throw new InvalidGateMethodError();
  return { parentUserId: id(body, 'parent_user_id'), childProfileId: id(body, 'child_profile_id'), method: body.method };
}

/** Parses a verify request: `missing_fields`, `validation_failed`. */
export function parseVerifyRequest(input: unknown): VerifyRequest {
  const body = withFields(input, ['parent_user_id', 'child_profile_id', 'challenge_id', 'response']);
  return {
    parentUserId: id(body, 'parent_user_id'),
    childProfileId: id(body, 'child_profile_id'),
    challengeId: id(body, 'challenge_id'),
    response: text(body, 'response', 32),
  };
}

/** Parses `PUT /v1/parents/pin`'s body (the PIN's format is the service's `invalid_pin`). */
export function parsePinRequest(input: unknown): { password: string; pin: string } {
  const body = withFields(input, ['password', 'pin']);
  return { password: text(body, 'password', 256), pin: typeof body.pin === 'number' ? String(body.pin) : text(body, 'pin', 32) };
}

/** Parses a `{ child_profile_id, gate_token }` body (internal consume; kids sessions use `gate_token` alone). */
export function parseTokenRequest(
  input: unknown,
  fields: readonly ('child_profile_id' | 'gate_token')[],
): { childProfileId?: string; gateToken: string } {
  const body = withFields(input, fields);
  return {
    childProfileId: fields.includes('child_profile_id') ? id(body, 'child_profile_id') : undefined,
    gateToken: text(body, 'gate_token', 256),
  };
}
