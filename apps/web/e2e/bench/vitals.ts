import type { Page } from 'playwright-core';

/** Web vitals as measured in the page: LCP (ms), CLS (unitless), INP (ms; the slowest interaction seen). */
export interface Vitals {
  lcp: number;
  cls: number;
  inp: number;
}

/**
 * Installed before any page script (`addInitScript`): buffered PerformanceObservers for
 * `largest-contentful-paint`, `layout-shift` (shifts without recent input), `event` (Event
 * Timing, interactions ≥ 16 ms; INP is the longest) and `element` (Element Timing of the
 * `elementtiming` marked headings, for pages reached by a client-side navigation, where the
 * browser reports no new LCP).
 */
export function installVitalsObservers(): void {
  const w = window as unknown as {
    __vitals: {
      lcp: number;
      cls: number;
      inp: number;
      elements: { id: string; t: number }[];
      clicks: number[];
      shifts: { t: number; v: number }[];
    };
  };
  w.__vitals = { lcp: 0, cls: 0, inp: 0, elements: [], clicks: [], shifts: [] };
  const observe = (
    type: string,
    handle: (entry: PerformanceEntry & Record<string, unknown>) => void,
    extra: Record<string, unknown> = {},
  ) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach((e) => handle(e as PerformanceEntry & Record<string, unknown>))).observe({
        type,
        buffered: true,
        ...extra,
      } as PerformanceObserverInit);
    } catch {
      /* not supported */
    }
  };
  observe('largest-contentful-paint', (e) => (w.__vitals.lcp = Math.max(w.__vitals.lcp, e.startTime)));
  observe('layout-shift', (e) => {
    if (e.hadRecentInput) return;
    w.__vitals.cls += Number(e.value);
    w.__vitals.shifts.push({ t: e.startTime, v: Number(e.value) });
  });
  observe(
    'event',
    (e) => {
      if (Number(e.interactionId) > 0) w.__vitals.inp = Math.max(w.__vitals.inp, e.duration);
      if (e.name === 'click') w.__vitals.clicks.push(e.startTime);
    },
    { durationThreshold: 16 },
  );
  observe('first-input', (e) => w.__vitals.clicks.push(e.startTime));
  observe('element', (e) => w.__vitals.elements.push({ id: String(e.identifier), t: Number(e.renderTime) || Number(e.loadTime) }));
}

/** The page's vitals now. For a client-side navigation, `since` (ms, page clock) and `element` (an `elementtiming` prefix) give the soft-navigation LCP: the last render of a marked element after `since`. */
export async function readVitals(page: Page, soft?: { since: number; element: string }): Promise<Vitals> {
  return page.evaluate((arg) => {
    const v = (
      window as unknown as {
        __vitals: { lcp: number; cls: number; inp: number; elements: { id: string; t: number }[]; shifts: { t: number; v: number }[] };
      }
    ).__vitals;
    if (!arg) return { lcp: v.lcp, cls: v.cls, inp: v.inp };
    const lcp = Math.max(0, ...v.elements.filter((e) => e.id.startsWith(arg.element) && e.t >= arg.since).map((e) => e.t - arg.since));
    const cls = v.shifts.filter((s) => s.t >= arg.since).reduce((sum, s) => sum + s.v, 0); // this page's own shifts
    return { lcp, cls, inp: v.inp };
  }, soft);
}

/** The page clock now (to start a soft-navigation measurement just before the click). */
export const pageNow = (page: Page) => page.evaluate(() => performance.now());
