'use client';

import type { components } from '@mikasmissions/contracts-api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { unwrap } from '@/api/api-error';
import { ApiErrorView } from '@/components/api-error-view';
import { Empty, QueryState } from '@/components/states';
import { Link } from '@/i18n/navigation';
import { useAdminApi } from './admin-session';

type RunStatus = components['schemas']['RunStatus'];

/** The states a run does not leave by itself: polling stops there. */
export const FINAL_RUN_STATES: readonly RunStatus[] = ['published', 'failed', 'cancelled'];
const POLL_MS = 1_000;

/** The run's state and logs, polled every second until the run reaches a final state. */
export function RunView({ runId }: { runId: string }) {
  const t = useTranslations('admin');
  const format = useFormatter();
  const api = useAdminApi();
  const queries = useQueryClient();
  const path = { run_id: runId };
  const live = (status?: RunStatus) => (status && FINAL_RUN_STATES.includes(status) ? false : POLL_MS);
  const run = useQuery({
    queryKey: ['admin', 'run', runId],
    queryFn: () => unwrap(api.GET('/v1/admin/runs/{run_id}', { params: { path } })),
    refetchInterval: (q) => live(q.state.data?.status),
  });
  const logs = useQuery({
    queryKey: ['admin', 'run', runId, 'logs'],
    queryFn: () => unwrap(api.GET('/v1/admin/runs/{run_id}/logs', { params: { path } })),
    refetchInterval: () => live(run.data?.status),
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['admin', 'run', runId] });
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/admin/runs/{run_id}/cancel', { params: { path } })),
    onSuccess: refresh,
  });
  const retry = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/admin/runs/{run_id}/retry', { params: { path } })),
    onSuccess: refresh,
  });
  return (
    <>
      <p>
        <Link href="/admin/workflows">{t('run.back')}</Link>
      </p>
      <QueryState query={run}>
        {(r) => {
          const final = FINAL_RUN_STATES.includes(r.status);
          return (
            <section className="card" aria-labelledby="run-state">
              <h2 id="run-state">{t('run.state')}</h2>
              <p>
                <strong data-testid="run-status" data-status={r.status} aria-live="polite">
                  {t(`run.statuses.${r.status}`)}
                </strong>{' '}
                {final ? null : <span className="muted">{t('run.live')}</span>}
              </p>
              <p className="muted">
                {t('run.priority', { priority: t(`run.priorities.${r.priority}`) })} · {t('run.id', { id: r.run_id })}
              </p>
              {r.last_error ? <p data-testid="run-last-error">{t('run.lastError', { code: r.last_error })}</p> : null}
              <p className="actions">
                {final ? null : (
                  <button type="button" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
                    {t('run.cancel')}
                  </button>
                )}
                {r.status === 'failed' || r.status === 'cancelled' ? (
                  <button type="button" onClick={() => retry.mutate()} disabled={retry.isPending}>
                    {t('run.retry')}
                  </button>
                ) : null}
              </p>
              {cancel.error || retry.error ? <ApiErrorView error={cancel.error ?? retry.error} /> : null}
            </section>
          );
        }}
      </QueryState>
      <section aria-labelledby="run-logs">
        <h2 id="run-logs">{t('run.logs')}</h2>
        <QueryState query={logs}>
          {({ logs: entries }) =>
            entries.length === 0 ? (
              <Empty message={t('run.noLogs')} />
            ) : (
              <ol className="run-logs" data-testid="run-logs">
                {entries.map((entry, i) => (
                  <li key={`${entry.event_time}-${i}`}>
                    <time dateTime={entry.event_time}>{format.dateTime(new Date(entry.event_time), { timeStyle: 'medium' })}</time> ·{' '}
                    {entry.step} · {entry.status}
                    {entry.message ? <span className="muted"> — {entry.message}</span> : null}
                  </li>
                ))}
              </ol>
            )
          }
        </QueryState>
      </section>
    </>
  );
}
