import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Query of `GET /episodes`. */
export const listEpisodesSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export class ListEpisodesQuery extends createZodDto(listEpisodesSchema) {}
