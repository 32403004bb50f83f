import type { Messages } from './en';

/** The German messages (see {@link en}). */
export const de: Messages = {
  digestSubject: 'Neu bei MikasMissions: {count, plural, one {# Folge} other {# Folgen}}',
  digestIntro: 'Neue Folgen für deine Familie am {day, date, long}:',
  digestUntitled: 'Eine neue Folge',
  digestMore: '…und {count} weitere',
  digestFooter: 'Was wir dir schicken, änderst du in der App unter Benachrichtigungen.',
  receiptSubject:
    'Dein MikasMissions-Abo: {plan} ({status, select, active {aktiv} canceled {gekündigt} past_due {Zahlung offen} other {{status}}})',
  receiptActive: 'Dein Abo {plan} ist aktiv.',
  receiptActiveUntil: 'Dein Abo {plan} ist aktiv bis zum {until, date, long}.',
  receiptCanceled: 'Dein Abo {plan} ist gekündigt und verlängert sich nicht.',
  receiptCanceledUntil: 'Dein Abo {plan} ist gekündigt. Es bleibt bis zum {until, date, long} aktiv und verlängert sich nicht.',
  receiptPastDue: 'Wir konnten dein Abo {plan} nicht verlängern. Bitte prüfe deine Zahlungsdaten.',
  receiptReference: 'Referenz: {reference}',
  welcomeSubject: 'Willkommen bei MikasMissions',
  welcomeBody:
    'Danke, dass du deine Einwilligung bestätigt hast. Du kannst jetzt in der App Kinderprofile anlegen und die Kindersicherung einstellen.',
};
