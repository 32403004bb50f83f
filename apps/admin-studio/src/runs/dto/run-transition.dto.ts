import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Body of `POST /internal/runs/{run_id}/transitions`: a worker stage reports a state change. */
export const runTransitionSchema = z
  .object({
    status: z.enum(['running', 'generated', 'qc_passed', 'in_review', 'published', 'failed']),
    step: z.string().trim().min(1).max(40),
    message: z.string().max(500).default(''),
    /** The attempt the worker works on: a run that was retried since (attempt + 1) refuses the move. */
    attempt: z.number().int().min(1).optional(),
    error: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .max(64)
      .optional(),
  })
  .strict()
  .refine((t) => (t.status === 'failed') === (t.error !== undefined), {
    message: 'error is required with status failed, and only then',
    path: ['error'],
  });

/** The validated body of a worker's state change. */
export class RunTransitionDto extends createZodDto(runTransitionSchema) {}
