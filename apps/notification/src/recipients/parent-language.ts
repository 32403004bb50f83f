import { Injectable } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import { messageLanguage, type MessageLanguage } from '../messages/message-catalogue';
import { notificationConfig } from '../notification.config';
import type { ParentContact } from './parent-directory';
import { ParentDirectory } from './parent-directory';

/**
 * The language notification writes to a parent in: the signup `language` identity returns with
 * the contact (`de-AT` → `de`), else `NOTIFICATION_DEFAULT_LANGUAGE` (an unknown parent, or a
 * language without a catalogue).
 */
@Injectable()
export class ParentLanguage {
  private readonly fallback: MessageLanguage;

  constructor(
    private readonly parents: ParentDirectory,
    config: AppConfig,
  ) {
    this.fallback = config.slice(notificationConfig).NOTIFICATION_DEFAULT_LANGUAGE;
  }

  /** The language of a contact already read. */
  from(contact: ParentContact | null): MessageLanguage {
    return messageLanguage(contact?.language, this.fallback);
  }

  /** Reads the parent's contact from identity now; throws `IdentityUnavailableError` when identity cannot say. */
  async of(parentUserId: string): Promise<MessageLanguage> {
    return this.from(await this.parents.contactOf(parentUserId));
  }
}
