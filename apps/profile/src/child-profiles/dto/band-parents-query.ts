import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Query of `GET /internal/age-bands/{band}/parents`: keyset `after` (a parent id) and `limit` (1–1000, default 500). */
export const bandParentsQuerySchema = z.object({
  after: z.string().min(1).max(128).optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(500),
});

/** {@link bandParentsQuerySchema} as a DTO for `@Query()`. */
export class BandParentsQuery extends createZodDto(bandParentsQuerySchema) {}

/** One page of parent ids with a child in the band; `next_after` is the cursor of the next page, `null` on the last. */
export interface BandParentsView {
  parent_user_ids: string[];
  next_after: string | null;
}
