import { Injectable } from '@nestjs/common';
import type { HomeRailsResponse, KidsHomeResponse, RailItem } from '@mikasmissions/contracts-api';
import { RequestContext } from '@mikasmissions/context';
import { ChildProfileForbiddenError } from '@mikasmissions/service-identity';
import { FeaturesRepository } from '../features/features.repository';
import { bandOfMode, bandRank, KIDS_MODES, type KidsMode } from '../policy/age-band';
import { type ChildPolicy, policyKey, policyOf } from '../policy/child-policy';
import { ChildControls, STRICT_CONTROLS } from '../upstreams/child-controls';
import { ChildProfiles, type ChildProfileView } from '../upstreams/child-profiles';
import { CatalogUnavailableError } from '../upstreams/upstream.errors';
import { CandidateQuery } from './candidate-query';
import { ChildProfileNotFoundError, InvalidModeError, ModeNotAllowedError } from './home.errors';
import { PRIMARY_ACTIONS } from './primary-actions';
import { buildRails } from './rail-builder';

const WEEK_MS = 7 * 86_400_000;

/**
 * The kids home and the rails of one child: the caller's right to the child, the child's real
 * band (profile), the parent's controls (the last `parent.controls.updated`, else identity),
 * the policy-filtered candidates and the rails. Catalog down → the last home computed under
 * the same policy, else 503 `catalog_unavailable`.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly profiles: ChildProfiles,
    private readonly controls: ChildControls,
    private readonly features: FeaturesRepository,
    private readonly query: CandidateQuery,
    private readonly ctx: RequestContext,
  ) {}

  /** `GET /v1/kids/home`: 400 `invalid_mode`, 403 `mode_not_allowed` above the child's band. */
  async home(childProfileId: string, rawMode: string): Promise<KidsHomeResponse> {
    if (!(KIDS_MODES as readonly string[]).includes(rawMode)) throw new InvalidModeError();
    const mode = rawMode as KidsMode;
    const profile = await this.child(childProfileId);
    if (bandRank(bandOfMode(mode)) > bandRank(profile.ageBand)) throw new ModeNotAllowedError(mode);
    const policy = await this.policy(profile, bandOfMode(mode));
    return {
      child_profile_id: childProfileId,
      mode,
      safety_mode: policy.safetyMode,
      primary_actions: [...PRIMARY_ACTIONS[mode]],
      rails: await this.rails(policy),
    };
  }

  /** `GET /v1/home/rails`: the rails for the child's own band. */
  async homeRails(childProfileId: string): Promise<HomeRailsResponse> {
    const policy = await this.policy(await this.child(childProfileId));
    return { child_profile_id: childProfileId, rails: await this.rails(policy) };
  }

  /** The child, if the caller may act for it: a child only for itself, a parent only for its own children. */
  private async child(childProfileId: string): Promise<ChildProfileView> {
    const principal = this.ctx.principal;
    if (principal?.role === 'child' && principal.childProfileId !== childProfileId) throw new ChildProfileForbiddenError();
    const profile = await this.profiles.find(childProfileId);
    if (principal?.role === 'parent' && profile?.parentUserId !== principal.parentUserId) throw new ChildProfileForbiddenError();
    if (!profile) throw new ChildProfileNotFoundError();
    return profile;
  }

  private async policy(profile: ChildProfileView, narrowTo?: ChildPolicy['ceiling']): Promise<ChildPolicy> {
    const known = await this.features.child(profile.childProfileId);
    if (known?.ageBand !== profile.ageBand || known.parentUserId !== profile.parentUserId) {
      await this.features.saveChild({ childId: profile.childProfileId, parentUserId: profile.parentUserId, ageBand: profile.ageBand });
    }
    const controls = known?.controls ?? (await this.controls.find(profile.childProfileId)) ?? STRICT_CONTROLS;
    return policyOf(profile, controls, narrowTo);
  }

  private async rails(policy: ChildPolicy): Promise<RailItem[]> {
    const now = new Date();
    const key = policyKey(policy);
    try {
      const [candidates, states] = await Promise.all([
        this.query.candidates(policy, now),
        this.features.watchStates(policy.childProfileId),
      ]);
      const popular = await this.features.popularInBand(
        policy.childBand,
        new Date(now.getTime() - WEEK_MS),
        candidates.map((c) => c.episodeId),
      );
      const rails = buildRails({ policy, candidates, states, popular, now });
      await this.features.saveSnapshot({ childId: policy.childProfileId, policyKey: key, rails, computedAt: now.toISOString() });
      return rails;
    } catch (error) {
      if (!(error instanceof CatalogUnavailableError)) throw error;
      const last = await this.features.snapshot(policy.childProfileId);
      if (last?.policyKey !== key) throw error;
      return last.rails as RailItem[];
    }
  }
}
