'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { unwrap } from '@/api/api-error';
import { useApi } from '@/api/api-provider';
import { Empty, QueryState } from '@/components/states';
import { RequireParent } from '@/components/require-parent';
import { Link } from '@/i18n/navigation';
import { ChildCard } from './child-card';
import { SubscriptionSummary } from './subscription-summary';
import { WatchChart } from './watch-chart';

function Dashboard({ parentUserId }: { parentUserId: string }) {
  const t = useTranslations('dashboard');
  const api = useApi();
  const dashboard = useQuery({
    queryKey: ['dashboard', parentUserId],
    queryFn: () => unwrap(api.parent.GET('/v1/parents/dashboard', { params: { query: { parent_user_id: parentUserId } } })),
  });
  const profiles = useQuery({
    queryKey: ['profiles', parentUserId],
    queryFn: () => unwrap(api.parent.GET('/v1/children/profiles', { params: { query: { parent_user_id: parentUserId } } })),
  });
  const queries = useQueryClient();
  const refresh = () => void queries.invalidateQueries();
  return (
    <>
      <div className="page-title">
        <h1 {...{ elementtiming: 'dashboard-title' }}>{t('title')}</h1>
        <button type="button" className="secondary" onClick={refresh} disabled={dashboard.isFetching}>
          {t('refresh')}
        </button>
      </div>
      <section aria-labelledby="children-title">
        <h2 id="children-title">{t('children')}</h2>
        <QueryState query={profiles}>
          {({ profiles: list }) =>
            list.length === 0 ? (
              <Empty message={t('noChildren')}>
                <Link href="/dashboard/children/new" className="button">
                  {t('addChild')}
                </Link>
              </Empty>
            ) : (
              <>
                <div className="cards">
                  {list.map((p) => (
                    <ChildCard
                      key={p.child_profile_id}
                      profile={p}
                      week={dashboard.data?.children.find((c) => c.child_profile_id === p.child_profile_id)}
                    />
                  ))}
                </div>
                <p className="actions">
                  <Link href="/dashboard/children/new">{t('addChild')}</Link>
                  <Link href="/dashboard/pin">{t('setPin')}</Link>
                </p>
              </>
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="week-title">
        <h2 id="week-title">{t('week')}</h2>
        <QueryState query={dashboard}>
          {(d) =>
            d.children.length === 0 ? (
              <Empty message={t('noWatching')} />
            ) : (
              <>
                <WatchChart children={d.children} />
                <h3>{t('learning')}</h3>
                <ul className="learning" data-testid="learning-events">
                  {d.children.map((c) => (
                    <li key={c.child_profile_id}>{t('learningLine', { name: c.display_name, count: c.weekly_learning_events })}</li>
                  ))}
                </ul>
              </>
            )
          }
        </QueryState>
      </section>
      <SubscriptionSummary parentUserId={parentUserId} />
    </>
  );
}

/** /dashboard: the family at a glance (signed-in parents). */
export function DashboardPage() {
  return <RequireParent>{(id) => <Dashboard parentUserId={id} />}</RequireParent>;
}
