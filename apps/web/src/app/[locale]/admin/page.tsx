'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { unwrap } from '@/api/api-error';
import { ApiErrorView } from '@/components/api-error-view';
import { AppShell } from '@/components/app-shell';
import { adminSessionStore, useAdminApi } from '@/components/admin/admin-session';
import { useRouter } from '@/i18n/navigation';

/** Admin login (`POST /v1/admin/login`): the token stays in memory, then on to the workflows. */
export default function AdminLoginPage() {
  const t = useTranslations('admin');
  const api = useAdminApi();
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/admin/login', { body: { email, password } })),
    onSuccess: (answer) => {
      adminSessionStore.set({
        accessToken: answer.access_token,
        adminUserId: answer.admin_user_id,
        expiresAt: Date.now() + answer.expires_in * 1000,
      });
      router.push('/admin/workflows');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  return (
    <AppShell>
      <h1>{t('login.heading')}</h1>
      <form onSubmit={submit} className="card" aria-labelledby="admin-login-heading">
        <p id="admin-login-heading" className="muted">
          {t('login.lead')}
        </p>
        <div className="field">
          <label htmlFor="admin-email">{t('login.email')}</label>
          <input id="admin-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="admin-password">{t('login.password')}</label>
          <input
            id="admin-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {login.error ? <ApiErrorView error={login.error} /> : null}
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? t('login.pending') : t('login.submit')}
        </button>
      </form>
    </AppShell>
  );
}
