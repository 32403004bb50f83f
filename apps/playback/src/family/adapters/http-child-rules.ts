import { Injectable } from '@nestjs/common';
import { ResilienceService } from '@mikasmissions/resilience';
import { ServiceClient } from '@mikasmissions/service-client';
import { z } from 'zod';
import { AGE_BANDS, type AgeBand, type ChildControls, type ChildProfile } from '../family-models';
import { ChildRules } from '../family.ports';
import { asUnavailable, unexpectedAnswer, upstreamPolicy } from '../upstream-policy';

const ageBand = z.enum(AGE_BANDS as [AgeBand, ...AgeBand[]]);
const profileBody = z.object({ child_profile_id: z.string(), parent_user_id: z.string().min(1), age_band: ageBand });
const controlsBody = z.object({
  child_profile_id: z.string(),
  parent_user_id: z.string(),
  controls: z.object({
    autoplay: z.boolean(),
    external_links: z.boolean(),
    session_limit_minutes: z.number().int().min(0),
    bedtime_window: z.string(),
    safety_mode: z.enum(['strict', 'balanced']),
    timezone: z.string().min(1),
    // identity leaves it out when the parent set no ceiling below the child's own band
    max_age_band: ageBand.optional(),
    approved_only: z.boolean(),
    approved_show_ids: z.array(z.string()),
    blocked_show_ids: z.array(z.string()),
  }),
});

/** No `max_age_band`: the highest band, so only the child's own band limits what it watches. */
const NO_CEILING: AgeBand = AGE_BANDS[AGE_BANDS.length - 1];

/**
 * {@link ChildRules} over profile's `GET /internal/profiles/{id}` (breaker + hedge, circuit
 * `profile.child`) and identity's `GET /internal/controls/{id}`. A 404 is `null`; profile or
 * identity down, or an answer of the wrong shape, is 503 `service_unavailable`.
 */
@Injectable()
export class HttpChildRules extends ChildRules {
  private readonly getProfile: (id: string) => Promise<ChildProfile | null>;

  constructor(
    private readonly client: ServiceClient,
    resilience: ResilienceService,
    openDurationMs: number,
  ) {
    super();
    this.getProfile = resilience.wrap('profile.child', (_signal, id: string) => this.fetchProfile(id), upstreamPolicy(openDurationMs));
  }

  async profile(childProfileId: string): Promise<ChildProfile | null> {
    try {
      return await this.getProfile(childProfileId);
    } catch (error) {
      throw asUnavailable('profile', error);
    }
  }

  async controls(childProfileId: string): Promise<ChildControls | null> {
    const { status, body } = await this.client.call('identity', {
      method: 'GET',
      path: `/internal/controls/${encodeURIComponent(childProfileId)}`,
    });
    if (status === 404) return null;
    const parsed = controlsBody.safeParse(body);
    if (status !== 200 || !parsed.success) throw unexpectedAnswer('identity', status);
    const c = parsed.data.controls;
    return {
      autoplay: c.autoplay,
      externalLinks: c.external_links,
      sessionLimitMinutes: c.session_limit_minutes,
      bedtimeWindow: c.bedtime_window,
      safetyMode: c.safety_mode,
      timezone: c.timezone,
      maxAgeBand: c.max_age_band ?? NO_CEILING,
      approvedOnly: c.approved_only,
      approvedShowIds: c.approved_show_ids,
      blockedShowIds: c.blocked_show_ids,
    };
  }

  private async fetchProfile(id: string): Promise<ChildProfile | null> {
    const { status, body } = await this.client.call('profile', { method: 'GET', path: `/internal/profiles/${encodeURIComponent(id)}` });
    if (status === 404) return null;
    const parsed = profileBody.safeParse(body);
    if (status !== 200 || !parsed.success) throw unexpectedAnswer('profile', status);
    return { childProfileId: id, parentUserId: parsed.data.parent_user_id, ageBand: parsed.data.age_band };
  }
}
