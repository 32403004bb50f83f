'use client';

import type { components } from '@mikasmissions/contracts-api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { unwrap } from '@/api/api-error';
import { ApiErrorView } from '@/components/api-error-view';
import { useAdminApi } from './admin-session';
import { fieldProblems } from './use-field-problems';

type ModelProfile = components['schemas']['ModelProfile'];
type ModelProfileInput = components['schemas']['ModelProfileInput'];

/** The contract's ranges (ModelProfileInput): checked here before the API checks them again. */
export const MODEL_PROFILE_RANGES = { timeout_ms: [500, 120_000], max_retries: [0, 10] } as const;

function localProblems(input: ModelProfileInput): Set<string> {
  const bad = new Set<string>();
  for (const [key, [min, max]] of Object.entries(MODEL_PROFILE_RANGES)) {
    const value = input[key as keyof typeof MODEL_PROFILE_RANGES];
    if (!Number.isInteger(value) || value < min || value > max) bad.add(key);
  }
  if (!/^https?:\/\/[^\s]+$/.test(input.base_url)) bad.add('base_url');
  if (!input.model_id.trim() || input.model_id.length > 200) bad.add('model_id');
  if (!input.safety_preset.trim() || input.safety_preset.length > 64) bad.add('safety_preset');
  return bad;
}

/** Edits one model profile (`PUT /v1/admin/model-profiles/{id}`), with the contract's ranges. */
export function ModelProfileForm({ profile }: { profile: ModelProfile }) {
  const t = useTranslations('admin');
  const api = useAdminApi();
  const queries = useQueryClient();
  const { model_profile_id: id, ...initial } = profile;
  const [input, setInput] = useState<ModelProfileInput>(initial);
  const [local, setLocal] = useState<Set<string>>(new Set());
  const save = useMutation({
    mutationFn: (body: ModelProfileInput) => unwrap(api.PUT('/v1/admin/model-profiles/{id}', { params: { path: { id } }, body })),
    onSuccess: (saved) => queries.setQueryData(['admin', 'model-profile', id], saved),
  });
  const bad = new Set([...local, ...fieldProblems(save.error)]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = localProblems(input);
    setLocal(problems);
    if (problems.size === 0) save.mutate(input);
  };
  const text = (key: 'base_url' | 'model_id' | 'safety_preset') => (
    <Field name={key} invalid={bad.has(key)}>
      <input
        id={`mp-${key}`}
        aria-invalid={bad.has(key)}
        value={input[key]}
        onChange={(e) => setInput({ ...input, [key]: e.target.value })}
      />
    </Field>
  );
  const number = (key: keyof typeof MODEL_PROFILE_RANGES) => (
    <Field name={key} invalid={bad.has(key)}>
      <input
        id={`mp-${key}`}
        type="number"
        inputMode="numeric"
        min={MODEL_PROFILE_RANGES[key][0]}
        max={MODEL_PROFILE_RANGES[key][1]}
        aria-invalid={bad.has(key)}
        value={Number.isNaN(input[key]) ? '' : input[key]}
        onChange={(e) => setInput({ ...input, [key]: e.target.valueAsNumber })}
      />
    </Field>
  );
  return (
    <form onSubmit={submit} className="card" noValidate>
      <p className="muted">{t('modelProfile.id', { id })}</p>
      <Field name="provider" invalid={bad.has('provider')}>
        <select id="mp-provider" value={input.provider} onChange={() => setInput({ ...input, provider: 'nvidia_nim' })}>
          <option value="nvidia_nim">NVIDIA NIM</option>
        </select>
      </Field>
      {text('base_url')}
      {text('model_id')}
      {number('timeout_ms')}
      {number('max_retries')}
      {text('safety_preset')}
      {save.error ? <ApiErrorView error={save.error} /> : null}
      {save.isSuccess ? (
        <p role="status" data-testid="model-profile-saved">
          {t('modelProfile.saved')}
        </p>
      ) : null}
      <button type="submit" disabled={save.isPending}>
        {t('modelProfile.save')}
      </button>
    </form>
  );
}

function Field({ name, invalid, children }: { name: string; invalid: boolean; children: React.ReactNode }) {
  const t = useTranslations('admin');
  return (
    <div className="field">
      <label htmlFor={`mp-${name}`}>{t(`modelProfile.fields.${name}`)}</label>
      {children}
      {invalid ? (
        <p className="field-error" data-testid={`field-error-${name}`}>
          {t(`modelProfile.hints.${name}`)}
        </p>
      ) : null}
    </div>
  );
}
