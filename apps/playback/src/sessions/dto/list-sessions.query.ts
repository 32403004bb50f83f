import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Query of `GET /sessions`. */
export const listSessionsSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export class ListSessionsQuery extends createZodDto(listSessionsSchema) {}
