import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Body of `POST /watch-events`. */
export const createWatchEventSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
  })
  .strict();

export class CreateWatchEventDto extends createZodDto(createWatchEventSchema) {}
