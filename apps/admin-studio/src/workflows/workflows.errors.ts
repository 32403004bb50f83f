import { PlatformError } from '@mikasmissions/http';

/** No workflow with this id: 404 `workflow_missing`. */
export class WorkflowMissingError extends PlatformError {
  constructor(id: string) {
    super(404, 'workflow_missing', `no workflow with id ${JSON.stringify(id.slice(0, 64))}`);
  }
}

/** One problem of a workflow body: the field and what is wrong with it. */
export interface WorkflowProblem {
  field: string;
  message: string;
}

/** A workflow body that is not valid: 400 `workflow_invalid`, `details: { field, problems }`. */
export class WorkflowInvalidError extends PlatformError {
  constructor(problems: WorkflowProblem[]) {
    super(400, 'workflow_invalid', `the workflow is not valid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, {
      field: problems[0]?.field ?? '',
      problems,
    });
  }
}
