import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Body of `POST /v1/parents/login` and `POST /v1/admin/login` (contract `LoginRequest`). */
export const loginSchema = z
  .object({
    email: z.string().min(3).max(254),
    password: z.string().min(1).max(128),
  })
  .strict();

/** {@link loginSchema} as a Nest DTO. */
export class LoginDto extends createZodDto(loginSchema) {}
