import { z } from 'zod';

/** The signup form as the contract checks it (ParentSignupRequest): each failure names the API's error code. */
export const signupSchema = z.object({
  email: z.email({ error: 'invalid_email' }).min(3, { error: 'invalid_email' }).max(254, { error: 'invalid_email' }),
  password: z.string().min(10, { error: 'weak_password' }).max(128, { error: 'weak_password' }),
  country: z.string().regex(/^[A-Z]{2}$/, { error: 'validation_failed' }),
  accepted_terms: z.literal(true, { error: 'terms_required' }),
  marketing: z.boolean(),
});

/** The login form (LoginRequest). */
export const loginSchema = z.object({
  email: z.email({ error: 'invalid_email' }),
  password: z.string().min(1, { error: 'missing_fields' }).max(128, { error: 'validation_failed' }),
});

/** The parent PIN (ParentPinRequest): 4 to 6 digits, the password again. */
export const pinSchema = z.object({
  password: z.string().min(1, { error: 'missing_fields' }).max(256, { error: 'validation_failed' }),
  pin: z.string().regex(/^[0-9]{4,6}$/, { error: 'invalid_pin' }),
});

/** The child profile (CreateChildProfileRequest minus the parent id). */
export const childSchema = z.object({
  display_name: z
    .string()
    .trim()
    .min(1, { error: 'invalid_display_name' })
    .max(40, { error: 'invalid_display_name' })
    .refine((name) => !/@/.test(name) && !/\d{5,}/.test(name.replace(/[\s()+-]/g, '')), { error: 'invalid_display_name' }),
  age_band: z.enum(['3-5', '6-11', '12-16'], { error: 'invalid_age_band' }),
  avatar: z.enum(['bear', 'cat', 'dino', 'fox', 'owl', 'panda', 'robot', 'rocket', 'star', 'whale'], { error: 'invalid_avatar' }),
});

/** The avatars of the contract (`x-avatar-ids`). */
export const AVATARS = childSchema.shape.avatar.options;

/** Field → error code of the first failing rule per field (empty when valid). */
export function fieldErrors<T extends z.ZodType>(schema: T, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message;
  }
  return out;
}
