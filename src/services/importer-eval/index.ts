// eval:importer: runs the importer (parse only, no database) over a directory of article texts and
// scores each against its hand-made answer.
import { readFileSync } from 'node:fs';
import { decodeArticleBytes, parseArticle } from '../importer/index.js';
import type { EvalSet } from './answers.js';
import { type ArticleScore, NOTHING_EXTRACTED, scoreArticle } from './score.js';
import {
  addUp,
  type CalibrationRow,
  calibrationRows,
  type Rates,
  rates,
  type TotalScore,
} from './total.js';

export { ANSWERS_FILE, type Answer, EvalSetError, loadEvalSet, parseAnswers } from './answers.js';
export * from './score.js';
export * from './total.js';

export type FileReport = Omit<ArticleScore, 'calibration'> & {
  file: string;
  /** Where the text was read from, when the answer points elsewhere than its key. */
  text?: string;
  /** Why the importer refused or failed on the text; it is then scored as extracting nothing. */
  error: string | null;
  rates: Rates;
  calibration: CalibrationRow[];
};

export type EvalReport = {
  files: FileReport[];
  total: Omit<TotalScore, 'calibration'> & { rates: Rates; calibration: CalibrationRow[] };
  /** *.txt files in the directory that answers.json does not cover. */
  skipped: string[];
};

/** Runs the importer on every text of a loaded set and scores it against its answer. */
export function evaluate({ cases, skipped }: EvalSet): EvalReport {
  const scores: ArticleScore[] = [];
  const files = cases.map(({ key, textPath, answer }): FileReport => {
    let extraction = NOTHING_EXTRACTED;
    let error: string | null = null;
    try {
      extraction = parseArticle(decodeArticleBytes(readFileSync(textPath)));
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    const score = scoreArticle(answer, extraction);
    scores.push(score);
    return {
      file: key,
      ...(answer.file ? { text: answer.file } : {}),
      error,
      quotes: score.quotes,
      people: score.people,
      checks: score.checks,
      rates: rates(score.quotes, score.people),
      calibration: calibrationRows(score.calibration),
      problems: score.problems,
    };
  });
  const total = addUp(scores);
  return {
    files,
    total: {
      ...total,
      rates: rates(total.quotes, total.people),
      calibration: calibrationRows(total.calibration),
    },
    skipped,
  };
}
