import { Injectable } from '@nestjs/common';
import { ServiceClient } from '@mikasmissions/service-client';
import type { MoveOutcome, MoveRequest, RunStatus, RunView } from './run-view';

/** admin-studio answered something its internal contract does not allow (a bug on one side). */
export class AdminStudioAnswerError extends Error {
  constructor(what: string, status: number) {
    super(`admin-studio answered ${status} to ${what}`);
    this.name = 'AdminStudioAnswerError';
  }
}

/**
 * The generation worker's door to admin-studio, the one owner of the run state machine:
 * reads a run (`GET /internal/runs/{id}`) and asks for moves (`POST …/transitions`), signed as
 * the `service` identity by libs/service-client. admin-studio down → `ServiceUnavailableError`
 * (503) is thrown, so the event is redelivered with backoff.
 */
@Injectable()
export class AdminRunsClient {
  constructor(private readonly client: ServiceClient) {}

  /** The run with its workflow and model profile, or `null` for an unknown run. */
  async view(runId: string): Promise<RunView | null> {
    const path = `/internal/runs/${encodeURIComponent(runId)}`;
    const { status, body } = await this.client.call<RunView>('admin-studio', { method: 'GET', path });
    if (status === 404) return null;
    if (status !== 200) throw new AdminStudioAnswerError(`GET ${path}`, status);
    return body;
  }

  /** Asks admin-studio to move the run; a refusal (409) comes back with the run's current state. */
  async move(runId: string, move: MoveRequest): Promise<MoveOutcome> {
    const path = `/internal/runs/${encodeURIComponent(runId)}/transitions`;
    const { status, body } = await this.client.call<{ error?: { details?: { status?: RunStatus; attempt?: number } } }>('admin-studio', {
      method: 'POST',
      path,
      body: { ...move, message: move.message.slice(0, 500) },
    });
    if (status === 200) return { kind: 'moved' };
    if (status === 404) return { kind: 'missing' };
    const details = body?.error?.details;
    if (status === 409 && details?.status)
      return { kind: 'conflict', status: details.status, ...(details.attempt === undefined ? {} : { attempt: details.attempt }) };
    throw new AdminStudioAnswerError(`POST ${path}`, status);
  }
}
