import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/**
 * Body of `POST /v1/parents/signup` (contract `ParentSignupRequest`). Only the types are
 * checked here (else 400 `validation_failed`); {@link SignupPolicy} runs the meaning checks in
 * the contract's order, so a missing field answers its own code (`terms_required`, …).
 */
export const signupSchema = z
  .object({
    email: z.string().max(320).optional(),
    password: z.string().max(128).optional(),
    country: z.string().max(16).optional(),
    language: z.string().max(64).optional(),
    marketing: z.boolean().optional(),
    accepted_terms: z.boolean().optional(),
  })
  .strict();

/** {@link signupSchema} as a Nest DTO. */
export class SignupDto extends createZodDto(signupSchema) {}
