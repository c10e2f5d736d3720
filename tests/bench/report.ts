// Results of `npm run bench`: one row per database, size, scenario and server, printed as a text
// table, a markdown table (for the README) or JSON.
import { cpus, totalmem } from 'node:os';
import type { BenchSize, DbKind } from './databases.js';
import type { ScenarioName } from './scenarios.js';
import type { ServerName } from './servers.js';

export type Row = {
  db: DbKind;
  size: BenchSize;
  scenario: ScenarioName;
  server: ServerName;
  /** Medians over the measured rounds. */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** reqPerSec over the baseline's median req/s for the same scenario in the same run. */
  ratio: number;
  sqlPerRequest: number;
  rssMb: number;
};

/** Statements newsgraph sends for the list scenario at two page sizes: should not grow with it. */
export type Growth = { db: DbKind; size: BenchSize; first5: number; first50: number };

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function machineLine(): string {
  const cpu = cpus();
  const memGb = (totalmem() / 1024 ** 3).toFixed(1);
  return `machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${memGb} GB RAM, Node ${process.version}, ${process.platform}`;
}

/** Rounded for JSON: more digits than this would only be noise. */
export function roundRow(row: Row): Row {
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  return {
    ...row,
    reqPerSec: round(row.reqPerSec, 1),
    p50Ms: round(row.p50Ms, 2),
    p99Ms: round(row.p99Ms, 2),
    ratio: round(row.ratio, 3),
    sqlPerRequest: round(row.sqlPerRequest, 2),
    rssMb: round(row.rssMb, 1),
  };
}

const headings = [
  'scenario',
  'server',
  'req/s',
  'p50 ms',
  'p99 ms',
  'vs baseline',
  'SQL/req',
  'peak RSS MB',
];

function cells(row: Row): string[] {
  return [
    row.scenario,
    row.server,
    row.reqPerSec.toFixed(0),
    formatCount(row.p50Ms),
    formatCount(row.p99Ms),
    `${row.ratio.toFixed(2)}×`,
    formatCount(row.sqlPerRequest),
    row.rssMb.toFixed(0),
  ];
}

/** Whole numbers as they are (autocannon's latencies are whole ms), fractions to two places. */
function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** A plain-text table for one database and size; numbers right-aligned. */
export function textTable(title: string, rows: Row[]): string {
  const body = rows.map(cells);
  const widths = headings.map((h, i) =>
    Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => (i < 2 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [title, line(headings), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join(
    '\n',
  );
}

export function growthLine(growth: Growth): string {
  return `newsgraph list SQL statements per request: first 5 → ${formatCount(growth.first5)}, first 50 → ${formatCount(growth.first50)}`;
}

export function markdownReport(header: string[], rows: Row[], growth: Growth[]): string {
  const columns = ['DB', 'Size', ...headings];
  const lines = [
    ...header.map((h) => `${h}  `),
    '',
    `| ${columns.join(' | ')} |`,
    `| ${columns.map((_, i) => (i < 4 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${[row.db, row.size, ...cells(row)].join(' | ')} |`),
    '',
    ...growth.map((g) => `- ${g.db}, size ${g.size}: ${growthLine(g)}`),
  ];
  return `${lines.join('\n')}\n`;
}
