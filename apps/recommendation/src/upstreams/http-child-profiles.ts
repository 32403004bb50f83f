import { ServiceClient } from '@mikasmissions/service-client';
import { isAgeBand } from '../policy/age-band';
import { ChildProfiles, type ChildProfileView } from './child-profiles';
import { UpstreamContractError } from './upstream.errors';

/** {@link ChildProfiles} over profile's `GET /internal/profiles/{id}`: 404 → `null`, a malformed answer → 503. */
export class HttpChildProfiles extends ChildProfiles {
  constructor(private readonly client: ServiceClient) {
    super();
  }

  async find(childProfileId: string): Promise<ChildProfileView | null> {
    const res = await this.client.call('profile', { method: 'GET', path: `/internal/profiles/${encodeURIComponent(childProfileId)}` });
    if (res.status === 404) return null;
    const body = (res.body ?? {}) as { parent_user_id?: unknown; age_band?: unknown };
    if (res.status !== 200 || typeof body.parent_user_id !== 'string' || !isAgeBand(body.age_band))
      throw new UpstreamContractError('profile', res.status);
    return { childProfileId, parentUserId: body.parent_user_id, ageBand: body.age_band };
  }
}
