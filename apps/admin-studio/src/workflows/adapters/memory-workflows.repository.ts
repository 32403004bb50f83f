import { uuidv7 } from 'uuidv7';
import type { Workflow, WorkflowInput, WorkflowSnapshot } from '../workflow';
import { WorkflowsRepository } from '../workflows.repository';

const copy = (w: Workflow): Workflow => ({ ...w, steps: [...w.steps] });

/** In-process store for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemoryWorkflowsRepository extends WorkflowsRepository {
  private readonly rows = new Map<string, Workflow>();
  private readonly snapshots = new Map<string, WorkflowSnapshot[]>();

  async create(input: WorkflowInput): Promise<Workflow> {
    const stored: Workflow = { workflow_id: uuidv7(), ...input, steps: [...input.steps], version: 1 };
    this.rows.set(stored.workflow_id, stored);
    this.snapshots.set(stored.workflow_id, [{ version: 1, workflow: copy(stored) }]);
    return copy(stored);
  }

  async find(id: string): Promise<Workflow | null> {
    const found = this.rows.get(id);
    return found ? copy(found) : null;
  }

  async list(): Promise<Workflow[]> {
    return [...this.rows.values()].map(copy);
  }

  async update(id: string, input: WorkflowInput): Promise<Workflow | null> {
    const found = this.rows.get(id);
    if (!found) return null;
    const next: Workflow = { workflow_id: id, ...input, steps: [...input.steps], version: found.version + 1 };
    this.rows.set(id, next);
    this.snapshots.get(id)?.push({ version: next.version, workflow: copy(next) });
    return copy(next);
  }

  async delete(id: string): Promise<boolean> {
    this.snapshots.delete(id);
    return this.rows.delete(id);
  }

  async versions(id: string): Promise<WorkflowSnapshot[]> {
    return (this.snapshots.get(id) ?? []).map((s) => ({ version: s.version, workflow: copy(s.workflow) }));
  }
}
