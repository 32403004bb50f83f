'use client';

import { useTranslations } from 'next-intl';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';

/**
 * A `<video>` playing an HLS playlist: hls.js where Media Source Extensions exist, the
 * browser's own HLS otherwise (Safari). Tries to start at once; if the browser wants a gesture,
 * the play button does it.
 */
export const HlsVideo = forwardRef<HTMLVideoElement | null, { src: string | null; title: string; onFatal: (code: string) => void }>(
  function HlsVideo({ src, title, onFatal }, ref) {
    const t = useTranslations('kids');
    const video = useRef<HTMLVideoElement>(null);
    const [needsTap, setNeedsTap] = useState(false);
    useImperativeHandle(ref, () => video.current as HTMLVideoElement, []);

    useEffect(() => {
      const media = video.current;
      if (!media || !src) return;
      const start = () =>
        media.play().then(
          () => setNeedsTap(false),
          () => setNeedsTap(true),
        );
      if (media.canPlayType('application/vnd.apple.mpegurl') && !('MediaSource' in window)) {
        media.src = src;
        void start();
        return () => media.removeAttribute('src');
      }
      let live = true;
      let release: (() => void) | undefined;
      void import('hls.js').then(({ default: Hls }) => {
        if (!live) return;
        if (!Hls.isSupported()) return onFatal('stream_not_found');
        const hls = new Hls({ enableWorker: true });
        hls.on(Hls.Events.ERROR, (_event, data) => {
          if (data.fatal) onFatal(data.type === Hls.ErrorTypes.NETWORK_ERROR ? 'stream_not_found' : 'unknown_error');
        });
        hls.on(Hls.Events.MANIFEST_PARSED, () => void start());
        hls.loadSource(src);
        hls.attachMedia(media);
        release = () => hls.destroy();
      });
      return () => {
        live = false;
        release?.();
      };
    }, [src, onFatal]);

    return (
      <div className="player">
        <video ref={video} controls playsInline preload="auto" aria-label={title} data-testid="video" />
        {needsTap ? (
          <button type="button" className="play-button" onClick={() => void video.current?.play().then(() => setNeedsTap(false))}>
            {t('player.play')}
          </button>
        ) : null}
      </div>
    );
  },
);
