import { Injectable } from '@nestjs/common';
import type { ChildAgeBand } from '@mikasmissions/contracts-events';
import { ServiceClient, ServiceUnavailableError } from '@mikasmissions/service-client';
import { BandAudience } from '../band-audience';
import { ProfileUnavailableError } from '../recipient.errors';

/** What profile's `GET /internal/age-bands/{band}/parents` answers: one page of parent ids, ascending. */
interface AudiencePage {
  parent_user_ids: string[];
  next_after: string | null;
}

const isPage = (body: unknown): body is AudiencePage => {
  const b = body as Partial<AudiencePage> | undefined;
  return (
    Array.isArray(b?.parent_user_ids) &&
    b.parent_user_ids.every((id) => typeof id === 'string') &&
    (b.next_after === null || typeof b.next_after === 'string')
  );
};

/** Parent ids per page asked of profile. */
const PAGE = 500;

/**
 * {@link BandAudience} over profile: pages through `GET /internal/age-bands/{band}/parents`
 * (keyset `after`) as the signed `service` identity. Any failure → 503 `profile_unavailable`.
 */
@Injectable()
export class ProfileBandAudience extends BandAudience {
  constructor(private readonly client: ServiceClient) {
    super();
  }

  async parentsWithChildIn(band: ChildAgeBand): Promise<string[]> {
    const parents: string[] = [];
    let after: string | null = null;
    do {
      const page = await this.page(band, after);
      parents.push(...page.parent_user_ids);
      after = page.next_after;
    } while (after !== null);
    return parents;
  }

  private async page(band: ChildAgeBand, after: string | null): Promise<AudiencePage> {
    let answer: { status: number; body: unknown };
    try {
      answer = await this.client.call('profile', {
        method: 'GET',
        path: `/internal/age-bands/${encodeURIComponent(band)}/parents`,
        query: { limit: String(PAGE), ...(after ? { after } : {}) },
      });
    } catch (error) {
      if (error instanceof ServiceUnavailableError) throw new ProfileUnavailableError(error);
      throw error;
    }
    if (answer.status !== 200 || !isPage(answer.body)) {
      throw new ProfileUnavailableError(new Error(`profile answered ${answer.status} to an audience lookup`));
    }
    return answer.body;
  }
}
