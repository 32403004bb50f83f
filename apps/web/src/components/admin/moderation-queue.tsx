'use client';

import type { Schema } from '@mikasmissions/contracts-api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { unwrap } from '@/api/api-error';
import { ApiErrorView } from '@/components/api-error-view';
import { Empty, QueryState } from '@/components/states';
import { useAdminApi } from './admin-session';

type Item = Schema<'ModerationQueueItem'>;

/** The reasons an admin picks from when rejecting (snake_case, as the contract wants; the creator sees the code). */
export const REJECT_REASONS = ['not_suitable_for_age', 'frightening_content', 'poor_quality', 'wrong_information', 'other'] as const;

/** The rules the page names in words; any other rule is shown as its code. */
const KNOWN_RULES = [
  'age_band_missing',
  'age_band_not_allowed',
  'blocked_tag',
  'blocked_term',
  'flagged_term',
  'language_unreviewed',
  'duration_out_of_bounds',
  'creator_trust',
  'review_required',
];

/** The query key of the review queue. */
export const MODERATION_QUEUE_KEY = ['admin', 'moderation', 'queue'] as const;

/** The review queue (`GET /v1/admin/moderation/queue`, oldest first), each item with approve and reject. */
export function ModerationQueue() {
  const t = useTranslations('admin');
  const api = useAdminApi();
  const [decided, setDecided] = useState<Item | null>(null);
  const queue = useQuery({
    queryKey: MODERATION_QUEUE_KEY,
    queryFn: () => unwrap(api.GET('/v1/admin/moderation/queue', { params: { query: { limit: 50 } } })),
  });
  return (
    <>
      <p role="status" aria-live="polite" data-testid="moderation-decided" data-status={decided?.status}>
        {decided ? t(`moderation.decided.${decided.status === 'approved' ? 'approved' : 'rejected'}`, { title: titleOf(decided) }) : null}
      </p>
      <QueryState query={queue}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty message={t('moderation.empty')} />
          ) : (
            <ul className="cards" data-testid="moderation-list" aria-label={t('moderation.listLabel')}>
              {items.map((item) => (
                <QueueItem key={item.asset_id} item={item} onDecided={setDecided} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

const titleOf = (item: Item) => item.title || item.episode_id;

function QueueItem({ item, onDecided }: { item: Item; onDecided: (item: Item) => void }) {
  const t = useTranslations('admin');
  const format = useFormatter();
  const api = useAdminApi();
  const queries = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const path = { asset_id: item.asset_id };
  const done = async (answer: Item) => {
    onDecided(answer);
    await queries.invalidateQueries({ queryKey: MODERATION_QUEUE_KEY });
  };
  const approve = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/admin/moderation/queue/{asset_id}/approve', { params: { path }, body: {} })),
    onSuccess: done,
  });
  const reject = useMutation({
    mutationFn: (body: Schema<'ModerationRejectRequest'>) =>
      unwrap(api.POST('/v1/admin/moderation/queue/{asset_id}/reject', { params: { path }, body })),
    onSuccess: done,
  });
  const rule = (name: string | null) => (name && KNOWN_RULES.includes(name) ? t(`moderation.rules.${name}`) : (name ?? '—'));
  const headingId = `mod-${item.asset_id}`;
  return (
    <li className="card" data-testid="moderation-item" data-asset-id={item.asset_id} aria-labelledby={headingId}>
      <h2 id={headingId}>{titleOf(item)}</h2>
      <dl className="facts">
        <dt>{t('moderation.creator')}</dt>
        <dd data-testid="moderation-creator">
          {item.creator_id} · {t(`moderation.trust.${item.creator_trust}`)}
        </dd>
        <dt>{t('moderation.reason')}</dt>
        <dd data-testid="moderation-reason" data-reason={item.reason ?? ''}>
          {rule(item.reason)}
        </dd>
        <dt>{t('moderation.queuedAt')}</dt>
        <dd>
          <time dateTime={item.queued_at}>{format.dateTime(new Date(item.queued_at), { dateStyle: 'medium', timeStyle: 'short' })}</time>
          {item.age_band ? ` · ${t(`workflow.ageBands.${item.age_band}`)}` : null} · {item.language}
        </dd>
      </dl>
      {item.summary ? <p>{item.summary}</p> : null}
      {rejecting ? (
        <RejectForm
          idPrefix={`reject-${item.asset_id}`}
          pending={reject.isPending}
          onSubmit={(body) => reject.mutate(body)}
          onCancel={() => setRejecting(false)}
        />
      ) : (
        <p className="actions">
          <button type="button" onClick={() => approve.mutate()} disabled={approve.isPending}>
            {t('moderation.approve')}
          </button>
          <button type="button" className="secondary" onClick={() => setRejecting(true)}>
            {t('moderation.reject')}
          </button>
        </p>
      )}
      {approve.error || reject.error ? <ApiErrorView error={approve.error ?? reject.error} /> : null}
    </li>
  );
}

function RejectForm({
  idPrefix,
  pending,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  pending: boolean;
  onSubmit: (body: Schema<'ModerationRejectRequest'>) => void;
  onCancel: () => void;
}) {
  const t = useTranslations('admin');
  const [reason, setReason] = useState<string>(REJECT_REASONS[0]);
  const [message, setMessage] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = message.trim();
    onSubmit(text ? { reason, message: text } : { reason });
  };
  return (
    <form onSubmit={submit} className="stack" aria-label={t('moderation.rejectForm')}>
      <div className="field">
        <label htmlFor={`${idPrefix}-reason`}>{t('moderation.rejectReason')}</label>
        <select id={`${idPrefix}-reason`} value={reason} onChange={(e) => setReason(e.target.value)}>
          {REJECT_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`moderation.rejectReasons.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-message`}>{t('moderation.rejectMessage')}</label>
        <textarea id={`${idPrefix}-message`} maxLength={500} rows={2} value={message} onChange={(e) => setMessage(e.target.value)} />
      </div>
      <p className="actions">
        <button type="submit" disabled={pending}>
          {t('moderation.rejectConfirm')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('moderation.cancel')}
        </button>
      </p>
    </form>
  );
}
