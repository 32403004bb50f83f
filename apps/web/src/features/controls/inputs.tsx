'use client';

import { useTranslations } from 'next-intl';
import { type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';

function ErrorText({ id, code }: { id: string; code?: string }) {
  const t = useTranslations('errors');
  if (!code) return null;
  return (
    <p id={id} className="field-error" data-code={code}>
      {t.has(code) ? t(code) : t('validation_failed')}
    </p>
  );
}

/** A labelled `<select>` with its translated error. */
export function SelectField({
  label,
  error,
  options,
  ...select
}: { label: string; error?: string; options: { value: string; label: string }[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={`${id}-error`} code={error} />
    </div>
  );
}

/** A labelled `<textarea>` with a hint and its translated error. */
export function TextAreaField({
  label,
  error,
  hint,
  ...area
}: { label: string; error?: string; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} aria-invalid={error ? true : undefined} aria-describedby={described} {...area} />
      {hint ? (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      ) : null}
      <ErrorText id={`${id}-error`} code={error} />
    </div>
  );
}
