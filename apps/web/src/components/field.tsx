'use client';

import { useTranslations } from 'next-intl';
import { type InputHTMLAttributes, useId } from 'react';

/** A labelled input whose error (an API error code) is shown translated and wired with aria-invalid/aria-describedby. */
export function Field({
  label,
  error,
  hint,
  ...input
}: { label: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const t = useTranslations('errors');
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {hint ? (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" data-code={error}>
          {t.has(error) ? t(error) : t('validation_failed')}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled checkbox. */
export function Checkbox({ label, error, ...input }: { label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const t = useTranslations('errors');
  const id = useId();
  return (
    <div className="field">
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...input}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error" data-code={error}>
          {t.has(error) ? t(error) : t('validation_failed')}
        </p>
      ) : null}
    </div>
  );
}
