import { Injectable, Logger } from '@nestjs/common';
import pLimit from 'p-limit';
import { BackgroundContext } from '../deliveries/background-context';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { digestMessage } from '../messages/message-templates';
import { wants } from '../preferences/notification-preferences';
import { PreferencesRepository } from '../preferences/preferences.repository';
import { ParentDirectory } from '../recipients/parent-directory';
import { ParentLanguage } from '../recipients/parent-language';
import type { DueDigest } from './digest';
import { DigestRepository } from './digest.repository';

/** What one flush did, per parent-day. */
export interface FlushResult {
  /** Recorded as one delivery each. */
  digests: number;
  /** Closed without a message: opted out, no marketing consent, unknown parent, or that day's digest already recorded. */
  skipped: number;
  /** Left open because identity could not answer; the next flush retries them. */
  deferred: number;
}

/** Parent-days read per batch. */
const BATCH = 200;
/** Parent-days flushed at once (each asks identity, then writes two rows). */
const PARALLEL = 8;

/**
 * Flushes the digests of local days that have ended (8 parent-days at once): one delivery per parent and day
 * (dedupe key `digest:<parent>:<day>`, so a day never gets two), listing the episodes collected
 * for it, in the parent's signup language. It sends only when the parent wants the digest — its choice, else the signup's
 * `marketing` consent, read from identity now.
 */
@Injectable()
export class DigestFlusher {
  private readonly log = new Logger('DigestFlusher');

  constructor(
    private readonly digest: DigestRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly preferences: PreferencesRepository,
    private readonly parents: ParentDirectory,
    private readonly languages: ParentLanguage,
    private readonly background: BackgroundContext,
  ) {}

  /** Flushes every parent-day closed by `now`, batch by batch, until a batch flushes nothing more. */
  async flush(now = new Date()): Promise<FlushResult> {
    const total: FlushResult = { digests: 0, skipped: 0, deferred: 0 };
    for (;;) {
      const due = await this.digest.due(now, BATCH);
      const limit = pLimit(PARALLEL);
      const outcomes = await Promise.all(
        due.map((group) => limit(() => this.background.run(group.tenantId, () => this.flushOne(group, now)))),
      );
      for (const outcome of outcomes) total[outcome] += 1;
      const closed = outcomes.filter((o) => o !== 'deferred').length;
      if (due.length < BATCH || closed === 0) return total;
    }
  }

  private async flushOne(group: DueDigest, now: Date): Promise<keyof FlushResult> {
    let contact;
    try {
      contact = await this.parents.contactOf(group.parentUserId);
    } catch (error) {
      this.log.warn(`digest of ${group.localDay} deferred: ${(error as Error).message}`);
      return 'deferred';
    }
    const close = () => this.digest.markFlushed(group.tenantId, group.parentUserId, group.localDay, now);
    const stored = await this.preferences.find(group.tenantId, group.parentUserId);
    if (!contact || !wants(stored, 'digest', contact.marketing)) {
      await close();
      return 'skipped';
    }
    const { subject, body } = digestMessage(
      this.languages.from(contact),
      group.localDay,
      group.episodes.map((e) => e.title),
    );
    const recorded = await this.deliveries.record({
      tenantId: group.tenantId,
      dedupeKey: `digest:${group.parentUserId}:${group.localDay}`,
      parentUserId: group.parentUserId,
      kind: 'digest',
      subject,
      body,
    });
    await close();
    return recorded ? 'digests' : 'skipped';
  }
}
