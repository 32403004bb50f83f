import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Body of `POST /episodes`. */
export const createEpisodeSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
  })
  .strict();

export class CreateEpisodeDto extends createZodDto(createEpisodeSchema) {}
