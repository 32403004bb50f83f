import { Injectable } from '@nestjs/common';
import type { VideoRunRequestedPayload } from '@mikasmissions/contracts-events';
import { RunChain, type StepMove } from '../chain/run-chain';

const MOVE: StepMove = { step: 'orchestrator', from: 'requested', to: 'running' };

/**
 * The orchestrator, first link of the chain: takes a `video.run.requested`, checks that the
 * run's workflow and model profile still exist, moves the run to `running` and hands it on to
 * the provider stage with `video.run.step.completed` (step `orchestrator`).
 */
@Injectable()
export class OrchestratorStage {
  constructor(private readonly chain: RunChain) {}

  async run(requested: VideoRunRequestedPayload): Promise<void> {
    const startedAt = Date.now();
    const run = { runId: requested.runId, attempt: requested.attempt, autoPublish: requested.autoPublish };
    const view = await this.chain.claim(MOVE, run);
    if (!view) return;
    if (!view.workflow) return this.chain.fail('orchestrator', run, 'workflow_missing', `workflow ${view.run.workflow_id} was deleted`);
    if (!view.model_profile)
      return this.chain.fail('orchestrator', run, 'model_profile_not_found', `model profile ${view.run.model_profile_id} is gone`);
    const message = `scheduled attempt ${run.attempt} (${requested.priority} priority, workflow ${view.workflow.name} v${view.run.workflow_version}, profile ${view.model_profile.model_profile_id})`;
    if (!(await this.chain.advance(MOVE, run, message))) return;
    await this.chain.completed(MOVE, run, startedAt);
  }
}
