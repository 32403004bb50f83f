import { Injectable } from '@nestjs/common';
import { ServiceClient, ServiceUnavailableError } from '@mikasmissions/service-client';
import { ChildDirectory } from '../child-directory';
import { ProfileUnavailableError } from '../profile-unavailable.error';

/** What profile's `GET /internal/profiles/{id}` answers (billing reads only the parent). */
interface InternalProfile {
  child_profile_id: string;
  parent_user_id: string;
}

/**
 * {@link ChildDirectory} over the profile service: `GET /internal/profiles/{child_profile_id}`
 * as the signed `service` identity. 404 → unknown child (`null`); profile down, a 5xx, or any
 * other answer → 503 `profile_unavailable` (never a guess).
 */
@Injectable()
export class ProfileChildDirectory extends ChildDirectory {
  constructor(private readonly client: ServiceClient) {
    super();
  }

  async parentOf(childProfileId: string): Promise<string | null> {
    let answer: { status: number; body: InternalProfile | undefined };
    try {
      answer = await this.client.call<InternalProfile>('profile', {
        method: 'GET',
        path: `/internal/profiles/${encodeURIComponent(childProfileId)}`,
      });
    } catch (error) {
      if (error instanceof ServiceUnavailableError) throw new ProfileUnavailableError(error);
      throw error;
    }
    if (answer.status === 404) return null;
    if (answer.status !== 200 || typeof answer.body?.parent_user_id !== 'string') {
      throw new ProfileUnavailableError(new Error(`profile answered ${answer.status} to a child lookup`));
    }
    return answer.body.parent_user_id;
  }
}
