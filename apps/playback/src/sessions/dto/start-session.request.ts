import type { Schema } from '@mikasmissions/contracts-api';
import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import { InvalidSafetyModeError, InvalidSessionLimitError, MissingFieldsError } from '../../playback.errors';

/** Body of `POST /v1/playback/sessions` (the contract's CreatePlaybackSessionRequest). */
export type StartSessionRequest = Schema<'CreatePlaybackSessionRequest'>;

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/);
const startSessionSchema = z
  .object({
    child_profile_id: id,
    episode_id: id,
    device_type: z
      .string()
      .min(1)
      .max(32)
      .regex(/^[a-z0-9][a-z0-9-]*$/),
    safety_mode: z.enum(['strict', 'balanced']).optional(),
    parent_gate_token: z.string().min(1).max(512).optional(),
    session_limit_minutes: z.number().int().min(5).max(180).optional(),
    session_minutes_used: z.number().int().min(0).optional(),
    entitlement_status: z.enum(['active', 'inactive']).optional(),
    autoplay_requested: z.boolean().optional(),
  })
  .strict();

const REQUIRED = ['child_profile_id', 'episode_id', 'device_type'] as const;
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Validates the body in the seed's order, each failure with its own code: 400
 * `missing_fields` (required fields absent or blank, `details.fields`), then
 * `invalid_safety_mode`, then `invalid_session_limit`, then anything else against the
 * contract's schema as `validation_failed`.
 */
export function parseStartSession(body: unknown): StartSessionRequest {
  const input = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const missing = REQUIRED.filter((field) => blank(input[field]));
  if (missing.length > 0) throw new MissingFieldsError([...missing]);
  if (input.safety_mode !== undefined && input.safety_mode !== 'strict' && input.safety_mode !== 'balanced')
    throw new InvalidSafetyModeError();
  const limit = input.session_limit_minutes;
  if (limit !== undefined && !(typeof limit === 'number' && Number.isInteger(limit) && limit >= 5 && limit <= 180))
    throw new InvalidSessionLimitError();
  const parsed = startSessionSchema.safeParse(input);
  if (!parsed.success) throw new ZodValidationException(parsed.error);
  return parsed.data;
}

/** Body of `POST /v1/playback/sessions/{id}/heartbeat` (optional). */
export const heartbeatSchema = z.object({ position_seconds: z.number().int().min(0).optional() }).strict();

/** Validates the optional heartbeat body; anything else is 400 `validation_failed`. */
export function parseHeartbeat(body: unknown): z.infer<typeof heartbeatSchema> {
  if (body === undefined || body === null || body === '') return {};
  const parsed = heartbeatSchema.safeParse(body);
  if (!parsed.success) throw new ZodValidationException(parsed.error);
  return parsed.data;
}
