import type { Schema } from '@mikasmissions/contracts-api';

/** What an admin sends to create or replace a workflow (the contract's `WorkflowInput`). */
export type WorkflowInput = Schema<'WorkflowInput'>;

/** One workflow at its current version, as stored and returned (the contract's `Workflow`). */
export type Workflow = Schema<'Workflow'>;

/** A kept version of a workflow: what it was at `version`. */
export interface WorkflowSnapshot {
  version: number;
  workflow: Workflow;
}
