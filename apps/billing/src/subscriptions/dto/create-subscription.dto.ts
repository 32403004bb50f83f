import type { RequestBody } from '@mikasmissions/contracts-api';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { idSchema } from './id.schema';

/** Body of `POST /v1/billing/subscriptions` (the contract's `CreateSubscriptionRequest`). */
export const createSubscriptionSchema = z
  .object({
    plan: z.string().min(1).max(64),
    parent_user_id: idSchema.optional(),
  })
  .strict() satisfies z.ZodType<RequestBody<'createSubscription'>>;

/** The validated body of `POST /v1/billing/subscriptions`. */
export class CreateSubscriptionDto extends createZodDto(createSubscriptionSchema) {}
