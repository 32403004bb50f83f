import { setRequestLocale } from 'next-intl/server';
import { AppShell } from '@/components/app-shell';
import { ControlsPage } from '@/features/controls/controls-page';

/** /dashboard/children/[childId]: the child's parental controls. */
export default async function Page({ params }: { params: Promise<{ locale: string; childId: string }> }) {
  const { locale, childId } = await params;
  setRequestLocale(locale);
  return (
    <AppShell>
      <ControlsPage childProfileId={decodeURIComponent(childId)} />
    </AppShell>
  );
}
