import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Body of `POST /child-profiles`. */
export const createChildProfileSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
  })
  .strict();

export class CreateChildProfileDto extends createZodDto(createChildProfileSchema) {}
