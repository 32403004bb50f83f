import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ChildProfileDeleted,
  type ChildProfileDeletedPayload,
  EpisodePublished,
  type EpisodePublishedPayload,
  ParentControlsUpdated,
  type ParentControlsUpdatedPayload,
  ProgressUpdated,
  type ProgressUpdatedPayload,
} from '@mikasmissions/contracts-events';
import { OnEvent, type EventEnvelope } from '@mikasmissions/messaging';
import type { AgeBand } from '../policy/age-band';
import { ChildProfiles } from '../upstreams/child-profiles';
import { controlsFromWire } from '../upstreams/controls-wire';
import { FeaturesRepository } from './features.repository';
import { HomeInvalidator } from './home-invalidator';

/**
 * Keeps the per-child features fresh (inbox dedupe per event id, retries, DLQ):
 * `progress.updated` (not while the parent paused the history) → the child's watch state;
 * `parent.controls.updated` → the child's controls; both drop the child's cached homes;
 * `child.profile.deleted` → everything kept about the child is erased;
 * `episode.published` → every cached home goes stale.
 */
@Controller()
export class FeaturesConsumer {
  constructor(
    private readonly features: FeaturesRepository,
    private readonly profiles: ChildProfiles,
    private readonly homes: HomeInvalidator,
  ) {}

  @OnEvent(ProgressUpdated)
  async onProgress(@Payload() event: EventEnvelope<ProgressUpdatedPayload>): Promise<void> {
    const p = event.payload;
    if (p.historyPaused) return;
    await this.features.recordWatch({
      childId: p.childId,
      episodeId: p.episodeId,
      ageBand: await this.bandOf(p.childId),
      positionSeconds: p.positionSeconds,
      completed: p.completed ?? false,
      learningTags: p.learningTags ?? [],
      eventAt: new Date(p.eventTime ?? event.occurredAt),
    });
    await this.homes.child(p.childId);
  }

  @OnEvent(ParentControlsUpdated)
  async onControls(@Payload() event: EventEnvelope<ParentControlsUpdatedPayload>): Promise<void> {
    const { childProfileId, parentUserId } = event.payload;
    const controls = controlsFromWire(event.payload.controls);
    // A snapshot recommendation cannot read is dropped, so the next home asks identity instead.
    await this.features.saveChild({ childId: childProfileId, parentUserId, controls });
    await this.homes.child(childProfileId);
  }

  @OnEvent(ChildProfileDeleted)
  async onChildDeleted(@Payload() event: EventEnvelope<ChildProfileDeletedPayload>): Promise<void> {
    await this.features.eraseChild(event.payload.childProfileId);
    await this.homes.child(event.payload.childProfileId);
  }

  @OnEvent(EpisodePublished)
  async onEpisodePublished(@Payload() _event: EventEnvelope<EpisodePublishedPayload>): Promise<void> {
    await this.homes.catalogChanged();
  }

  /** The child's band for `popular_in_band`: as last seen, else from profile (profile down → the event is retried). */
  private async bandOf(childId: string): Promise<AgeBand | null> {
    const known = (await this.features.child(childId))?.ageBand;
    if (known) return known;
    const profile = await this.profiles.find(childId);
    if (profile) await this.features.saveChild({ childId, parentUserId: profile.parentUserId, ageBand: profile.ageBand });
    return profile?.ageBand ?? null;
  }
}
