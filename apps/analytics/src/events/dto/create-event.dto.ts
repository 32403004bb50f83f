import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const inStorableRange = (ms: number) => ms >= EARLIEST && ms <= LATEST;

/** Body of `POST /events`. */
export const createEventSchema = z
  .object({
    type: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits and . _ : -'),
    payload: z.record(z.string(), z.unknown()).optional(),
    occurredAt: z.iso
      .datetime({ offset: true })
      .refine((value) => inStorableRange(Date.parse(value)), 'must be between 1970-01-01 and 9999-12-31 (UTC)')
      .optional(),
  })
  .strict();

export class CreateEventDto extends createZodDto(createEventSchema) {}
