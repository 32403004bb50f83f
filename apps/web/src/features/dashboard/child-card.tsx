'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Schema } from '@mikasmissions/contracts-api';
import { unwrap } from '@/api/api-error';
import { useApi } from '@/api/api-provider';
import { ApiErrorView } from '@/components/api-error-view';
import { ParentGate } from '@/features/gate/parent-gate';
import { useEnterKidsMode } from '@/features/gate/use-enter-kids-mode';
import { Link } from '@/i18n/navigation';
import { minutesSeconds } from './format';

/** One child on the dashboard: the week's figures, controls, kids mode through the gate, ending kids sessions. */
export function ChildCard({ profile, week }: { profile: Schema<'ChildProfile'>; week?: Schema<'DashboardChild'> }) {
  const t = useTranslations('dashboard');
  const onboarding = useTranslations('onboarding');
  const api = useApi();
  const enter = useEnterKidsMode();
  const [gate, setGate] = useState(false);
  const revoke = useMutation({
    mutationFn: () =>
      unwrap(
        api.parent.DELETE('/v1/children/profiles/{child_profile_id}/session', {
          params: { path: { child_profile_id: profile.child_profile_id } },
        }),
      ),
  });
  const watched = minutesSeconds(week?.weekly_watch_ms ?? 0);
  return (
    <article
      className="card child-card"
      data-testid={`child-${profile.child_profile_id}`}
      aria-labelledby={`child-${profile.child_profile_id}-name`}
    >
      <h3 id={`child-${profile.child_profile_id}-name`} {...{ elementtiming: 'dashboard-child' }}>
        <span aria-hidden="true">{onboarding(`avatars.${profile.avatar}.emoji`)} </span>
        {profile.display_name}
      </h3>
      <p className="muted">{onboarding(`bands.${profile.age_band}`)}</p>
      <dl className="figures">
        <div>
          <dt>{t('child.watchTime')}</dt>
          <dd data-testid="weekly-watch">{t('watchTime', watched)}</dd>
        </div>
        <div>
          <dt>{t('child.learningEvents')}</dt>
          <dd data-testid="weekly-learning">{week?.weekly_learning_events ?? 0}</dd>
        </div>
      </dl>
      <div className="actions">
        <button type="button" onClick={() => setGate(true)}>
          {t('child.kidsMode')}
        </button>
        <Link href={`/dashboard/children/${profile.child_profile_id}`} className="button secondary">
          {t('child.controls')}
        </Link>
        <button type="button" className="secondary" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
          {t('child.revoke')}
        </button>
      </div>
      {revoke.error ? <ApiErrorView error={revoke.error} /> : null}
      {revoke.data ? (
        <p role="status" data-testid="revoked">
          {t('child.revoked', { count: revoke.data.revoked })}
        </p>
      ) : null}
      {gate ? (
        <ParentGate
          childProfileId={profile.child_profile_id}
          title={t('child.gateTitle', { name: profile.display_name })}
          onClose={() => setGate(false)}
          onPassed={(token) =>
            enter({ childProfileId: profile.child_profile_id, ageBand: profile.age_band, displayName: profile.display_name }, token)
          }
        />
      ) : null}
    </article>
  );
}
