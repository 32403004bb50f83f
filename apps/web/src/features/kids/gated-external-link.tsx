'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ParentGate } from '@/features/gate/parent-gate';

/** A link out of the app that opens only after the parent gate (kids never leave on their own). */
export function GatedExternalLink({ childProfileId, href, label }: { childProfileId: string; href: string; label: string }) {
  const t = useTranslations('kids');
  const [gate, setGate] = useState(false);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <button type="button" className="secondary" onClick={() => setGate(true)} data-testid="external-link" data-href={href}>
        {label}
      </button>
      {opened ? (
        <span role="status" className="muted">
          {' '}
          {t('external.opened')}
        </span>
      ) : null}
      {gate ? (
        <ParentGate
          childProfileId={childProfileId}
          title={t('external.gateTitle')}
          onClose={() => setGate(false)}
          onPassed={() => {
            setGate(false);
            setOpened(true);
            window.open(href, '_blank', 'noopener,noreferrer');
          }}
        />
      ) : null}
    </>
  );
}
