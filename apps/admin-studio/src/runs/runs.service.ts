import { Injectable } from '@nestjs/common';
import type { VideoRunRequestedPayload } from '@mikasmissions/contracts-events';
import { RequestContext } from '@mikasmissions/context';
import { AuditService } from '../audit/audit.service';
import { WorkflowsService } from '../workflows/workflows.service';
import type { CreateRunDto } from './dto/create-run.dto';
import type { RunTransitionDto } from './dto/run-transition.dto';
import { type Run, type RunChange, type RunLogEntry, type RunRecord, type RunStatus, toPublicRun } from './run';
import { RunNotFoundError, RunStateConflictError } from './runs.errors';
import { RunsRepository } from './runs.repository';

/** The answer of a run start, retry or cancel, with the `video.run.requested` payload when one is due. */
export interface RunStatusResult {
  run_id: string;
  status: RunStatus;
  message?: string;
  event: VideoRunRequestedPayload;
}

const requestedEvent = (run: RunRecord): VideoRunRequestedPayload => ({
  runId: run.run_id,
  workflowId: run.workflow_id,
  workflowVersion: run.workflow_version,
  modelProfileId: run.model_profile_id,
  priority: run.priority,
  autoPublish: run.auto_publish,
  attempt: run.attempt,
  inputPayload: run.input_payload,
});

/** Starts, reads, retries, cancels and moves runs along the state machine; every move is logged. */
@Injectable()
export class RunsService {
  constructor(
    private readonly runs: RunsRepository,
    private readonly workflows: WorkflowsService,
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
  ) {}

  /** A `requested` run of the workflow's current version; 404 `workflow_missing`. */
  async create(workflowId: string, dto: CreateRunDto): Promise<RunStatusResult> {
    const workflow = await this.workflows.get(workflowId);
    return this.audit.atomically(async () => {
      const run = await this.runs.create(
        {
          workflow_id: workflow.workflow_id,
          workflow_version: workflow.version,
          model_profile_id: workflow.model_profile_id,
          priority: dto.priority,
          auto_publish: dto.auto_publish,
          input_payload: dto.input_payload,
        },
        { step: 'admin', message: `requested by ${this.who()} (workflow version ${workflow.version})` },
      );
      return {
        result: { run_id: run.run_id, status: run.status, event: requestedEvent(run) },
        audit: { action: 'run.created', target_type: 'run', target_id: run.run_id, before: null, after: toPublicRun(run) },
      };
    });
  }

  /** The run; 404 `run_not_found`. */
  async get(id: string): Promise<Run> {
    return toPublicRun(await this.record(id));
  }

  /** The run's log, oldest first; 404 `run_not_found`. */
  async logs(id: string): Promise<{ run_id: string; logs: RunLogEntry[] }> {
    const logs = await this.runs.logs(id);
    if (!logs) throw new RunNotFoundError(id);
    return { run_id: id, logs };
  }

  /** A failed or cancelled run back to `requested` (attempt + 1); else 409 `run_state_conflict`. */
  async retry(id: string): Promise<RunStatusResult> {
    return this.audit.atomically(async () => {
      const before = await this.get(id);
      const run = await this.move(id, {
        to: 'requested',
        step: 'admin',
        message: `retried by ${this.who()}`,
        lastError: null,
        nextAttempt: true,
      });
      return {
        result: { run_id: run.run_id, status: run.status, event: requestedEvent(run) },
        audit: { action: 'run.retried', target_type: 'run', target_id: id, before, after: toPublicRun(run) },
      };
    });
  }

  /** Cancels a run that is not yet published, failed or cancelled; else 409 `run_state_conflict`. */
  async cancel(id: string): Promise<Omit<RunStatusResult, 'event'>> {
    return this.audit.atomically(async () => {
      const before = await this.get(id);
      const run = await this.move(id, { to: 'cancelled', step: 'admin', message: `cancelled by ${this.who()}` });
      const result = { run_id: run.run_id, status: run.status, message: 'cancelled; nothing of this run is published' };
      return { result, audit: { action: 'run.cancelled', target_type: 'run', target_id: id, before, after: toPublicRun(run) } };
    });
  }

  /** A worker stage's state change (internal); 409 `run_state_conflict` when not allowed (e.g. the run was cancelled). */
  async transition(id: string, dto: RunTransitionDto): Promise<Run> {
    const run = await this.move(id, {
      to: dto.status,
      step: dto.step,
      message: dto.message,
      ...(dto.error ? { lastError: dto.error } : {}),
      ...(dto.attempt === undefined ? {} : { ifAttempt: dto.attempt }),
    });
    return toPublicRun(run);
  }

  private async move(id: string, change: RunChange): Promise<RunRecord> {
    const outcome = await this.runs.change(id, change);
    if (outcome.kind === 'missing') throw new RunNotFoundError(id);
    if (outcome.kind === 'conflict') throw new RunStateConflictError(outcome.status, change.to, outcome.attempt);
    return outcome.run;
  }

  private async record(id: string): Promise<RunRecord> {
    const run = await this.runs.find(id);
    if (!run) throw new RunNotFoundError(id);
    return run;
  }

  private who(): string {
    const principal = this.ctx.principal;
    return principal ? `${principal.role ?? 'caller'} ${principal.userId}` : 'anonymous';
  }
}
