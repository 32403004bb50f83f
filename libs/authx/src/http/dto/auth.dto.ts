import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const email = z.email().max(254);
const phone = z.string().regex(/^\+?[0-9\s().-]{6,20}$/, 'expected a phone number in international format');

/** Body of `POST /auth/otp/request`. */
export const otpRequestSchema = z
  .object({ subject: z.string().trim().min(3).max(254), channel: z.enum(['email', 'sms', 'totp']).default('email') })
  .strict()
  .superRefine((v, ctx) => {
    const ok =
      v.channel === 'email'
        ? email.safeParse(v.subject).success
        : v.channel === 'sms'
          ? phone.safeParse(v.subject).success
          : email.safeParse(v.subject).success || phone.safeParse(v.subject).success;
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        path: ['subject'],
        message: v.channel === 'sms' ? 'expected a phone number' : 'expected an email address',
      });
  });
export class OtpRequestDto extends createZodDto(otpRequestSchema) {}

/** Body of `POST /auth/otp/verify`. */
export const otpVerifySchema = z
  .object({ ticketId: z.string().min(8).max(64), code: z.string().regex(/^\d{6}$/, 'expected 6 digits') })
  .strict();
export class OtpVerifyDto extends createZodDto(otpVerifySchema) {}

/** Body of `POST /auth/refresh`. */
export const refreshSchema = z.object({ refreshToken: z.string().min(16).max(256) }).strict();
export class RefreshDto extends createZodDto(refreshSchema) {}

/** Body of the dev-only `POST /auth/login`. */
export const devLoginSchema = z
  .object({
    userId: z.string().regex(/^[A-Za-z0-9_.@:-]{1,128}$/, 'use letters, digits and _ . @ : -'),
    roles: z.array(z.string().min(1).max(64)).max(20).optional(),
  })
  .strict();
export class DevLoginDto extends createZodDto(devLoginSchema) {}

/** Body of `POST /auth/totp/confirm` and `/verify`. */
export const totpCodeSchema = z.object({ code: z.string().regex(/^\d{6}$/, 'expected 6 digits') }).strict();
export class TotpCodeDto extends createZodDto(totpCodeSchema) {}
