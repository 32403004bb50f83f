import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Query of `GET /child-profiles`. */
export const listChildProfilesSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export class ListChildProfilesQuery extends createZodDto(listChildProfilesSchema) {}
