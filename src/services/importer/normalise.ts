// Text clean-up shared by every part of the importer: the same input always yields the same strings.
import { createHash } from 'node:crypto';
import { QUOTING_VERBS } from './lexicon.js';

/** Unifies line endings, spaces, apostrophes and quotation marks, and trims trailing whitespace. */
export function normaliseText(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u00A0\u2007\u202F\u2009\u200A]/g, ' ')
      // `he maintained.“Since then …`: an opening mark glued to the sentence before it.
      .replace(/([.!?,;])\u201C(?=\p{L})/gu, '$1 \u201C')
      // `‘Don’t talk to us …,” said Mkhwanazi`: a paragraph opened with a single mark and closed
      // with a double one, with no single mark closing between (apostrophes aside), is a double
      // quotation. Only at a paragraph's start: inside one, `“They call it ‘the beast,” he said`
      // is a nested quotation left open, and the double mark closes the outer one.
      .replace(/^\u2018([^\n\u201C\u201D\u2018]*?)\u201D/gmu, (span, inner) =>
        /\u2019(?!\p{L})/u.test(inner) ? span : `\u201C${inner}\u201D`,
      )
      // `“Someone can even shout, "Speaker Must Go." However, …”`: straight marks inside curly
      // ones are a nested quotation, which single marks carry once all doubles are straight. Not
      // when the first straight mark closes (`“Production is moving," said Hale. "This …”`): the
      // outlet mixed its marks, and the straight ones are the outer quotation's own.
      .replace(/\u201C[^\u201C\u201D\n]*\u201D/g, (span) =>
        // (A digit before it is an inches mark: `6ft 2" and fast`.)
        /^[^"]*[^\s"\d]"(?=[\s,.;:!?]|$)/.test(span.slice(1)) ? span : span.replace(/"/g, "'"),
      )
      // Two single marks stand for a double one in some outlets' type: ‘‘…’’ or ''…''; typewriter
      // wires open with two backticks: ``…'' or ``…″.
      .replace(/[\u2018\u2019']{2}|``/g, '"')
      .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
      .split('\n')
      .map((line) => line.replace(/[ \t]+$/, ''))
      // An opening mark lost to a wrong encoding reads "?": `?Everything clicked …," she said.` A line that
      // opens so before a word and holds an odd number of marks had its first one replaced.
      .map((line) =>
        /^\?(?=\p{L})/u.test(line) && (line.match(/"/g)?.length ?? 0) % 2 === 1
          ? `"${line.slice(1)}`
          : line,
      )
      .join('\n')
  );
}

/** Collapses runs of whitespace to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Lowercase ASCII words joined by hyphens: "Meg Leung's Art" → "meg-leungs-art". Text with no Latin
 * letters at all ("梁麗橋專訪") gets `<fallback>-<hash>`, so a slug is never empty and never shared.
 */
export function slugify(text: string, maxLength = 100, fallback = 'item'): string {
  const slug = latinSlug(text, maxLength);
  if (slug) return slug;
  const hash = createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 10);
  return `${fallback}-${hash}`;
}

function latinSlug(text: string, maxLength: number): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

// An apostrophe that opens a word, not a quotation: '90s, 'n', 'em, 'til, 'cause, 'tis, 'twas.
const ELISION = /^(?:\d0s|\d\ds?\b|n'|em\b|til\b|cause\b|tis\b|twas\b)/iu;

type SingleSpan = { open: number; close: number };

/** Single quotation marks paired in one paragraph, told apart from apostrophes by where they sit. */
function singleSpans(text: string, nextOpens = false): SingleSpan[] {
  const spans: SingleSpan[] = [];
  const marks = [...text.matchAll(/'/g)].map((m) => m.index);
  const opens = (i: number) =>
    (i === 0 || /[\s(["—–-]/u.test(text[i - 1] as string)) &&
    /[\p{L}\p{N}.…]/u.test(text[i + 1] ?? '') &&
    !ELISION.test(text.slice(i + 1, i + 6));
  const closes = (i: number) =>
    i > 0 &&
    /[\p{L}\p{N}.,!?…)]/u.test(text[i - 1] as string) &&
    (i + 1 >= text.length || /[\s,.;:!?)\]—–-]/u.test(text[i + 1] as string));
  let open = -1;
  for (const [k, i] of marks.entries()) {
    if (open < 0) {
      if (opens(i)) open = i;
      continue;
    }
    if (!closes(i)) continue;
    // "the Joneses' house": a plural possessive, when a later mark can still close the quotation.
    const possessive = /s$/.test(text.slice(0, i)) && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 3));
    const later = marks.slice(k + 1).find((j) => opens(j) || closes(j));
    if (possessive && later !== undefined && !opens(later)) continue;
    spans.push({ open, close: i });
    open = -1;
  }
  // A quotation opening the paragraph and left open runs on into the next, as double marks do; so
  // does one a colon or comma introduces (`She said: 'I think …`) when the next paragraph opens
  // with a mark.
  if (open === 0 || (open > 0 && nextOpens && /[:,]\s$/.test(text.slice(0, open))))
    spans.push({ open, close: text.length });
  return spans;
}

/**
 * A single-marked span reads as speech when it has three words or more, or when a quoting verb
 * comes before it in its sentence: "Jo Harte said his side were 'brilliant'".
 */
function readsAsSpeech(text: string, span: SingleSpan): boolean {
  if (
    text
      .slice(span.open + 1, span.close)
      .trim()
      .split(/\s+/).length >= 3
  )
    return true;
  return quotingVerbBefore(text, span);
}

const QUOTING_VERB_REACH = 300;

/** Whether a quoting verb comes before the span in its sentence ("branded … as 'disgraceful'"). */
function quotingVerbBefore(text: string, span: SingleSpan): boolean {
  // Bounded as a clause is, so a paragraph of many marked words stays linear.
  const sentence =
    text
      .slice(Math.max(0, span.open - QUOTING_VERB_REACH), span.open)
      .split(/[.!?]\s+(?=\p{Lu})/u)
      .at(-1) ?? '';
  return (sentence.toLowerCase().match(/\p{L}+/gu) ?? []).some((w) => QUOTING_VERBS.has(w));
}

/**
 * Outlets in the UK, Ireland and Australia mark quotations with single marks ('We will not close
 * the ward,' the minister said) and nest double ones inside. Decided per article: when every double
 * mark sits inside a single-marked span and some span reads as speech (readsAsSpeech), the
 * analysis text swaps the two, at the same offsets, so the passes see the house style they know.
 * Returns null when the article uses double marks (single ones inside them stay nested quotes).
 */
export function singleQuotesAsDouble(paragraphs: string[]): string[] | null {
  if (!paragraphs.some((p) => p.includes("'"))) return null;
  const spans = paragraphs.map((text, i) => singleSpans(text, /^'/.test(paragraphs[i + 1] ?? '')));
  let speech = false;
  for (const [index, text] of paragraphs.entries()) {
    const own = spans[index] as SingleSpan[];
    for (const m of text.matchAll(/"/g))
      if (!own.some((s) => m.index > s.open && m.index < s.close))
        return singleQuotedLeads(paragraphs, spans);
    if (own.some((s) => readsAsSpeech(text, s))) speech = true;
  }
  if (!speech) return null;
  return paragraphs.map((text, index) => {
    // Each swap keeps the length, so the spans' offsets stay valid as the text changes.
    let out = text;
    for (const { open, close } of spans[index] as SingleSpan[]) {
      const inner = out.slice(open + 1, close).replace(/"/g, "'");
      out = `${out.slice(0, open)}"${inner}${close < out.length ? '"' : ''}${out.slice(close + 1)}`;
    }
    return out;
  });
}

/**
 * In an article that uses double marks, a paragraph with none that opens with a single-marked
 * sentence closed by its punctuation (`'This discovery is rare,' said Dr Lee.`) is still a
 * quotation: one slip of house style. Only that opening span is swapped.
 */
function singleQuotedLeads(paragraphs: string[], spans: SingleSpan[][]): string[] | null {
  let changed = false;
  const out = paragraphs.map((text, index) => {
    const first = spans[index]?.[0];
    if (text.includes('"') || !first) return text;
    // `The leader branded the accusations as 'disgraceful'`: a closed span a quoting verb in its
    // sentence credits to someone, as in an article that marks all its quotations so.
    const credited = (spans[index] ?? []).filter(
      (s) => s.close < text.length && quotingVerbBefore(text, s),
    );
    if (credited.length > 0) {
      changed = true;
      // In one pass: the marks change, the offsets do not.
      const chars = text.split('');
      for (const { open, close } of credited) {
        chars[open] = '"';
        chars[close] = '"';
      }
      return chars.join('');
    }
    // A standfirst in headline style: `The row began when the judge remarked, 'If I …'`. A
    // closed span a speech verb introduces with a comma or colon is the quotation.
    // So is one right after such a verb: `The NPA admitted 'we have erred and …' after …`.
    const introduced = /\b\p{Ll}+(?:ed|id|ld|te)\s*[,:]?\s*$/u.test(text.slice(0, first.open));
    if (introduced && first.close < text.length) {
      const inner = text.slice(first.open + 1, first.close);
      if (inner.trim().split(/\s+/).length >= 3) {
        changed = true;
        return `${text.slice(0, first.open)}"${inner}"${text.slice(first.close + 1)}`;
      }
    }
    if (first.open !== 0 || first.close >= text.length) return text;
    const inner = text.slice(1, first.close);
    if (!/[,.!?]$/.test(inner) || inner.trim().split(/\s+/).length < 3) return text;
    changed = true;
    return `"${inner}"${text.slice(first.close + 1)}`;
  });
  return changed ? out : null;
}

/**
 * `Jo Lee, "Ladyfish' co-star, said: "…"`: a quotation opened with a double mark and closed, a few
 * words on, with a single one. In a paragraph with an odd number of double marks that single mark
 * is taken for the double one it stands for (same length, so offsets hold); otherwise every mark
 * after it pairs wrongly.
 */
export function mismatchedClosers(paragraphs: string[]): string[] {
  return paragraphs.map((text) => {
    if ((text.match(/"/g)?.length ?? 0) % 2 === 0) return text;
    // `'We have not forgotten … which we all want".`: a paragraph opened with a single mark and
    // closed by its only double one.
    if (/^'\p{Lu}/u.test(text) && text.match(/"/g)?.length === 1 && /["][.,]?\s*$/.test(text))
      return `"${text.slice(1)}`;
    const slip = /"((?:[\p{L}\p{N}-]+\s+){0,3}[\p{L}\p{N}-]*[\p{L}\p{N}])'(?=[\s,.;:])/u.exec(text);
    if (!slip) return nestedOpener(text);
    // `"… the Joneses' house`: a plural possessive, not a closing mark.
    if (
      /s$/.test(slip[1] as string) &&
      /^'\s+\p{Ll}/u.test(text.slice(slip.index + slip[0].length - 1))
    )
      return text;
    const at = slip.index + slip[0].length - 1;
    return `${text.slice(0, at)}"${text.slice(at + 1)}`;
  });
}

/**
 * `"For me it matters. I will call him and say, "Let's talk it out'. That is all" the actor said.`:
 * a quotation nested in another opens with a double mark and closes with a single one. With an odd
 * number of double marks, two opening marks in a row before a closing one make the second the
 * nested quotation's; it becomes a single mark (same length, so offsets hold), and the outer
 * quotation pairs again.
 */
function nestedOpener(text: string): string {
  const marks = [...text.matchAll(/"/g)].map((m) => m.index);
  const opens = (at: number) =>
    (at === 0 || /[\s([—–]/u.test(text[at - 1] as string)) && /\S/u.test(text[at + 1] ?? '');
  const closes = (at: number) =>
    /\S/u.test(text[at - 1] ?? '') &&
    (at + 1 >= text.length || /[\s,.;:!?)—–]/u.test(text[at + 1] as string));
  for (let i = 0; i + 2 < marks.length; i++) {
    const [a, b, c] = [marks[i], marks[i + 1], marks[i + 2]] as [number, number, number];
    // The nested one follows words that introduce speech: `and say, "`, `told him: "`.
    if (opens(a) && opens(b) && !closes(b) && closes(c) && /[,:]\s$/.test(text.slice(b - 2, b)))
      return `${text.slice(0, b)}'${text.slice(b + 1)}`;
  }
  return text;
}
