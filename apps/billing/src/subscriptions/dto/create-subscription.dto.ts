import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Body of `POST /subscriptions`. */
export const createSubscriptionSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
  })
  .strict();

export class CreateSubscriptionDto extends createZodDto(createSubscriptionSchema) {}
