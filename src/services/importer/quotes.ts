// Finds direct quotations in body paragraphs and attributes each to its speaker, or to nobody when
// the text does not say: a wrong attribution is worse than none.
import {
  BETWEEN_SPEAKER_AND_VERB,
  PREPOSITIONS,
  PRONOUNS,
  QUOTING_VERBS,
  SPEECH_FILLERS,
  SPEECH_VERBS,
} from './lexicon.js';
import { isRoleWord, type Mention, type Unit } from './people.js';

export type FoundQuote = {
  text: string;
  paragraph: number;
  isPartial: boolean;
  speaker: string | null;
  speakerRoleAsWritten: string | null;
  attribution: string | null;
};

type Span = { open: number; close: number; inner: string };

/**
 * What an attribution pattern found: a person, or `NOBODY` when the text names a speaker who is not
 * a known person ("said a senior senator", "the ministry said"); then no other rule may guess.
 */
const NOBODY = Symbol('nobody');
type Found = string | typeof NOBODY | null;

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

const NOUN_PHRASE_OPENERS = new Set([
  'the',
  'a',
  'an',
  'one',
  'another',
  'some',
  'its',
  'his',
  'her',
  'their',
  'our',
  'several',
  'two',
  'three',
  'many',
]);
const CONJUNCTIONS = new Set([
  'and',
  'but',
  'or',
  'while',
  'as',
  'after',
  'before',
  'because',
  'so',
  'then',
  'which',
  'who',
  'that',
]);

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);
const plain = (word: string) => word.toLowerCase().replace(/[^\p{L}'-]/gu, '');

/** Start of the sentence containing `index`, not counting full stops inside earlier quotations. */
function sentenceStart(text: string, index: number, spans: Span[]): number {
  let start = 0;
  // One character past `index`, so that a sentence opening with this very quotation is seen.
  for (const match of text.slice(0, index + 1).matchAll(/[.!?]["']?\s+(?=["'\p{Lu}])/gu)) {
    if (!spans.some((s) => match.index > s.open && match.index < s.close))
      start = match.index + match[0].length;
  }
  return start;
}

type Context = {
  unit: Unit;
  mentions: Mention[];
  /** Speaker of the latest attributed quote in this paragraph. */
  lastSpeaker: string | null;
  /** Who "he" or "she" most likely means at the start of this paragraph. */
  previousSubject: string | null;
};

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

/** Mentions that can be the subject of a sentence: not inside someone's appositive, not an object. */
function subjects(ctx: Context): Mention[] {
  return ctx.mentions.filter((m) => !insideAppositive(ctx, m) && !afterPreposition(ctx, m));
}

/** "he"/"she": the last speaker quoted in this paragraph, else the latest subject, else the previous paragraph's. */
function resolvePronoun(ctx: Context, before: number): string | null {
  if (ctx.lastSpeaker) return ctx.lastSpeaker;
  return (
    subjects(ctx)
      .filter((m) => m.start < before)
      .at(-1)?.slug ?? ctx.previousSubject
  );
}

/** Only titles and role words stand between: "said Health Minister Amara Okafor". */
function onlyTitles(text: string): boolean {
  return wordsOf(text).every((w) => /^\p{Lu}/u.test(w) || isRoleWord(w));
}

/** The person named (or pronoun) starting at `offset`, with where their name and appositive end. */
function personAt(
  ctx: Context,
  offset: number,
  quoteOpen: number,
): { slug: string; end: number } | null {
  const mention = ctx.mentions.find(
    (m) =>
      m.start >= offset &&
      m.start - offset < 60 &&
      onlyTitles(ctx.unit.text.slice(offset, m.start)),
  );
  if (mention) return { slug: mention.slug, end: mention.appositiveEnd ?? mention.end };
  const word = /^\p{L}+/u.exec(ctx.unit.text.slice(offset))?.[0] ?? '';
  if (PRONOUNS.has(word.toLowerCase())) {
    const slug = resolvePronoun(ctx, quoteOpen);
    return slug ? { slug, end: offset + word.length } : null;
  }
  return null;
}

/** Skips ", 81," ages and adverbs between a speaker and the verb; returns the verb. */
function verbAfter(text: string): string {
  const rest = text.replace(/^,\s*\d{1,3},/, '').replace(/^[\s,]+/, '');
  let verb = '';
  for (const word of wordsOf(rest)) {
    const w = plain(word);
    if (BETWEEN_SPEAKER_AND_VERB.has(w) || w === 'quoted' || w === 'as') continue;
    verb = w;
    break;
  }
  return verb;
}

/** `"…," X said` · `"…," said X, <role>` · `"…?" asked X` · `"…," X told <outlet>` · `"…," X was quoted saying`. */
function speakerAfter(ctx: Context, span: Span): Found {
  const text = ctx.unit.text;
  const sentenceEnd = /[.!?](?:\s|$)|"/.exec(text.slice(span.close + 1));
  const after = text.slice(
    span.close + 1,
    sentenceEnd ? span.close + 1 + sentenceEnd.index + 1 : text.length,
  );
  const lead = /^[\s,]*/.exec(after)?.[0].length ?? 0;
  const words = wordsOf(after.slice(lead));
  let skipped = 0;
  while (SPEECH_FILLERS.has(plain(words[skipped] ?? ''))) skipped++;
  const first = plain(words[skipped] ?? '');
  if (SPEECH_VERBS.has(first)) {
    const verbEnd =
      after.indexOf(words[skipped] as string, lead) + (words[skipped] as string).length;
    const offset = span.close + 1 + verbEnd + (/^\s*/.exec(after.slice(verbEnd))?.[0].length ?? 0);
    return personAt(ctx, offset, span.open)?.slug ?? NOBODY;
  }
  const person = personAt(ctx, span.close + 1 + lead, span.open);
  if (person) return SPEECH_VERBS.has(verbAfter(text.slice(person.end))) ? person.slug : null;
  // Someone who is not a known person said it: "the ministry said", "a neighbour added", "Unknown said".
  const opensNounPhrase = NOUN_PHRASE_OPENERS.has(first) || /^\p{Lu}/u.test(words[skipped] ?? '');
  const verbAt = words.findIndex((w, i) => i > skipped && SPEECH_VERBS.has(plain(w)));
  const phrase = words.slice(skipped, verbAt < 0 ? 0 : verbAt);
  const plainPhrase = phrase.every((w) => !CONJUNCTIONS.has(plain(w)) && !/[,;]$/.test(w));
  return opensNounPhrase && verbAt > 0 && verbAt - skipped <= 6 && plainPhrase ? NOBODY : null;
}

/** `According to X, "…"` · `X said that "…"` · `X told reporters that "…"` · `She smiled: "…"`. */
function speakerBefore(ctx: Context, span: Span, start: number): Found {
  const text = ctx.unit.text;
  const before = text.slice(start, span.open);
  const according = /according to\s+(.+?),?\s*$/i.exec(before);
  if (according) {
    return (
      personAt(
        ctx,
        start + according.index + according[0].indexOf(according[1] as string),
        span.open,
      )?.slug ?? NOBODY
    );
  }
  const words = [...before.matchAll(/[\p{L}'-]+/gu)];
  // A colon right before the quote introduces speech whatever the verb: "she smiled: "…"".
  const verb = /:\s*$/.test(before)
    ? words.at(-1)
    : words.findLast((w) => SPEECH_VERBS.has(w[0].toLowerCase()));
  if (!verb) return null;
  const verbAt = start + verb.index;
  const candidates = subjects(ctx).filter((m) => m.start >= start && m.end <= verbAt);
  // The speaker stands right before the verb, perhaps with an appositive or an adverb between.
  const adjacent = candidates.findLast(
    (m) =>
      verbAfter(text.slice(m.appositiveEnd ?? m.end, verbAt + verb[0].length)) ===
      verb[0].toLowerCase(),
  );
  if (adjacent) return adjacent.slug;
  const pronoun = words.findLast(
    (w) => start + w.index < verbAt && PRONOUNS.has(w[0].toLowerCase()),
  );
  if (
    pronoun &&
    verbAfter(text.slice(start + pronoun.index + pronoun[0].length, verbAt + verb[0].length)) ===
      verb[0].toLowerCase()
  ) {
    return resolvePronoun(ctx, span.open) ?? NOBODY;
  }
  // Or is the subject of the sentence's clause, and nobody else is named before the verb.
  const first = candidates[0];
  const others = ctx.mentions.filter(
    (m) =>
      m.start >= start && m.end <= verbAt && m.slug !== first?.slug && !insideAppositive(ctx, m),
  );
  return first && isClauseSubject(ctx, first) && others.length === 0 ? first.slug : NOBODY;
}

/** A name followed by its verb ("Obama also believes", "Peskov, the spokesperson …, denied"). */
function isClauseSubject(ctx: Context, mention: Mention): boolean {
  const rest = ctx.unit.text.slice(mention.appositiveEnd ?? mention.end);
  const next = (mention.appositiveEnd ? rest.replace(/^,/, '') : rest).replace(/^,\s*\d{1,3},/, '');
  const word = /^\s+(\p{Ll}[\p{L}'-]*)/u.exec(next)?.[1] ?? '';
  return (
    word !== '' &&
    !PREPOSITIONS.has(word) &&
    !CONJUNCTIONS.has(word) &&
    !NOUN_PHRASE_OPENERS.has(word)
  );
}

/** A fragment inside the writer's sentence, rather than a whole quoted sentence. */
function isPartialQuote(text: string, span: Span, start: number): boolean {
  const inner = span.inner.trim();
  if (!/^\p{Lu}/u.test(inner)) return true;
  const lead = text.slice(start, span.open).trim();
  if (lead === '' || /[:,]$/.test(lead)) return false;
  return !/[.,?!]$/.test(inner);
}

/** Scare quotes: one to three ordinary words with no quoting verb in the clause before them. */
function isScareQuote(ctx: Context, span: Span, start: number): boolean {
  if (wordsOf(span.inner).length > 3) return false;
  const lead = wordsOf(ctx.unit.text.slice(start, span.open)).slice(-12);
  if (
    lead.some((w) => QUOTING_VERBS.has(plain(w))) ||
    /:\s*$/.test(ctx.unit.text.slice(start, span.open))
  )
    return false;
  return !(/[,?!.]$/.test(span.inner.trim()) && speakerAfter(ctx, span) !== null);
}

const ATTRIBUTION =
  /\b((?:during|in|at)\s+(?:a|an|the|his|her)\s+(?:\p{Ll}+\s+){0,2}(?:interview|press conference|news conference|statement|briefing|speech|post|address|hearing)(?:\s+with\s+\p{Lu}[\p{L}.&' ]+)?)/u;

export function findQuotes(paragraphs: { unit: Unit; mentions: Mention[] }[]): FoundQuote[] {
  const quotes: FoundQuote[] = [];
  let previousSubject: string | null = null;
  let previousQuoteSpeaker: string | null = null;
  for (const { unit, mentions } of paragraphs) {
    const text = unit.text;
    const spans = quoteSpans(text);
    const ctx: Context = { unit, mentions, lastSpeaker: null, previousSubject };
    let lastEnd = 0;
    for (const span of spans) {
      const start = Math.max(sentenceStart(text, span.open, spans), lastEnd);
      if (isScareQuote(ctx, span, start)) continue;
      const found = speakerAfter(ctx, span) ?? speakerBefore(ctx, span, start);
      let speaker = found === NOBODY ? null : found;
      if (found === null) {
        // No pattern at all: a quotation continuing the last speaker's words, if nobody else is named between.
        const continuing = ctx.lastSpeaker ?? (span.open === 0 ? previousQuoteSpeaker : null);
        const interrupted = mentions.some(
          (m) => m.start >= lastEnd && m.start < span.open && m.slug !== continuing,
        );
        speaker = interrupted ? null : continuing;
      }
      const sentenceEnd = text.indexOf('.', span.close + 1);
      const tail = text.slice(span.close, sentenceEnd < 0 ? text.length : sentenceEnd + 1);
      quotes.push({
        text: span.inner.trim().replace(/,$/, ''),
        paragraph: unit.index,
        isPartial: isPartialQuote(text, span, start),
        speaker,
        speakerRoleAsWritten: speaker
          ? (mentions.find((m) => m.slug === speaker && m.role)?.role ?? null)
          : null,
        attribution: ATTRIBUTION.exec(tail)?.[1] ?? null,
      });
      ctx.lastSpeaker = speaker;
      lastEnd = span.close + 1;
    }
    previousQuoteSpeaker = spans.length ? ctx.lastSpeaker : null;
    previousSubject =
      ctx.lastSpeaker ?? subjects(ctx).at(-1)?.slug ?? (mentions.length ? null : previousSubject);
  }
  return quotes;
}
