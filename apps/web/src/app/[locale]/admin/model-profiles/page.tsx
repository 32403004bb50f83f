'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { unwrap } from '@/api/api-error';
import { QueryState } from '@/components/states';
import { AdminShell } from '@/components/admin/admin-shell';
import { useAdminApi } from '@/components/admin/admin-session';
import { ModelProfileForm } from '@/components/admin/model-profile-form';

/** The model profile the generation uses (`nim-default`, which exists before any PUT). */
const PROFILE_ID = 'nim-default';

/** Model profiles: read and save `nim-default` (GET/PUT `/v1/admin/model-profiles/{id}`). */
export default function AdminModelProfilesPage() {
  const t = useTranslations('admin');
  return (
    <AdminShell title={t('modelProfile.heading')}>
      <Profile />
    </AdminShell>
  );
}

function Profile() {
  const api = useAdminApi();
  const profile = useQuery({
    queryKey: ['admin', 'model-profile', PROFILE_ID],
    queryFn: () => unwrap(api.GET('/v1/admin/model-profiles/{id}', { params: { path: { id: PROFILE_ID } } })),
  });
  return <QueryState query={profile}>{(p) => <ModelProfileForm key={JSON.stringify(p)} profile={p} />}</QueryState>;
}
