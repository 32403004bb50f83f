'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Schema } from '@mikasmissions/contracts-api';
import { unwrap } from '@/api/api-error';
import { useApi } from '@/api/api-provider';
import type { ChildInfo } from '@/api/session-store';
import { Empty, QueryState } from '@/components/states';
import { Link } from '@/i18n/navigation';
import { GatedExternalLink } from './gated-external-link';
import { modeOfBand, railsOf } from './kids-mode';
import { KidsShell } from './kids-shell';

function Thumbnail({ item }: { item: Schema<'RailItem'> }) {
  const [broken, setBroken] = useState(false);
  if (broken) {
    return (
      <span className="thumb thumb-fallback" aria-hidden="true">
        {item.title.slice(0, 1)}
      </span>
    );
  }
  return (
    <img
      {...{ elementtiming: 'kids-thumb' }}
      className="thumb"
      src={item.thumbnail_url}
      alt=""
      width={320}
      height={180}
      loading="lazy"
      onError={() => setBroken(true)}
    />
  );
}

function Home({ child }: { child: ChildInfo }) {
  const t = useTranslations('kids');
  const api = useApi();
  const mode = modeOfBand(child.ageBand);
  const home = useQuery({
    queryKey: ['kids-home', child.childProfileId, mode],
    queryFn: () => unwrap(api.child.GET('/v1/kids/home', { params: { query: { child_profile_id: child.childProfileId, mode } } })),
  });
  return (
    <>
      <h1 className="kids-title">{t(`modes.${mode}.title`)}</h1>
      <QueryState query={home}>
        {(h) =>
          h.rails.length === 0 ? (
            <Empty message={t('empty')} />
          ) : (
            railsOf(h.rails).map((rail) => (
              <section key={rail.reason} className="rail" aria-labelledby={`rail-${rail.reason}`} data-testid="rail">
                <h2 id={`rail-${rail.reason}`} {...{ elementtiming: 'kids-rail' }}>
                  {t(`rails.${rail.reason}`)}
                </h2>
                <ul className="rail-items">
                  {rail.items.map((item) => (
                    <li key={item.episode_id} data-band={item.age_band} data-testid="rail-item">
                      <Link href={`/kids/watch/${encodeURIComponent(item.episode_id)}`} className="tile">
                        <Thumbnail item={item} />
                        <span className="tile-title" {...{ elementtiming: 'kids-tile' }}>
                          {item.title}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )
        }
      </QueryState>
      <p className="kids-footer">
        <GatedExternalLink childProfileId={child.childProfileId} href="https://www.klicksafe.de/" label={t('external.label')} />
      </p>
    </>
  );
}

/** /kids: the child's safe home of rails (GET /v1/kids/home with the child token, mode from the band). */
export function KidsHomePage() {
  return <KidsShell>{(child) => <Home child={child} />}</KidsShell>;
}
