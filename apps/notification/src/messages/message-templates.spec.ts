import { digestMessage, receiptMessage, welcomeMessage } from './message-templates';

describe('message templates', () => {
  it('lists the digest titles, counts the rest past 20, and names no child', () => {
    expect(digestMessage('2026-12-01', ['A'])).toEqual({
      subject: 'New on MikasMissions: 1 episode',
      body: 'New episodes for your family on 2026-12-01:\n- A\n\nChange what we send you in the app under notification settings.',
    });
    const many = digestMessage(
      '2026-12-01',
      Array.from({ length: 23 }, (_, i) => `T${i}`),
    );
    expect(many.subject).toBe('New on MikasMissions: 23 episodes');
    expect(many.body).toContain('- T19\n…and 3 more');
    expect(many.body).not.toContain('T20');
  });

  it('words a receipt per status', () => {
    expect(
      receiptMessage({
        parentId: 'p',
        plan: 'family_monthly',
        status: 'active',
        activeUntil: '2027-01-01T00:00:00Z',
        subscriptionId: 's1',
      }),
    ).toEqual({
      subject: 'Your MikasMissions subscription: family_monthly (active)',
      body: 'Your family_monthly subscription is active until 2027-01-01.\nReference: s1',
    });
    expect(receiptMessage({ parentId: 'p', plan: 'trial', status: 'canceled', activeUntil: '2027-01-01T00:00:00Z' }).body).toBe(
      'Your trial subscription is cancelled. It stays active until 2027-01-01 and will not renew.',
    );
    expect(receiptMessage({ parentId: 'p', plan: 'trial', status: 'past_due' }).body).toContain('could not renew');
    expect(welcomeMessage().subject).toBe('Welcome to MikasMissions');
  });
});
