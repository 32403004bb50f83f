'use client';

import type { components } from '@mikasmissions/contracts-api';
import { useTranslations } from 'next-intl';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiErrorView } from '@/components/api-error-view';
import { fieldProblems } from './use-field-problems';

/** The body of `POST`/`PUT /v1/admin/workflows…`. */
export type WorkflowInput = components['schemas']['WorkflowInput'];

const SUITABILITY = ['early', 'core', 'teen'] as const;
const AGE_BANDS = ['3-5', '6-11', '12-16'] as const;

/** An empty workflow: the defaults a new one starts from. */
export const NEW_WORKFLOW: WorkflowInput = {
  name: '',
  description: '',
  content_suitability: 'early',
  age_band: '3-5',
  steps: ['script', 'render'],
  model_profile_id: 'nim-default',
  safety_profile: 'strict',
};

/**
 * The workflow form (create and edit). The API validates (`workflow_invalid` with
 * `details.problems[].field`); each named field is marked invalid with its translated hint.
 */
export function WorkflowForm({
  initial,
  idPrefix,
  pending,
  error,
  onSubmit,
  onCancel,
  submitLabel,
}: {
  initial: WorkflowInput;
  idPrefix: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: WorkflowInput) => void;
  onCancel?: () => void;
  submitLabel: string;
}) {
  const t = useTranslations('admin');
  const common = useTranslations('common');
  const [input, setInput] = useState(initial);
  const [steps, setSteps] = useState(initial.steps.join(', '));
  const bad = fieldProblems(error);
  const set = <K extends keyof WorkflowInput>(key: K, value: WorkflowInput[K]) => setInput((prev) => ({ ...prev, [key]: value }));
  const field = (
    key: keyof WorkflowInput,
    control: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode,
  ) => {
    const id = `${idPrefix}-${key}`;
    const invalid = bad.has(key);
    return (
      <div className="field">
        <label htmlFor={id}>{t(`workflow.fields.${key}`)}</label>
        {control({ id, 'aria-invalid': invalid, 'aria-describedby': invalid ? `${id}-error` : undefined })}
        {invalid ? (
          <p id={`${id}-error`} className="field-error" data-testid={`field-error-${key}`}>
            {t(`workflow.hints.${key}`)}
          </p>
        ) : null}
      </div>
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      ...input,
      steps: steps
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    });
  };
  return (
    <form onSubmit={submit} className="card" noValidate>
      {field('name', (p) => (
        <input {...p} value={input.name} onChange={(e) => set('name', e.target.value)} />
      ))}
      {field('description', (p) => (
        <textarea {...p} rows={2} value={input.description} onChange={(e) => set('description', e.target.value)} />
      ))}
      {field('age_band', (p) => (
        <select {...p} value={input.age_band} onChange={(e) => set('age_band', e.target.value as WorkflowInput['age_band'])}>
          {AGE_BANDS.map((band) => (
            <option key={band} value={band}>
              {t(`workflow.ageBands.${band}`)}
            </option>
          ))}
        </select>
      ))}
      {field('content_suitability', (p) => (
        <select
          {...p}
          value={input.content_suitability}
          onChange={(e) => set('content_suitability', e.target.value as WorkflowInput['content_suitability'])}
        >
          {SUITABILITY.map((mode) => (
            <option key={mode} value={mode}>
              {t(`workflow.suitability.${mode}`)}
            </option>
          ))}
        </select>
      ))}
      {field('steps', (p) => (
        <input {...p} value={steps} onChange={(e) => setSteps(e.target.value)} />
      ))}
      {field('model_profile_id', (p) => (
        <input {...p} value={input.model_profile_id} onChange={(e) => set('model_profile_id', e.target.value)} />
      ))}
      {field('safety_profile', (p) => (
        <input {...p} value={input.safety_profile} onChange={(e) => set('safety_profile', e.target.value)} />
      ))}
      {error ? <ApiErrorView error={error} /> : null}
      <p className="actions">
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            {common('actions.cancel')}
          </button>
        ) : null}
      </p>
    </form>
  );
}
