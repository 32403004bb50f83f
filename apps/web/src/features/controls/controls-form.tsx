'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { type FormEvent, useMemo, useState } from 'react';
import { ApiError, unwrap } from '@/api/api-error';
import { useApi } from '@/api/api-provider';
import { ApiErrorView } from '@/components/api-error-view';
import { Checkbox, Field } from '@/components/field';
import { type AgeBand, ceilingsFor, type Controls, controlsErrors, errorField, parseShowIds } from './controls-rules';
import { SelectField, TextAreaField } from './inputs';

const FLAGS = ['autoplay', 'chat_enabled', 'external_links', 'approved_only', 'search_enabled', 'history_paused'] as const;

function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return ['UTC', ...(intl.supportedValuesOf?.('timeZone') ?? ['Europe/Berlin', 'Europe/London', 'Europe/Madrid'])];
}

/** Every field of a child's parental controls, checked as the API checks them before PUT /v1/parents/controls/{id}. */
export function ControlsForm({ childProfileId, band, initial }: { childProfileId: string; band: AgeBand; initial: Controls }) {
  const t = useTranslations('dashboard');
  const api = useApi();
  const queries = useQueryClient();
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const timeZones = useMemo(zones, []);
  const save = useMutation({
    mutationFn: (controls: Controls) =>
      unwrap(
        api.parent.PUT('/v1/parents/controls/{child_profile_id}', {
          params: { path: { child_profile_id: childProfileId } },
          body: controls,
        }),
      ),
    onSuccess: (saved) => queries.setQueryData(['controls', childProfileId], saved),
    onError: (error) => {
      const failure = ApiError.from(error);
      const field = errorField(failure.details);
      if (field) setErrors({ [field]: failure.code });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const ceiling = text('max_age_band');
    const controls: Controls = {
      ...Object.fromEntries(FLAGS.map((f) => [f, form.get(f) === 'on'])),
      session_limit_minutes: Number(text('session_limit_minutes')),
      bedtime_window: `${text('bedtime_start')}-${text('bedtime_end')}`,
      safety_mode: text('safety_mode') as Controls['safety_mode'],
      timezone: text('timezone'),
      ...(ceiling ? { max_age_band: ceiling as AgeBand } : {}),
      approved_show_ids: parseShowIds(text('approved_show_ids')),
      blocked_show_ids: parseShowIds(text('blocked_show_ids')),
    } as Controls;
    const found = controlsErrors(controls, band);
    setErrors(found);
    save.reset();
    if (Object.keys(found).length === 0) save.mutate(controls);
  }

  const [start, end] = initial.bedtime_window.split('-');
  return (
    <form className="stack controls-form" onSubmit={submit} noValidate aria-label={t('controls.title')}>
      <Field
        label={t('controls.session_limit_minutes')}
        name="session_limit_minutes"
        type="number"
        min={5}
        max={180}
        step={1}
        required
        defaultValue={initial.session_limit_minutes}
        hint={t('controls.limitHint')}
        error={errors.session_limit_minutes}
      />
      <fieldset className="field">
        <legend>{t('controls.bedtime_window')}</legend>
        <div className="actions">
          <Field label={t('controls.bedtimeStart')} name="bedtime_start" type="time" required defaultValue={start} />
          <Field
            label={t('controls.bedtimeEnd')}
            name="bedtime_end"
            type="time"
            required
            defaultValue={end}
            error={errors.bedtime_window}
          />
        </div>
      </fieldset>
      <SelectField
        label={t('controls.safety_mode')}
        name="safety_mode"
        defaultValue={initial.safety_mode}
        error={errors.safety_mode}
        options={['strict', 'balanced'].map((m) => ({ value: m, label: t(`controls.safety.${m}`) }))}
      />
      <SelectField
        label={t('controls.timezone')}
        name="timezone"
        defaultValue={initial.timezone ?? 'UTC'}
        error={errors.timezone}
        options={timeZones.map((z) => ({ value: z, label: z }))}
      />
      <SelectField
        label={t('controls.max_age_band')}
        name="max_age_band"
        defaultValue={initial.max_age_band ?? ''}
        error={errors.max_age_band}
        options={[{ value: '', label: t('controls.noCeiling') }, ...ceilingsFor(band).map((b) => ({ value: b, label: b }))]}
      />
      {FLAGS.map((flag) => (
        <Checkbox key={flag} label={t(`controls.${flag}`)} name={flag} defaultChecked={Boolean(initial[flag])} error={errors[flag]} />
      ))}
      <TextAreaField
        label={t('controls.approved_show_ids')}
        name="approved_show_ids"
        defaultValue={(initial.approved_show_ids ?? []).join('\n')}
        hint={t('controls.idsHint')}
        error={errors.approved_show_ids}
      />
      <TextAreaField
        label={t('controls.blocked_show_ids')}
        name="blocked_show_ids"
        defaultValue={(initial.blocked_show_ids ?? []).join('\n')}
        hint={t('controls.idsHint')}
        error={errors.blocked_show_ids}
      />
      {save.error && !errorField(ApiError.from(save.error).details) ? <ApiErrorView error={save.error} /> : null}
      {save.isSuccess ? (
        <p role="status" data-testid="controls-saved">
          {t('controls.saved')}
        </p>
      ) : null}
      <button type="submit" disabled={save.isPending}>
        {t('controls.save')}
      </button>
    </form>
  );
}
