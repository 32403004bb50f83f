import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Body of `POST /events`. */
export const createEventSchema = z
  .object({
    type: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits and . _ : -'),
    payload: z.record(z.string(), z.unknown()).optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export class CreateEventDto extends createZodDto(createEventSchema) {}
