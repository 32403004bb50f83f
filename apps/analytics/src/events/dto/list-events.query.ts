import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Query of `GET /events`. */
export const listEventsSchema = z.object({
  type: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export class ListEventsQuery extends createZodDto(listEventsSchema) {}
