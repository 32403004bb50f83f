import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Body of the `/internal/notifications/*` job triggers: the instant to run at (default now). */
export const runJobSchema = z.object({ now: z.iso.datetime({ offset: true }).optional() }).strict();

/** {@link runJobSchema} as a DTO. */
export class RunJobDto extends createZodDto(runJobSchema) {}

/** Query of `GET /internal/notifications/deliveries`. */
export const deliveriesQuerySchema = z.object({ parent_user_id: z.string().min(1).max(128) });

/** {@link deliveriesQuerySchema} as a DTO. */
export class DeliveriesQuery extends createZodDto(deliveriesQuerySchema) {}
