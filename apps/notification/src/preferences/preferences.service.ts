import { Injectable } from '@nestjs/common';
import type { Schema } from '@mikasmissions/contracts-api';
import { RequestContext } from '@mikasmissions/context';
import { isValidTimeZone } from '@mikasmissions/family-rules';
import { MissingIdentityError } from '@mikasmissions/service-identity';
import { ParentDirectory } from '../recipients/parent-directory';
import { ParentNotFoundError } from '../recipients/recipient.errors';
import type { UpdatePreferencesDto } from './dto/update-preferences.dto';
import { timezoneOf, wants, type StoredPreferences } from './notification-preferences';
import { InvalidTimezoneError } from './preferences.errors';
import { PreferencesRepository } from './preferences.repository';

type PreferencesView = Schema<'NotificationPreferences'>;

/**
 * The calling parent's preferences: stored choices over the defaults, `digest` defaulting to the
 * signup's `marketing` consent (read from identity on every answer, 503 `identity_unavailable`
 * when it cannot be read; 404 `parent_not_found` when identity knows no such parent).
 */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly preferences: PreferencesRepository,
    private readonly parents: ParentDirectory,
    private readonly ctx: RequestContext,
  ) {}

  async get(): Promise<PreferencesView> {
    const parentUserId = this.caller();
    const marketing = await this.marketingOf(parentUserId);
    return view(parentUserId, await this.preferences.find(this.ctx.tenantId, parentUserId), marketing);
  }

  async update(dto: UpdatePreferencesDto): Promise<PreferencesView> {
    const parentUserId = this.caller();
    if (dto.timezone !== undefined && !isValidTimeZone(dto.timezone)) throw new InvalidTimezoneError();
    const marketing = await this.marketingOf(parentUserId);
    return view(parentUserId, await this.preferences.update(this.ctx.tenantId, parentUserId, dto), marketing);
  }

  private caller(): string {
    const parentUserId = this.ctx.principal?.role === 'parent' ? this.ctx.principal.parentUserId : undefined;
    if (!parentUserId) throw new MissingIdentityError();
    return parentUserId;
  }

  private async marketingOf(parentUserId: string): Promise<boolean> {
    const contact = await this.parents.contactOf(parentUserId);
    if (!contact) throw new ParentNotFoundError();
    return contact.marketing;
  }
}

function view(parentUserId: string, stored: StoredPreferences | null, marketing: boolean): PreferencesView {
  return {
    parent_user_id: parentUserId,
    digest: wants(stored, 'digest', marketing),
    receipts: wants(stored, 'receipts', marketing),
    welcome: wants(stored, 'welcome', marketing),
    timezone: timezoneOf(stored),
    marketing,
    updated_at: stored?.updatedAt ?? null,
  };
}
