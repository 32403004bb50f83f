import { MESSAGE_LANGUAGES, messageLanguage } from './message-catalogue';
import { digestMessage, receiptMessage, welcomeMessage } from './message-templates';

describe('message templates', () => {
  it('lists the digest titles, counts the rest past 20, and names no child', () => {
    expect(digestMessage('en', '2026-12-01', ['A'])).toEqual({
      subject: 'New on MikasMissions: 1 episode',
      body: 'New episodes for your family on December 1, 2026:\n- A\n\nChange what we send you in the app under notification settings.',
    });
    const many = digestMessage(
      'en',
      '2026-12-01',
      Array.from({ length: 23 }, (_, i) => `T${i}`),
    );
    expect(many.subject).toBe('New on MikasMissions: 23 episodes');
    expect(many.body).toContain('- T19\n…and 3 more');
    expect(many.body).not.toContain('T20');
  });

  it('writes the digest in German and Spanish, with their plurals, dates and an untitled episode', () => {
    expect(digestMessage('de', '2026-12-01', ['Sterne zählen', ''])).toEqual({
      subject: 'Neu bei MikasMissions: 2 Folgen',
      body: 'Neue Folgen für deine Familie am 1. Dezember 2026:\n- Sterne zählen\n- Eine neue Folge\n\nWas wir dir schicken, änderst du in der App unter Benachrichtigungen.',
    });
    expect(digestMessage('de', '2026-12-01', ['A']).subject).toBe('Neu bei MikasMissions: 1 Folge');
    expect(digestMessage('es', '2026-12-31', ['A'])).toMatchObject({
      subject: 'Novedades en MikasMissions: 1 episodio',
      body: expect.stringContaining('Nuevos episodios para tu familia el 31 de diciembre de 2026:'),
    });
    expect(
      digestMessage(
        'es',
        '2026-12-01',
        Array.from({ length: 21 }, (_, i) => `T${i}`),
      ).body,
    ).toContain('…y 1 más');
  });

  it('words a receipt per status and language', () => {
    const active = {
      parentId: 'p',
      plan: 'family_monthly',
      status: 'active',
      activeUntil: '2027-01-01T00:00:00Z',
      subscriptionId: 's1',
    } as const;
    expect(receiptMessage('en', active)).toEqual({
      subject: 'Your MikasMissions subscription: family_monthly (active)',
      body: 'Your family_monthly subscription is active until January 1, 2027.\nReference: s1',
    });
    expect(receiptMessage('de', active)).toEqual({
      subject: 'Dein MikasMissions-Abo: family_monthly (aktiv)',
      body: 'Dein Abo family_monthly ist aktiv bis zum 1. Januar 2027.\nReferenz: s1',
    });
    expect(receiptMessage('es', { ...active, status: 'canceled' })).toEqual({
      subject: 'Tu suscripción a MikasMissions: family_monthly (cancelada)',
      body: 'Tu suscripción family_monthly está cancelada. Sigue activa hasta el 1 de enero de 2027 y no se renovará.\nReferencia: s1',
    });
    expect(receiptMessage('en', { parentId: 'p', plan: 'trial', status: 'canceled', activeUntil: '2027-01-01T00:00:00Z' }).body).toBe(
      'Your trial subscription is cancelled. It stays active until January 1, 2027 and will not renew.',
    );
    expect(receiptMessage('en', { parentId: 'p', plan: 'trial', status: 'active' }).body).toBe('Your trial subscription is active.');
    expect(receiptMessage('de', { parentId: 'p', plan: 'trial', status: 'past_due' }).body).toContain('nicht verlängern');
  });

  it('welcomes in every language, each with its own words', () => {
    expect(welcomeMessage('en').subject).toBe('Welcome to MikasMissions');
    expect(welcomeMessage('de').subject).toBe('Willkommen bei MikasMissions');
    expect(welcomeMessage('es').subject).toBe('Te damos la bienvenida a MikasMissions');
    expect(new Set(MESSAGE_LANGUAGES.map((l) => welcomeMessage(l).body)).size).toBe(3);
  });

  it('picks the language from a BCP 47 tag, else the fallback', () => {
    expect(messageLanguage('de-AT', 'en')).toBe('de');
    expect(messageLanguage('ES', 'en')).toBe('es');
    expect(messageLanguage('en-GB', 'de')).toBe('en');
    expect(messageLanguage('fr', 'de')).toBe('de');
    expect(messageLanguage(undefined, 'en')).toBe('en');
  });
});
