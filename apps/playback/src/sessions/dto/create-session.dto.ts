import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Body of `POST /sessions`. */
export const createSessionSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
  })
  .strict();

export class CreateSessionDto extends createZodDto(createSessionSchema) {}
