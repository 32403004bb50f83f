import { Injectable } from '@nestjs/common';
import { AuditService } from '@mikasmissions/authx';
import { CacheService } from '@mikasmissions/cache';
import type { Schema } from '@mikasmissions/contracts-api';
import { ParentControlsUpdated } from '@mikasmissions/contracts-events';
import { EventPublisher } from '@mikasmissions/messaging';
import { FamilyActor } from '../family-scope/family-actor';
import { ChildLookup } from '../family-scope/child-lookup';
import { controlsCacheTag } from './controls-cache';
import { ChildProfileNotFoundError } from './controls.errors';
import { ControlsRepository } from './controls.repository';
import { parseControls } from './controls.validation';
import { changedFields, strictDefaults, type ParentalControls } from './parental-controls';

/** `GET /internal/controls/{id}`'s answer: the controls with their owner, for catalog, playback, recommendation and progress. */
export interface InternalControls {
  child_profile_id: string;
  parent_user_id: string;
  controls: ParentalControls;
}

/**
 * Reads and replaces children's parental controls: strict defaults until a parent saves some,
 * each PUT validated field by field, stored, published as `parent.controls.updated` in the same
 * transaction and audited (who, when, which fields).
 */
@Injectable()
export class ControlsService {
  constructor(
    private readonly actor: FamilyActor,
    private readonly repo: ControlsRepository,
    private readonly directory: ChildLookup,
    private readonly events: EventPublisher,
    private readonly audit: AuditService,
    private readonly cache: CacheService,
  ) {}

  /** The controls of a child the caller may act for (strict defaults when none were saved). */
  async get(childProfileId: string): Promise<Schema<'ParentalControlsResponse'>> {
    const { scope } = await this.actor.forChild(childProfileId, ['parent', 'service']);
    const stored = await this.repo.find(scope, childProfileId);
    return { child_profile_id: childProfileId, controls: stored?.controls ?? strictDefaults() };
  }

  /** Replaces a child's controls with `body` (validated), publishes and audits the change. */
  async replace(childProfileId: string, body: unknown): Promise<Schema<'ParentalControlsResponse'>> {
    const { caller, scope } = await this.actor.forChild(childProfileId, ['parent', 'service']);
    const parentUserId = scope.parentUserId;
    const controls = parseControls(body, (await this.directory.lookup(childProfileId))?.ageBand);
    const changed = await this.events.transaction(async () => {
      const before = (await this.repo.find(scope, childProfileId))?.controls ?? strictDefaults();
      const fields = changedFields(before, controls);
      await this.repo.save(scope, {
        tenantId: scope.tenantId,
        childProfileId,
        parentUserId,
        controls,
        updatedBy: caller.principal,
        updatedAt: new Date().toISOString(),
      });
      await this.events.publish(
        ParentControlsUpdated,
        { parentUserId, childProfileId, controls, changed: fields },
        { aggregateId: childProfileId },
      );
      return fields;
    });
    await this.cache.invalidateTag(controlsCacheTag(childProfileId));
    await this.audit.record({
      kind: 'controls',
      action: `controls:${changed.join(',') || 'none'}`,
      object: `child_profile:${childProfileId}`,
      decision: 'allow',
      reason: 'parent_controls_updated',
    });
    return { child_profile_id: childProfileId, controls };
  }

  /** The controls and owner of any child of the tenant (service scope; 404 for a child the profile service does not know). */
  async internal(childProfileId: string): Promise<InternalControls> {
    const scope = this.actor.serviceScope();
    const stored = await this.repo.find(scope, childProfileId);
    if (stored) return { child_profile_id: childProfileId, parent_user_id: stored.parentUserId, controls: stored.controls };
    const child = await this.directory.lookup(childProfileId);
    if (!child) throw new ChildProfileNotFoundError();
    return { child_profile_id: childProfileId, parent_user_id: child.parentUserId, controls: strictDefaults() };
  }
}
