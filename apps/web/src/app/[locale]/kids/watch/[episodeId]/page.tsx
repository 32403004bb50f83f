import { setRequestLocale } from 'next-intl/server';
import { PlayerPage } from '@/features/player/player-page';

/** /kids/watch/[episodeId]: the player. */
export default async function Page({ params }: { params: Promise<{ locale: string; episodeId: string }> }) {
  const { locale, episodeId } = await params;
  setRequestLocale(locale);
  return <PlayerPage episodeId={decodeURIComponent(episodeId)} />;
}
