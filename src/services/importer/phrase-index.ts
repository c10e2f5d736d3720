// Where names stand in an article's paragraphs, found through one index of their letter runs rather
// than one regular-expression scan per name and paragraph: an article naming thousands of people,
// in one paragraph or in thousands, would otherwise cost names × length, a text an editor could
// send to stall the importer.

const LETTER_RUN = /\p{L}+/gu;

const letterBefore = (text: string, at: number) =>
  at > 0 && /\p{L}$/u.test(text.slice(Math.max(0, at - 2), at));
const letterAfter = (text: string, at: number) => /^\p{L}/u.test(text.slice(at, at + 2));

/** Where a phrase stands: which text, and where in it. */
export type Place = { text: number; start: number; end: number };

export class PhraseIndex {
  /** Each letter run, with every place it stands, in text order. */
  private runs: Map<string, Omit<Place, 'end'>[]> | undefined;

  constructor(readonly texts: readonly string[]) {}

  /**
   * The places of `phrase` with no letter just before or after, text by text and left to right, not
   * overlapping: what `matchAll` of `(?<![\p{L}])phrase(?![\p{L}])` finds in each text.
   */
  find(phrase: string): Place[] {
    if (phrase.length === 0) return [];
    const parts = [...phrase.matchAll(LETTER_RUN)];
    if (parts.length === 0) return this.texts.flatMap((_, text) => this.scan(text, phrase));
    const runs = this.index();
    // Every match holds each of the phrase's letter runs as a whole run of the text: look only
    // where its rarest one stands.
    let rarest = parts[0] as RegExpMatchArray;
    let fewest = Number.POSITIVE_INFINITY;
    for (const part of parts) {
      const count = runs.get(part[0])?.length ?? 0;
      if (count === 0) return [];
      if (count < fewest) {
        fewest = count;
        rarest = part;
      }
    }
    const found: Place[] = [];
    let lastText = -1;
    let lastEnd = -1;
    for (const place of runs.get(rarest[0]) ?? []) {
      const text = this.texts[place.text] as string;
      const start = place.start - (rarest.index ?? 0);
      const end = start + phrase.length;
      if (place.text === lastText && start < lastEnd) continue;
      if (start < 0 || !text.startsWith(phrase, start)) continue;
      if (letterBefore(text, start) || letterAfter(text, end)) continue;
      found.push({ text: place.text, start, end });
      lastText = place.text;
      lastEnd = end;
    }
    return found;
  }

  /** A phrase with no letters in it (never a name) is looked for the plain way. */
  private scan(textIndex: number, phrase: string): Place[] {
    const text = this.texts[textIndex] as string;
    const found: Place[] = [];
    let lastEnd = -1;
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      const end = at + phrase.length;
      if (at < lastEnd || letterBefore(text, at) || letterAfter(text, end)) continue;
      found.push({ text: textIndex, start: at, end });
      lastEnd = end;
    }
    return found;
  }

  private index(): Map<string, Omit<Place, 'end'>[]> {
    if (this.runs) return this.runs;
    const runs = new Map<string, Omit<Place, 'end'>[]>();
    this.texts.forEach((text, index) => {
      for (const m of text.matchAll(LETTER_RUN)) {
        const place = { text: index, start: m.index };
        const list = runs.get(m[0]);
        if (list) list.push(place);
        else runs.set(m[0], [place]);
      }
    });
    this.runs = runs;
    return runs;
  }
}

/**
 * For each text, the places of the given phrases in it: phrase by phrase in the order given, each
 * left to right. Looping over a text's entries visits them as looping over the phrases and
 * scanning the text for each would.
 */
export function placesByText<T>(
  index: PhraseIndex,
  phrases: readonly T[],
  placesOf: (phrase: T) => Place[],
): { phrase: T; start: number; end: number }[][] {
  const byText: { phrase: T; start: number; end: number }[][] = index.texts.map(() => []);
  for (const phrase of phrases)
    for (const { text, start, end } of placesOf(phrase)) byText[text]?.push({ phrase, start, end });
  return byText;
}
