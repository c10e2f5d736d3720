// The hand-made answers eval:importer measures against: the answers.json format, and loading an
// evaluation directory (its texts and answers) with every input problem reported by name.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const ANSWERS_FILE = 'answers.json';

const name = z.string().trim().min(1);

/** What a careful reader finds in one article. Unknown fields are refused, so a typo is not ignored. */
export const Answer = z.strictObject({
  /** Where the text is, relative to the directory, when it is not the entry's key. */
  file: z.string().min(1).optional(),
  headline: z.string(),
  authors: z.array(name),
  photographer: name.nullable(),
  people: z.array(name),
  /** [fragment of the quote's text, speaker's full name or null when no person is named]. */
  quotes: z.array(z.tuple([z.string().trim().min(1), name.nullable()])),
  teasers: z.array(z.string()),
});
export type Answer = z.infer<typeof Answer>;

const Answers = z.record(z.string().min(1), Answer);

/** A problem with the evaluation directory itself (not with the importer): the user can fix it. */
export class EvalSetError extends Error {
  override name = 'EvalSetError';
}

export type EvalCase = { key: string; textPath: string; answer: Answer };

/** The cases in key order, and the *.txt files of the directory that no answer covers. */
export type EvalSet = { cases: EvalCase[]; skipped: string[] };

export function loadEvalSet(dir: string): EvalSet {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new EvalSetError(`${dir} is not a directory`);
  const answersPath = path.join(dir, ANSWERS_FILE);
  if (!existsSync(answersPath)) throw new EvalSetError(`${dir} has no ${ANSWERS_FILE}`);
  const answers = parseAnswers(readFileSync(answersPath, 'utf8'));
  const keys = Object.keys(answers).sort();
  if (keys.length === 0) throw new EvalSetError(`${ANSWERS_FILE} lists no files`);

  const cases = keys.map((key): EvalCase => {
    const answer = answers[key] as Answer;
    const textPath = path.resolve(dir, answer.file ?? key);
    if (!existsSync(textPath) || !statSync(textPath).isFile()) {
      const shown = answer.file ? `${answer.file} (the "file" of "${key}")` : key;
      throw new EvalSetError(`${ANSWERS_FILE} lists ${shown}, which is not a file in ${dir}`);
    }
    return { key, textPath, answer };
  });
  const covered = new Set(cases.map((c) => c.textPath));
  const skipped = readdirSync(dir)
    .filter((file) => file.endsWith('.txt') && !covered.has(path.resolve(dir, file)))
    .sort();
  return { cases, skipped };
}

/** Parses answers.json; a malformed entry is named by its key and field, as in `"a.txt".quotes[2][1]`. */
export function parseAnswers(json: string): Record<string, Answer> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new EvalSetError(`${ANSWERS_FILE} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = Answers.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((issue) => {
    const where = fieldPath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = parsed.error.issues.length - issues.length;
  throw new EvalSetError(
    `${ANSWERS_FILE} is malformed: ${issues.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`,
  );
}

function fieldPath(parts: PropertyKey[]): string {
  return parts
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      const text = String(part);
      return index === 0 ? JSON.stringify(text) : `.${text}`;
    })
    .join('');
}
