import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Query of `GET /subscriptions`. */
export const listSubscriptionsSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export class ListSubscriptionsQuery extends createZodDto(listSubscriptionsSchema) {}
