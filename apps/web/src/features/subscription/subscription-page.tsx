'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { unwrap } from '@/api/api-error';
import { useApi } from '@/api/api-provider';
import { ApiErrorView } from '@/components/api-error-view';
import { RequireParent } from '@/components/require-parent';
import { Empty, QueryState } from '@/components/states';
import { Link } from '@/i18n/navigation';

const PLANS = ['family_monthly', 'family_yearly'] as const;

function Subscription({ parentUserId }: { parentUserId: string }) {
  const t = useTranslations('dashboard');
  const format = useFormatter();
  const api = useApi();
  const queries = useQueryClient();
  const key = ['subscriptions', parentUserId];
  // one Idempotency-Key per chosen plan and page visit: a retry never charges twice
  const [attempt] = useState(() => crypto.randomUUID());
  const list = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.parent.GET('/v1/billing/subscriptions', { params: { query: { parent_user_id: parentUserId } } })),
  });
  const settle = () => {
    void queries.invalidateQueries({ queryKey: key });
    void queries.invalidateQueries({ queryKey: ['entitlement', parentUserId] });
  };
  const choose = useMutation({
    mutationFn: (plan: (typeof PLANS)[number]) =>
      unwrap(
        api.parent.POST('/v1/billing/subscriptions', {
          params: { header: { 'Idempotency-Key': `${attempt}:${plan}` } },
          body: { plan, parent_user_id: parentUserId },
        }),
      ),
    onSuccess: settle,
  });
  const cancel = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.parent.DELETE('/v1/billing/subscriptions/{subscription_id}', { params: { path: { subscription_id: id } } })),
    onSuccess: settle,
  });
  return (
    <section aria-labelledby="plans-title">
      <p>
        <Link href="/dashboard">{t('back')}</Link>
      </p>
      <h1 id="plans-title">{t('subscription.title')}</h1>
      <h2>{t('subscription.current')}</h2>
      <QueryState query={list}>
        {({ subscriptions }) =>
          subscriptions.length === 0 ? (
            <Empty message={t('subscription.none')} />
          ) : (
            <ul className="cards plain" data-testid="subscriptions">
              {subscriptions.map((s) => (
                <li key={s.subscription_id} className="card" data-status={s.status}>
                  <p>
                    <strong>{t(`plans.${s.plan}`)}</strong> — {t(`subscription.status.${s.status}`)}
                  </p>
                  <p className="muted">
                    {t('subscription.until', { date: format.dateTime(new Date(s.current_period_end), { dateStyle: 'medium' }) })}
                  </p>
                  {s.cancel_at_period_end ? <p data-testid="cancelled">{t('subscription.cancelled')}</p> : null}
                  {s.status === 'active' && !s.cancel_at_period_end && s.plan !== 'trial' ? (
                    <button type="button" className="danger" onClick={() => cancel.mutate(s.subscription_id)} disabled={cancel.isPending}>
                      {t('subscription.cancel')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {cancel.error ? <ApiErrorView error={cancel.error} /> : null}
      <h2>{t('subscription.choose')}</h2>
      <div className="cards">
        {PLANS.map((plan) => (
          <div key={plan} className="card">
            <h3>{t(`plans.${plan}`)}</h3>
            <p>{t(`planInfo.${plan}`)}</p>
            <button type="button" onClick={() => choose.mutate(plan)} disabled={choose.isPending}>
              {t('subscription.select', { plan: t(`plans.${plan}`) })}
            </button>
          </div>
        ))}
      </div>
      {choose.error ? <ApiErrorView error={choose.error} /> : null}
      {choose.isSuccess ? (
        <p role="status" data-testid="subscribed">
          {t('subscription.done')}
        </p>
      ) : null}
    </section>
  );
}

/** /dashboard/subscription: the plans, the current subscription, cancelling. */
export function SubscriptionPage() {
  return <RequireParent>{(id) => <Subscription parentUserId={id} />}</RequireParent>;
}
