import type { Messages } from './en';

/** The Spanish messages (see {@link en}). */
export const es: Messages = {
  digestSubject: 'Novedades en MikasMissions: {count, plural, one {# episodio} other {# episodios}}',
  digestIntro: 'Nuevos episodios para tu familia el {day, date, long}:',
  digestUntitled: 'Un episodio nuevo',
  digestMore: '…y {count} más',
  digestFooter: 'Cambia lo que te enviamos en la app, en los ajustes de notificaciones.',
  receiptSubject:
    'Tu suscripción a MikasMissions: {plan} ({status, select, active {activa} canceled {cancelada} past_due {pago pendiente} other {{status}}})',
  receiptActive: 'Tu suscripción {plan} está activa.',
  receiptActiveUntil: 'Tu suscripción {plan} está activa hasta el {until, date, long}.',
  receiptCanceled: 'Tu suscripción {plan} está cancelada y no se renovará.',
  receiptCanceledUntil: 'Tu suscripción {plan} está cancelada. Sigue activa hasta el {until, date, long} y no se renovará.',
  receiptPastDue: 'No pudimos renovar tu suscripción {plan}. Revisa tus datos de pago.',
  receiptReference: 'Referencia: {reference}',
  welcomeSubject: 'Te damos la bienvenida a MikasMissions',
  welcomeBody: 'Gracias por confirmar tu consentimiento. Ya puedes crear perfiles infantiles y configurar el control parental en la app.',
};
