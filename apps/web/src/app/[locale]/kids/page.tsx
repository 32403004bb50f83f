import { setRequestLocale } from 'next-intl/server';
import { KidsHomePage } from '@/features/kids/kids-home';

/** /kids: kids mode's home (its own frame: no parent navigation). */
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return <KidsHomePage />;
}
