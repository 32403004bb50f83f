import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ModelProfilesService } from '../model-profiles/model-profiles.service';
import type { Workflow, WorkflowInput } from './workflow';
import { WorkflowMissingError } from './workflows.errors';
import { WorkflowsRepository } from './workflows.repository';

/** Creates, versions, lists and deletes AI content workflows; a workflow's model profile must exist. */
@Injectable()
export class WorkflowsService {
  constructor(
    private readonly workflows: WorkflowsRepository,
    private readonly profiles: ModelProfilesService,
    private readonly audit: AuditService,
  ) {}

  /** Every workflow, oldest first. */
  async list(): Promise<{ workflows: Workflow[] }> {
    return { workflows: await this.workflows.list() };
  }

  /** A new workflow at version 1; 404 `model_profile_not_found` for an unknown profile. */
  async create(input: WorkflowInput): Promise<Workflow> {
    await this.profiles.get(input.model_profile_id);
    return this.audit.atomically(async () => {
      const created = await this.workflows.create(input);
      return {
        result: created,
        audit: { action: 'workflow.created', target_type: 'workflow', target_id: created.workflow_id, before: null, after: created },
      };
    });
  }

  /** The workflow or 404 `workflow_missing`. */
  async get(id: string): Promise<Workflow> {
    const found = await this.workflows.find(id);
    if (!found) throw new WorkflowMissingError(id);
    return found;
  }

  /** The next version (a snapshot is kept); 404 `workflow_missing` or `model_profile_not_found`. */
  async update(id: string, input: WorkflowInput): Promise<Workflow> {
    await this.profiles.get(input.model_profile_id);
    return this.audit.atomically(async () => {
      const before = await this.get(id);
      const updated = await this.workflows.update(id, input);
      if (!updated) throw new WorkflowMissingError(id);
      return { result: updated, audit: { action: 'workflow.updated', target_type: 'workflow', target_id: id, before, after: updated } };
    });
  }

  /** Removes the workflow; 404 `workflow_missing`. */
  delete(id: string): Promise<void> {
    return this.audit.atomically(async () => {
      const before = await this.get(id);
      if (!(await this.workflows.delete(id))) throw new WorkflowMissingError(id);
      return { result: undefined, audit: { action: 'workflow.deleted', target_type: 'workflow', target_id: id, before, after: null } };
    });
  }
}
