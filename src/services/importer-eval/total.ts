// Adds up eval:importer's per-article scores: totals, rates and the calibration table.
import { ATTRIBUTION_METHODS } from '../importer/attribution.js';
import {
  type ArticleScore,
  type Calibration,
  type Checks,
  emptyRow,
  type PeopleCounts,
  type QuoteCounts,
} from './score.js';

/** Percentages, one decimal; null when there is nothing expected to measure against. */
export type Rates = {
  foundPct: number | null;
  rightPct: number | null;
  wrongPct: number | null;
  extraPct: number | null;
  peopleFoundPct: number | null;
  spuriousPct: number | null;
};

/** Quote rates are of the expected quotes, people rates of the expected people. */
export function rates(quotes: QuoteCounts, people: PeopleCounts): Rates {
  return {
    foundPct: pct(quotes.found, quotes.expected),
    rightPct: pct(quotes.right, quotes.expected),
    wrongPct: pct(quotes.wrong, quotes.expected),
    extraPct: pct(quotes.extra, quotes.expected),
    peopleFoundPct: pct(people.found, people.expected),
    spuriousPct: pct(people.spurious, people.expected),
  };
}

export function pct(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

export type TotalScore = {
  files: number;
  quotes: QuoteCounts;
  people: PeopleCounts;
  /** How many files got each check right. */
  checks: Record<keyof Checks, number>;
  calibration: Calibration;
};

export function addUp(scores: ArticleScore[]): TotalScore {
  const total: TotalScore = {
    files: scores.length,
    quotes: { expected: 0, found: 0, right: 0, wrong: 0, noSpeaker: 0, extra: 0 },
    people: { expected: 0, found: 0, missing: 0, spurious: 0 },
    checks: { headline: 0, authors: 0, photographer: 0, teasers: 0 },
    calibration: {},
  };
  for (const score of scores) {
    sum(total.quotes, score.quotes);
    sum(total.people, score.people);
    for (const field of Object.keys(total.checks) as (keyof Checks)[])
      if (score.checks[field]) total.checks[field]++;
    for (const [method, row] of Object.entries(score.calibration)) {
      total.calibration[method] = sum(total.calibration[method] ?? emptyRow(), row);
    }
  }
  return total;
}

function sum<T extends Record<K, number>, K extends keyof T>(into: T, add: T): T {
  for (const key of Object.keys(add) as K[]) into[key] = (into[key] + add[key]) as T[K];
  return into;
}

export type CalibrationRow = {
  method: string;
  quotes: number;
  right: number;
  accuracyPct: number | null;
  confident: number;
  confidentErrors: number;
  /**
   * The confidence this method has earned here: (right + 1) / (quotes + 2), Laplace's rule of
   * succession, so a method seen a few times is not trusted fully. `--calibrate` prints these for
   * the importer's METHOD_CONFIDENCE.
   */
  calibrated: number;
};

/** The calibration as rows in the importer's method order (unknown methods last), with a total. */
export function calibrationRows(calibration: Calibration): CalibrationRow[] {
  const rank = (method: string) => {
    const index = (ATTRIBUTION_METHODS as readonly string[]).indexOf(method);
    return index < 0 ? ATTRIBUTION_METHODS.length : index;
  };
  const methods = Object.keys(calibration).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const all = emptyRow();
  const rows = methods.map((method) => {
    const row = calibration[method] as typeof all;
    sum(all, row);
    return { method, ...row, accuracyPct: pct(row.right, row.quotes), calibrated: laplace(row) };
  });
  return [
    ...rows,
    { method: 'ALL', ...all, accuracyPct: pct(all.right, all.quotes), calibrated: laplace(all) },
  ];
}

function laplace(row: { right: number; quotes: number }): number {
  return Math.round(((row.right + 1) / (row.quotes + 2)) * 100) / 100;
}
