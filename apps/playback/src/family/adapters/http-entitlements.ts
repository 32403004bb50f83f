import { Injectable } from '@nestjs/common';
import { CircuitOpenError, ResilienceService } from '@mikasmissions/resilience';
import { ServiceClient } from '@mikasmissions/service-client';
import { z } from 'zod';
import { EntitlementUnavailableError } from '../../playback.errors';
import type { Entitlement } from '../family-models';
import { Entitlements } from '../family.ports';
import { unexpectedAnswer, upstreamPolicy } from '../upstream-policy';

const entitlementBody = z.object({ parent_user_id: z.string().min(1), plan: z.string().min(1), active: z.boolean() });

/**
 * {@link Entitlements} over billing's `GET /v1/billing/entitlements?child_profile_id=` as the
 * `service` identity, through a breaker with a hedge (circuit `billing.entitlement`, in
 * `/ready`). 404 `entitlement_not_found` is "no plan" (`null`); billing down, slow, answering
 * nonsense or its breaker open is 503 `entitlement_unavailable`: never a free pass.
 */
@Injectable()
export class HttpEntitlements extends Entitlements {
  private readonly fetch: (id: string) => Promise<Entitlement | null>;

  constructor(
    private readonly client: ServiceClient,
    resilience: ResilienceService,
    openDurationMs: number,
  ) {
    super();
    this.fetch = resilience.wrap('billing.entitlement', (_signal, id: string) => this.call(id), upstreamPolicy(openDurationMs));
  }

  async forChild(childProfileId: string): Promise<Entitlement | null> {
    try {
      return await this.fetch(childProfileId);
    } catch (error) {
      if (error instanceof CircuitOpenError)
        throw new EntitlementUnavailableError('breaker_open', Number(error.headers?.['retry-after'] ?? 1));
      throw new EntitlementUnavailableError(error instanceof Error ? error.name : 'unknown');
    }
  }

  private async call(childProfileId: string): Promise<Entitlement | null> {
    const { status, body } = await this.client.call('billing', {
      method: 'GET',
      path: '/v1/billing/entitlements',
      query: { child_profile_id: childProfileId },
    });
    if (status === 404) return null;
    const parsed = entitlementBody.safeParse(body);
    if (status !== 200 || !parsed.success) throw unexpectedAnswer('billing', status);
    return { parentUserId: parsed.data.parent_user_id, plan: parsed.data.plan, active: parsed.data.active };
  }
}
