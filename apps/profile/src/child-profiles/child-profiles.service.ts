import { Injectable } from '@nestjs/common';
import { CacheService } from '@mikasmissions/cache';
import { ChildProfileDeleted, type ChildAgeBand } from '@mikasmissions/contracts-events';
import { EventPublisher } from '@mikasmissions/messaging';
import { IdentityScope } from '@mikasmissions/service-identity';
import { ParentConsent } from '../parent-consent/parent-consent';
import { AGE_BANDS } from './child-profile';
import { childProfileCacheTag } from './child-profile-cache-tag';
import { ChildProfilesRepository } from './child-profiles.repository';
import { ChildProfileNotFoundError, ConsentRequiredError, InvalidAgeBandError, ParentNotFoundError } from './child-profiles.errors';
import type { BandParentsView } from './dto/band-parents-query';
import { parseCreateChildProfile } from './dto/create-child-profile.request';
import {
  toChildProfileView,
  type ChildProfileListView,
  type CreatedChildProfile,
  type InternalChildProfileListView,
  type InternalChildProfileView,
} from './dto/child-profile.views';

/**
 * Creates, lists and deletes a parent's child profiles (parent-scoped with {@link IdentityScope},
 * consent checked with identity through {@link ParentConsent}), and answers the `/internal`
 * lookups of other services.
 */
@Injectable()
export class ChildProfilesService {
  constructor(
    private readonly profiles: ChildProfilesRepository,
    private readonly consent: ParentConsent,
    private readonly scope: IdentityScope,
    private readonly events: EventPublisher,
    private readonly cache: CacheService,
  ) {}

  /** Validates, scopes to the caller, requires verified consent, stores. `@Publish` on the route writes `child.profile.created`. */
  async create(body: unknown): Promise<CreatedChildProfile> {
    const profile = parseCreateChildProfile(body);
    await this.scope.check({ parentUserId: profile.parentUserId });
    const status = await this.consent.statusOf(profile.parentUserId);
    if (status === null) throw new ParentNotFoundError();
    if (status !== 'active') throw new ConsentRequiredError();
    const stored = await this.profiles.create(profile);
    return { child_profile_id: stored.childProfileId, safe_defaults: true, parent_user_id: stored.parentUserId, age_band: stored.ageBand };
  }

  /** The parent's profiles, oldest first (a parent only its own). */
  async list(parentUserId: string): Promise<ChildProfileListView> {
    await this.scope.check({ parentUserId });
    return { profiles: (await this.profiles.listByParent(parentUserId)).map(toChildProfileView) };
  }

  /**
   * Removes the profile and writes `child.profile.deleted` in one transaction, then drops the
   * cached internal lookup (after the commit, so no reader can refill it with the old row).
   */
  async delete(parentUserId: string, childProfileId: string): Promise<void> {
    await this.scope.check({ parentUserId, childProfileId });
    const removed = await this.events.transaction(async () => {
      const row = await this.profiles.delete(parentUserId, childProfileId);
      if (!row) throw new ChildProfileNotFoundError(childProfileId);
      await this.events.publish(
        ChildProfileDeleted,
        { parentUserId: row.parentUserId, childProfileId: row.childProfileId },
        { aggregateId: row.childProfileId },
      );
      return row;
    });
    await this.cache.invalidateTag(childProfileCacheTag(removed.childProfileId));
  }

  /** `GET /internal/profiles/{id}`: owner and age band, for any family (service callers only). */
  async internalGet(childProfileId: string): Promise<InternalChildProfileView> {
    const found = await this.profiles.findForService(childProfileId);
    if (!found) throw new ChildProfileNotFoundError(childProfileId);
    return { child_profile_id: found.childProfileId, parent_user_id: found.parentUserId, age_band: found.ageBand };
  }

  /** `GET /internal/profiles?parent_user_id=`: the parent's profiles for its own dashboard (identity). */
  async internalList(parentUserId: string): Promise<InternalChildProfileListView> {
    const profiles = await this.profiles.listByParent(parentUserId);
    return {
      profiles: profiles.map((p) => ({
        child_profile_id: p.childProfileId,
        display_name: p.displayName,
        age_band: p.ageBand,
        created_at: p.createdAt,
      })),
    };
  }

  /** `GET /internal/age-bands/{band}/parents`: one page of the parents with a child in `band` (ids only), for notification. */
  async internalParentsInBand(band: string, after: string | null, limit: number): Promise<BandParentsView> {
    if (!AGE_BANDS.includes(band as ChildAgeBand)) throw new InvalidAgeBandError(AGE_BANDS);
    const ids = await this.profiles.parentsWithChildIn(band as ChildAgeBand, after, limit);
    return { parent_user_ids: ids, next_after: ids.length === limit ? ids[ids.length - 1] : null };
  }
}
