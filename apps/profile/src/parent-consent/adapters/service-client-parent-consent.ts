import { ParentConsent, type ParentConsentStatus } from '../parent-consent';
import { IdentityAnswerError } from '../parent-consent.errors';

/** The part of `ServiceClient` (libs/service-client) this adapter uses. */
export interface ServiceCaller {
  call(service: string, request: { method: string; path: string; timeoutMs?: number }): Promise<{ status: number; body: unknown }>;
}

const STATUSES: readonly ParentConsentStatus[] = ['active', 'pending_consent'];

/**
 * {@link ParentConsent} over identity's `GET /internal/parents/{parent_user_id}`, called with the
 * signed `service` identity of `ServiceClient`: 200 → its `status`, 404 → unknown parent. An
 * outage, a timeout or a 5xx is the client's 503 (`ServiceUnavailableError`); any other answer
 * (identity refusing the service identity, a body outside the agreed shape) is
 * {@link IdentityAnswerError}, also a 503, never taken as "no consent".
 */
export class ServiceClientParentConsent extends ParentConsent {
  constructor(
    private readonly client: ServiceCaller,
    private readonly timeoutMs = 2_000,
  ) {
    super();
  }

  async statusOf(parentUserId: string): Promise<ParentConsentStatus | null> {
    const answer = await this.client.call('identity', { method: 'GET', path: `/internal/parents/${encodeURIComponent(parentUserId)}`, timeoutMs: this.timeoutMs });
    if (answer.status === 404) return null;
    const status = (answer.body as { status?: unknown } | null)?.status;
    if (answer.status !== 200 || !STATUSES.includes(status as ParentConsentStatus)) throw new IdentityAnswerError(answer.status);
    return status as ParentConsentStatus;
  }
}
