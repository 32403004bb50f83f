import type { OutboxRecord } from '@mikasmissions/messaging';

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** Failed outbox rows as a fixed-width text table. */
export function renderTable(rows: OutboxRecord[]): string {
  const header = ['id', 'type', 'attempts', 'status', 'created_at', 'last_error'];
  const body = rows.map((r) => [
    r.id,
    r.type,
    String(r.attempts),
    r.status,
    r.createdAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
    clip((r.lastError ?? '').replace(/\s+/g, ' '), 60),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
