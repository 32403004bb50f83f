'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ApiErrorView } from './api-error-view';

/** The loading state (announced politely to screen readers). */
export function Loading({ label }: { label?: string }) {
  const t = useTranslations('common');
  return (
    <div role="status" aria-live="polite" className="state state-loading" data-testid="loading-state">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('states.loading')}
    </div>
  );
}

/** The empty state: nothing to show yet, with an optional next step. */
export function Empty({ message, children }: { message: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" data-testid="empty-state">
      <p>{message}</p>
      {children}
    </div>
  );
}

/** A query's three states in one place: loading, error (translated by code), or the content. */
export function QueryState<T>({
  query,
  children,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.error) return <ApiErrorView error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
}
