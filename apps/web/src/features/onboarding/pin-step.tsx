'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { unwrap } from '@/api/api-error';
import { useApi } from '@/api/api-provider';
import { ApiErrorView } from '@/components/api-error-view';
import { Field } from '@/components/field';
import { Link, useRouter } from '@/i18n/navigation';
import { fieldErrors, pinSchema } from './signup-rules';

/** Onboarding step 4 (and the dashboard's "parent PIN"): the PIN of the parent gate, confirmed with the password. */
export function PinStep({ next = '/dashboard', step = true }: { next?: string; step?: boolean }) {
  const t = useTranslations('onboarding');
  const api = useApi();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { password: String(form.get('password') ?? ''), pin: String(form.get('pin') ?? '').trim() };
    const found = fieldErrors(pinSchema, input);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await unwrap(api.parent.PUT('/v1/parents/pin', { body: input }));
      router.push(next);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="pin-title">
      {step ? <p className="muted">{t('step', { step: 4, total: 4 })}</p> : null}
      <h1 id="pin-title">{t('pin.title')}</h1>
      <p>{t('pin.lead')}</p>
      {failure ? <ApiErrorView error={failure} /> : null}
      <form className="stack" onSubmit={submit} noValidate>
        <Field
          label={t('pin.pin')}
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          required
          minLength={4}
          maxLength={6}
          hint={t('pin.pinHint')}
          error={errors.pin}
        />
        <Field label={t('pin.password')} name="password" type="password" autoComplete="current-password" required error={errors.password} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t('busy') : t('pin.submit')}
          </button>
          {step ? (
            <Link href={next} className="button secondary">
              {t('pin.later')}
            </Link>
          ) : null}
        </div>
      </form>
    </section>
  );
}
