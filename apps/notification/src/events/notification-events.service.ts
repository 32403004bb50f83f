import { Injectable } from '@nestjs/common';
import type { ConsentVerifiedPayload, EpisodePublishedPayload, SubscriptionChangedPayload } from '@mikasmissions/contracts-events';
import type { EventEnvelope } from '@mikasmissions/messaging';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import type { DigestItem } from '../digest/digest';
import { DigestRepository } from '../digest/digest.repository';
import { localDayWindow } from '../digest/local-day-window';
import { NotificationJobs } from '../jobs/notification-jobs';
import { receiptMessage, welcomeMessage } from '../messages/message-templates';
import { timezoneOf, wants } from '../preferences/notification-preferences';
import { PreferencesRepository } from '../preferences/preferences.repository';
import { BandAudience } from '../recipients/band-audience';
import { ParentLanguage } from '../recipients/parent-language';
import { episodeBand } from './episode-band';

/** Parents handled per preferences read and digest insert. */
const CHUNK = 500;

/** What one `episode.published` did: how many parents got it in their digest, and how many had opted out. */
export interface CollectResult {
  collected: number;
  optedOut: number;
}

/**
 * Turns events into deliveries: a new episode goes into the digest of every parent with a child
 * in its band (a parent who turned the digest off is skipped here; the marketing consent is read
 * when the digest is flushed), a subscription change records a receipt, verified consent a
 * welcome, both written in the parent's signup language (read from identity when the event is
 * handled: if identity is down, the event is retried). Each delivery has a dedupe key, so a
 * redelivered event records nothing new.
 */
@Injectable()
export class NotificationEventsService {
  constructor(
    private readonly audience: BandAudience,
    private readonly preferences: PreferencesRepository,
    private readonly digest: DigestRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly jobs: NotificationJobs,
    private readonly languages: ParentLanguage,
  ) {}

  async collectEpisode(event: EventEnvelope<EpisodePublishedPayload>): Promise<CollectResult> {
    const episode = event.payload;
    const at = new Date(episode.publishedAt ?? event.occurredAt);
    const parents = await this.audience.parentsWithChildIn(episodeBand(episode));
    const result: CollectResult = { collected: 0, optedOut: 0 };
    const title = episode.title?.trim() ?? '';
    for (let start = 0; start < parents.length; start += CHUNK) {
      const chunk = parents.slice(start, start + CHUNK);
      const stored = await this.preferences.findMany(event.tenantId, chunk);
      const items: DigestItem[] = [];
      for (const parentUserId of chunk) {
        const prefs = stored.get(parentUserId) ?? null;
        if (prefs?.digest === false) {
          result.optedOut += 1;
          continue;
        }
        const { day, closesAt } = localDayWindow(at, timezoneOf(prefs));
        items.push({ tenantId: event.tenantId, parentUserId, localDay: day, episodeId: episode.episodeId, title, closesAt });
      }
      await this.digest.addMany(items);
      result.collected += items.length;
    }
    return result;
  }

  async receipt(event: EventEnvelope<SubscriptionChangedPayload>): Promise<boolean> {
    const parentUserId = event.payload.parentId;
    if (!wants(await this.preferences.find(event.tenantId, parentUserId), 'receipts', false)) return false;
    const { subject, body } = receiptMessage(await this.languages.of(parentUserId), event.payload);
    return this.record({ tenantId: event.tenantId, dedupeKey: `receipt:${event.id}`, parentUserId, kind: 'receipts', subject, body });
  }

  async welcome(event: EventEnvelope<ConsentVerifiedPayload>): Promise<boolean> {
    const parentUserId = event.payload.parentUserId;
    if (!wants(await this.preferences.find(event.tenantId, parentUserId), 'welcome', false)) return false;
    const { subject, body } = welcomeMessage(await this.languages.of(parentUserId));
    return this.record({ tenantId: event.tenantId, dedupeKey: `welcome:${parentUserId}`, parentUserId, kind: 'welcome', subject, body });
  }

  private async record(delivery: Parameters<DeliveriesRepository['record']>[0]): Promise<boolean> {
    const recorded = await this.deliveries.record(delivery);
    if (recorded) this.jobs.kick();
    return recorded;
  }
}
