import { z } from 'zod';
import type { WorkflowInput } from '../workflow';
import { WorkflowInvalidError, type WorkflowProblem } from '../workflows.errors';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/** The contract's `WorkflowInput`, strict (an unknown field is a problem). */
const workflowInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(2000),
    content_suitability: z.enum(['early', 'core', 'teen']),
    age_band: z.enum(['3-5', '6-11', '12-16']),
    steps: z.array(z.string().trim().min(1).max(40)).min(1).max(20),
    model_profile_id: z.string().min(1).max(128).regex(ID),
    safety_profile: z.string().trim().min(1).max(64),
  })
  .strict();

/** The kids mode each age band's content must have: a workflow for 3-5 makes `early` content, and so on. */
export const SUITABILITY_OF_AGE_BAND: Readonly<Record<WorkflowInput['age_band'], WorkflowInput['content_suitability']>> = {
  '3-5': 'early',
  '6-11': 'core',
  '12-16': 'teen',
};

/**
 * Parses a workflow body or throws {@link WorkflowInvalidError} naming every bad field;
 * `content_suitability` is enforced: it must be the kids mode of `age_band`.
 */
export function parseWorkflowInput(body: unknown): WorkflowInput {
  const parsed = workflowInputSchema.safeParse(body);
  if (!parsed.success) {
    const problems: WorkflowProblem[] = parsed.error.issues.map((issue) => ({
      field: issue.code === 'unrecognized_keys' ? issue.keys.join(',') : issue.path.join('.') || 'body',
      message: issue.message,
    }));
    throw new WorkflowInvalidError(problems);
  }
  const input = parsed.data;
  const expected = SUITABILITY_OF_AGE_BAND[input.age_band];
  if (input.content_suitability !== expected) {
    throw new WorkflowInvalidError([
      { field: 'content_suitability', message: `must be "${expected}" for age band ${input.age_band}, not "${input.content_suitability}"` },
    ]);
  }
  return input;
}
