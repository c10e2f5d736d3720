// Finds direct quotations in body paragraphs and attributes each to its speaker, or to nobody when
// the text does not say: a wrong attribution is worse than none.
import {
  PREPOSITIONS,
  PRONOUNS,
  ROLE_MODIFIERS,
  ROLE_NOUNS,
  SPEECH_FILLERS,
  SPEECH_VERBS,
  TITLES,
} from './lexicon.js';
import type { Mention, Unit } from './people.js';

export type FoundQuote = {
  text: string;
  paragraph: number;
  isPartial: boolean;
  speaker: string | null;
  speakerRoleAsWritten: string | null;
  attribution: string | null;
};

type Span = { open: number; close: number; inner: string };

/** Pairs double quotation marks; an unclosed one runs to the end (a quote continued next paragraph). */
function quoteSpans(text: string): Span[] {
  const marks = [...text.matchAll(/"/g)].map((m) => m.index);
  const spans: Span[] = [];
  for (let i = 0; i < marks.length; i += 2) {
    const open = marks[i] as number;
    const close = marks[i + 1] ?? text.length;
    spans.push({ open, close, inner: text.slice(open + 1, close) });
  }
  return spans;
}

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);
const plain = (word: string) => word.toLowerCase().replace(/[^\p{L}'-]/gu, '');

/** Start of the sentence containing `index`, not counting full stops inside earlier quotations. */
function sentenceStart(text: string, index: number, spans: Span[]): number {
  let start = 0;
  for (const match of text.slice(0, index).matchAll(/[.!?]["']?\s+(?=["'\p{Lu}])/gu)) {
    const at = match.index + match[0].length;
    if (!spans.some((s) => match.index > s.open && match.index < s.close)) start = at;
  }
  return start;
}

function hasSpeechVerb(text: string): boolean {
  return wordsOf(text).some((w) => SPEECH_VERBS.has(plain(w))) || /:\s*$/.test(text);
}

type Context = {
  unit: Unit;
  mentions: Mention[];
  lastSpeaker: string | null;
  previousSpeaker: string | null;
};

/** The person a mention or pronoun starting at `offset` refers to. */
function personAt(
  ctx: Context,
  offset: number,
  spanStart: number,
): { slug: string; end: number } | null {
  // Titles and roles may stand between: "said Health Minister Amara Okafor".
  const mention = ctx.mentions.find(
    (m) => m.start >= offset && onlyTitles(ctx.unit.text.slice(offset, m.start)),
  );
  if (mention) return { slug: mention.slug, end: mention.appositiveEnd ?? mention.end };
  const word = /^\p{L}+/u.exec(ctx.unit.text.slice(offset))?.[0] ?? '';
  if (PRONOUNS.has(word.toLowerCase())) {
    const slug = resolvePronoun(ctx, spanStart);
    return slug ? { slug, end: offset + word.length } : null;
  }
  return null;
}

function onlyTitles(text: string): boolean {
  return wordsOf(text).every(
    (w) =>
      /^\p{Lu}/u.test(w) ||
      TITLES.has(plain(w)) ||
      ROLE_NOUNS.has(plain(w)) ||
      ROLE_MODIFIERS.has(plain(w)),
  );
}

/** "he"/"she": the last speaker quoted, else the subject of the latest sentence that names someone. */
function resolvePronoun(ctx: Context, before: number): string | null {
  if (ctx.lastSpeaker) return ctx.lastSpeaker;
  const subjects = ctx.mentions.filter(
    (m) => m.start < before && !insideAppositive(ctx, m) && !afterPreposition(ctx, m),
  );
  const last = subjects.at(-1);
  if (last) return last.slug;
  return ctx.previousSpeaker;
}

function insideAppositive(ctx: Context, mention: Mention): boolean {
  return ctx.mentions.some(
    (m) =>
      m !== mention && m.appositiveEnd && mention.start > m.end && mention.start < m.appositiveEnd,
  );
}

function afterPreposition(ctx: Context, mention: Mention): boolean {
  const previous =
    wordsOf(ctx.unit.text.slice(Math.max(0, mention.start - 30), mention.start)).at(-1) ?? '';
  return PREPOSITIONS.has(plain(previous)) || /'s$/.test(previous);
}

/** `"…," X said` · `"…," said X, <role>` · `"…?" asked X` · `"…," X told <outlet>` · `"…," X was quoted saying`. */
function speakerAfter(ctx: Context, span: Span): string | null {
  const text = ctx.unit.text;
  let at = span.close + 1;
  const skip = () => {
    const ws = /^[\s,]*/.exec(text.slice(at))?.[0].length ?? 0;
    at += ws;
  };
  skip();
  const firstWord = () => /^[\p{L}'-]+/u.exec(text.slice(at))?.[0] ?? '';
  // Verb first: "said Jane Roe".
  let word = firstWord();
  while (SPEECH_FILLERS.has(word.toLowerCase())) {
    at += word.length;
    skip();
    word = firstWord();
  }
  if (SPEECH_VERBS.has(word.toLowerCase())) {
    at += word.length;
    skip();
    return personAt(ctx, at, span.open)?.slug ?? null;
  }
  // Speaker first: "Jane Roe said", "she added", "Peskov was quoted saying".
  const person = personAt(ctx, at, span.open);
  if (!person) return null;
  const rest = text.slice(person.end).replace(/^[\s,]+/, '');
  const verb =
    /^(?:(?:also|later|then|again|had|has|was|is|were|quickly|simply)\s+)*(?:quoted\s+(?:as\s+)?)?([\p{L}]+)/u.exec(
      rest,
    )?.[1] ?? '';
  return SPEECH_VERBS.has(verb.toLowerCase()) ? person.slug : null;
}

/** `According to X, "…"` · `X said that "…"` · `X told reporters that "…"` · `He added: "…"`. */
function speakerBefore(ctx: Context, span: Span, start: number): string | null {
  const text = ctx.unit.text;
  const before = text.slice(start, span.open);
  const according = /according to\s+(.+?),?\s*$/i.exec(before);
  if (according) {
    const offset = start + (according.index ?? 0) + according[0].indexOf(according[1] as string);
    return personAt(ctx, offset, span.open)?.slug ?? null;
  }
  const words = [...before.matchAll(/[\p{L}'-]+/gu)];
  const verb = words.findLast((w) => SPEECH_VERBS.has(w[0].toLowerCase()));
  if (!verb) return null;
  const verbAt = start + verb.index;
  const subjects = ctx.mentions.filter(
    (m) =>
      m.start >= start && m.end <= verbAt && !insideAppositive(ctx, m) && !afterPreposition(ctx, m),
  );
  const subject = subjects.at(-1);
  if (subject) return subject.slug;
  const pronoun = words.findLast(
    (w) => start + w.index < verbAt && PRONOUNS.has(w[0].toLowerCase()),
  );
  return pronoun ? resolvePronoun(ctx, span.open) : null;
}

/** A fragment inside the writer's sentence, rather than a whole quoted sentence. */
function isPartialQuote(text: string, span: Span, start: number): boolean {
  const inner = span.inner.trim();
  if (!/^\p{Lu}/u.test(inner)) return true;
  const lead = text.slice(start, span.open).trim();
  if (lead === '' || /[:,]$/.test(lead)) return false;
  return !/[.,?!]$/.test(inner);
}

/** Scare quotes: one to three ordinary words with no speech verb nearby ("strained", "damaging"). */
function isScareQuote(text: string, span: Span, start: number): boolean {
  if (wordsOf(span.inner).length > 3) return false;
  const lead = wordsOf(text.slice(start, span.open)).slice(-5).join(' ');
  if (hasSpeechVerb(lead)) return false;
  const after = text.slice(span.close + 1, span.close + 60);
  return !(
    /[,?!.]$/.test(span.inner.trim()) &&
    /^\s*,?\s*\S/.test(after) &&
    hasSpeechVerb(wordsOf(after).slice(0, 4).join(' '))
  );
}

const ATTRIBUTION =
  /\b((?:during|in|at)\s+(?:a|an|the|his|her)\s+(?:\p{Ll}+\s+){0,2}(?:interview|press conference|news conference|statement|briefing|speech|post|address|hearing|radio interview|television interview)(?:\s+with\s+[\p{Lu}][\p{L}.&' ]+)?)/u;

export function findQuotes(paragraphs: { unit: Unit; mentions: Mention[] }[]): FoundQuote[] {
  const quotes: FoundQuote[] = [];
  let previousSpeaker: string | null = null;
  for (const { unit, mentions } of paragraphs) {
    const text = unit.text;
    const spans = quoteSpans(text);
    const ctx: Context = { unit, mentions, lastSpeaker: null, previousSpeaker };
    let lastEnd = 0;
    for (const span of spans) {
      const start = Math.max(sentenceStart(text, span.open, spans), lastEnd);
      if (isScareQuote(text, span, start)) continue;
      let speaker = speakerAfter(ctx, span) ?? speakerBefore(ctx, span, start);
      if (!speaker && !mentions.some((m) => m.start > lastEnd && m.start < span.open)) {
        // A quotation continuing the last speaker's words, with nobody else named in between.
        speaker = ctx.lastSpeaker ?? (span.open === 0 ? previousSpeaker : null);
      }
      const sentence = text.slice(
        start,
        Math.min(text.length, text.indexOf('.', span.close + 1) + 1 || text.length),
      );
      const speakerMention = speaker
        ? mentions.find((m) => m.slug === speaker && m.role)
        : undefined;
      quotes.push({
        text: span.inner.trim().replace(/,$/, ''),
        paragraph: unit.index,
        isPartial: isPartialQuote(text, span, start),
        speaker,
        speakerRoleAsWritten: speakerMention?.role ?? null,
        attribution: ATTRIBUTION.exec(sentence.slice(span.close - start))?.[1] ?? null,
      });
      if (speaker) ctx.lastSpeaker = speaker;
      lastEnd = span.close + 1;
    }
    previousSpeaker = ctx.lastSpeaker ?? (mentions.length ? null : previousSpeaker);
  }
  return quotes;
}
