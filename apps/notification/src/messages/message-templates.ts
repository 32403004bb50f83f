import type { SubscriptionChangedPayload } from '@mikasmissions/contracts-events';

/** A message's words, before an address is known. */
export interface MessageText {
  subject: string;
  body: string;
}

/** At most this many titles are listed; the rest are counted. */
const MAX_TITLES = 20;

/**
 * The daily digest: the new episodes' titles, nothing about the child (no name, no id, no band).
 *
 * @example
 * digestMessage('2026-12-01', ['Counting stars', 'Ocean friends']).subject // 'New on MikasMissions: 2 episodes'
 */
export function digestMessage(localDay: string, titles: readonly string[]): MessageText {
  const listed = titles.slice(0, MAX_TITLES).map((t) => `- ${t}`);
  if (titles.length > MAX_TITLES) listed.push(`…and ${titles.length - MAX_TITLES} more`);
  const count = titles.length === 1 ? '1 episode' : `${titles.length} episodes`;
  return {
    subject: `New on MikasMissions: ${count}`,
    body: [
      `New episodes for your family on ${localDay}:`,
      ...listed,
      '',
      'Change what we send you in the app under notification settings.',
    ].join('\n'),
  };
}

/** A receipt for a subscription change. */
export function receiptMessage(change: SubscriptionChangedPayload): MessageText {
  const until = change.activeUntil ? ` until ${change.activeUntil.slice(0, 10)}` : '';
  const body =
    change.status === 'canceled'
      ? `Your ${change.plan} subscription is cancelled. It stays active${until} and will not renew.`
      : change.status === 'past_due'
        ? `We could not renew your ${change.plan} subscription. Please check your payment details.`
        : `Your ${change.plan} subscription is active${until}.`;
  const ref = change.subscriptionId ? `\nReference: ${change.subscriptionId}` : '';
  return { subject: `Your MikasMissions subscription: ${change.plan} (${change.status})`, body: `${body}${ref}` };
}

/** The welcome after verified consent. */
export function welcomeMessage(): MessageText {
  return {
    subject: 'Welcome to MikasMissions',
    body: 'Thank you for verifying your consent. You can now create child profiles and set parental controls in the app.',
  };
}
