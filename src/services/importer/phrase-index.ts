// Where a name stands in a paragraph, found through an index of the paragraph's letter runs rather
// than one regular-expression scan per name: a long paragraph naming thousands of people would
// otherwise cost names × length, a text an editor could send to stall the importer.

const LETTER_RUN = /\p{L}+/gu;

const letterBefore = (text: string, at: number) =>
  at > 0 && /\p{L}$/u.test(text.slice(Math.max(0, at - 2), at));
const letterAfter = (text: string, at: number) => /^\p{L}/u.test(text.slice(at, at + 2));

export class PhraseIndex {
  private runs: Map<string, number[]> | undefined;

  constructor(readonly text: string) {}

  /**
   * The starts of `phrase` in the text with no letter just before or after, left to right and not
   * overlapping: what `matchAll` of `(?<![\p{L}])phrase(?![\p{L}])` finds.
   */
  find(phrase: string): number[] {
    if (phrase.length === 0) return [];
    const parts = [...phrase.matchAll(LETTER_RUN)];
    if (parts.length === 0) return this.scan(phrase);
    const runs = this.index();
    // Every match holds each of the phrase's letter runs as a whole run of the text: look only
    // where its rarest one stands.
    let rarest: RegExpExecArray | RegExpMatchArray | undefined;
    let fewest = Number.POSITIVE_INFINITY;
    for (const part of parts) {
      const count = runs.get(part[0])?.length ?? 0;
      if (count === 0) return [];
      if (count < fewest) {
        fewest = count;
        rarest = part;
      }
    }
    const { text } = this;
    const starts: number[] = [];
    let lastEnd = -1;
    for (const at of runs.get((rarest as RegExpMatchArray)[0]) ?? []) {
      const start = at - ((rarest as RegExpMatchArray).index ?? 0);
      const end = start + phrase.length;
      if (start < lastEnd || start < 0 || !text.startsWith(phrase, start)) continue;
      if (letterBefore(text, start) || letterAfter(text, end)) continue;
      starts.push(start);
      lastEnd = end;
    }
    return starts;
  }

  /** A phrase with no letters in it (never a name) is looked for the plain way. */
  private scan(phrase: string): number[] {
    const { text } = this;
    const starts: number[] = [];
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      const end = at + phrase.length;
      if (starts.length && at < (starts.at(-1) as number) + phrase.length) continue;
      if (!letterBefore(text, at) && !letterAfter(text, end)) starts.push(at);
    }
    return starts;
  }

  private index(): Map<string, number[]> {
    if (this.runs) return this.runs;
    const runs = new Map<string, number[]>();
    for (const m of this.text.matchAll(LETTER_RUN)) {
      const list = runs.get(m[0]);
      if (list) list.push(m.index);
      else runs.set(m[0], [m.index]);
    }
    this.runs = runs;
    return runs;
  }
}
