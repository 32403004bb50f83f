import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Body of `POST /v1/parents/login/otp/request` (contract `ParentOtpRequest`). */
export const otpLoginRequestSchema = z.object({ email: z.email().min(3).max(254) }).strict();

/** {@link otpLoginRequestSchema} as a Nest DTO. */
export class OtpLoginRequestDto extends createZodDto(otpLoginRequestSchema) {}

/** Body of `POST /v1/parents/login/otp/verify` (contract `ParentOtpVerifyRequest`). */
export const otpLoginVerifySchema = z.object({ ticket_id: z.string().min(1).max(128), code: z.string().regex(/^[0-9]{6}$/) }).strict();

/** {@link otpLoginVerifySchema} as a Nest DTO. */
export class OtpLoginVerifyDto extends createZodDto(otpLoginVerifySchema) {}
