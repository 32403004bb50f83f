import { Injectable } from '@nestjs/common';
import { ServiceClient, ServiceUnavailableError } from '@mikasmissions/service-client';
import { ChildDirectory, type DirectoryChild } from '../child-directory';

interface ProfileList {
  profiles?: Array<{ child_profile_id?: unknown; display_name?: unknown }>;
}

/**
 * {@link ChildDirectory} over the profile service (`ServiceClient`, signed `service` identity):
 * `GET /internal/profiles?parent_user_id=`. Profile down, a 5xx or an answer of the wrong shape
 * → 503 `service_unavailable` + `Retry-After` (the platform's {@link ServiceUnavailableError},
 * the same code as the controls and gates routes).
 */
@Injectable()
export class ProfileChildDirectory extends ChildDirectory {
  constructor(private readonly client: ServiceClient) {
    super();
  }

  async childrenOf(parentUserId: string): Promise<DirectoryChild[]> {
    const { status, body } = await this.client.call<ProfileList>('profile', {
      method: 'GET',
      path: '/internal/profiles',
      query: { parent_user_id: parentUserId },
    });
    if (status !== 200 || !Array.isArray(body?.profiles))
      throw new ServiceUnavailableError('profile', `it answered ${status} to a children listing`);
    return body.profiles.map((p) => {
      if (typeof p.child_profile_id !== 'string' || typeof p.display_name !== 'string')
        throw new ServiceUnavailableError('profile', 'a profile without id or name');
      return { childProfileId: p.child_profile_id, displayName: p.display_name };
    });
  }
}
