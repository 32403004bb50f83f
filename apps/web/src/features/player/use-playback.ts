'use client';

import { useEffect, useRef, useState } from 'react';
import type { Schema } from '@mikasmissions/contracts-api';
import { ApiError, unwrap } from '@/api/api-error';
import type { ApiClient } from '@/api/api-client';

/** Where a playback stands: starting, playing (with the session), or stopped (with the reason code). */
export type PlaybackState =
  | { phase: 'starting' }
  | { phase: 'playing'; session: Schema<'CreatePlaybackSessionResponse'>; remainingMinutes?: number }
  | { phase: 'stopped'; reason: string; error?: unknown };

/**
 * A playback session for one episode: POST /v1/playback/sessions, then every `heartbeatSeconds`
 * a heartbeat (stops when it answers `continue: false`: limit, bedtime, controls) and a watch
 * event with the video's position; a last watch event on pause, end and leaving.
 */
export function usePlayback(
  client: ApiClient,
  childProfileId: string,
  episodeId: string,
  heartbeatSeconds: number,
  video: () => HTMLVideoElement | null,
): PlaybackState {
  const [state, setState] = useState<PlaybackState>({ phase: 'starting' });
  const stopped = useRef(false);

  useEffect(() => {
    stopped.current = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    let sessionId: string | undefined;
    const position = () => Math.max(0, Math.floor((video()?.currentTime ?? 0) * 1000));
    const record = () => {
      const watchMs = position();
      if (watchMs <= 0) return;
      void unwrap(
        client.POST('/v1/progress/watch-events', {
          body: { child_profile_id: childProfileId, episode_id: episodeId, watch_ms: watchMs, event_time: new Date().toISOString() },
        }),
      ).catch(() => undefined);
    };
    const stop = (reason: string, error?: unknown) => {
      if (stopped.current) return;
      stopped.current = true;
      clearInterval(timer);
      video()?.pause();
      setState({ phase: 'stopped', reason, error });
    };
    const beat = async () => {
      if (!sessionId || stopped.current) return;
      record();
      try {
        const answer = await unwrap(
          client.POST('/v1/playback/sessions/{id}/heartbeat', {
            params: { path: { id: sessionId } },
            body: { position_seconds: Math.floor(position() / 1000) },
          }),
        );
        if (!answer.continue) stop(answer.stop_reason ?? 'session_cap_reached');
        else setState((s) => (s.phase === 'playing' ? { ...s, remainingMinutes: answer.remaining_minutes } : s));
      } catch (error) {
        stop(ApiError.from(error).code, error);
      }
    };
    unwrap(client.POST('/v1/playback/sessions', { body: { child_profile_id: childProfileId, episode_id: episodeId, device_type: 'web' } }))
      .then((session) => {
        if (stopped.current) return;
        sessionId = session.playback_session_id;
        setState({ phase: 'playing', session });
        timer = setInterval(() => void beat(), heartbeatSeconds * 1000);
      })
      .catch((error: unknown) => stop(ApiError.from(error).code, error));
    const media = video();
    media?.addEventListener('pause', record);
    media?.addEventListener('ended', record);
    return () => {
      record();
      stopped.current = true;
      clearInterval(timer);
      media?.removeEventListener('pause', record);
      media?.removeEventListener('ended', record);
    };
  }, [client, childProfileId, episodeId, heartbeatSeconds, video]);

  return state;
}
