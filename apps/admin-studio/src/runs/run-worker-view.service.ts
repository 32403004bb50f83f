import { Injectable } from '@nestjs/common';
import type { ModelProfile } from '../model-profiles/model-profile';
import { ModelProfilesService } from '../model-profiles/model-profiles.service';
import { WorkflowsRepository } from '../workflows/workflows.repository';
import type { RunRecord } from './run';
import { RunNotFoundError } from './runs.errors';
import { RunsRepository } from './runs.repository';

/** What a generation stage needs of a run: the run with its worker fields, its workflow as of the run's version (the kept snapshot) and its model profile. */
export interface RunWorkerView {
  run: RunRecord;
  /** The snapshot of `run.workflow_version` (else the current workflow); `null` when the workflow was deleted since the run started. */
  workflow: {
    workflow_id: string;
    version: number;
    name: string;
    age_band: string;
    content_suitability: string;
    safety_profile: string;
  } | null;
  /** `null` when the profile is gone (only stored profiles can be; `nim-default` always exists). */
  model_profile: ModelProfile | null;
}

/** Reads runs for the generation workers (`GET /internal/runs/{run_id}`). */
@Injectable()
export class RunWorkerViewService {
  constructor(
    private readonly runs: RunsRepository,
    private readonly workflows: WorkflowsRepository,
    private readonly profiles: ModelProfilesService,
  ) {}

  /** The run, its workflow and its model profile; 404 `run_not_found`. */
  async view(id: string): Promise<RunWorkerView> {
    const run = await this.runs.find(id);
    if (!run) throw new RunNotFoundError(id);
    const kept = (await this.workflows.versions(run.workflow_id)).find((v) => v.version === run.workflow_version);
    const workflow = kept?.workflow ?? (await this.workflows.find(run.workflow_id));
    const model_profile = await this.profiles.get(run.model_profile_id).catch(() => null);
    return {
      run,
      workflow: workflow && {
        workflow_id: workflow.workflow_id,
        version: workflow.version,
        name: workflow.name,
        age_band: workflow.age_band,
        content_suitability: workflow.content_suitability,
        safety_profile: workflow.safety_profile,
      },
      model_profile,
    };
  }
}
