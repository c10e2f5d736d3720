// The bench's figures: medians, rounding for --json, and the tables the README quotes.
import { describe, expect, it } from 'vitest';
import {
  growthLine,
  markdownReport,
  median,
  type Row,
  roundRow,
  textTable,
} from './bench/report.js';
import { startScriptArgs } from './bench/servers.js';

const row = (server: Row['server'], reqPerSec: number, ratio: number): Row => ({
  db: 'sqlite',
  size: 'S',
  scenario: 'article',
  server,
  reqPerSec,
  p50Ms: 3,
  p99Ms: 11.456,
  ratio,
  sqlPerRequest: 1,
  rssMb: 109.4321,
});

describe('bench report', () => {
  it('takes the median of odd and even counts, and NaN of nothing', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('rounds a row for --json without renaming or dropping a field', () => {
    const rounded = roundRow(row('newsgraph', 336.4567, 0.150321));
    expect(rounded).toEqual({
      db: 'sqlite',
      size: 'S',
      scenario: 'article',
      server: 'newsgraph',
      reqPerSec: 336.5,
      p50Ms: 3,
      p99Ms: 11.46,
      ratio: 0.15,
      sqlPerRequest: 1,
      rssMb: 109.4,
    });
  });

  it('prints aligned text and markdown tables with ratios', () => {
    const rows = [row('baseline', 2237, 1), row('newsgraph', 336, 0.1502)];
    const text = textTable('sqlite, size S', rows).split('\n');
    expect(text[0]).toBe('sqlite, size S');
    expect(text[3]).toMatch(/^article\s+baseline\s+2237\s+3\s+11\.46\s+1\.00×\s+1\s+109$/);
    expect(text[4]).toMatch(/newsgraph\s+336 .* 0\.15×/);
    const markdown = markdownReport(['machine: x'], rows, [
      { db: 'sqlite', size: 'S', first5: 1, first50: 1 },
    ]);
    expect(markdown).toContain(
      '| sqlite | S | article | newsgraph | 336 | 3 | 11.46 | 0.15× | 1 | 109 |',
    );
    expect(markdown).toContain(growthLine({ db: 'sqlite', size: 'S', first5: 1, first50: 1 }));
  });
});

describe('bench servers', () => {
  it('start Newsgraph with the node flags of `npm start`', () => {
    const args = startScriptArgs();
    expect(args.slice(-3)).toEqual(['--import', 'tsx', 'src/index.ts']);
    // The heap cap that keeps RSS flat under load (see the soak in the README).
    expect(args).toContain('--max-old-space-size=512');
  });
});
