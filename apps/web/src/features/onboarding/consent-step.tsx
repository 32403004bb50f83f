'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { unwrap } from '@/api/api-error';
import { useApi } from '@/api/api-provider';
import { ApiErrorView } from '@/components/api-error-view';
import { Field } from '@/components/field';
import { useRouter } from '@/i18n/navigation';

/** Onboarding step 2: verifiable consent by email code (`email_plus`): request the code, then answer it. */
export function ConsentStep({ parentUserId }: { parentUserId: string }) {
  const t = useTranslations('onboarding');
  const api = useApi();
  const router = useRouter();
  const [requestId, setRequestId] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setFailure(null);
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const sendCode = () =>
    run(async () => {
      const sent = await unwrap(
        api.parent.POST('/v1/parents/consent/request', { body: { parent_user_id: parentUserId, method: 'email_plus' } }),
      );
      setRequestId(sent.consent_request_id);
    });

  function verify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    if (!/^[0-9A-Za-z]{1,64}$/.test(code)) {
      setCodeError('invalid_consent_challenge');
      return;
    }
    setCodeError(undefined);
    void run(async () => {
      await unwrap(
        api.anonymous.POST('/v1/parents/consent/verify', {
          body: { parent_user_id: parentUserId, method: 'email_plus', challenge: code, consent_request_id: requestId ?? undefined },
        }),
      );
      router.push('/onboarding/child');
    });
  }

  return (
    <section aria-labelledby="consent-title">
      <p className="muted">{t('step', { step: 2, total: 4 })}</p>
      <h1 id="consent-title">{t('consent.title')}</h1>
      <p>{t('consent.lead')}</p>
      {failure ? <ApiErrorView error={failure} /> : null}
      {requestId === null ? (
        <button type="button" onClick={() => void sendCode()} disabled={busy}>
          {busy ? t('busy') : t('consent.send')}
        </button>
      ) : (
        <form className="stack" onSubmit={verify} noValidate>
          <p role="status">{t('consent.sent')}</p>
          <Field
            label={t('consent.code')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            maxLength={64}
            error={codeError}
          />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? t('busy') : t('consent.verify')}
            </button>
            <button type="button" className="secondary" onClick={() => void sendCode()} disabled={busy}>
              {t('consent.resend')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
