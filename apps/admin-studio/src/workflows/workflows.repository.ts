import type { Workflow, WorkflowInput, WorkflowSnapshot } from './workflow';

/** Port: where workflows and their kept versions live. Adapters: memory, Postgres (plain SQL). */
export abstract class WorkflowsRepository {
  /** Stores a new workflow at version 1 (and its version-1 snapshot). */
  abstract create(input: WorkflowInput): Promise<Workflow>;
  /** The workflow at its current version, or `null`. */
  abstract find(id: string): Promise<Workflow | null>;
  /** Every workflow, oldest first. */
  abstract list(): Promise<Workflow[]>;
  /** Replaces the workflow at version + 1 and keeps a snapshot of that version; `null` when unknown. */
  abstract update(id: string, input: WorkflowInput): Promise<Workflow | null>;
  /** Removes the workflow and its snapshots; `false` when unknown. */
  abstract delete(id: string): Promise<boolean>;
  /** The kept versions of a workflow, oldest first (empty when unknown). */
  abstract versions(id: string): Promise<WorkflowSnapshot[]>;
}
