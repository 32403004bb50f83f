import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Body of `POST /v1/admin/workflows/{id}/runs`: the contract's `CreateRunRequest`, strict. */
export const createRunSchema = z
  .object({
    input_payload: z.record(z.string(), z.unknown()),
    priority: z.enum(['low', 'normal', 'high']).default('normal'),
    auto_publish: z.boolean().default(false),
  })
  .strict();

/** The validated body of a run start. */
export class CreateRunDto extends createZodDto(createRunSchema) {}
