import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Body of `PUT /v1/admin/model-profiles/{id}`: the contract's `ModelProfileInput`, strict. */
export const modelProfileInputSchema = z
  .object({
    provider: z.literal('nvidia_nim'),
    base_url: z
      .string()
      .max(2048)
      .url()
      .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL'),
    model_id: z.string().trim().min(1).max(200),
    timeout_ms: z.number().int().min(500).max(120000),
    max_retries: z.number().int().min(0).max(10),
    safety_preset: z.string().trim().min(1).max(64),
  })
  .strict();

/** The validated body of a model profile PUT. */
export class ModelProfileInputDto extends createZodDto(modelProfileInputSchema) {}
