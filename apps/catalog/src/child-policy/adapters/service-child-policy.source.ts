import { Injectable } from '@nestjs/common';
import { ServiceClient, ServiceUnavailableError, type ServiceResponse } from '@mikasmissions/service-client';
import { isAgeBand } from '../../episodes/age-band';
import type { ChildPolicy } from '../child-policy';
import { ChildPolicySource } from '../child-policy.source';

type Controls = { max_age_band?: unknown; approved_only?: unknown; approved_show_ids?: unknown; blocked_show_ids?: unknown };

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * The child's policy from its owners, both read on every call: the band from profile's
 * `GET /internal/profiles/{id}` (404 → unknown child) and the controls from identity's
 * `GET /internal/controls/{id}` (404 → the strict defaults: no ceiling below the child's band,
 * nothing approved-only or blocked). Any other answer, or either service down, is 503
 * `service_unavailable` (`details.service`): the filter fails closed, never open.
 */
@Injectable()
export class ServiceChildPolicySource extends ChildPolicySource {
  constructor(private readonly client: ServiceClient) {
    super();
  }

  async policyOf(childProfileId: string): Promise<ChildPolicy | null> {
    const id = encodeURIComponent(childProfileId);
    const [profile, controls] = await Promise.all([
      this.client.call('profile', { method: 'GET', path: `/internal/profiles/${id}` }),
      this.client.call('identity', { method: 'GET', path: `/internal/controls/${id}` }),
    ]);
    if (profile.status === 404) return null;
    const ageBand = this.expectOk('profile', profile, (body) => (body as { age_band?: unknown } | undefined)?.age_band);
    if (!isAgeBand(ageBand)) throw new ServiceUnavailableError('profile', 'answered without a valid age_band');
    if (controls.status === 404) return { ageBand, approvedOnly: false, approvedShowIds: [], blockedShowIds: [] };
    const c = this.expectOk('identity', controls, (body) => (body as { controls?: Controls } | undefined)?.controls);
    if (!c || typeof c !== 'object') throw new ServiceUnavailableError('identity', 'answered without controls');
    return {
      ageBand,
      maxAgeBand: isAgeBand(c.max_age_band) ? c.max_age_band : undefined,
      approvedOnly: c.approved_only === true,
      approvedShowIds: ids(c.approved_show_ids),
      blockedShowIds: ids(c.blocked_show_ids),
    };
  }

  private expectOk<T>(service: 'profile' | 'identity', answer: ServiceResponse, read: (body: unknown) => T): T {
    if (answer.status !== 200) throw new ServiceUnavailableError(service, `answered ${answer.status}`);
    return read(answer.body);
  }
}
