/**
 * The English messages (ICU MessageFormat, rendered by intl-messageformat). Dates are `date, long`
 * in UTC. No message has a placeholder for anything about a child.
 */
export const en = {
  digestSubject: 'New on MikasMissions: {count, plural, one {# episode} other {# episodes}}',
  digestIntro: 'New episodes for your family on {day, date, long}:',
  digestUntitled: 'A new episode',
  digestMore: '…and {count} more',
  digestFooter: 'Change what we send you in the app under notification settings.',
  receiptSubject:
    'Your MikasMissions subscription: {plan} ({status, select, active {active} canceled {cancelled} past_due {payment due} other {{status}}})',
  receiptActive: 'Your {plan} subscription is active.',
  receiptActiveUntil: 'Your {plan} subscription is active until {until, date, long}.',
  receiptCanceled: 'Your {plan} subscription is cancelled and will not renew.',
  receiptCanceledUntil: 'Your {plan} subscription is cancelled. It stays active until {until, date, long} and will not renew.',
  receiptPastDue: 'We could not renew your {plan} subscription. Please check your payment details.',
  receiptReference: 'Reference: {reference}',
  welcomeSubject: 'Welcome to MikasMissions',
  welcomeBody: 'Thank you for verifying your consent. You can now create child profiles and set parental controls in the app.',
} as const;

/** Every message key; each language has all of them (the type checks it). */
export type MessageKey = keyof typeof en;

/** One language's messages. */
export type Messages = Record<MessageKey, string>;
