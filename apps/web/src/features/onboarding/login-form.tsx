'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { unwrap } from '@/api/api-error';
import { useApi } from '@/api/api-provider';
import { sessionStore } from '@/api/session-store';
import { ApiErrorView } from '@/components/api-error-view';
import { Field } from '@/components/field';
import { Link, useRouter } from '@/i18n/navigation';
import { fieldErrors, loginSchema } from './signup-rules';

/** Parent login (POST /v1/parents/login): the tokens go to the in-memory session store, then the dashboard. */
export function LoginForm() {
  const t = useTranslations('onboarding');
  const api = useApi();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: String(form.get('email') ?? '').trim(), password: String(form.get('password') ?? '') };
    const found = fieldErrors(loginSchema, input);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const login = await unwrap(api.anonymous.POST('/v1/parents/login', { body: input }));
      sessionStore.setTokens(
        'parent',
        { accessToken: login.access_token, refreshToken: login.refresh_token, expiresIn: login.expires_in },
        { parentUserId: login.parent_user_id },
      );
      router.push('/dashboard');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      {failure ? <ApiErrorView error={failure} /> : null}
      <form className="stack" onSubmit={submit} noValidate>
        <Field label={t('signup.email')} name="email" type="email" autoComplete="email" required error={errors.email} />
        <Field
          label={t('signup.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <button type="submit" disabled={busy}>
          {busy ? t('busy') : t('login.submit')}
        </button>
      </form>
      <p>
        {t('login.noAccount')} <Link href="/signup">{t('signup.title')}</Link>
      </p>
    </section>
  );
}
