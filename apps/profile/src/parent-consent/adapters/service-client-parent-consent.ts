import type { ServiceClient } from '@mikasmissions/service-client';
import { ServiceUnavailableError } from '@mikasmissions/service-client';
import { ParentConsent, type ParentConsentStatus } from '../parent-consent';

/** The part of {@link ServiceClient} this adapter uses (a fake in unit tests). */
export type ServiceCaller = Pick<ServiceClient, 'call'>;

const STATUSES: readonly ParentConsentStatus[] = ['active', 'pending_consent'];

/**
 * {@link ParentConsent} over identity's `GET /internal/parents/{parent_user_id}`, called with the
 * signed `service` identity of `ServiceClient`: 200 → its `status`, 404 → unknown parent. An
 * outage, a timeout or a 5xx is the client's `ServiceUnavailableError` (503
 * `service_unavailable`, `Retry-After`); any other answer (identity refusing the service
 * identity, a body outside the agreed shape) is the same 503, never taken as "no consent".
 */
export class ServiceClientParentConsent extends ParentConsent {
  constructor(
    private readonly client: ServiceCaller,
    private readonly timeoutMs = 2_000,
  ) {
    super();
  }

  async statusOf(parentUserId: string): Promise<ParentConsentStatus | null> {
    const answer = await this.client.call('identity', {
      method: 'GET',
      path: `/internal/parents/${encodeURIComponent(parentUserId)}`,
      timeoutMs: this.timeoutMs,
    });
    if (answer.status === 404) return null;
    const status = (answer.body as { status?: unknown } | null)?.status;
    if (answer.status !== 200 || !STATUSES.includes(status as ParentConsentStatus))
      throw new ServiceUnavailableError('identity', `unexpected answer ${answer.status} to the consent lookup`);
    return status as ParentConsentStatus;
  }
}
