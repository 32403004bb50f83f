import { ServiceClient } from '@mikasmissions/service-client';
import { ChildControls, type ChildControlsView } from './child-controls';
import { UpstreamContractError } from './upstream-contract.error';

type ControlsBody = {
  parent_user_id?: unknown;
  controls?: { timezone?: unknown; session_limit_minutes?: unknown; history_paused?: unknown };
};

/** {@link ChildControls} over identity's `GET /internal/controls/{child}`: 404 → `null`. */
export class HttpChildControls extends ChildControls {
  constructor(private readonly client: ServiceClient) {
    super();
  }

  async find(childProfileId: string): Promise<ChildControlsView | null> {
    const res = await this.client.call('identity', {
      method: 'GET',
      path: `/internal/controls/${encodeURIComponent(childProfileId)}`,
      timeoutMs: 2_000,
    });
    if (res.status === 404) return null;
    const body = (res.body ?? {}) as ControlsBody;
    if (res.status !== 200 || typeof body.parent_user_id !== 'string' || typeof body.controls !== 'object' || body.controls === null) {
      throw new UpstreamContractError('identity', res.status);
    }
    const { timezone, session_limit_minutes: limit, history_paused: paused } = body.controls;
    return {
      parentUserId: body.parent_user_id,
      ...(typeof timezone === 'string' && timezone ? { timezone } : {}),
      ...(Number.isInteger(limit) ? { sessionLimitMinutes: limit as number } : {}),
      historyPaused: paused === true,
    };
  }
}
