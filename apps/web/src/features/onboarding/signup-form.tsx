'use client';

import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { unwrap } from '@/api/api-error';
import { useApi } from '@/api/api-provider';
import { sessionStore } from '@/api/session-store';
import { ApiErrorView } from '@/components/api-error-view';
import { Checkbox, Field } from '@/components/field';
import { useRouter } from '@/i18n/navigation';
import { fieldErrors, signupSchema } from './signup-rules';

const COUNTRY_BY_LOCALE: Record<string, string> = { de: 'DE', en: 'GB', es: 'ES' };

/** Onboarding step 1: the parent account (POST /v1/parents/signup, then a login for the consent step). */
export function SignupForm() {
  const t = useTranslations('onboarding');
  const locale = useLocale();
  const api = useApi();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      email: String(form.get('email') ?? '').trim(),
      password: String(form.get('password') ?? ''),
      country: String(form.get('country') ?? '')
        .trim()
        .toUpperCase(),
      accepted_terms: form.get('accepted_terms') === 'on',
      marketing: form.get('marketing') === 'on',
    };
    const found = fieldErrors(signupSchema, input);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await unwrap(api.anonymous.POST('/v1/parents/signup', { body: { ...input, language: locale } }));
      const login = await unwrap(api.anonymous.POST('/v1/parents/login', { body: { email: input.email, password: input.password } }));
      sessionStore.setTokens(
        'parent',
        { accessToken: login.access_token, refreshToken: login.refresh_token, expiresIn: login.expires_in },
        { parentUserId: login.parent_user_id },
      );
      router.push('/onboarding/consent');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="signup-title">
      <p className="muted">{t('step', { step: 1, total: 4 })}</p>
      <h1 id="signup-title">{t('signup.title')}</h1>
      <p>{t('signup.lead')}</p>
      {failure ? <ApiErrorView error={failure} /> : null}
      <form className="stack" onSubmit={submit} noValidate>
        <Field label={t('signup.email')} name="email" type="email" autoComplete="email" required error={errors.email} />
        <Field
          label={t('signup.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint={t('signup.passwordHint')}
          error={errors.password}
        />
        <Field
          label={t('signup.country')}
          name="country"
          autoComplete="country"
          required
          defaultValue={COUNTRY_BY_LOCALE[locale] ?? 'DE'}
          maxLength={2}
          hint={t('signup.countryHint')}
          error={errors.country}
        />
        <Checkbox label={t('signup.terms')} name="accepted_terms" error={errors.accepted_terms} />
        <Checkbox label={t('signup.marketing')} name="marketing" />
        <button type="submit" disabled={busy}>
          {busy ? t('busy') : t('signup.submit')}
        </button>
      </form>
    </section>
  );
}
