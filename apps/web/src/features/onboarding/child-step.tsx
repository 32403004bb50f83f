'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { unwrap } from '@/api/api-error';
import { useApi } from '@/api/api-provider';
import { ApiErrorView } from '@/components/api-error-view';
import { Field } from '@/components/field';
import { useRouter } from '@/i18n/navigation';
import { AVATARS, childSchema, fieldErrors } from './signup-rules';

const BANDS = ['3-5', '6-11', '12-16'] as const;

/** Onboarding step 3 (and "add a child" later): a child profile with a name, an age band and an avatar picture. */
export function ChildStep({
  parentUserId,
  next = '/onboarding/pin',
  step = true,
}: {
  parentUserId: string;
  next?: string;
  step?: boolean;
}) {
  const t = useTranslations('onboarding');
  const errorsT = useTranslations('errors');
  const api = useApi();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      display_name: String(form.get('display_name') ?? '').trim(),
      age_band: String(form.get('age_band') ?? ''),
      avatar: String(form.get('avatar') ?? ''),
    };
    const found = fieldErrors(childSchema, input);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const parsed = childSchema.parse(input);
      await unwrap(api.parent.POST('/v1/children/profiles', { body: { parent_user_id: parentUserId, ...parsed } }));
      router.push(next);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="child-title">
      {step ? <p className="muted">{t('step', { step: 3, total: 4 })}</p> : null}
      <h1 id="child-title">{t('child.title')}</h1>
      <p>{t('child.lead')}</p>
      {failure ? <ApiErrorView error={failure} /> : null}
      <form className="stack" onSubmit={submit} noValidate>
        <Field
          label={t('child.name')}
          name="display_name"
          required
          maxLength={40}
          hint={t('child.nameHint')}
          error={errors.display_name}
          autoComplete="off"
        />
        <fieldset className="field" aria-describedby={errors.age_band ? 'band-error' : undefined}>
          <legend>{t('child.band')}</legend>
          {BANDS.map((band, i) => (
            <label key={band} className="checkbox">
              <input type="radio" name="age_band" value={band} defaultChecked={i === 1} />
              {t(`bands.${band}`)}
            </label>
          ))}
          {errors.age_band ? (
            <p id="band-error" className="field-error">
              {errorsT(errors.age_band)}
            </p>
          ) : null}
        </fieldset>
        <fieldset className="field avatar-picker">
          <legend>{t('child.avatar')}</legend>
          <div className="avatars">
            {AVATARS.map((avatar, i) => (
              <label key={avatar} className="avatar-option">
                <input type="radio" name="avatar" value={avatar} defaultChecked={i === 0} />
                <span aria-hidden="true" className="avatar-emoji">
                  {t(`avatars.${avatar}.emoji`)}
                </span>
                <span>{t(`avatars.${avatar}.name`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" disabled={busy}>
          {busy ? t('busy') : t('child.submit')}
        </button>
      </form>
    </section>
  );
}
