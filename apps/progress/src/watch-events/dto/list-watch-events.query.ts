import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Query of `GET /watch-events`. */
export const listWatchEventsSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export class ListWatchEventsQuery extends createZodDto(listWatchEventsSchema) {}
