import { Injectable } from '@nestjs/common';
import { ServiceClient, ServiceUnavailableError } from '@mikasmissions/service-client';
import { AGE_BANDS, ChildLookup, type AgeBand, type ChildRecord } from './child-lookup';

/** What profile's `GET /internal/profiles/{id}` answers. */
interface InternalProfile {
  child_profile_id: string;
  parent_user_id: string;
  age_band: string;
}

/**
 * {@link ChildLookup} over the profile service (`GET /internal/profiles/{id}`, signed as the
 * `service` identity): 404 → `null`; profile down or answering nonsense → 503 `service_unavailable`.
 */
@Injectable()
export class ProfileChildLookup extends ChildLookup {
  constructor(private readonly client: ServiceClient) {
    super();
  }

  async lookup(childProfileId: string): Promise<ChildRecord | null> {
    const { status, body } = await this.client.call<InternalProfile>('profile', {
      method: 'GET',
      path: `/internal/profiles/${encodeURIComponent(childProfileId)}`,
    });
    if (status === 404) return null;
    if (status !== 200 || typeof body?.parent_user_id !== 'string' || !AGE_BANDS.includes(body.age_band as AgeBand)) {
      throw new ServiceUnavailableError('profile', `it answered ${status} to a child lookup`);
    }
    return { childProfileId, parentUserId: body.parent_user_id, ageBand: body.age_band as AgeBand };
  }
}
