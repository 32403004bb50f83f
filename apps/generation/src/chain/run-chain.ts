import { Injectable, Logger } from '@nestjs/common';
import { type GeneratedAsset, type GenerationStep, VideoRunFailed, VideoRunStepCompleted } from '@mikasmissions/contracts-events';
import { EventPublisher } from '@mikasmissions/messaging';
import { AdminRunsClient } from '../runs/admin-runs.client';
import type { MoveRequest, RunStatus, RunView } from '../runs/run-view';

/** The run a stage works on, as its event names it. */
export interface StageRun {
  runId: string;
  attempt: number;
  autoPublish: boolean;
}

/** A step's own move: the state it leaves and the one it reaches. */
export interface StepMove {
  step: GenerationStep;
  from: RunStatus;
  to: 'running' | 'generated' | 'qc_passed';
}

/**
 * What every stage of the chain does around its own work, in one place: it claims the run
 * (admin-studio must hold it at the step's source state and the event's attempt — or already at
 * the step's target, a redelivery after a crash between the move and the publish), asks
 * admin-studio for the move, and publishes `video.run.step.completed` or `video.run.failed`.
 * A move admin-studio refuses (the run was cancelled or retried meanwhile) ends the stage: it
 * publishes nothing.
 */
@Injectable()
export class RunChain {
  private readonly logger = new Logger('RunChain');

  constructor(
    private readonly runs: AdminRunsClient,
    private readonly events: EventPublisher,
  ) {}

  /** The run's view when the step may work on it now, else `null` (and why is logged). */
  async claim(move: StepMove, run: StageRun): Promise<RunView | null> {
    const view = await this.runs.view(run.runId);
    if (!view) {
      this.logger.warn(`${move.step}: run ${run.runId} is unknown to admin-studio; nothing to do`);
      return null;
    }
    const { status, attempt } = view.run;
    if (attempt !== run.attempt || (status !== move.from && status !== move.to)) {
      this.logger.log(
        `${move.step}: run ${run.runId} is ${status} at attempt ${attempt} (event: attempt ${run.attempt}); publishes nothing`,
      );
      return null;
    }
    return view;
  }

  /** Asks for the step's move; `true` when made (or already made, a redelivery), `false` when refused. */
  async advance(move: StepMove, run: StageRun, message: string): Promise<boolean> {
    return this.request(run, { status: move.to, step: move.step, message, attempt: run.attempt });
  }

  /**
   * Publishes the step's `video.run.step.completed`, then `more` (qc's `media.uploaded`). With
   * Postgres both commit in the consumer's inbox transaction (libs/messaging), so a redelivery
   * never finds one without the other.
   */
  async completed(move: StepMove, run: StageRun, startedAt: number, asset?: GeneratedAsset, more?: () => Promise<unknown>): Promise<void> {
    await this.events.publish(
      VideoRunStepCompleted,
      {
        runId: run.runId,
        attempt: run.attempt,
        step: move.step,
        status: move.to,
        autoPublish: run.autoPublish,
        stageMs: Math.max(0, Date.now() - startedAt),
        ...(asset ? { asset } : {}),
      },
      { aggregateId: run.runId },
    );
    await more?.();
  }

  /** Fails the run with `code`; publishes `video.run.failed` only when admin-studio made the move. */
  async fail(step: GenerationStep, run: StageRun, code: string, message: string): Promise<void> {
    this.logger.warn(`${step}: run ${run.runId} attempt ${run.attempt} failed: ${code}: ${message}`);
    if (!(await this.request(run, { status: 'failed', step, message, error: code, attempt: run.attempt }))) return;
    await this.events.publish(
      VideoRunFailed,
      { runId: run.runId, attempt: run.attempt, step, code, message: message.slice(0, 500) },
      { aggregateId: run.runId },
    );
  }

  private async request(run: StageRun, move: MoveRequest): Promise<boolean> {
    const outcome = await this.runs.move(run.runId, move);
    if (outcome.kind === 'moved') return true;
    if (outcome.kind === 'conflict' && outcome.status === move.status && (outcome.attempt ?? run.attempt) === run.attempt) return true;
    const state = outcome.kind === 'conflict' ? `${outcome.status} (attempt ${outcome.attempt ?? '?'})` : 'unknown';
    this.logger.log(`${move.step}: admin-studio refused ${move.status} for run ${run.runId} (now ${state}); publishes nothing`);
    return false;
  }
}
