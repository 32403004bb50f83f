'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { unwrap } from '@/api/api-error';
import { useApi } from '@/api/api-provider';
import { QueryState } from '@/components/states';
import { Link } from '@/i18n/navigation';

/** The subscription state on the dashboard: the entitlement (plan, active) and the current period. */
export function SubscriptionSummary({ parentUserId }: { parentUserId: string }) {
  const t = useTranslations('dashboard');
  const format = useFormatter();
  const api = useApi();
  const entitlement = useQuery({
    queryKey: ['entitlement', parentUserId],
    queryFn: () => unwrap(api.parent.GET('/v1/billing/entitlements', { params: { query: { parent_user_id: parentUserId } } })),
  });
  const subscriptions = useQuery({
    queryKey: ['subscriptions', parentUserId],
    queryFn: () => unwrap(api.parent.GET('/v1/billing/subscriptions', { params: { query: { parent_user_id: parentUserId } } })),
  });
  return (
    <section aria-labelledby="subscription-title" className="card">
      <h2 id="subscription-title">{t('subscription.title')}</h2>
      <QueryState query={entitlement}>
        {(e) => <p data-testid="entitlement">{t('subscription.state', { plan: t(`plans.${e.plan}`), active: e.active ? 'yes' : 'no' })}</p>}
      </QueryState>
      {subscriptions.data?.subscriptions[0] ? (
        <p className="muted">
          {t('subscription.until', {
            date: format.dateTime(new Date(subscriptions.data.subscriptions[0].current_period_end), { dateStyle: 'medium' }),
          })}
        </p>
      ) : null}
      <Link href="/dashboard/subscription" className="button secondary">
        {t('subscription.manage')}
      </Link>
    </section>
  );
}
