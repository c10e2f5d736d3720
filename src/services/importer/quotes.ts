// Finds direct quotations in body paragraphs and attributes each to its speaker, or to nobody when
// the text does not say: a wrong attribution is worse than none.

import type { AttributionMethod } from './attribution.js';
import {
  BETWEEN_SPEAKER_AND_VERB,
  INVERTED_SPEECH_VERBS,
  POST_NOMINALS,
  PREPOSITIONS,
  PRONOUNS,
  QUOTING_VERBS,
  ROLE_MODIFIERS,
  SENTENCE_OPENERS,
  SPEECH_FILLERS,
  SPEECH_VERBS,
} from './lexicon.js';
import type { Gender } from './names.js';
import { collapse } from './normalise.js';
import { isRoleWord, type Mention, type Unit } from './people.js';

export type FoundQuote = {
  text: string;
  paragraph: number;
  isPartial: boolean;
  speaker: string | null;
  speakerRoleAsWritten: string | null;
  attribution: string | null;
  method: AttributionMethod;
  sourceAsWritten: string | null;
  evidence: string;
};

type Span = { open: number; close: number; inner: string };

/**
 * What an attribution pass found: a person, or nobody (`speaker: null`) when the text names a
 * source that is not a known person ("said a senior senator", "the ministry said"); then no later
 * pass may guess. `null` instead of a Found means the pass did not apply.
 */
type Found = { speaker: string | null; method: AttributionMethod; source: string | null };

/** Nobody named: keep the source as written, if it reads as a short noun phrase. */
const nobody = (source: string | null = null): Found => {
  const phrase = source ? collapseSource(source) : null;
  return { speaker: null, method: 'NONE', source: phrase };
};

function collapseSource(text: string): string | null {
  const phrase = collapse(text).replace(/^[,;:"\s]+|[,;:."\s]+$/g, '');
  const words = wordsOf(phrase);
  return words.length > 0 && words.length <= 10 && !PRONOUNS.has(phrase.toLowerCase())
    ? phrase
    : null;
}

/** A person found by `personAt`, labelled by how the name was resolved. */
function byPerson(person: PersonAt, method: AttributionMethod): Found {
  const resolved: AttributionMethod =
    person.kind === 'pronoun' ? 'PRONOUN' : person.kind === 'alias' ? 'SURNAME' : method;
  return { speaker: person.slug, method: resolved, source: null };
}

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

/** Where each sentence starts, not counting full stops inside quotations. Computed once per paragraph. */
function sentenceStarts(text: string, spans: Span[]): number[] {
  const starts = [0];
  let span = 0; // Both lists are in text order, so one pass over each suffices.
  for (const match of text.matchAll(/[.!?]["']?\s+(?=["'\p{Lu}])/gu)) {
    while (span < spans.length && (spans[span] as Span).close <= match.index) span++;
    const current = spans[span];
    const inside =
      current !== undefined && match.index > current.open && match.index < current.close;
    if (!inside) starts.push(match.index + match[0].length);
  }
  return starts;
}

/** Start of the sentence containing `index` (a sentence may open with the quotation at `index`). */
function sentenceStart(starts: number[], index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= index) low = mid;
    else high = mid - 1;
  }
  return starts[low] ?? 0;
}

type Context = {
  unit: Unit;
  mentions: Mention[];
  /** Mentions that can be a sentence's subject, and those inside an appositive: computed once per paragraph. */
  subjects: Mention[];
  inAppositive: Set<Mention>;
  /** Speaker of the latest attributed quote in this paragraph, and where that quote ends. */
  lastSpeaker: string | null;
  lastSpeakerAt: number;
  /** Who "he" or "she" most likely means at the start of this paragraph. */
  /** The casts of the paragraphs before, most recent first. */
  previousSubjects: string[][];
  genderOf: (slug: string) => Gender | null;
};

function insideAppositive(ctx: Context, mention: Mention): boolean {
  return ctx.inAppositive.has(mention);
}

/** Mentions inside another's appositive ("…, the spokesperson for Russian President Vladimir Putin,"). */
function appositiveMembers(mentions: Mention[]): Set<Mention> {
  const members = new Set<Mention>();
  mentions.forEach((owner, i) => {
    if (!owner.appositiveEnd) return;
    for (
      let j = i + 1;
      j < mentions.length && (mentions[j] as Mention).start < owner.appositiveEnd;
      j++
    ) {
      if ((mentions[j] as Mention).start > owner.end) members.add(mentions[j] as Mention);
    }
  });
  return members;
}

/** Index of the first mention starting at or after `position` (the lists are sorted by start). */
function lowerBound(list: Mention[], position: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] as Mention).start < position) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Mentions starting in [from, to): binary search keeps long paragraphs linear. */
function startingBetween(list: Mention[], from: number, to: number): Mention[] {
  return list.slice(lowerBound(list, from), lowerBound(list, to));
}

function afterPreposition(ctx: Context, mention: Mention): boolean {
  const previous =
    wordsOf(ctx.unit.text.slice(Math.max(0, mention.start - 30), mention.start)).at(-1) ?? '';
  return PREPOSITIONS.has(plain(previous));
}

/** Mentions that can be the subject of a sentence: not inside someone's appositive, not an object. */
function subjectsOf(ctx: Omit<Context, 'subjects'>): Mention[] {
  const partial = { ...ctx, subjects: [] };
  return ctx.mentions.filter((m) => !ctx.inAppositive.has(m) && !afterPreposition(partial, m));
}

/**
 * "he"/"she" at `at`. Without gender, a pronoun is only safe when one person is in play: those who
 * spoke or were a clause's subject earlier in this paragraph, or, if nobody was, in the previous one.
 * Nobody, if an unnamed person ("a supporter …", "a woman in the gallery") enters the story in
 * between: the pronoun is more likely theirs.
 */
function resolvePronoun(ctx: Context, at: number, pronoun: string): string | null {
  const here = [
    ...ctx.subjects.slice(0, lowerBound(ctx.subjects, at)).filter((m) => isClauseSubject(ctx, m)),
    ...ctx.mentions.slice(0, lowerBound(ctx.mentions, at)).filter((m) => isCredited(ctx, m)),
  ].sort((a, b) => a.start - b.start);
  const inParagraph = new Set([
    ...here.map((m) => m.slug),
    ...(ctx.lastSpeaker && ctx.lastSpeakerAt < at ? [ctx.lastSpeaker] : []),
  ]);
  // "she" cannot be a man known by his given name or honorific, nor "he" a woman. The nearest cast
  // with anyone the pronoun can mean decides: this paragraph, then the ones before it.
  const excluded: Gender = pronoun.toLowerCase() === 'she' ? 'male' : 'female';
  // A paragraph that names people none of whom acts left an empty cast: the trail stops there.
  let people: string[] = [];
  for (const [level, cast] of [[...inParagraph], ...ctx.previousSubjects].entries()) {
    if (cast.length === 0 && level > 0) break;
    people = cast.filter((slug) => ctx.genderOf(slug) !== excluded);
    if (people.length > 0) break;
  }
  if (people.length !== 1) return null;
  const from = Math.max(ctx.lastSpeakerAt, here.at(-1)?.appositiveEnd ?? here.at(-1)?.end ?? 0, 0);
  const between = ctx.unit.text.slice(from, at).replace(/"[^"]*"/g, '""');
  return /(?:^|[.;:!?,]\s+)(?:a|an|another|one)\s+\p{Ll}/u.test(between)
    ? null
    : (people[0] as string);
}

/**
 * Only titles and role words stand between: "said Health Minister Amara Okafor"; or an article and
 * a description: "shouted an angry Michelle Walshe", "said a hot-under-the-collar Bernie Ruane".
 */
function onlyTitles(text: string): boolean {
  const words = wordsOf(text);
  // "Dartmouth men's crew coach Scott Armstrong": a few words of affiliation, then a role.
  if (words.length <= 5 && words.length > 1 && isRoleWord(words.at(-1) as string)) return true;
  if (
    /^(?:a|an|the)$/i.test(words[0] ?? '') &&
    words.length <= 4 &&
    words
      .slice(1)
      .every((w) => /^\p{Ll}[\p{Ll}-]*$/u.test(w) && !PREPOSITIONS.has(w) && !isRoleWord(w))
  )
    return true;
  return words.every(
    (w, i) =>
      /^\p{Lu}/u.test(w) ||
      isRoleWord(w) ||
      ROLE_MODIFIERS.has(w) ||
      (i > 0 && ['of', 'for'].includes(w)),
  );
}

type PersonAt = { slug: string; end: number; kind: 'full' | 'alias' | 'pronoun' };

/** The person named (or pronoun) starting at `offset`, with where their name and appositive end. */
function personAt(
  ctx: Context,
  offset: number,
  quoteOpen: number,
  anyWordsBefore = false,
): PersonAt | null {
  const mention = startingBetween(ctx.mentions, offset, offset + 60).find(
    (m) => anyWordsBefore || onlyTitles(ctx.unit.text.slice(offset, m.start)),
  );
  if (mention)
    return { slug: mention.slug, end: mention.appositiveEnd ?? mention.end, kind: mention.kind };
  const word = /^\p{L}+/u.exec(ctx.unit.text.slice(offset))?.[0] ?? '';
  if (PRONOUNS.has(word.toLowerCase())) {
    const slug = resolvePronoun(ctx, Math.min(offset, quoteOpen), word);
    return slug ? { slug, end: offset + word.length, kind: 'pronoun' } : null;
  }
  return null;
}

/** Skips ", 81," ages and adverbs between a speaker and the verb; returns the verb. */
function verbAfter(text: string): string {
  const rest = pastNameExtras(text).replace(/^[\s,]+/, '');
  let verb = '';
  for (const word of wordsOf(rest)) {
    const w = plain(word);
    if (BETWEEN_SPEAKER_AND_VERB.has(w) || w === 'quoted' || w === 'as') continue;
    verb = w;
    break;
  }
  return verb;
}

/**
 * What follows a name once the things that may stand between a subject and its verb are skipped:
 * post-nominals (" QC", ", MP,"), a bracket ("(I-Vt.)"), an age (", 81,"), a relative clause
 * (", who cast the deciding vote,"), a short appositive (", a supporter from Leeds,"), an
 * affiliation ("of Milwaukee", "of the Red Cross").
 */
function pastNameExtras(text: string): string {
  return text
    .replace(POST_NOMINALS, '')
    .replace(/^\s*\([^)]*\)/, '')
    .replace(/^,\s*\d{1,3},/, '')
    .replace(/^,\s*who\b[^,]*,/, '')
    .replace(/^,[^,;:"]{1,80},/, '')
    .replace(/^\s+of\s+(?:the\s+)?[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]*)*/u, '');
}

/** `"…," X said` · `"…," said X, <role>` · `"…?" asked X` · `"…," X told <outlet>` · `"…," X was quoted saying`. */
function speakerAfter(ctx: Context, span: Span): Found | null {
  const text = ctx.unit.text;
  const sentenceEnd = /[.!?](?:\s|$)|"/.exec(text.slice(span.close + 1, span.close + 400));
  const after = text.slice(
    span.close + 1,
    sentenceEnd ? span.close + 1 + sentenceEnd.index + 1 : text.length,
  );
  const lead = /^[\s,]*/.exec(after)?.[0].length ?? 0;
  const words = wordsOf(after.slice(lead));
  let skipped = 0;
  while (SPEECH_FILLERS.has(plain(words[skipped] ?? ''))) skipped++;
  const first = plain(words[skipped] ?? '');
  // `Experts concluded it was "a bird." However, Kay said …`: the sentence ended inside the marks
  // and the next opens with a word of its own, so whoever it names speaks there, not here.
  const opener = words[0] ?? '';
  if (
    /[.!?]$/.test(span.inner.trim()) &&
    /^\p{Lu}/u.test(opener) &&
    (/,$/.test(opener) || SENTENCE_OPENERS.has(plain(opener)))
  )
    return null;
  // A dash credit after the quote: `"…" — neighbor Reggie Bogard`.
  const dash = /^\s*[—–-]{1,2}\s*/.exec(text.slice(span.close + 1, span.close + 6));
  if (dash) {
    const person = personAt(ctx, span.close + 1 + dash[0].length, span.open, true);
    if (person) return byPerson(person, 'SPEECH_VERB');
  }
  // `"…", accusing his counterpart of …`: a participle goes on describing the sentence's subject.
  if (SPEECH_VERBS.has(first) && !first.endsWith('ing')) {
    const verbEnd =
      after.indexOf(words[skipped] as string, lead) + (words[skipped] as string).length;
    const offset = span.close + 1 + verbEnd + (/^\s*/.exec(after.slice(verbEnd))?.[0].length ?? 0);
    const person = personAt(ctx, offset, span.open);
    if (person) return byPerson(person, 'SPEECH_VERB');
    // "said a senior senator, who asked not to be named": the source is the phrase after the verb.
    return nobody(/^[^,;.!?]*/.exec(text.slice(offset))?.[0] ?? null);
  }
  const person = personAt(ctx, span.close + 1 + lead, span.open);
  if (person)
    return SPEECH_VERBS.has(verbAfter(text.slice(person.end, person.end + 200)))
      ? byPerson(person, 'SPEECH_VERB')
      : null;
  // Someone who is not a known person said it: "the ministry said", "a neighbour added", "Unknown said".
  const opensNounPhrase = NOUN_PHRASE_OPENERS.has(first) || /^\p{Lu}/u.test(words[skipped] ?? '');
  const verbAt = words.findIndex((w, i) => i > skipped && SPEECH_VERBS.has(plain(w)));
  const phrase = words.slice(skipped, Math.max(verbAt, 0));
  // Commas may bracket an appositive ("Westline Power, the grid operator, said"); clauses may not.
  const plainPhrase = phrase.every((w) => !CONJUNCTIONS.has(plain(w)) && !/;$/.test(w));
  return opensNounPhrase && verbAt > 0 && verbAt - skipped <= 10 && plainPhrase
    ? nobody(phrase.join(' ').split(',')[0] ?? null)
    : null;
}

/** `state media quoted Assad as saying "…"` · `She quoted Tsarnaev as telling her: "…"`. */
function speakerQuotedAs(ctx: Context, span: Span, start: number): Found | null {
  const before = ctx.unit.text.slice(start, span.open);
  const match =
    /\bquot(?:ed|ing|es)\s+(.{1,120}?)\s+as\s+(?:saying|telling|writing|adding|stating)\b/u.exec(
      before,
    );
  if (!match) return null;
  const person = personAt(
    ctx,
    start + match.index + match[0].indexOf(match[1] as string),
    span.open,
  );
  return person ? byPerson(person, 'QUOTED_AS') : nobody(match[1] ?? null);
}

/** `According to X, "…"` · `X said that "…"` · `X told reporters that "…"` · `She smiled: "…"`. */
function speakerBefore(ctx: Context, span: Span, start: number, sentence: number): Found | null {
  const text = ctx.unit.text;
  const before = text.slice(start, span.open);
  const according = /according to\s+(.+?),?\s*$/i.exec(before);
  if (according) {
    const person = personAt(
      ctx,
      start + according.index + according[0].indexOf(according[1] as string),
      span.open,
    );
    return person ? byPerson(person, 'ACCORDING_TO') : nobody(according[1] ?? null);
  }
  const words = [...before.matchAll(/[\p{L}'-]+/gu)];
  const colon = /:\s*$/.test(before);
  const method: AttributionMethod = colon ? 'COLON' : 'SPEECH_VERB';
  if (colon) {
    // "… came from Marek Wozniak, a retired bus driver: "…"": the person right before the colon.
    const colonAt = start + before.search(/:\s*$/);
    const introduced = startingBetween(ctx.mentions, start, colonAt).find(
      (m) => text.slice(m.appositiveEnd ?? m.end, colonAt).trim() === '',
    );
    if (introduced) return byPerson(introduced, method);
  }
  // A colon introduces speech whatever the verb of its clause: "Asked what she would do, she smiled: "…"".
  const clauseStart = colon
    ? start + Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1
    : start;
  const verb =
    words.findLast((w) => start + w.index >= clauseStart && SPEECH_VERBS.has(w[0].toLowerCase())) ??
    (colon ? words.at(-1) : undefined);
  if (!verb) return null;
  const verbAt = start + verb.index;
  const candidates = startingBetween(ctx.subjects, start, verbAt).filter((m) => m.end <= verbAt);
  // The speaker stands right before the verb, perhaps with an appositive or an adverb between.
  const adjacent = candidates.findLast(
    (m) =>
      verbAfter(text.slice(m.appositiveEnd ?? m.end, verbAt + verb[0].length)) ===
      verb[0].toLowerCase(),
  );
  if (adjacent) return byPerson(adjacent, method);
  const pronoun = words.findLast(
    (w) => start + w.index < verbAt && PRONOUNS.has(w[0].toLowerCase()),
  );
  // "He went on: "…"", "She turned to the jury: "…"": before a colon, the pronoun that opens the
  // clause introduces the quote whatever its verb, if nobody else is named after it.
  const pronounAt = start + (pronoun?.index ?? 0);
  const opensColonClause =
    colon &&
    pronoun !== undefined &&
    pronounAt >= clauseStart &&
    /^[\s,]*(?:(?:and|but|then|so)\s+)?$/i.test(text.slice(clauseStart, pronounAt)) &&
    startingBetween(ctx.mentions, pronounAt, span.open).length === 0;
  if (
    pronoun &&
    (opensColonClause ||
      verbAfter(text.slice(start + pronoun.index + pronoun[0].length, verbAt + verb[0].length)) ===
        verb[0].toLowerCase())
  ) {
    const slug = resolvePronoun(ctx, start + pronoun.index, pronoun[0]);
    return slug ? { speaker: slug, method: 'PRONOUN', source: null } : nobody();
  }
  // A descriptive subject right before the verb ("The Damascus official described …", "Police
  // said: …") is a source that is not named: nobody, and nobody else in the sentence either.
  const subject =
    /(?:^|[,;]\s*)((?:the|a|an|one|another|two|several|police|officials?|prosecutors?)\b[^,;]{0,60}?)\s+(?:\p{Ll}+ly\s+|also\s+|later\s+|then\s+)?$/iu.exec(
      text.slice(start, verbAt),
    );
  if (subject && !startingBetween(ctx.mentions, start + subject.index, verbAt).length)
    return nobody(subject[1] ?? null);
  // Or is the subject of the sentence's clause, and nobody else is named before the verb. An
  // earlier quote in the sentence that nobody spoke does not end the clause: `Young, who was
  // convicted of "…", showed no reaction apart from saying "Fine"`.
  const from = ctx.lastSpeaker === null && ctx.lastSpeakerAt > sentence ? sentence : start;
  const first =
    from < start
      ? startingBetween(ctx.subjects, from, verbAt).filter(
          // Not a name inside that quote: `"Jones is guilty," a neighbour said, and …`.
          (m) => m.end <= verbAt && (text.slice(from, m.start).split('"').length - 1) % 2 === 0,
        )[0]
      : candidates[0];
  // Others who could be the subject; objects ("given to Roberts") cannot.
  const others = startingBetween(ctx.subjects, from, verbAt).filter(
    (m) => m.end <= verbAt && m.slug !== first?.slug,
  );
  return first && isClauseSubject(ctx, first) && others.length === 0
    ? byPerson(first, method)
    : nobody();
}

/**
 * A quotation opening its sentence, introduced by the sentence before it: "Sian Williams tweeted a
 * heartfelt message with a photo of the pair. "Goodbye, Billy. …"". That sentence's one subject
 * must speak, and it must hold no quotation of its own.
 */
function speakerIntroducedBefore(
  ctx: Context,
  span: Span,
  start: number,
  starts: number[],
  previousParagraph: { ctx: Context; starts: number[] } | null,
): Found | null {
  if (ctx.unit.text.slice(start, span.open).trim() !== '') return null;
  if (start > 0) return introducer(ctx, sentenceStart(starts, start - 1), start);
  // A paragraph opening with a quotation, after one whose last sentence has someone speak:
  // "Raymond said his district would receive $40,000.\n\n"That's a significant amount …"".
  if (span.open > 0 || !previousParagraph) return null;
  const { ctx: before, starts: beforeStarts } = previousParagraph;
  const end = before.unit.text.length;
  return introducer(before, sentenceStart(beforeStarts, Math.max(0, end - 1)), end);
}

/** The one person who speaks in the sentence [from, to), holding no quotation of its own. */
function introducer(ctx: Context, from: number, to: number): Found | null {
  const text = ctx.unit.text;
  const previous = text.slice(from, to);
  if (previous.includes('"') || from < ctx.lastSpeakerAt) return null;
  const subjects = startingBetween(ctx.subjects, from, to).filter(
    (m) =>
      isClauseSubject(ctx, m) &&
      INVERTED_SPEECH_VERBS.has(verbAfter(text.slice(m.appositiveEnd ?? m.end, to))),
  );
  const only = subjects[0];
  if (subjects.length === 1 && only) return byPerson(only, 'COLON');
  // "He said TOI-257b was an example of … . "The universe is …"": a pronoun that speaks.
  const pronoun = /^(he|she)\s+(?:also\s+)?(\p{Ll}+)/iu.exec(previous.trim());
  if (subjects.length === 0 && pronoun && INVERTED_SPEECH_VERBS.has(pronoun[2] as string)) {
    const slug = resolvePronoun(ctx, from, pronoun[1] as string);
    if (slug) return { speaker: slug, method: 'PRONOUN', source: null };
  }
  return null;
}

/**
 * The source a claim is credited to ("…, according to Mr Cole."): in play for a pronoun after it as
 * much as a clause's subject is, though it is the object of a preposition.
 */
function isCredited(ctx: Context, mention: Mention): boolean {
  const before = ctx.unit.text.slice(Math.max(0, mention.start - 60), mention.start);
  const credit = /\baccording to\s+((?:[\p{L}.'-]+\s+){0,4})$/iu.exec(before);
  return credit !== null && onlyTitles(credit[1] ?? '');
}

/** A name followed by its verb ("Obama also believes", "Peskov, the spokesperson …, denied"). */
function isClauseSubject(ctx: Context, mention: Mention): boolean {
  // A bounded window: what follows a name is a few words, and long paragraphs must stay linear.
  const rest = ctx.unit.text.slice(
    mention.appositiveEnd ?? mention.end,
    (mention.appositiveEnd ?? mention.end) + 300,
  );
  // A name that is itself an appositive ("Halvorsen's lawyer, Judy Clarke, said") closes with a comma.
  const isAppositive = /,\s*$/.test(
    ctx.unit.text.slice(Math.max(0, mention.start - 3), mention.start),
  );
  const next = pastNameExtras(
    mention.appositiveEnd || isAppositive ? rest.replace(/^,/, '') : rest,
  );
  const word = /^\s+(\p{Ll}[\p{L}'-]*)/u.exec(next)?.[1] ?? '';
  return (
    word !== '' &&
    !PREPOSITIONS.has(word) &&
    !CONJUNCTIONS.has(word) &&
    !NOUN_PHRASE_OPENERS.has(word)
  );
}

/** A fragment inside the writer's sentence, rather than a whole quoted sentence. */
function isPartialQuote(
  text: string,
  span: Span,
  start: number,
  previous: Span | undefined,
): boolean {
  const inner = span.inner.trim();
  // The second half of a quote split by its attribution: "We are ready," she said, "but not yet."
  const split =
    previous &&
    /,$/.test(previous.inner.trim()) &&
    /^[^.!?"]*,\s*$/.test(text.slice(previous.close + 1, span.open));
  if (split) return false;
  if (!/^\p{Lu}/u.test(inner)) return true;
  const lead = text.slice(start, span.open).trim();
  if (lead === '' || /[:,]$/.test(lead)) return false;
  return !/[.,?!]$/.test(inner);
}

/** Scare quotes: one to three ordinary words with no quoting verb in the clause before them. */
function isScareQuote(ctx: Context, span: Span, start: number, sentence: number): boolean {
  if (wordsOf(span.inner).length > 3) return false;
  // A sentence that already quoted someone goes on quoting them: `said the "rapidly evolving"
  // outbreak has now seen "community spread"`.
  if (ctx.lastSpeakerAt >= sentence) return false;
  const lead = wordsOf(ctx.unit.text.slice(start, span.open)).slice(-12);
  // `described the sentence given to him as "derisory"`: a verb of calling, then "as".
  const calledAs =
    /\bas\s*$/.test(ctx.unit.text.slice(start, span.open)) &&
    wordsOf(ctx.unit.text.slice(start, span.open)).some((w) => QUOTING_VERBS.has(plain(w)));
  if (
    calledAs ||
    lead.some((w) => QUOTING_VERBS.has(plain(w))) ||
    /\baccording to\b/i.test(ctx.unit.text.slice(Math.max(sentence, span.open - 300), span.open)) ||
    /:\s*$/.test(ctx.unit.text.slice(start, span.open))
  )
    return false;
  // A named person's speech act earlier in the sentence: `Ms Reeves also confirmed the Government
  // would conduct a "complete review"` (but not `The council has promised a "temporary" market`).
  // Within twenty words: a verb further back heads another clause ("said that the Kremlin is
  // hoping the new president-elect may be able to … after a series of "strained" relations").
  const reach = wordsOf(ctx.unit.text.slice(start, span.open)).slice(-NAMED_SPEECH_REACH);
  const near = Math.max(
    reach.length < NAMED_SPEECH_REACH ? sentence : span.open - reach.join(' ').length - 1,
    span.open - 300,
  );
  const spoken = [...ctx.unit.text.slice(near, span.open).matchAll(/\p{Ll}+(?:ed|id|ld|te)\b/gu)]
    .filter((w) => SPEECH_VERBS.has(w[0]))
    .at(-1);
  if (
    spoken &&
    startingBetween(ctx.mentions, sentence, near + spoken.index).some(
      (m) => !ctx.inAppositive.has(m),
    )
  )
    return false;
  // `"Nonsense," he said.`: an attribution follows, whether or not we can tell who "he" is. A full
  // stop inside the marks ends the sentence, so a verb after it belongs to the next one.
  const after = wordsOf(ctx.unit.text.slice(span.close + 1, span.close + 80)).slice(0, 5);
  return !(/[,?!]$/.test(span.inner.trim()) && after.some((w) => SPEECH_VERBS.has(plain(w))));
}

/**
 * A title in quotation marks, not someone's words: `said on "Good Morning America."`, `told "Face
 * the Nation"`: every word capitalised (short function words aside) after a preposition.
 */
function isTitle(text: string, span: Span): boolean {
  const words = wordsOf(span.inner.replace(/[.,!?]+$/, ''));
  if (words.length === 0 || words.length > 12) return false;
  const titleCase = words.every(
    (w, i) =>
      /^[\p{Lu}\d]/u.test(w) ||
      (i > 0 && /^(?:of|the|a|an|and|in|on|to|for|with|by|at|from|into|over|under)$/.test(w)),
  );
  // A work's title stands alone: "The Secret Life of Art: Mysteries Revealed", "Cross by the Sea".
  // A comma may sit inside the marks in American style, unless an attribution follows.
  const attributed = wordsOf(text.slice(span.close + 1, span.close + 40))
    .slice(0, 3)
    .some((w) => SPEECH_VERBS.has(plain(w)));
  const work = titleCase && words.length >= 3 && !/[.!?]$/.test(span.inner.trim()) && !attributed;
  const before = wordsOf(text.slice(Math.max(0, span.open - 40), span.open));
  const previous = plain(before.at(-1) ?? '');
  // A name being given: `calling their spacecraft "Resilience"`, `named the boat "Lucky Star"`.
  const naming =
    words.length <= 3 &&
    !/[.,!?]$/.test(span.inner.trim()) &&
    before
      .slice(-4)
      .some((w) =>
        /^(?:call(?:ed|ing|s)?|nam(?:ed|ing)|dubbed|nicknamed|christened)$/.test(plain(w)),
      );
  return (
    work ||
    (titleCase &&
      (naming || ['on', 'in', 'to', 'told', 'with', 'of', 'from', 'at'].includes(previous)))
  );
}

const ATTRIBUTION =
  /\b((?:during|in|at)\s+(?:a|an|the|his|her)\s+(?:\p{Ll}+\s+){0,2}(?:interview|press conference|news conference|statement|briefing|speech|post|address|hearing)(?:\s+with\s+\p{Lu}[\p{L}.&' ]+)?)/u;

/**
 * A paragraph that names the speaker of the quotation before it: "That was the verdict of Marta
 * Olsen, the club's captain." Only such explicit pointers back count; a name alone does not.
 */
function speakerNamedAfter(text: string, mentions: Mention[]): string | null {
  const pointer =
    /^(?:that|this|those|these|such)\s+(?:was|were|is|are)\s+(?:the\s+)?(?:\p{Ll}+\s+)?(?:verdict|view|views|words|message|assessment|warning|reaction|response|opinion|thoughts|advice|plea|conclusion)\s+(?:of|from)\s+|^so\s+(?:said|says)\s+/iu.exec(
      text,
    );
  if (!pointer) return null;
  const first = mentions.find((m) => m.start >= pointer[0].length - 1);
  return first && first.start - pointer[0].length < 40 ? first.slug : null;
}

const EVIDENCE_REACH = 600;
const CLAUSE_REACH = 400;
const NAMED_SPEECH_REACH = 20;

/** The sentence a quote sits in, from its start to the end of the sentence after the quote. */
function sentenceAround(text: string, start: number, close: number): string {
  // Bounded on both sides: a paragraph with no full stops must not make every quote's evidence
  // (and the time to find it) the whole paragraph.
  const from = Math.max(start, close - EVIDENCE_REACH);
  const end = /[.!?](?:["')]*)(?:\s|$)/.exec(text.slice(close + 1, close + 1 + EVIDENCE_REACH));
  const to = end ? close + 1 + end.index + end[0].trimEnd().length : close + 1 + EVIDENCE_REACH;
  return text.slice(from, Math.min(to, text.length)).trim();
}

/** How many paragraphs back a pronoun may reach for someone it can mean. */
const CASTS_REMEMBERED = 3;

export function findQuotes(
  paragraphs: { unit: Unit; mentions: Mention[] }[],
  genderOf: (slug: string) => Gender | null = () => null,
): FoundQuote[] {
  const quotes: FoundQuote[] = [];
  let previousSubjects: string[][] = [];
  let previousQuoteSpeaker: string | null = null;
  // Unattributed quotes whose speaker the next paragraph may name: a quotation left open at the
  // paragraph's end (it runs on), or a paragraph that is nothing but quotation.
  let runningOn: FoundQuote[] = [];
  let quoteOnly: FoundQuote[] = [];
  let previousParagraph: { ctx: Context; starts: number[] } | null = null;
  for (const { unit, mentions } of paragraphs) {
    const named = speakerNamedAfter(unit.text, mentions);
    if (named)
      for (const q of quoteOnly) Object.assign(q, { speaker: named, method: 'NEXT_PARAGRAPH' });
    // The explicit pointer is more precise than guessing that the last speaker went on.
    quoteOnly = [];
    const text = unit.text;
    const spans = quoteSpans(text);
    const base = {
      unit,
      mentions,
      lastSpeaker: null,
      lastSpeakerAt: -1,
      previousSubjects,
      genderOf,
      inAppositive: appositiveMembers(mentions),
    };
    const ctx: Context = { ...base, subjects: subjectsOf(base) };
    const starts = sentenceStarts(text, spans);
    const rolesBySlug = new Map<string, string>();
    for (const m of mentions)
      if (m.role && !rolesBySlug.has(m.slug)) rolesBySlug.set(m.slug, m.role);
    let lastEnd = 0;
    for (const [spanIndex, span] of spans.entries()) {
      // Where the quote's clause starts: its sentence, after the last quote, and never further back
      // than a clause runs, so a paragraph with no full stops stays linear.
      const start = Math.max(sentenceStart(starts, span.open), lastEnd, span.open - CLAUSE_REACH);
      if (isScareQuote(ctx, span, start, sentenceStart(starts, span.open)) || isTitle(text, span))
        continue;
      // The passes, most precise first: the first that applies decides.
      let found =
        speakerQuotedAs(ctx, span, start) ??
        speakerAfter(ctx, span) ??
        speakerBefore(ctx, span, start, sentenceStart(starts, span.open)) ??
        speakerIntroducedBefore(ctx, span, start, starts, previousParagraph);
      // A later quote in a sentence whose earlier quote has a speaker, with no one else named
      // between, continues it: `He said "…", adding, "…"` (an earlier pass found no one else).
      if (
        (found === null || (found.speaker === null && found.source === null)) &&
        ctx.lastSpeaker &&
        ctx.lastSpeakerAt >= start - 1 &&
        !startingBetween(mentions, lastEnd, span.open).some((m) => m.slug !== ctx.lastSpeaker)
      )
        found = { speaker: ctx.lastSpeaker, method: 'CONTINUATION', source: null };
      if (found === null) {
        // No pattern at all: a quotation continuing the last speaker's words, if nobody else is named between.
        const continuing = ctx.lastSpeaker ?? (span.open === 0 ? previousQuoteSpeaker : null);
        const interrupted = startingBetween(mentions, lastEnd, span.open).some(
          (m) => m.slug !== continuing,
        );
        found =
          continuing && !interrupted
            ? { speaker: continuing, method: 'CONTINUATION', source: null }
            : nobody();
      }
      const { speaker } = found;
      const window = text.slice(span.close, span.close + CLAUSE_REACH);
      const sentenceEnd = window.indexOf('.', 1);
      const tail = sentenceEnd < 0 ? window : window.slice(0, sentenceEnd + 1);
      quotes.push({
        text: span.inner.trim().replace(/,$/, ''),
        paragraph: unit.index,
        isPartial: isPartialQuote(text, span, start, spans[spanIndex - 1]),
        speaker,
        speakerRoleAsWritten: speaker ? (rolesBySlug.get(speaker) ?? null) : null,
        attribution: ATTRIBUTION.exec(tail)?.[1] ?? null,
        method: found.method,
        sourceAsWritten: speaker ? null : found.source,
        evidence: sentenceAround(text, sentenceStart(starts, span.open), span.close),
      });
      const quote = quotes.at(-1) as FoundQuote;
      // `"…` left open in the last paragraph runs on into this one: its speaker is this one's.
      if (span.open === 0 && spanIndex === 0) {
        if (speaker && found.method !== 'CONTINUATION')
          for (const q of runningOn) Object.assign(q, { speaker, method: 'CONTINUATION' });
        if (!speaker || found.method === 'CONTINUATION') runningOn.push(quote);
      } else runningOn = [];
      if (span.close < text.length) runningOn = runningOn.filter((q) => q !== quote);
      if (!speaker && span.close >= text.length) runningOn.push(quote);
      ctx.lastSpeaker = speaker;
      ctx.lastSpeakerAt = span.close;
      lastEnd = span.close + 1;
    }
    if (spans.length === 0) runningOn = [];
    const outside = spans
      .map((sp, i) => text.slice(i === 0 ? 0 : (spans[i - 1] as Span).close + 1, sp.open))
      .join('')
      .concat(text.slice((spans.at(-1)?.close ?? -1) + 1));
    const ownQuotes = quotes.filter((q) => q.paragraph === unit.index);
    if (
      /^[\s"'.,;:!?—–-]*$/.test(outside) &&
      ownQuotes.every((q) => q.method === 'CONTINUATION' || (!q.speaker && !q.sourceAsWritten))
    )
      quoteOnly = ownQuotes;
    previousQuoteSpeaker = spans.length ? ctx.lastSpeaker : null;
    previousParagraph = { ctx, starts };
    // Who was in play in this paragraph; a paragraph naming nobody leaves the previous cast in place.
    const cast = new Set([
      ...ctx.subjects.filter((m) => isClauseSubject(ctx, m)).map((m) => m.slug),
      ...mentions.filter((m) => isCredited(ctx, m)).map((m) => m.slug),
      ...quotes
        .filter((q) => q.paragraph === unit.index && q.speaker)
        .map((q) => q.speaker as string),
    ]);
    if (cast.size || mentions.length)
      previousSubjects = [[...cast], ...previousSubjects].slice(0, CASTS_REMEMBERED);
  }
  return quotes;
}
