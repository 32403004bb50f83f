import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { idSchema } from '../../subscriptions/dto/id.schema';

/** Query of `GET /v1/billing/entitlements`: at least one of the two (checked by the service: 400 `missing_subject`). */
export const entitlementQuerySchema = z.object({
  parent_user_id: idSchema.optional(),
  child_profile_id: idSchema.optional(),
});

/** The validated query of `GET /v1/billing/entitlements`. */
export class EntitlementQuery extends createZodDto(entitlementQuerySchema) {}
