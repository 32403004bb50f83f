import { Injectable } from '@nestjs/common';
import type { GeneratedAsset, VideoRunStepCompletedPayload } from '@mikasmissions/contracts-events';
import { CircuitOpenError, ResilienceTimeoutError } from '@mikasmissions/resilience';
import { RunChain, type StepMove } from '../chain/run-chain';
import { NimClient } from './nim-client';
import { NimProviderError, NimProviderRejectedError, NimSafetyMismatchError } from './provider.errors';

const MOVE: StepMove = { step: 'provider', from: 'running', to: 'generated' };

/** The run code of a provider call that failed for good. */
function failureOf(error: unknown): { code: string; message: string } | undefined {
  if (error instanceof NimProviderRejectedError || error instanceof NimSafetyMismatchError)
    return { code: error.code, message: error.message };
  if (error instanceof NimProviderError) return { code: 'nim_provider_error', message: error.message };
  if (error instanceof ResilienceTimeoutError) return { code: 'nim_provider_error', message: `${error.message} (every attempt timed out)` };
  if (error instanceof CircuitOpenError)
    return { code: 'nim_provider_unavailable', message: `${error.message}: the provider failed too often, no call was made` };
  return undefined;
}

/**
 * The provider stage: takes the orchestrator's step, checks with admin-studio that the run is
 * still `running` (before the call), calls the NIM endpoint with the run's model profile
 * ({@link NimClient}: timeout, retries, breaker, idempotency key, safety preset), and asks to
 * move the run to `generated` (after the call: a run cancelled meanwhile refuses the move, and
 * the clip is dropped without an event). A final provider failure fails the run
 * (`nim_provider_rejected`, `nim_provider_error`, `nim_provider_unavailable`, `nim_safety_mismatch`).
 */
@Injectable()
export class ProviderStage {
  constructor(
    private readonly chain: RunChain,
    private readonly nim: NimClient,
  ) {}

  async run(step: VideoRunStepCompletedPayload): Promise<void> {
    const startedAt = Date.now();
    const run = { runId: step.runId, attempt: step.attempt, autoPublish: step.autoPublish };
    const view = await this.chain.claim(MOVE, run);
    if (!view) return;
    const profile = view.model_profile;
    if (!profile) return this.chain.fail('provider', run, 'model_profile_not_found', `model profile ${view.run.model_profile_id} is gone`);
    let asset: GeneratedAsset;
    try {
      asset = await this.nim.generate(profile, { runId: run.runId, attempt: run.attempt, inputPayload: view.run.input_payload });
    } catch (error) {
      const failure = failureOf(error);
      if (!failure) throw error;
      return this.chain.fail('provider', run, failure.code, failure.message);
    }
    const tookMs = Date.now() - startedAt;
    const message = `asset ${asset.assetId} from ${profile.model_id} (${asset.durationMs} ms claimed, safety ${asset.safetyPreset}) in ${tookMs} ms`;
    if (!(await this.chain.advance(MOVE, run, message))) return;
    await this.chain.completed(MOVE, run, startedAt, asset);
  }
}
