'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Schema } from '@mikasmissions/contracts-api';
import { minutesSeconds, toMinutes } from './format';

/** Weekly watch time per child as a bar chart (recharts), with the same figures as a table for screen readers. */
export function WatchChart({ children }: { children: Schema<'DashboardChild'>[] }) {
  const t = useTranslations('dashboard');
  const data = children.map((c) => ({ name: c.display_name, minutes: toMinutes(c.weekly_watch_ms) }));
  return (
    <figure className="chart" aria-labelledby="chart-caption">
      <div className="chart-box" role="img" aria-label={t('chart.label')}>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis allowDecimals unit=" min" width={64} />
            <Tooltip formatter={(value) => [`${String(value)} min`, t('chart.series')]} />
            <Bar dataKey="minutes" name={t('chart.series')} fill="#0b5fa5" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption id="chart-caption">{t('chart.caption')}</figcaption>
      <table className="sr-only">
        <thead>
          <tr>
            <th scope="col">{t('chart.child')}</th>
            <th scope="col">{t('chart.series')}</th>
          </tr>
        </thead>
        <tbody>
          {children.map((c) => (
            <tr key={c.child_profile_id}>
              <td>{c.display_name}</td>
              <td>{t('watchTime', minutesSeconds(c.weekly_watch_ms))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
