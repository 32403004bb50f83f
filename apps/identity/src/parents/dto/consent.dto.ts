import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/);
const method = z.enum(['email_plus', 'card']);

/** Body of `POST /v1/parents/consent/request` (contract `ConsentRequestRequest`). */
export const consentRequestSchema = z.object({ parent_user_id: id, method }).strict();

/** {@link consentRequestSchema} as a Nest DTO. */
export class ConsentRequestDto extends createZodDto(consentRequestSchema) {}

/** Body of `POST /v1/parents/consent/verify` (contract `ConsentVerifyRequest`). */
export const consentVerifySchema = z
  .object({ parent_user_id: id, method, challenge: z.string().min(1).max(64), consent_request_id: id.optional() })
  .strict();

/** {@link consentVerifySchema} as a Nest DTO. */
export class ConsentVerifyDto extends createZodDto(consentVerifySchema) {}
