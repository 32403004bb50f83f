/** The kinds of message notification sends; each can be opted out of. `digest` is marketing-kind. */
export type NotificationKind = 'digest' | 'receipts' | 'welcome';

/** Every {@link NotificationKind}. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = ['digest', 'receipts', 'welcome'];

/** A parent's stored preferences: `null` means "never set, use the default". */
export interface StoredPreferences {
  tenantId: string;
  parentUserId: string;
  digest: boolean | null;
  receipts: boolean | null;
  welcome: boolean | null;
  timezone: string | null;
  updatedAt: string;
}

/** What a parent changes; absent fields keep their value. */
export type PreferencesPatch = Partial<Pick<StoredPreferences, NotificationKind | 'timezone'>>;

/** The digest's timezone when a parent never set one. */
export const DEFAULT_TIMEZONE = 'UTC';

/**
 * Whether a parent wants `kind`: the stored choice, else the default — `digest` (marketing-kind)
 * follows the signup's `marketing` consent, receipts and welcome are on.
 */
export function wants(stored: StoredPreferences | null, kind: NotificationKind, marketing: boolean): boolean {
  const chosen = stored?.[kind];
  if (chosen !== null && chosen !== undefined) return chosen;
  return kind === 'digest' ? marketing : true;
}

/** The timezone whose local day groups the parent's digest. */
export const timezoneOf = (stored: StoredPreferences | null): string => stored?.timezone ?? DEFAULT_TIMEZONE;
