// The bench's table: one line per figure, with its goal and whether it was met.
import type { Distribution } from './stats';

export interface Row {
  measurement: string;
  figure: string;
  goal: string;
  met: boolean | null;
}

export function ms(d: Distribution): string {
  return d.count === 0 ? 'n/a' : `p50 ${d.p50} / p95 ${d.p95} / p99 ${d.p99} ms (n=${d.count})`;
}

export function table(rows: readonly Row[]): string {
  const verdict = (met: boolean | null) => (met === null ? '' : met ? 'met' : 'NOT met');
  const cells = rows.map((row) => [row.measurement, row.figure, row.goal, verdict(row.met)]);
  const header = ['measurement', 'figure', 'goal', ''];
  const widths = header.map((h, column) => Math.max(h.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) =>
    `| ${cell.map((text, column) => text.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
