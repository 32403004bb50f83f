'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { unwrap } from '@/api/api-error';
import { useApi, useSession } from '@/api/api-provider';
import { ApiErrorView } from '@/components/api-error-view';
import { Field } from '@/components/field';

type Method = 'pin' | 'math';
interface Challenge {
  challenge_id: string;
  method: Method;
  question?: string;
}

/**
 * The parent gate as a modal `<dialog>`: PIN or a maths question (POST /v1/parents/gates/challenge),
 * answered with POST /v1/parents/gates/verify; `onPassed` gets the single-use gate token.
 * Uses the parent's token, which stays in memory during kids mode.
 */
export function ParentGate({
  childProfileId,
  title,
  onPassed,
  onClose,
}: {
  childProfileId: string;
  title: string;
  onPassed: (gateToken: string) => Promise<void> | void;
  onClose: () => void;
}) {
  const t = useTranslations('kids');
  const api = useApi();
  const session = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const [method, setMethod] = useState<Method>('pin');
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [answerError, setAnswerError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // the challenge on its way: an answer sent (Enter) before it arrived waits for it instead of being dropped
  const pending = useRef<Promise<Challenge | null>>(Promise.resolve(null));
  const parentUserId = session.parent?.parentUserId ?? '';

  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    setChallenge(null);
    setFailure(null);
    const loading = unwrap(
      api.parent.POST('/v1/parents/gates/challenge', { body: { parent_user_id: parentUserId, child_profile_id: childProfileId, method } }),
    );
    pending.current = loading.then(
      (c) => (live ? c : null),
      () => null,
    );
    loading.then((c) => live && setChallenge(c)).catch((error: unknown) => live && setFailure(error));
    return () => {
      live = false;
    };
  }, [api, parentUserId, childProfileId, method]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const response = String(new FormData(event.currentTarget).get('response') ?? '').trim();
    if (response.length < 1 || response.length > 32 || (method === 'pin' && !/^[0-9]{4,6}$/.test(response))) {
      setAnswerError(method === 'pin' ? 'invalid_pin' : 'invalid_or_replayed_challenge');
      return;
    }
    setAnswerError(undefined);
    setBusy(true);
    setFailure(null);
    try {
      const current = challenge ?? (await pending.current);
      if (!current) return; // the challenge failed to load: its error is shown
      const passed = await unwrap(
        api.parent.POST('/v1/parents/gates/verify', {
          body: { parent_user_id: parentUserId, child_profile_id: childProfileId, challenge_id: current.challenge_id, response },
        }),
      );
      await onPassed(passed.gate_token);
    } catch (error) {
      setFailure(error);
      setChallenge(null); // an answer spends the challenge: ask for a fresh one
      unwrap(
        api.parent.POST('/v1/parents/gates/challenge', {
          body: { parent_user_id: parentUserId, child_profile_id: childProfileId, method },
        }),
      ).then(setChallenge, () => undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} className="gate" aria-labelledby="gate-title" onCancel={onClose} data-testid="parent-gate">
      <h2 id="gate-title">{title}</h2>
      <p>{t('gate.lead')}</p>
      <div role="radiogroup" aria-label={t('gate.method')} className="actions">
        {(['pin', 'math'] as const).map((m) => (
          <label key={m} className="checkbox">
            <input type="radio" name="gate-method" value={m} checked={method === m} onChange={() => setMethod(m)} />
            {t(`gate.${m}`)}
          </label>
        ))}
      </div>
      {failure ? <ApiErrorView error={failure} /> : null}
      <form className="stack" onSubmit={submit} noValidate>
        {challenge?.question ? <p className="gate-question">{t('gate.question', { question: challenge.question })}</p> : null}
        <Field
          key={method}
          label={method === 'pin' ? t('gate.pinLabel') : t('gate.answerLabel')}
          name="response"
          type={method === 'pin' ? 'password' : 'text'}
          inputMode="numeric"
          autoComplete="off"
          required
          maxLength={32}
          error={answerError}
          autoFocus
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('gate.submit')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('gate.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
