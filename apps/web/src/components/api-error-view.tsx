'use client';

import { useTranslations } from 'next-intl';
import { ApiError } from '@/api/api-error';

/**
 * The error state: the failure's `code` in the reader's language (the `errors` namespace),
 * never the raw body; an unknown code gets the generic text. With `onRetry`, a retry button.
 */
export function ApiErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useTranslations('errors');
  const common = useTranslations('common');
  const failure = ApiError.from(error);
  const text = t.has(failure.code) ? t(failure.code) : t('unknown_error');
  return (
    <div role="alert" className="state state-error" data-testid="error-state" data-code={failure.code}>
      <p className="state-title">{common('states.errorTitle')}</p>
      <p>{text}</p>
      {failure.requestId ? <p className="muted">{common('states.requestId', { id: failure.requestId })}</p> : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {common('actions.retry')}
        </button>
      ) : null}
    </div>
  );
}
