import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Body of `PUT /v1/parents/notifications/preferences` (the contract's `NotificationPreferencesUpdate`): at least one field. */
export const updatePreferencesSchema = z
  .object({
    digest: z.boolean().optional(),
    receipts: z.boolean().optional(),
    welcome: z.boolean().optional(),
    timezone: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'name at least one of digest, receipts, welcome, timezone' });

/** {@link updatePreferencesSchema} as a DTO for `@Body()`. */
export class UpdatePreferencesDto extends createZodDto(updatePreferencesSchema) {}
