'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ApiError, unwrap } from '@/api/api-error';
import { useApi } from '@/api/api-provider';
import { ApiErrorView } from '@/components/api-error-view';
import { RequireParent } from '@/components/require-parent';
import { Loading, QueryState } from '@/components/states';
import { Link } from '@/i18n/navigation';
import { ControlsForm } from './controls-form';

function ChildControls({ parentUserId, childProfileId }: { parentUserId: string; childProfileId: string }) {
  const t = useTranslations('dashboard');
  const api = useApi();
  const profiles = useQuery({
    queryKey: ['profiles', parentUserId],
    queryFn: () => unwrap(api.parent.GET('/v1/children/profiles', { params: { query: { parent_user_id: parentUserId } } })),
  });
  const controls = useQuery({
    queryKey: ['controls', childProfileId],
    queryFn: () =>
      unwrap(api.parent.GET('/v1/parents/controls/{child_profile_id}', { params: { path: { child_profile_id: childProfileId } } })),
  });
  const profile = profiles.data?.profiles.find((p) => p.child_profile_id === childProfileId);
  return (
    <section aria-labelledby="controls-title">
      <p>
        <Link href="/dashboard">{t('back')}</Link>
      </p>
      <h1 id="controls-title">{t('controls.title')}</h1>
      {profiles.error ? <ApiErrorView error={profiles.error} onRetry={() => void profiles.refetch()} /> : null}
      {profiles.isPending ? <Loading /> : null}
      {profiles.data && !profile ? <ApiErrorView error={new ApiError('child_profile_not_found', 404)} /> : null}
      {profile ? (
        <>
          <p className="lead">{profile.display_name}</p>
          <QueryState query={controls}>
            {(c) => <ControlsForm childProfileId={childProfileId} band={profile.age_band} initial={c.controls} />}
          </QueryState>
        </>
      ) : null}
    </section>
  );
}

/** /dashboard/children/[childId]: one child's controls. */
export function ControlsPage({ childProfileId }: { childProfileId: string }) {
  return <RequireParent>{(id) => <ChildControls parentUserId={id} childProfileId={childProfileId} />}</RequireParent>;
}
