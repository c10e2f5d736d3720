// `npm run eval:importer -- <dir…> [--json] [--verbose] [--calibrate] [--min-right <pct>]`: measure
// the importer against hand-made answers. Exit 2 for a problem with a directory, 1 when under
// --min-right.
import path from 'node:path';
import { type EvalSet, EvalSetError, loadEvalSet } from '../services/importer-eval/answers.js';
import type { EvalReport, FileReport } from '../services/importer-eval/index.js';
import { CONFIDENT_AT } from '../services/importer-eval/score.js';
import type { CalibrationRow } from '../services/importer-eval/total.js';
import { runCommand } from './run-command.js';
import { table } from './table.js';

const usage = `usage: npm run eval:importer -- <dir> [<dir>…] [--json] [--verbose] [--calibrate] [--min-right <pct>]

Scores the importer (no database) on every text listed in <dir>/answers.json against its hand-made
answers: a table per file, a TOTAL row and rates. Several directories score as one set.

  --json             the same figures and problems as one JSON document
  --verbose          also list every problem, file by file
  --calibrate        print the confidence each attribution method has earned, as a table for
                     METHOD_CONFIDENCE (src/services/importer/attribution.ts)
  --min-right <pct>  exit 1 if under <pct>% of the expected quotes are right
  -h, --help         print this help

Exit 2 for a missing directory or a missing or malformed answers.json.`;
const warn = (line: string) => process.stderr.write(`${line}\n`);

type Options = {
  dirs: string[];
  json: boolean;
  verbose: boolean;
  calibrate: boolean;
  minRight: number | null;
};

runCommand(
  async (say) => {
    const options = parseOptions(process.argv.slice(2));
    if (typeof options === 'string') {
      warn(`error: ${options}`);
      warn(usage.split('\n', 1)[0] ?? usage);
      return 2;
    }
    let set: EvalSet;
    try {
      set = mergeSets(options.dirs);
    } catch (error) {
      if (!(error instanceof EvalSetError)) throw error;
      warn(`error: ${error.message}`);
      return 2;
    }
    // The importer and its NLP lexicon take a second to load: only once the directory is good.
    const { evaluate } = await import('../services/importer-eval/index.js');
    const report = evaluate(set);
    for (const file of report.files)
      if (file.error) warn(`error: ${file.file}: ${file.error} (scored as extracting nothing)`);
    if (options.calibrate) say(renderConfidences(report.total.calibration));
    else say(options.json ? JSON.stringify(report, null, 2) : render(report, options.verbose));

    const right = report.total.rates.rightPct;
    if (options.minRight !== null && (right === null || right < options.minRight)) {
      warn(`right ${percent(right)} is below --min-right ${options.minRight}%`);
      return 1;
    }
    return 0;
  },
  { usage },
);

/** The options, or what is wrong with the arguments. */
function parseOptions(args: string[]): Options | string {
  const options: Options = {
    dirs: [],
    json: false,
    verbose: false,
    calibrate: false,
    minRight: null,
  };
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg];
    if (flag === '--json') options.json = true;
    else if (flag === '--verbose') options.verbose = true;
    else if (flag === '--calibrate') options.calibrate = true;
    else if (flag === '--min-right') {
      const value = inline ?? args[++i];
      const min = Number(value);
      if (!value || !Number.isFinite(min) || min < 0 || min > 100)
        return `--min-right needs a percentage from 0 to 100, not ${value ?? 'nothing'}`;
      options.minRight = min;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else dirs.push(arg);
  }
  if (dirs.length === 0) return 'give the directory to measure';
  options.dirs = dirs;
  return options;
}

/** Several directories score as one set; their files are named `<dir>/<file>` to stay apart. */
function mergeSets(dirs: string[]): EvalSet {
  const sets = dirs.map((dir) => ({ dir, set: loadEvalSet(dir) }));
  if (sets.length === 1) return (sets[0] as (typeof sets)[number]).set;
  const name = (dir: string, file: string) => `${path.basename(path.resolve(dir))}/${file}`;
  return {
    cases: sets.flatMap(({ dir, set }) => set.cases.map((c) => ({ ...c, key: name(dir, c.key) }))),
    skipped: sets.flatMap(({ dir, set }) => set.skipped.map((file) => name(dir, file))),
  };
}

/** The earned confidence per method, as the importer's METHOD_CONFIDENCE table reads. */
function renderConfidences(rows: CalibrationRow[]): string {
  return rows
    .filter((r) => r.method !== 'ALL')
    .map((r) => `  ${r.method}: ${r.calibrated}, // ${r.right} of ${r.quotes} right`)
    .join('\n');
}

function render(report: EvalReport, verbose: boolean): string {
  const { total } = report;
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const of = (n: number) => `${n}/${total.files}`;
  const counts = (f: Pick<FileReport, 'quotes' | 'people'>) => [
    f.quotes.expected,
    f.quotes.found,
    f.quotes.right,
    f.quotes.wrong,
    f.quotes.noSpeaker,
    f.quotes.extra,
    f.people.expected,
    f.people.found,
    f.people.missing,
    f.people.spurious,
  ];
  const sections = [
    table(
      [
        'file',
        'quotes',
        'found',
        'right',
        'wrong',
        'no speaker',
        'extra',
        'people',
        'found',
        'missing',
        'spurious',
        'headline',
        'authors',
        'photographer',
        'teasers',
      ],
      [
        ...report.files.map((f) => [
          f.error ? `${f.file} (failed)` : f.file,
          ...counts(f),
          mark(f.checks.headline),
          mark(f.checks.authors),
          mark(f.checks.photographer),
          mark(f.checks.teasers),
        ]),
        [
          'TOTAL',
          ...counts(total),
          of(total.checks.headline),
          of(total.checks.authors),
          of(total.checks.photographer),
          of(total.checks.teasers),
        ],
      ],
    ),
    [
      `quotes (of ${total.quotes.expected} expected): found ${percent(total.rates.foundPct)}, ` +
        `right ${percent(total.rates.rightPct)}, wrong ${percent(total.rates.wrongPct)}, ` +
        `extra ${percent(total.rates.extraPct)}`,
      `people (of ${total.people.expected} expected): found ${percent(total.rates.peopleFoundPct)}, ` +
        `spurious ${percent(total.rates.spuriousPct)}`,
    ].join('\n'),
    `attribution by method (every found quote; NONE is right when no person was named)\n${renderCalibration(total.calibration)}`,
  ];
  if (report.skipped.length)
    sections.push(`skipped (not in answers.json): ${report.skipped.join(', ')}`);
  if (verbose) sections.push(...report.files.map(renderProblems).filter(Boolean));
  return sections.join('\n\n');
}

function renderCalibration(rows: CalibrationRow[]): string {
  return table(
    [
      'method',
      'quotes',
      'right',
      'accuracy',
      'earned',
      `conf ≥ ${CONFIDENT_AT}`,
      'of which not right',
    ],
    rows.map((r) => [
      r.method,
      r.quotes,
      r.right,
      percent(r.accuracyPct),
      r.calibrated.toFixed(2),
      r.confident,
      r.confidentErrors,
    ]),
  );
}

/** One file's problems, one per line; empty when there are none. */
function renderProblems(file: FileReport): string {
  const p = file.problems;
  const quoted = (text: string) => JSON.stringify(text);
  const how = (a: { method: string; confidence: number | null }) =>
    `${a.method}, confidence ${a.confidence ?? '—'}`;
  const lines = [
    ...(file.error ? [`import failed: ${file.error}`] : []),
    ...p.missedQuotes.map((fragment) => `missed quote ${quoted(fragment)}`),
    ...p.wrongSpeakers.map(
      (w) =>
        `wrong speaker for ${quoted(w.fragment)}: expected ${w.expected ?? 'nobody'}, got ${w.got} (${how(w)})`,
    ),
    ...p.noSpeaker.map(
      (n) => `no speaker for ${quoted(n.fragment)}: expected ${n.expected} (${how(n)})`,
    ),
    ...p.extraQuotes.map((e) => `extra quote ${quoted(e.text)} (${e.speaker ?? 'no speaker'})`),
    ...p.missingPeople.map((name) => `missing person ${name}`),
    ...p.spuriousPeople.map((name) => `spurious person ${name}`),
    ...p.mismatches.map(
      (m) => `${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`,
    ),
  ];
  return lines.length ? [file.file, ...lines.map((line) => `  ${line}`)].join('\n') : '';
}

function percent(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)}%`;
}
