import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { idSchema } from './id.schema';

/** Query of `GET /v1/billing/subscriptions`. */
export const listSubscriptionsSchema = z.object({
  parent_user_id: idSchema.optional(),
});

/** The validated query of `GET /v1/billing/subscriptions`. */
export class ListSubscriptionsQuery extends createZodDto(listSubscriptionsSchema) {}
