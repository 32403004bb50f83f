import { Injectable } from '@nestjs/common';
import type { ChildOwnership } from '@mikasmissions/service-identity';
import { ServiceClient } from '../service-client';
import { ServiceUnavailableError } from '../service-client.errors';

/** What profile's `GET /internal/profiles/{id}` answers. */
interface InternalProfile {
  child_profile_id: string;
  parent_user_id: string;
  age_band: string;
}

/**
 * The {@link ChildOwnership} port over the profile service: asks
 * `GET /internal/profiles/{child_profile_id}` and compares its `parent_user_id`. An unknown
 * child is owned by nobody (so the parent gets 403 `child_profile_forbidden`, never a hint that
 * the id exists elsewhere); profile being down is a 503, never a yes.
 *
 * @example
 * PlatformModule.forRoot({ service: 'catalog', http, identity: { childOwnership: ProfileChildOwnership } })
 */
@Injectable()
export class ProfileChildOwnership implements ChildOwnership {
  constructor(private readonly client: ServiceClient) {}

  async owns(parentUserId: string, childProfileId: string): Promise<boolean> {
    const { status, body } = await this.client.call<InternalProfile>('profile', {
      method: 'GET',
      path: `/internal/profiles/${encodeURIComponent(childProfileId)}`,
    });
    if (status === 404) return false;
    if (status !== 200 || typeof body?.parent_user_id !== 'string')
      throw new ServiceUnavailableError('profile', `it answered ${status} to an ownership lookup`);
    return body.parent_user_id === parentUserId;
  }
}
