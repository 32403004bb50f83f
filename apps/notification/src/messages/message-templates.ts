import type { SubscriptionChangedPayload } from '@mikasmissions/contracts-events';
import { message, type MessageLanguage } from './message-catalogue';

/** A message's words, before an address is known. */
export interface MessageText {
  subject: string;
  body: string;
}

/** At most this many titles are listed; the rest are counted. */
const MAX_TITLES = 20;

/** `2026-12-01` (or an ISO timestamp) as the UTC midnight the catalogue's `date, long` shows as that day. */
const dayOf = (isoDay: string): Date => new Date(`${isoDay.slice(0, 10)}T00:00:00.000Z`);

/**
 * The daily digest in the parent's language: the new episodes' titles (an untitled one as
 * "a new episode"), nothing about the child (no name, no id, no band).
 *
 * @example
 * digestMessage('de', '2026-12-01', ['Counting stars', 'Ocean friends']).subject // 'Neu bei MikasMissions: 2 Folgen'
 */
export function digestMessage(language: MessageLanguage, localDay: string, titles: readonly string[]): MessageText {
  const listed = titles.slice(0, MAX_TITLES).map((t) => `- ${t.trim() || message(language, 'digestUntitled')}`);
  if (titles.length > MAX_TITLES) listed.push(message(language, 'digestMore', { count: titles.length - MAX_TITLES }));
  return {
    subject: message(language, 'digestSubject', { count: titles.length }),
    body: [message(language, 'digestIntro', { day: dayOf(localDay) }), ...listed, '', message(language, 'digestFooter')].join('\n'),
  };
}

/** A receipt for a subscription change, in the parent's language. */
export function receiptMessage(language: MessageLanguage, change: SubscriptionChangedPayload): MessageText {
  const until = Boolean(change.activeUntil);
  const values = { plan: change.plan, ...(change.activeUntil ? { until: dayOf(change.activeUntil) } : {}) };
  const body =
    change.status === 'canceled'
      ? message(language, until ? 'receiptCanceledUntil' : 'receiptCanceled', values)
      : change.status === 'past_due'
        ? message(language, 'receiptPastDue', values)
        : message(language, until ? 'receiptActiveUntil' : 'receiptActive', values);
  const ref = change.subscriptionId ? `\n${message(language, 'receiptReference', { reference: change.subscriptionId })}` : '';
  return { subject: message(language, 'receiptSubject', { plan: change.plan, status: change.status }), body: `${body}${ref}` };
}

/** The welcome after verified consent, in the parent's language. */
export function welcomeMessage(language: MessageLanguage): MessageText {
  return { subject: message(language, 'welcomeSubject'), body: message(language, 'welcomeBody') };
}
