'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useCallback, useRef, useState } from 'react';
import { ApiError, unwrap } from '@/api/api-error';
import { useApi } from '@/api/api-provider';
import type { ChildInfo } from '@/api/session-store';
import { ApiErrorView } from '@/components/api-error-view';
import { Loading } from '@/components/states';
import { usePublicConfig } from '@/config/config-provider';
import { KidsShell } from '@/features/kids/kids-shell';
import { Link } from '@/i18n/navigation';
import { HlsVideo } from './hls-video';
import { usePlayback } from './use-playback';

const KID_STOPS = ['session_cap_reached', 'bedtime_active', 'episode_not_allowed', 'entitlement_required', 'parent_gate_required'];

function Player({ child, episodeId }: { child: ChildInfo; episodeId: string }) {
  const t = useTranslations('kids');
  const api = useApi();
  const { heartbeatSeconds } = usePublicConfig();
  const video = useRef<HTMLVideoElement | null>(null);
  const getVideo = useCallback(() => video.current, []);
  const [fatal, setFatal] = useState<string | null>(null);
  const onFatal = useCallback((code: string) => setFatal(code), []);
  const episode = useQuery({
    queryKey: ['episode', episodeId],
    queryFn: () => unwrap(api.child.GET('/v1/catalog/episodes/{id}', { params: { path: { id: episodeId } } })),
  });
  const playback = usePlayback(api.child, child.childProfileId, episodeId, heartbeatSeconds, getVideo);
  const title = episode.data?.title ?? t('player.title');
  const stopped = playback.phase === 'stopped' ? playback : null;
  return (
    <section aria-labelledby="player-title" className="watch" data-phase={playback.phase}>
      <p>
        <Link href="/kids" className="button secondary">
          {t('player.back')}
        </Link>
      </p>
      <h1 id="player-title">{title}</h1>
      {playback.phase === 'starting' ? <Loading label={t('player.starting')} /> : null}
      {stopped && KID_STOPS.includes(stopped.reason) ? (
        <div className="state kids-stop" role="alert" data-testid="playback-stopped" data-reason={stopped.reason}>
          <p className="state-title">{t(`stops.${stopped.reason}`)}</p>
        </div>
      ) : null}
      {stopped && !KID_STOPS.includes(stopped.reason) ? <ApiErrorView error={stopped.error ?? new ApiError(stopped.reason, 0)} /> : null}
      {fatal ? <ApiErrorView error={new ApiError(fatal, 0)} /> : null}
      <div hidden={playback.phase !== 'playing'}>
        <HlsVideo ref={video} src={playback.phase === 'playing' ? playback.session.stream_url : null} title={title} onFatal={onFatal} />
        {playback.phase === 'playing' && playback.remainingMinutes !== undefined ? (
          <p className="muted" data-testid="remaining">
            {t('player.remaining', { minutes: playback.remainingMinutes })}
          </p>
        ) : null}
      </div>
    </section>
  );
}

/** /kids/watch/[episodeId]: the episode's HLS stream with heartbeats and watch events; stops when playback says so. */
export function PlayerPage({ episodeId }: { episodeId: string }) {
  return <KidsShell>{(child) => <Player child={child} episodeId={episodeId} />}</KidsShell>;
}
