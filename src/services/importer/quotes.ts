// Finds direct quotations in body paragraphs and attributes each to its speaker, or to nobody when
// the text does not say: a wrong attribution is worse than none.

import type { AttributionMethod } from './attribution.js';
import {
  BETWEEN_SPEAKER_AND_VERB,
  HEAD_ROLES,
  INVERTED_SPEECH_VERBS,
  LISTENER_VERBS,
  ONE_NAME_HOLDERS,
  PLAYER_NOUNS,
  PORTFOLIO_WORDS,
  POST_NOMINALS,
  PREPOSITIONS,
  PRONOUNS,
  QUOTING_VERBS,
  ROLE_MODIFIERS,
  ROLE_NOUNS,
  ROLE_SYNONYMS,
  SENTENCE_OPENERS,
  SPEECH_FILLERS,
  SPEECH_VERBS,
  SPOKEN_DAY,
  TITLES,
} from './lexicon.js';
import { type Gender, nameSignals } from './names.js';
import { collapse } from './normalise.js';
import {
  ABBREVIATED_TITLES,
  isRoleWord,
  type Mention,
  NAME_ANNOUNCED,
  PARTICLE,
  type Unit,
} from './people.js';

/** A description, then the name it announces: "a protester who gave only her family name, Wong". */
const NAMED_LATER_IN_SENTENCE = new RegExp(
  String.raw`^[^.;!?"]{0,80}?${NAME_ANNOUNCED}(?=\p{Lu})`,
  'u',
);

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
  /**
   * At most this confidence, below what the method has earned: a pass that reads further than the
   * method's usual evidence (the paragraph before, a statement quoted over paragraphs).
   */
  cap?: number;
};

type Span = { open: number; close: number; inner: string };

/**
 * What an attribution pass found: a person, or nobody (`speaker: null`) when the text names a
 * source that is not a known person ("said a senior senator", "the ministry said"); then no later
 * pass may guess. `null` instead of a Found means the pass did not apply.
 */
type Found = {
  speaker: string | null;
  method: AttributionMethod;
  source: string | null;
  cap?: number;
};

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
  return {
    speaker: person.slug,
    method: resolved,
    source: null,
    ...(person.cap === undefined ? {} : { cap: person.cap }),
  };
}

const pronounFound = ({ slug, cap }: Resolved): Found => ({
  speaker: slug,
  method: 'PRONOUN',
  source: null,
  ...(cap === undefined ? {} : { cap }),
});

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

// An initial's or an abbreviated title's full stop ends no sentence: "However, R. Tolliver
// Ashgrove said …", "the medical officer, Dr. Vera Etches, told …".
// Nor does a dotted initialism's before an office or a body it qualifies ("U.S. District Judge Amy
// Lee", "U.S. Attorney"); before anything else it may end the sentence ("… moved to the U.S. Jo
// Lee said").
const INITIALISM_THEN_TITLE =
  'District|Judge|Attorney|Attorneys|Sen|Senator|Rep|Representative|Army|Navy|Air|Marine|Marines|Coast|Marshal|Marshals|Secretary|President|Ambassador|Embassy|Department|Supreme|Court|Open|Census|Customs|Capitol|Congress|Treasury|Border|Forest|Geological|Postal|Trade|Defense|State|Central|National|Federal|Chamber|Olympic|Soccer';
const NOT_AFTER_ABBREVIATION = String.raw`(?<!(?:^|[\s(])(?:\p{Lu}|${ABBREVIATED_TITLES}|St|Jr|Sr)(?=\.))(?!(?<=\p{Lu}\.\p{Lu})\.\s+(?:${INITIALISM_THEN_TITLE})(?![\p{L}]))`;
const SENTENCE_BREAK = new RegExp(
  String.raw`${NOT_AFTER_ABBREVIATION}[.!?]["']?\s+(?=["'\p{Lu}])`,
  'gu',
);
/**
 * The end of the sentence after a quotation: a full stop, or the next quotation mark. A full stop
 * before a word in lower case is an abbreviation's ("chief executive of Canon Inc. told reporters").
 */
const SENTENCE_END_AFTER = new RegExp(
  String.raw`${NOT_AFTER_ABBREVIATION}[.!?](?:\s+(?!\p{Ll})|$)|"`,
  'u',
);

/** Where each sentence starts, not counting full stops inside quotations. Computed once per paragraph. */
function sentenceStarts(text: string, spans: Span[]): number[] {
  const starts = [0];
  let span = 0; // Both lists are in text order, so one pass over each suffices.
  for (const match of text.matchAll(SENTENCE_BREAK)) {
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
  /** Who opened the last sentence of the paragraph before, when several were in its cast. */
  previousLead: string | null;
  /**
   * Whether that opener was reporting speech ("Jo Lee told the jury that …") or also opened the
   * paragraph: the one it is about, not someone it brought in.
   */
  previousLeadSpoke: boolean;
  /** Everyone named in the paragraphs before, and those of them who have been quoted. */
  namedBefore: ReadonlySet<string>;
  /** Who spoke the last quotation of the paragraph before, if it quoted anyone. */
  previousQuoteSpeaker: string | null;
  /** The text of the paragraph before (empty for the first). */
  previousText: string;
  /**
   * Who opened a sentence in the paragraph before after its last quotation (`"…," Moyo said.
   * Chikwanha walked out.` → Chikwanha): someone who took over from the one quoted.
   */
  actedAfterQuote: ReadonlySet<string>;
  quotedBefore: ReadonlySet<string>;
  /**
   * People the casts hold only by a guessed mention (a shared surname read as one of them, a
   * misspelling), with the cap of that guess: a pronoun resolved to them is a guess too.
   */
  guessedCast: Map<string, number>;
  genderOf: (slug: string) => Gender | null;
  /** Records the gender a pronoun resolved to this person gives them, if none was known. */
  learnGender: (slug: string, gender: Gender) => void;
};

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

/**
 * Whether naming someone between two quotations may hand the second to them: not when they are
 * only listened to (`Gauff told Katie Falkingham of the BBC. "…"`), inside someone's appositive,
 * or the object of a preposition.
 */
function mayInterrupt(ctx: Context, mention: Mention): boolean {
  if (ctx.inAppositive.has(mention) || afterPreposition(ctx, mention)) return false;
  // `yelled Hamilton's race engineer, Peter Bonnington. "…"`: the possessor of the speaker's role.
  const text = ctx.unit.text;
  if (
    /^['’]s?\s+(?:\p{Ll}+\s+){0,3}\p{Ll}+,?\s+\p{Lu}/u.test(
      text.slice(mention.end, mention.end + 60),
    )
  )
    return false;
  const previous =
    wordsOf(ctx.unit.text.slice(Math.max(0, mention.start - 30), mention.start)).at(-1) ?? '';
  return !/^(?:told|tells|telling|asked|asks|thanked|interviewed)$/.test(plain(previous));
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
  const before = ctx.unit.text.slice(Math.max(0, mention.start - 40), mention.start);
  // "the figure PNM has data on, Rowley said,": a comma closes the phrase the preposition ends.
  if (/,\s*$/.test(before)) return false;
  // "The husband of nurse Alison Howe told …": a role word between the preposition and the name.
  const words = wordsOf(before);
  let at = words.length - 1;
  while (
    at > 0 &&
    words.length - at <= 2 &&
    /^\p{Ll}/u.test(words[at] as string) &&
    isRoleWord(words[at] as string)
  )
    at--;
  const previous = words[at] ?? '';
  return PREPOSITIONS.has(plain(previous)) && !isPassiveAgent(ctx.unit.text, mention.start);
}

/**
 * "Jack's father John, in a statement read to the court by Prosecutor Jo Reed, said": a name inside
 * a phrase set off by commas, opening on "in", "through" or "via", is not the verb's subject.
 */
function inInsetPhrase(text: string, mention: Mention): boolean {
  return /,\s+(?:in|through|via)\s[^,;:".!?]*$/u.test(
    text.slice(Math.max(0, mention.start - 120), mention.start),
  );
}

/**
 * "That view was backed up by Jo Reed, who …": the one a passive of taking a position names after
 * "by" is the clause's actor, as its subject would be. Not any passive: in "was attacked by", who a
 * later "he" means stays open.
 */
function isPassiveAgent(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - 60), at);
  const passive = PASSIVE_BY.exec(window);
  if (!passive || !POSITION_PASSIVES.has(passive[1] as string)) return false;
  // "Jo Lee, whose bid was backed by Tom Reed, said", "Tom Lee was welcomed by Sam Reed": a named
  // person before the passive stays the actor.
  const before = window.slice(0, passive.index);
  const sentence = before.slice(before.search(/[^.!?]*$/));
  return !/\s\p{Lu}\p{Ll}/u.test(` ${sentence.trimStart().replace(/^\S+/, '')}`);
}
const PASSIVE_BY =
  /(?<![\p{L}])(?:was|were|is|are|been|being)\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)(?:\s+(?:up|out|on))?\s+by\s+$/u;
const POSITION_PASSIVES = new Set(
  'backed supported echoed seconded endorsed welcomed praised criticised criticized rejected dismissed questioned challenged disputed confirmed announced shared repeated'.split(
    ' ',
  ),
);

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
function resolvePronoun(ctx: Context, at: number, pronoun: string | null): Resolved | null {
  const fronted = frontedClauseSubject(ctx, at) ?? relativeClauseOwner(ctx, at);
  if (fronted && (pronoun === null || ctx.genderOf(fronted) !== otherGender(pronoun)))
    return { slug: fronted };
  const acting = [
    ...ctx.subjects.slice(0, lowerBound(ctx.subjects, at)).filter((m) => isClauseSubject(ctx, m)),
    ...ctx.mentions.slice(0, lowerBound(ctx.mentions, at)).filter((m) => isCredited(ctx, m)),
  ].sort((a, b) => a.start - b.start);
  // "In Ms Lee's blog post, she said …": with nobody acting, the owner of what is talked about is
  // who the paragraph is about.
  const here = acting.length
    ? acting
    : ctx.mentions.slice(0, lowerBound(ctx.mentions, at)).filter((m) => isPossessor(ctx, m));
  const inParagraph = new Set([
    ...here.map((m) => m.slug),
    ...(ctx.lastSpeaker && ctx.lastSpeakerAt < at ? [ctx.lastSpeaker] : []),
  ]);
  // "… and Tomas Ferreira was delighted. He said: …": someone acting here whom the importer did not
  // take as a person, or a person left unnamed ("another health worker asked a doctor: …"), may be
  // who the pronoun means; decline rather than reach back past them.
  if (
    inParagraph.size === 0 &&
    (unknownActorBefore(ctx, at) || unnamedRoleSpeaker(ctx.unit.text.slice(0, at)))
  )
    return null;
  // "she" cannot be a man known by his given name or honorific, nor "he" a woman. The nearest cast
  // with anyone the pronoun can mean decides: this paragraph, then the ones before it. A reference
  // with no gender (`null`: "the 62-year-old") may mean anyone.
  const excluded: Excluded =
    pronoun === null ? 'nobody' : pronoun.toLowerCase() === 'she' ? 'male' : 'female';
  // A paragraph that names people none of whom acts left an empty cast: the trail stops there.
  let people: string[] = [];
  // Passing over people of the other gender to reach someone further back rests on every gender
  // being known: "Mr Hindley" unrecognised, "he" is not the man two paragraphs up.
  let passedOver = false;
  for (const [level, cast] of [[...inParagraph], ...ctx.previousSubjects].entries()) {
    if (cast.length === 0 && level > 0) break;
    people = cast.filter((slug) => ctx.genderOf(slug) !== excluded);
    if (people.length > 0) break;
    if (cast.length > 0) passedOver = true;
  }
  if (people.length > 1 && people.length === inParagraph.size) {
    const recent = latestSubject(ctx, here, at, excluded);
    return recent ? { slug: recent, cap: LATEST_SUBJECT_CAP } : null;
  }
  // "… his spokesman, Pavel Mazheika, was detained. Milinkevich went to the precinct.", then
  // "'…,' he said": of several people in the paragraph before, the one who opened its last sentence.
  if (
    people.length > 1 &&
    inParagraph.size === 0 &&
    ctx.previousLead !== null &&
    people.includes(ctx.previousLead) &&
    // Someone in play before that paragraph too, not a victim it brought in ("… assaulting Tom
    // Lee. Lee needed 12 stitches."); or someone whose reported speech the words go on with
    // ("Attorney Jo Lee told the jury that Ray deserved mercy.", then "'…,' he said").
    (ctx.previousLeadSpoke ||
      ctx.previousSubjects.slice(1).some((cast) => cast.includes(ctx.previousLead as string))) &&
    !/"/.test(ctx.unit.text.slice(0, at).replace(/^\s*"[^"]*"/, ''))
  )
    return { slug: ctx.previousLead, cap: LATEST_SUBJECT_CAP };
  // `"We have projections," Odinga said, questioning why Kenyatta had kept his lead. He also
  // linked …`, then `"…," he said`: of several in play, the one the paragraph before quoted (a
  // guess, so capped).
  if (
    people.length > 1 &&
    inParagraph.size === 0 &&
    ctx.previousQuoteSpeaker !== null &&
    people.includes(ctx.previousQuoteSpeaker) &&
    // Not when someone else took over after the quotation: `"…," Moyo said. Chikwanha walked out.`
    [...ctx.actedAfterQuote].every((slug) => slug === ctx.previousQuoteSpeaker)
  )
    return { slug: ctx.previousQuoteSpeaker, cap: LATEST_SUBJECT_CAP };
  if (people.length === 0) return soleQuotedOfGender(ctx, at, pronoun);
  if (people.length !== 1) return null;
  const from = Math.max(ctx.lastSpeakerAt, here.at(-1)?.appositiveEnd ?? here.at(-1)?.end ?? 0, 0);
  const between = ctx.unit.text
    .slice(from, at)
    .replace(/"[^"]*"/g, '""')
    // "…, a goal she said was …": a noun phrase right before the pronoun is the object of its
    // relative clause, never who the pronoun means.
    .replace(/(?:^|[.;:!?,]\s+)(?:a|an|another|one)\s+(?:\p{Ll}[\p{Ll}-]*\s+){1,3}$/u, '');
  if (/(?:^|[.;:!?,]\s+)(?:a|an|another|one)\s+\p{Ll}/u.test(between)) return null;
  const slug = people[0] as string;
  // "…," he said' settled on the one man in play: the text has said he is a "he", which a later
  // "she" must respect ("Hoang Van Luan" has no gender the library knows).
  // Only from someone acting here, not the owner of a thing ("Okafor's husband … he said").
  if (!passedOver && pronoun !== null && acting.some((m) => m.slug === slug))
    ctx.learnGender(slug, pronounGender(pronoun));
  const guess = Math.min(
    ctx.guessedCast.get(slug) ?? 1,
    ...ctx.mentions
      .slice(0, lowerBound(ctx.mentions, at))
      .filter((m) => m.slug === slug)
      .map((m) => m.cap ?? 1),
  );
  const cap = Math.min(passedOver ? PASSED_OVER_CAP : 1, guess);
  return { slug, ...(cap < 1 ? { cap } : {}) };
}

type Resolved = { slug: string; cap?: number };

const SOLE_OF_GENDER_CAP = 0.6;
/**
 * A name opens its sentence when at most a few words of title stand before it ("Electoral
 * commission chairman Wafula Chebukati"): no verb, preposition or conjunction among them.
 */
function opensSentence(before: string): boolean {
  const words = wordsOf(before).map(plain);
  return (
    words.length <= 4 &&
    words.every(
      (w) =>
        !/ed$/.test(w) &&
        !SPEECH_VERBS.has(w) &&
        !PREPOSITIONS.has(w) &&
        !CONJUNCTIONS.has(w) &&
        !['why', 'when', 'while', 'as', 'that', 'who'].includes(w),
    )
  );
}
const UNNAMED_OPENER =
  /^\s*(?:A|An|The|One|Another)\s+(?:[\p{Ll}-]+\s+){0,3}(?:woman|man|girl|boy|mother|father|resident|neighbou?r|witness|mum|dad|wife|husband|worker|officer)(?![\p{L}])/u;

/**
 * `"…," he said` long after the one man quoted, with a policewoman speaking in between and a
 * paragraph about "the gunman": when the trail of casts finds nobody, the only person of that
 * gender named so far, already quoted, is who the pronoun means (a guess, so capped). Everyone
 * named must have a known gender, or the one whose gender is unknown may be meant.
 */
function soleQuotedOfGender(ctx: Context, at: number, pronoun: string | null): Resolved | null {
  if (pronoun === null) return null;
  // "A woman who lives on the street said she heard nothing.", then `"…," she said`: someone
  // unnamed of that gender opened the paragraph before, and is who the pronoun means.
  if (UNNAMED_OPENER.test(ctx.previousText)) return null;
  const named = new Set([
    ...ctx.namedBefore,
    ...ctx.mentions.slice(0, lowerBound(ctx.mentions, at)).map((m) => m.slug),
  ]);
  if ([...named].some((slug) => ctx.genderOf(slug) === null)) return null;
  const ofGender = [...named].filter((slug) => ctx.genderOf(slug) === pronounGender(pronoun));
  const slug = ofGender[0];
  return ofGender.length === 1 && slug !== undefined && ctx.quotedBefore.has(slug)
    ? { slug, cap: SOLE_OF_GENDER_CAP }
    : null;
}

const otherGender = (pronoun: string): Gender =>
  pronoun.toLowerCase() === 'she' ? 'male' : 'female';
const pronounGender = (pronoun: string): Gender =>
  pronoun.toLowerCase() === 'she' ? 'female' : 'male';

const FRONTED_CLAUSE =
  /(?:^|[.!?]["']?\s+)(?:When|After|As|Although|Though|Because|Since|Before|While|Whilst|Once|Until)\s+([^.!?;:"]*),\s*$/u;

/**
 * "Harley Finkelstein, who told the audience that he had noted a lack of ambition": a pronoun in
 * what a relative clause reports means the clause's owner. Only within the sentence.
 */
function relativeClauseOwner(ctx: Context, at: number): string | null {
  const from = Math.max(0, at - 200);
  const window = ctx.unit.text.slice(from, at);
  const clause = /,\s+who\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)\s[^.!?;"]*\bthat\s+[^.!?;"]*$/u.exec(window);
  if (!clause || !SPEECH_VERBS.has(clause[1] as string)) return null;
  const owner = ctx.mentions.findLast(
    (m) => (m.appositiveEnd ?? m.end) === from + clause.index && m.start >= from,
  );
  return owner?.slug ?? null;
}

/**
 * "When Judge Hughes heard that Dodd had 24 convictions, he noted": the pronoun opening a main
 * clause after a fronted clause means that clause's subject, whoever else the clause names.
 */
function frontedClauseSubject(ctx: Context, at: number): string | null {
  const from = Math.max(0, at - 300);
  const clause = FRONTED_CLAUSE.exec(ctx.unit.text.slice(from, at));
  if (!clause) return null;
  const clauseStart = from + clause.index + clause[0].indexOf(clause[1] as string);
  const subject = startingBetween(ctx.mentions, clauseStart, clauseStart + 40).find((m) =>
    onlyTitles(ctx.unit.text.slice(clauseStart, m.start)),
  );
  return subject && isClauseSubject(ctx, subject) ? subject.slug : null;
}

/** Whom a pronoun cannot mean: the other gender, or nobody. */
type Excluded = Gender | 'nobody';

/**
 * With several people of the pronoun's gender acting in the paragraph, the one subject of the
 * sentence before (or of this one, up to the pronoun) who has acted since anyone last spoke:
 * `"…," Worth said. His counterpart, Bill Day, was satisfied. "…," he said.`
 */
function latestSubject(ctx: Context, acting: Mention[], at: number, excluded: Excluded) {
  // Two sentences back at most, so a window of the text before will do (and stays linear).
  const from = Math.max(0, at - EVIDENCE_REACH);
  const before = ctx.unit.text.slice(from, at).replace(/"[^"]*"/g, (q) => ' '.repeat(q.length));
  const starts = [
    from,
    ...[...before.matchAll(/[.!?]\s+/g)].map((m) => from + m.index + m[0].length),
  ];
  const current = starts.at(-1) ?? from;
  const previous = starts.filter((s) => s < current).at(-1) ?? from;
  const recent = acting.filter(
    (m) => m.start >= previous && m.start > ctx.lastSpeakerAt && ctx.genderOf(m.slug) !== excluded,
  );
  const slugs = new Set(recent.map((m) => m.slug));
  return slugs.size === 1 ? (recent[0] as Mention).slug : null;
}

/**
 * A capitalised pair no mention covers, acting as a clause's subject before `at`: "Tomas Ferreira
 * was …", or owning it: "Mahendra KC's home is lively".
 */
function unknownActorBefore(ctx: Context, at: number): boolean {
  for (const m of ctx.unit.text
    .slice(0, at)
    .matchAll(
      /(?<![\p{L}'.-])(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}[\p{L}'-]*|\p{Lu}{2,3}(?=['’]s\s))(?:\s+(?:was|is|had|has|would|will)\s|['’]s\s+\p{Ll}+\s+(?:was|is|had|has)\s)/gu,
    )) {
    if (SENTENCE_OPENERS.has((m[1] as string).toLowerCase()) || m[1] === 'The') continue;
    const end = m.index + (m[1] as string).length + 1 + (m[2] as string).length;
    if (ctx.mentions.some((x) => x.start < end && x.end > m.index)) continue;
    const signals = nameSignals(`${m[1]} ${m[2]}`);
    if (!signals.organisationOrPlace && !signals.demonym) return true;
  }
  return false;
}

/**
 * Only titles and role words stand between: "said Health Minister Amara Okafor"; or an article and
 * a description: "shouted an angry Michelle Walshe", "said a hot-under-the-collar Bernie Ruane".
 */
function onlyTitles(text: string): boolean {
  // `a "smoke and mirrors" budget. Cr Jo Lee disagreed`, `were "bloody lucky". Family friend Jo
  // Lee said`: a sentence ended before the name.
  // A lowercase abbreviated title ends no sentence: "added coun. Jo Lee", "said cllr. Jo Lee".
  // `, according to CNN. The judge had …`: a stop before a word that opens sentences ends one,
  // whatever the word before it, and so does an acronym's.
  if (
    SENTENCE_END_NOT_TITLE.test(text) ||
    /^\s*[.!?]\s/.test(text) ||
    /[.!?]["']?\s+(?:The|A|An|He|She|It|They|We|But|And|This|That|In|On|At)\s/.test(text) ||
    /(?<![\p{L}.])\p{Lu}{2,}[.!?]["']?\s+$/u.test(text)
  )
    return false;
  // "a fan called Bethany", "another fan, Rosalind", "his Hearts counterpart, Craig Levein", "one
  // of the defence lawyers, Souad Brahma": a description, then the name it goes by.
  const described =
    // "the province's health MEC, Jo Lee": an owner before the role, which may be an acronym.
    /^(?:one\s+of\s+)?(?:(?:a|an|the|another|one|his|her|their|its|our)\s+)?(?:(?:[\p{Ll}-]+(?:['’]s)?|\p{Lu}[\p{L}'’-]*)\s+){0,2}?([\p{Ll}-]+|\p{Lu}{2,4})(?:\s+(?:called|named)|,)\s*$/u.exec(
      text,
    )?.[1];
  if (described && (isRoleWord(described) || ONE_NAME_HOLDERS.has(described))) return true;
  // "said the Moroccan Ammouta": a nationality describes the person named after it.
  const nationality = /^the\s+(\p{L}+)\s+$/u.exec(text)?.[1];
  if (nationality && nameSignals(nationality).demonym) return true;
  // "the Senate Republican Leader -- Sen. Kevin Engler": a dash sets the name off like a comma.
  const words = wordsOf(text).filter((w) => !/^[-–—]{1,2}$/.test(w));
  // "man-of-the-match Jo Reed", "two-time champion Jo Reed", "14-year-old Jo Reed": a hyphenated
  // description, then maybe a role.
  if (
    words.length >= 1 &&
    words.length <= 3 &&
    /^[\p{Ll}\d][\p{Ll}\d]*(?:-[\p{Ll}\d]+)+$/u.test(words[0] as string) &&
    words.slice(1).every((w) => isRoleWord(w) || ROLE_MODIFIERS.has(w))
  )
    return true;
  // "Dartmouth men's crew coach Scott Armstrong": a few words of affiliation, then a role. A
  // clause word among them ("the claim that party chief Jo Lee …") puts the name in a clause of
  // its own, which does not speak the words before it.
  if (
    words.length <= 5 &&
    words.length > 1 &&
    isRoleWord(words.at(-1) as string) &&
    !words.some((w) => CLAUSE_WORDS.has(w))
  )
    return true;
  if (
    /^(?:a|an|the)$/i.test(words[0] ?? '') &&
    words.length <= 4 &&
    words.slice(1).every(
      (w) =>
        // "the 74th-ranked Wozniacki": a ranking or a year written in figures describes too.
        /^(?:\p{Ll}|\d+(?:st|nd|rd|th)?-\p{Ll})[\p{Ll}\d-]*$/u.test(w) &&
        !PREPOSITIONS.has(w) &&
        !CONJUNCTIONS.has(w) &&
        !isRoleWord(w),
    )
  )
    return true;
  // "Blades general manager and head coach Bob Woods": two roles joined.
  return words.every(
    (w, i) =>
      /^\p{Lu}/u.test(w) ||
      isRoleWord(w) ||
      ROLE_MODIFIERS.has(w) ||
      // "IAM District 751 President": a number inside a body's name.
      (i > 0 && /^\d+$/.test(w) && /^\p{Lu}/u.test(words[i - 1] as string)) ||
      (i > 0 && ['of', 'for'].includes(w)) ||
      // "director general of the Department of Tourism": a remit may open with "the".
      (w === 'the' && ['of', 'for'].includes(words[i - 1] ?? '')) ||
      (i > 0 && w === 'and' && isRoleWord(words[i - 1] as string)) ||
      // "Cabinet for Health and Family Services Secretary": "and" inside an office's remit.
      (i > 0 &&
        (w === 'and' || w === '&') &&
        /^\p{Lu}/u.test(words[i + 1] ?? '') &&
        words.slice(0, i).some((x) => x === 'of' || x === 'for')),
  );
}

/** A lowercase word ending a sentence, unless it is an abbreviated title ("coun.", "sen."). */
const SENTENCE_END_NOT_TITLE = new RegExp(
  String.raw`(?<![\p{L}])(?!(?:${ABBREVIATED_TITLES.toLowerCase()})\.)\p{Ll}+[.!?]["']?\s`,
  'u',
);

/**
 * "Waiting in line on Tuesday to pick up a prescription, Jung Ok-bun, 67, lamented …": a sentence
 * opening on a participle's clause sets it off with one comma, before its subject.
 */
function afterFrontedParticiple(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 300), at);
  const sentence = /(?:^|[.!?]["”']?\s+)([^.!?]*)$/u.exec(before)?.[1] ?? '';
  return /^\p{Lu}\p{Ll}+(?:ing|ed)\s[^,;:"“]*,\s*$/u.test(sentence);
}

/** Those who go along with someone named: "Jo Roe and her family", "… and his team". */
const KIN_GROUPS = new Set([
  'family',
  'children',
  'kids',
  'friends',
  'team',
  'colleagues',
  'parents',
]);

/** A speech verb and the comma or colon that hand over to a quotation: `said, "`, `added: "`. */
const INTRODUCED_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:${[...SPEECH_VERBS].join('|')})\s*[,:]\s*$`,
  'u',
);

/** Words that open a clause: a name after them is that clause's subject, not a title's holder. */
const CLAUSE_WORDS = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whether',
  'because',
  'if',
  'when',
  'while',
]);

type PersonAt = { slug: string; end: number; kind: 'full' | 'alias' | 'pronoun'; cap?: number };

/** The person named (or pronoun) starting at `offset`, with where their name and appositive end. */
function personAt(
  ctx: Context,
  offset: number,
  quoteOpen: number,
  anyWordsBefore = false,
): PersonAt | null {
  // Titles may run long: "said IAM District 751 President and Directing Business Representative Jo Lee".
  const mention = startingBetween(ctx.mentions, offset, offset + TITLES_REACH).find(
    (m) => anyWordsBefore || onlyTitles(ctx.unit.text.slice(offset, m.start)),
  );
  if (mention)
    return {
      slug: mention.slug,
      end: mention.appositiveEnd ?? mention.end,
      kind: mention.kind,
      ...(mention.cap === undefined ? {} : { cap: mention.cap }),
    };
  const word = /^\p{L}+/u.exec(ctx.unit.text.slice(offset))?.[0] ?? '';
  if (PRONOUNS.has(word.toLowerCase())) {
    const resolved = resolvePronoun(ctx, Math.min(offset, quoteOpen), word);
    return resolved ? { ...resolved, end: offset + word.length, kind: 'pronoun' } : null;
  }
  return null;
}

const TITLES_REACH = 90;

/** "Newman wistfully told", "Lee angrily said": an adverb of manner, not a noun ending in -ly. */
const mannerAdverb = (word: string) => /^\p{Ll}{4,}ly$/u.test(word) && !NOT_ADVERBS.has(word);
const NOT_ADVERBS = new Set(
  'family supply comply assembly anomaly monopoly homily butterfly dragonfly firefly melancholy'.split(
    ' ',
  ),
);

/** Skips ", 81," ages and adverbs between a speaker and the verb; returns the verb. */
function verbAfter(text: string): string {
  // An abbreviation's full stop may end the appositive: "…, chief executive of Canon Inc. told".
  const rest = pastNameExtras(text).replace(/^(?:[\s,]|\.(?=\s+\p{Ll}))+/u, '');
  let verb = '';
  for (const word of wordsOf(rest)) {
    const w = plain(word);
    if (BETWEEN_SPEAKER_AND_VERB.has(w) || w === 'quoted' || w === 'as' || mannerAdverb(w))
      continue;
    verb = w;
    break;
  }
  return verb;
}

/**
 * `"…," Jo Park, a spokesperson for the council told reporters`: right after a quotation an
 * appositive may lack its closing comma; its first speech verb is the speaker's.
 */
function unclosedAppositiveVerb(text: string): boolean {
  // "…, the head of the union told reporters", "…, chief executive of Canon Inc. told reporters".
  const appositive = /^,\s+(?:(?:a|an|the)\s+)?(\p{Ll}[^,;:"()]{0,100})/u.exec(text);
  if (!appositive) return false;
  const words = wordsOf(appositive[1] as string).slice(0, 12);
  return words.some((w, i) => i > 0 && SPEECH_VERBS.has(w) && !w.endsWith('ing'));
}

/**
 * What follows a name once the things that may stand between a subject and its verb are skipped:
 * post-nominals (" QC", ", MP,"), a bracket ("(I-Vt.)"), an age (", 81,"), a relative clause
 * (", who cast the deciding vote,"), a short appositive (", a supporter from Leeds,"), an
 * affiliation ("of Milwaukee", "of the Red Cross").
 */
function pastNameExtras(text: string): string {
  const rest = text
    .replace(POST_NOMINALS, '')
    .replace(/^\s*\([^)]*\)/, '')
    // "manager – John Kiely – believes", "Jo Lee, the leader – which has found savings – said": a
    // phrase between dashes.
    .replace(/^(,[^,;:"–—]{1,80})?\s+[–—]\s[^–—"]{1,120}\s[–—](?=\s)/u, '')
    // The same between spaced hyphens: "Jo Lee - responsible for education - said".
    .replace(/^\s+-\s(?:[^–—"-]|-(?!\s)){1,120}?\s-(?=\s)/u, '')
    .replace(/^\s+[–—](?=\s+\p{Ll})/u, '')
    // ", 35," and ", 35 and her mother …" (the age's closing comma dropped before "and").
    .replace(/^,\s*\d{1,3}(?:,|(?=\s+(?:and|&)\s+(?:his|her|their)\s))/, '')
    // ", who chairs the committee at the hall, one of the centres to shut, said": an appositive may
    // follow the clause.
    .replace(
      /^,\s*(?:who|which)\b[^,]*,(?:\s+(?:one\s+of|a|an|the)\s[^,;:"]{1,80},(?=\s+\p{Ll}))?/u,
      '',
    )
    // "Sen. Jo Lee, R-S.C., a member of the committee, told": a US party and state, then perhaps
    // the appositive.
    .replace(/^,\s*[RDI]-\p{Lu}[\p{L}.]{0,12}(?:\s\p{Lu}[\p{L}.]{0,12})?(?=,)/u, '')
    // The appositive may name a work in marks: `Jo Lee, "Ladyfish" co-star, quips`.
    // Its commas may list a body's parts: ", district president of the Construction, Forestry,
    // Mining and Energy Union, said".
    .replace(
      /^,(?:[^,;:"]|"[^",;:]{1,40}"|,(?=\s+\p{Lu}[\p{L}'-]*(?:,|\s+(?:and|&)\s+\p{Lu}))){1,160},/u,
      '',
    )
    // "Gulab Rahim, a resident of Aagra Payan, one of the areas worst hit, is living": "one of"
    // set off after the appositive describes the place in it (not "the victim's mother", who may
    // be the subject herself).
    .replace(/^\s+one\s+of\s[^,;:"]{1,80},(?=\s+\p{Ll})/u, '')
    // "Lam Pin Min, the party's candidate, who is up against Koh, rebutted": a relative clause
    // after the appositive.
    .replace(/^\s*who\b[^,;:"]{1,120},(?=\s+\p{Ll})/u, '')
    // "Jide Idris, at a press conference in Abuja, yesterday, disclosed": when, set off after
    // where (which the appositive above took).
    .replace(DAY_SET_OFF, '');
  // A body's name may hold "of" itself: "of the University of Innsbruck".
  const affiliation =
    // It may end on the kind of body it is: "of the Detroit police".
    // A place's name may open on an abbreviation: "of Mt. Washington".
    // "and" may join its words: "of the North Bay and District Chamber of Commerce".
    /^\s+of\s+(?:the\s+)?(?:(?:St|Mt|Ft|Pt)\.\s+)?[\p{L}'-]+(?:\s+(?:(?:and|&)\s+)?\p{Lu}[\p{L}'-]*)*(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*)*(?:\s+(?:police|department|council|government|ministry|office|service|university|hospital|board|team|club|force|union|party|association|federation|confederation|committee|commission|company|group)(?![\p{L}]))?/u.exec(
      rest,
    ) ??
    // "Dr Jo Lee from the Sea and Air division said", "Lt. Jo Lee with the Eastfield Fire
    // Department said": "from" or "with" a body named in capitals, perhaps joined by "and" and
    // ending on the kind of unit it is.
    /^\s+(?:from|with)\s+(?:the\s+)?\p{Lu}[\p{L}'-]*(?:\s+(?:and\s+|&\s+|(?:o|a|de|da|di|du|la|le|van|von)\s+)?\p{Lu}[\p{L}'-]*)*(?:\s+(?:division|department|unit|team|office|branch|school|faculty|group|centre|center|institute|laboratory|lab|programme|program))?(?=[\s,])/u.exec(
      rest,
    ) ??
    // "Dr Jo Lee at the hospital said", "a nurse from the district clinic told": where the person
    // works, in lowercase, ending on the kind of place it is.
    /^\s+(?:at|from|with)\s+the\s+(?:[\p{Ll}-]+\s+){0,2}(?:hospital|clinic|university|school|college|council|ministry|department|office|company|firm|club|court|agency|station|museum|institute|centre|center|bank|charity|union|board|embassy|mission|camp|site|scene|market)(?![\p{L}])/u.exec(
      rest,
    );
  return (
    (
      affiliation
        ? // An address goes on in capitals: "of Joeys Lane, Bilbrook, said".
          rest
            .slice(affiliation[0].length)
            .replace(/^(?:,\s*\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*)+,/u, '')
            // "Jo Roe of the Stars Tent, which was pitched in 2019, described": the body's clause.
            .replace(/^,\s*(?:who|which)\b[^,;:"]{1,120},(?=\s+\p{Ll})/u, '')
            // "Jo Roe, 40, of Leeds, was": the comma that closes an appositive address.
            .replace(/^,(?=\s+\p{Ll})/u, '')
        : rest
    )
      // "Jo Park on Monday assured …": a time between the subject and its verb.
      .replace(TIME_AFTER_NAME, '')
  );
}

// A date in brackets may follow the day: "on Saturday (Nov 8)".
const TIME_AFTER_NAME =
  /^\s+(?:on|last|this|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|night|month|year|morning|afternoon|evening|weekend)\b(?:\s*\([^()]{1,30}\))?/u;

/** `"…," X said` · `"…," said X, <role>` · `"…?" asked X` · `"…," X told <outlet>` · `"…," X was quoted saying`. */
/** After a quotation: "according to" and, perhaps, the document the words are in, up to its source. */
/** `"…," was Rodgers' assessment`, `"…" is the verdict of Lee`: up to where the person is named. */
const VERDICT =
  'assessment|verdict|view|reaction|response|summary|take|message|analysis|explanation';
const VERDICT_AFTER = new RegExp(
  String.raw`^[\s,]*(?:was|is)\s+(?:(?=\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*['’]s?\s+(?:${VERDICT})\b)|the\s+(?:${VERDICT})\s+of\s+)`,
  'u',
);

const ACCORDING_AFTER =
  /^[\s,]*according\s+to\s+(?:(?:a|an|the)\s+(?:\p{Ll}+\s+)?(?:statement|release|post|letter|email|filing|report|transcript|video|message)\s+(?:from|by|issued\s+by|released\s+by)\s+)?/iu;

/** Words that end their sentence inside the marks, perhaps before a quote within them closes. */
const endsSentence = (inner: string) => /[.!?]['’]?$/.test(inner.trim());

function speakerAfter(ctx: Context, span: Span): Found | null {
  const text = ctx.unit.text;
  const sentenceEnd = SENTENCE_END_AFTER.exec(text.slice(span.close + 1, span.close + 400));
  const after = text.slice(
    span.close + 1,
    sentenceEnd ? span.close + 1 + sentenceEnd.index + 1 : text.length,
  );
  const lead = /^[\s,]*/.exec(after)?.[0].length ?? 0;
  const words = wordsOf(after.slice(lead));
  let skipped = 0;
  while (SPEECH_FILLERS.has(plain(words[skipped] ?? ''))) skipped++;
  const first = plain(words[skipped] ?? '');
  // `Jo Roe said, "We agree." Member Ross Carley asked …`: words a speech verb introduced, ending
  // their sentence inside the marks, are that verb's; the next sentence is another statement.
  if (
    endsSentence(span.inner) &&
    span.open > 0 &&
    INTRODUCED_BEFORE.test(text.slice(Math.max(0, span.open - 40), span.open))
  )
    return null;
  // `Experts concluded it was "a bird." However, Kay said …`: the sentence ended inside the marks
  // and the next opens with a word of its own, so whoever it names speaks there, not here.
  const opener = words[0] ?? '';
  if (
    endsSentence(span.inner) &&
    /^\p{Lu}/u.test(opener) &&
    (/,$/.test(opener) || SENTENCE_OPENERS.has(plain(opener)))
  )
    return null;
  // `"…." He said it was not about consent`, `"…." He said the timing also mattered`, `"…." He
  // said Malvo was relieved`: a new sentence reporting a clause of its own is another statement,
  // not this quotation's credit.
  // (After a question, `"…?" Jo Roe asked the crowd` is the credit: the wider reading needs a full
  // stop and a verb that reports a clause rather than addressing someone.)
  const reports =
    /^\s*\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,2}\s+(\p{Ll}+)\s+(?:(that|it|this|there|he|she|they|we)|the|a|an|his|her|their|its|our|\p{Lu}[\p{L}'-]*\s+\p{Ll}{2,})\s/u.exec(
      after,
    );
  // The clause must have a verb of its own: `"…." Okri said Tuesday at the team hotel` and
  // `"…." He said the following day` are credits with a time after them.
  const ownVerb =
    reports !== null &&
    /(?<![\p{L}])(?:was|is|were|are|had|has|have|would|will|could|should|did|does|might|must|can|\p{Ll}{3,}ed)(?![\p{L}])/u.test(
      after.slice(reports[0].length - 1),
    );
  const reportedClause =
    reports !== null &&
    (reports[2] !== undefined ||
      (/\.$/.test(span.inner.trim()) && !LISTENER_VERBS.has(reports[1] as string) && ownVerb));
  if (endsSentence(span.inner) && reportedClause && SPEECH_VERBS.has(reports[1] as string))
    return null;
  // `…: "I am sorry." One farmer responded, "It hurt."`: a new sentence whose speech verb opens
  // the next quotation credits that one, not this.
  const opensNext = /^\s+\p{Lu}[^."]{0,80}?\s(\p{Ll}+)[,:]?\s*"(?=\p{Lu})/u.exec(
    text.slice(span.close + 1, span.close + 120),
  );
  if (endsSentence(span.inner) && opensNext && SPEECH_VERBS.has(opensNext[1] as string))
    return null;
  // A dash credit after the quote: `"…" — neighbor Reggie Bogard`.
  const dash = /^\s*[—–-]{1,2}\s*/.exec(text.slice(span.close + 1, span.close + 6));
  if (dash) {
    const person = personAt(ctx, span.close + 1 + dash[0].length, span.open, true);
    if (person) return byPerson(person, 'SPEECH_VERB');
  }
  // `"…," was Rodgers' assessment`: the words named as someone's verdict.
  const verdict = VERDICT_AFTER.exec(after);
  if (verdict) {
    const person = personAt(ctx, span.close + 1 + verdict[0].length, span.open);
    if (person) return byPerson(person, 'SPEECH_VERB');
  }
  // `"…," according to Lee`, `"…," according to a statement from Lee`: the credit after the words.
  const according = ACCORDING_AFTER.exec(after);
  if (according) {
    const offset = span.close + 1 + according[0].length;
    const person = personAt(ctx, offset, span.open);
    if (person) return byPerson(person, 'ACCORDING_TO');
    // `Stewart asked her to "…," according to CNN`: an outlet credited with the report of words a
    // named speaker's verb introduced before them; that verb's pass decides who spoke.
    if (spokenBefore(ctx, span.open)) return null;
    // "according to a statement from her office": the source as written, from after "to".
    return nobody(/according\s+to\s+([^,;.!?]*)/i.exec(after)?.[1] ?? null);
  }
  // `the findings "serve as a reminder" of the risk, said Mr Lim, group director`: a speech verb
  // inverted at the end of the sentence, after a comma, credits the words quoted inside it.
  if (!SPEECH_VERBS.has(first)) {
    const person = invertedCredit(ctx, span.close + 1, after, span.open);
    if (person) return byPerson(person, 'SPEECH_VERB');
    // `were the "backbone" of the system, she said.`: a pronoun and its verb close the sentence.
    // The words may be reported rather than said ("Someone had sprayed "…" on the shutters, she
    // said"): a reading of the sentence, so capped.
    const closing = /,\s+(he|she)\s+(\p{Ll}+)[.!?]?\s*$/u.exec(after);
    if (closing && SPEECH_VERBS.has(closing[2] as string)) {
      const resolved = resolvePronoun(ctx, span.open, closing[1] as string);
      if (resolved)
        return {
          ...pronounFound(resolved),
          cap: Math.min(resolved.cap ?? REPORTED_CAP, REPORTED_CAP),
        };
    }
  }
  // `a 36-inch "feeder main" burst, according to Gary Litherland, a spokesman`, `will "throttle
  // down the pressure" to stop the leak, which will take "hours," Litherland said.`: a credit
  // closing the sentence covers every quotation inside it.
  if (
    /^\s*\p{Ll}/u.test(after) &&
    !SPEECH_VERBS.has(first) &&
    !NOUN_PHRASE_OPENERS.has(first) &&
    !isRoleWord(first) &&
    !UNNAMED_PEOPLE.has(first)
  ) {
    const closing = closingCredit(ctx, span.close + 1);
    if (closing) return closing;
  }
  // `"…", accusing his counterpart of …`: a participle goes on describing the sentence's subject.
  if (SPEECH_VERBS.has(first) && !first.endsWith('ing')) {
    const verbEnd =
      after.indexOf(words[skipped] as string, lead) + (words[skipped] as string).length;
    const offset = span.close + 1 + verbEnd + (/^\s*/.exec(after.slice(verbEnd))?.[0].length ?? 0);
    const person = personAt(ctx, offset, span.open);
    // "suggested Rey's husband Russell": a possessor is not the one who speaks.
    const possessor = person !== null && /^['’]s?\s/u.test(text.slice(person.end, person.end + 3));
    if (person && !possessor) return byPerson(person, 'SPEECH_VERB');
    // "said Young's neighbour, Tom Price", "said Taylor's Grandmother Constance Dingle": whoever
    // the possessor's role names, capitalised or not.
    const possessed =
      possessor &&
      startingBetween(ctx.mentions, person.end, person.end + 60).find((m) => {
        const role = POSSESSED_ROLE.exec(text.slice(person.end, m.start))?.[1] ?? '';
        return /^\p{Ll}/u.test(role) || isRoleWord(role.toLowerCase());
      });
    if (possessed) return byPerson(possessed, 'SPEECH_VERB');
    // "said her friend Nancy Narma", "said a neighbour, Jo Lee": a role or relation, then the name.
    const introduced = startingBetween(ctx.mentions, offset, offset + 60).find((m) => {
      const gap = text.slice(offset, m.start);
      // "said the lawyer for defendant Jo Kamau": a role of someone else's is not the name's.
      if (/\s(?:of|for|to|representing|with|against)\s/u.test(gap)) return false;
      const role =
        /^(?:his|her|their|our|my|a|an|the)\s+(?:[\p{Ll}-]+\s+){0,2}([\p{Ll}-]+),?\s+$/u.exec(
          gap,
        )?.[1];
      return role !== undefined && (isRoleWord(role) || UNNAMED_PEOPLE.has(role));
    });
    if (introduced) return byPerson(introduced, 'SPEECH_VERB');
    // "said Samsung president of mobile communications business DJ Koh": a title and its remit,
    // with the name closing the sentence. Not where the remit hands the name a part of its own:
    // a person's role right before it ("the lawyer for defendant Jo Kamau"), a preposition or a
    // participle or a clause ("a lawyer for the family of Jo Lee", "the panel investigating Jo
    // Lee", "the unit that reviewed Jo Lee"), "the late"; nor a name a relative clause goes on to
    // describe ("…, who died in custody").
    const titled = startingBetween(ctx.mentions, offset, offset + 160).find((m) => {
      if (!/^(?:[.!?]|,(?!\s+(?:who|whose|which)\b)|$)/u.test(text.slice(m.end, m.end + 8)))
        return false;
      const title = TITLE_WITH_REMIT.exec(text.slice(offset, m.start));
      const remit = wordsOf(title?.[2] ?? '').map(plain);
      const lastOfRemit = remit.at(-1) ?? '';
      return (
        title !== null &&
        isRoleWord(title[1] as string) &&
        !remit.some((w) => /^(?:that|who|whom|whose|which)$/.test(w)) &&
        !isRoleWord(lastOfRemit) &&
        !UNNAMED_PEOPLE.has(lastOfRemit) &&
        !PREPOSITIONS.has(lastOfRemit) &&
        !/(?:ing|ed)$|^late$/.test(lastOfRemit)
      );
    });
    if (titled) return byPerson(titled, 'SPEECH_VERB');
    // "said a protester who gave only her family name, Wong": the one described, named at last.
    const announced = NAMED_LATER_IN_SENTENCE.exec(text.slice(offset, offset + 200));
    const described = announced && personAt(ctx, offset + announced[0].length, span.open);
    if (described) return byPerson(described, 'SPEECH_VERB');
    // "said a senior senator, who asked not to be named": the source is the phrase after the verb.
    return nobody(/^[^,;.!?]*/.exec(text.slice(offset))?.[0] ?? null);
  }
  const person = personAt(ctx, span.close + 1 + lead, span.open);
  const verb = person ? verbAfter(text.slice(person.end, person.end + 200)) : '';
  if (
    person &&
    (SPEECH_VERBS.has(verb) ||
      // `"Oh my God," Darin Greenfield began when asked …`: right after the words (only titles
      // stand before the name here), a verb of starting is a speech verb.
      STARTING_VERBS.has(verb) ||
      // `"Is that bad language?" Kyrgios challenged the reporter`: words that hand the sentence
      // on with a comma or a question are credited by the past-tense verb of the name after them.
      (/[,?!]$/.test(span.inner.trimEnd()) &&
        /^\p{Ll}{3,}ed$/u.test(verb) &&
        // Not words something earlier in the sentence introduced: "As the crowd shouted "…," Jo
        // Lee walked off".
        /(?:^|[.!?]["')]*\s+)$/u.test(text.slice(Math.max(0, span.open - 200), span.open))) ||
      unclosedAppositiveVerb(text.slice(person.end, person.end + 200)))
  )
    return byPerson(person, 'SPEECH_VERB');
  // A name that only qualifies the speaker ("Jokowi campaign team's deputy chairman Arsul Sani
  // said") may leave a name before the verb below; otherwise nothing is found here.
  const qualifies = person !== null && person.kind !== 'pronoun';
  if (person && !qualifies) return null;
  // Someone who is not a known person said it: "the ministry said", "a neighbour added", "Unknown said".
  // "eyewitness Jo B. said": a role noun opens the phrase as well.
  const opensNounPhrase =
    NOUN_PHRASE_OPENERS.has(first) ||
    /^\p{Lu}/u.test(words[skipped] ?? '') ||
    isRoleWord(first) ||
    UNNAMED_PEOPLE.has(first);
  // A participle heads no clause of its own: `"…" his evidence by initially saying` names no source.
  // "one security official was quoted as saying": the passive credit is a speech verb too.
  const verbAt = words.findIndex(
    (w, i) =>
      i > skipped &&
      ((SPEECH_VERBS.has(plain(w)) && !plain(w).endsWith('ing')) ||
        (plain(w) === 'quoted' && /^(?:was|were|is|are)$/.test(plain(words[i - 1] ?? '')))),
  );
  const passive = plain(words[verbAt] ?? '') === 'quoted';
  const phrase = words.slice(skipped, Math.max(verbAt - (passive ? 1 : 0), 0));
  // Commas may bracket an appositive ("Westline Power, the grid operator, said"); clauses may not.
  const plainPhrase = phrase.every((w) => !CONJUNCTIONS.has(plain(w)) && !/;$/.test(w));
  if (verbAt <= 0 || verbAt - skipped > 14) return null;
  // `"…," the visitors' manager, Nigel Worth, said`: the role is the person's, named last.
  const verbOffset = span.close + 1 + lead + offsetOfWord(after.slice(lead), verbAt);
  const named = ctx.mentions.find(
    (m) =>
      m.start > span.close &&
      (m.appositiveEnd ?? m.end) <= verbOffset &&
      /^[\s,]*$/.test(text.slice(m.appositiveEnd ?? m.end, verbOffset)),
  );
  // `"…," die-hard fan and former club president Alecos Karides said`: roles joined by "and"
  // describe the one person named last, if nobody else is named before them.
  const describing = named ? text.slice(span.close + 1 + lead, named.start) : '';
  // Only roles describe: a clause of its own ("the crowd chanted as Tom Hill said") has a verb.
  const onlyRoles = wordsOf(describing).every(
    (w) => plain(w) === 'and' || !(CONJUNCTIONS.has(plain(w)) || SPEECH_VERBS.has(plain(w))),
  );
  const alone =
    named !== undefined &&
    startingBetween(ctx.mentions, span.close, named.start).length === 0 &&
    !/[,;.]/.test(describing) &&
    onlyRoles &&
    !SENTENCE_OPENERS.has(first) &&
    !PREPOSITIONS.has(first);
  if (!alone && !(opensNounPhrase && verbAt - skipped <= 10 && plainPhrase)) return null;
  if (named) {
    const speaker = personAt(ctx, named.start, span.open);
    if (speaker) return byPerson(speaker, 'SPEECH_VERB');
  }
  if (qualifies) return null;
  return nobody(phrase.join(' ').split(',')[0] ?? null);
}

/**
 * Whether the quotation at `open` is introduced by a speech verb with no comma between (`asked her
 * to "…"`), after a named person in its sentence: not a verb in a clause set off before it (`The
 * study, which Dr Lee spoke about, found the drug "…"`).
 */
function spokenBefore(ctx: Context, open: number): boolean {
  const text = ctx.unit.text;
  const from = Math.max(0, open - CLAUSE_REACH);
  const sentence = text.slice(from, open).search(/[.!?]["”]?\s+(?=\p{Lu})[^.!?]*$/u);
  const start = sentence < 0 ? from : from + sentence;
  const verb = [...text.slice(start, open).matchAll(/\p{Ll}+/gu)].findLast((w) =>
    SPEECH_VERBS.has(w[0]),
  );
  if (verb === undefined) return false;
  const verbAt = start + (verb.index as number);
  return (
    !/[,;:]/.test(text.slice(verbAt, open).replace(/"[^"]*"/g, '""')) &&
    startingBetween(ctx.mentions, start, verbAt).length > 0
  );
}

/** The credit that closes the sentence going on at `from`, past any quotations in it. */
function closingCredit(ctx: Context, from: number): Found | null {
  const text = ctx.unit.text;
  // The rest of the sentence, with the words of later quotations blanked out.
  let end = from;
  let quoted = false;
  for (; end < Math.min(text.length, from + CLAUSE_REACH); end++) {
    const char = text[end] as string;
    if (char === '"') quoted = !quoted;
    else if (
      !quoted &&
      /[.!?]/.test(char) &&
      /^(?:\s+["\p{Lu}]|\s*$)/u.test(text.slice(end + 1, end + 3))
    )
      break;
  }
  const rest = text.slice(from, end).replace(/"[^"]*"/g, (q) => `"${' '.repeat(q.length - 2)}"`);
  const according = /,\s+according\s+to\s+/i.exec(rest);
  if (according) {
    const person = personAt(ctx, from + according.index + according[0].length, from);
    if (person) return byPerson(person, 'ACCORDING_TO');
  }
  const credit = CLOSING_CREDIT.exec(rest);
  if (!credit || !SPEECH_VERBS.has(credit[2] as string)) return null;
  const person = personAt(ctx, from + credit.index + credit[0].indexOf(credit[1] as string), from);
  return person ? byPerson(person, 'SPEECH_VERB') : null;
}

/** `, Litherland said.`, `," Jo Roe told reporters on Monday`: a name and its speech verb end the sentence. */
const CLOSING_CREDIT =
  /[,"]\s+(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,2})\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)(?:\s+(?:on|in|at|to|during|after|before|around|last|this|later|earlier)\b[^,;"]{0,40})?\s*$/u;

/** Where the `index`th whitespace-separated word of `text` starts. */
function offsetOfWord(text: string, index: number): number {
  return [...text.matchAll(/\S+/g)][index]?.index ?? text.length;
}

/**
 * `He told Ann Lee: "…"`, `Brandle told reporter Jo Kess: "…"`: the person named before the colon
 * is spoken to, not speaking.
 */
function listener(text: string, from: number, mention: Mention): boolean {
  const lead = text.slice(Math.max(from, mention.start - 60), mention.start);
  const spokenTo =
    /(?:^|\s)(?:told|tells|telling|asked|asks|asking|thanked|interviewed|to|with)\s+((?:[\p{L}'-]+\s+){0,3})$/iu.exec(
      lead,
    );
  return spokenTo !== null && onlyTitles(spokenTo[1] ?? '');
}

/** What follows whom a report quotes: "… as saying", "…, the minister, as telling". */
const QUOTED_AS_VERB = /^(?:,[^,;:"]{1,80},)?\s+as\s+(?:saying|telling|writing|adding|stating)\b/u;

/** `state media quoted Assad as saying "…"` · `She quoted Tsarnaev as telling her: "…"`. */
function speakerQuotedAs(ctx: Context, span: Span, start: number): Found | null {
  const before = ctx.unit.text.slice(start, span.open);
  const match =
    /\bquot(?:ed|ing|es)\s+(.{1,120}?)\s+as\s+(?:saying|telling|writing|adding|stating)\b/u.exec(
      before,
    );
  if (!match) return null;
  const quotedAt = start + match.index + match[0].indexOf(match[1] as string);
  const person = personAt(ctx, quotedAt, span.open);
  // "quoted an MP as saying Ms Rayner …": who is quoted stands before "as", not after it.
  return person && person.end <= quotedAt + (match[1] as string).length
    ? byPerson(person, 'QUOTED_AS')
    : nobody(match[1] ?? null);
}

/** What opens a phrase set off by commas: "he said, in a statement:", "she noted, with a smile:". */
const PHRASE_OPENERS = new Set([
  ...PREPOSITIONS,
  ...['in', 'during', 'after', 'before', 'under', 'through', 'outside', 'inside'],
]);

/** `According to X, "…"` · `X said that "…"` · `X told reporters that "…"` · `She smiled: "…"`. */

function speakerBefore(ctx: Context, span: Span, start: number, sentence: number): Found | null {
  const text = ctx.unit.text;
  const before = text.slice(start, span.open);
  // The credit runs to the quotation: in "According to The Associated Press, Cohen said …" the
  // outlet is credited with the report, and the speech verb's subject with the words.
  const according = /according to\s+(.+?),?\s*$/i.exec(before);
  if (according && !verbWords(according[1] as string).some((w) => SPEECH_VERBS.has(plain(w)))) {
    // "According to him, "…"": the one the pronoun means.
    const object = /^(him|her)$/i.exec(according[1] as string)?.[1]?.toLowerCase();
    if (object) {
      const resolved = resolvePronoun(ctx, start, object === 'him' ? 'he' : 'she');
      return resolved ? pronounFound(resolved) : nobody(null);
    }
    const person = personAt(
      ctx,
      start + according.index + according[0].indexOf(according[1] as string),
      span.open,
    );
    return person ? byPerson(person, 'ACCORDING_TO') : nobody(according[1] ?? null);
  }
  const words = [...before.matchAll(/[\p{L}'-]+/gu)];
  const colon = /:\s*$/.test(before);
  // "He went further, "All I ask for is time."": with no speech verb before it, a comma introduces
  // a whole quoted sentence as a colon does.
  const colonLike =
    colon ||
    (/,\s*$/.test(before) &&
      /^\p{Lu}/u.test(span.inner.trimStart()) &&
      span.inner.trim().split(/\s+/).length >= 4 &&
      !words.some(
        (w) => SPEECH_VERBS.has(w[0].toLowerCase()) && !nounAfterDeterminer(text, start + w.index),
      ));
  const method: AttributionMethod = colonLike ? 'COLON' : 'SPEECH_VERB';
  // "Added senior quarterback Jo Reed, who scored twice: "…"": a sentence opening on a speech verb
  // names its speaker next, whatever follows the name; not one asked or told ("Asked Jo Reed
  // whether …"), nor one whose lawyer speaks ("Added Jo Reed's lawyer, …").
  const inverted = /^\s*(\p{Lu}\p{Ll}+)\s+/u.exec(before);
  const invertedVerb = inverted?.[1]?.toLowerCase() ?? '';
  if (inverted && INVERTED_SPEECH_VERBS.has(invertedVerb) && !LISTENER_VERBS.has(invertedVerb)) {
    const person = personAt(ctx, start + inverted[0].length, span.open);
    if (person && !/^['’]s\b/u.test(text.slice(person.end, person.end + 3)))
      return byPerson(person, method);
  }
  if (colon) {
    // "… came from Marek Wozniak, a retired bus driver: "…"": the person right before the colon.
    const colonAt = start + before.search(/:\s*$/);
    const introduced = startingBetween(ctx.mentions, start, colonAt).find(
      (m) =>
        text.slice(m.appositiveEnd ?? m.end, colonAt).trim() === '' && !listener(text, start, m),
    );
    if (introduced) return byPerson(introduced, method);
  }
  // A colon introduces speech whatever the verb of its clause: "Asked what she would do, she smiled: "…"".
  const clause = before.replace(/[,:]\s*$/, '');
  let clauseAt = Math.max(clause.lastIndexOf(','), clause.lastIndexOf(';'));
  // "he noted, with a tone of incredulity: …": a phrase set off by commas is not a clause.
  while (
    clauseAt > 0 &&
    PHRASE_OPENERS.has(plain(/^\s*([\p{L}]+)/u.exec(clause.slice(clauseAt + 1))?.[1] ?? ''))
  )
    clauseAt = Math.max(
      clause.lastIndexOf(',', clauseAt - 1),
      clause.lastIndexOf(';', clauseAt - 1),
    );
  const clauseStart = colonLike ? start + clauseAt + 1 : start;
  const verb =
    words.findLast(
      (w) =>
        start + w.index >= clauseStart &&
        (SPEECH_VERBS.has(w[0].toLowerCase()) ||
          speechParticiple(w[0].toLowerCase()) ||
          findingThat(text, start + w.index, w[0]) ||
          spokeOf(text, start + w.index, w[0])) &&
        !nounAfterDeterminer(text, start + w.index),
    ) ?? (colonLike ? words.at(-1) : undefined);
  if (!verb) return null;
  const verbAt = start + verb.index;
  // "Kerr was accused of "…"", "she was told: …": a speech verb in the passive makes its subject
  // the one spoken to or about; who spoke is not named there. So does a passive coordinated
  // with another: "he was called back and warned about "…"".
  if (
    SPEECH_VERBS.has(verb[0].toLowerCase()) &&
    !/ing$/.test(verb[0]) &&
    (PASSIVE_BEFORE_VERB.test(text.slice(Math.max(start, verbAt - 30), verbAt)) ||
      (ADDRESSING_VERBS.has(verb[0].toLowerCase()) &&
        PASSIVE_THEN_LISTENER_VERB.test(text.slice(Math.max(start, verbAt - 60), verbAt))))
  )
    return nobody();
  // "denied that the sector is in a state of "collapse"": a word quoted inside the claim someone
  // denies is the claim's, not the denier's.
  if (
    /^den(?:y|ies|ied|ying)$|^refut/.test(verb[0].toLowerCase()) &&
    /^\s+that\s/.test(text.slice(verbAt + verb[0].length, span.open)) &&
    wordsOf(span.inner).length <= 3
  )
    return nobody();
  // The owner of the words named right before them is more precise than the clause's subject.
  const owner = speechNounOwner(ctx, start, span.open);
  if (owner) return byPerson(owner, 'SPEECH_VERB');
  // "The 35-year-old, who with Conor Murray dominated George Ford, added: …": names inside the
  // relative clause of a description are not the verb's subject; the description is.
  const described = DESCRIBED_WHO.exec(text.slice(sentence, verbAt));
  if (described) return nobody(described[1] ?? null);
  const candidates = startingBetween(ctx.subjects, start, verbAt).filter((m) => m.end <= verbAt);
  // The speaker stands right before the verb, perhaps with an appositive or an adverb between.
  // Whether the verb is the subject's own, perhaps through a document it issued.
  const verbOf = (subjectEnd: number) =>
    verbAfter(text.slice(subjectEnd, verbAt + verb[0].length)) === verb[0].toLowerCase() ||
    issuedSaying(text.slice(subjectEnd, verbAt), verb[0]);
  const adjacent = candidates.findLast(
    (m) => verbOf(m.appositiveEnd ?? m.end) && !inMemberList(ctx, m) && !inInsetPhrase(text, m),
  );
  // "…, with Latham, from the board, saying it …": "with" gives the participle its own subject.
  const withSubject = /^\p{Ll}+ing$/u.test(verb[0])
    ? startingBetween(ctx.mentions, start, verbAt).findLast(
        (m) =>
          /\bwith\s+$/.test(text.slice(Math.max(start, m.start - 6), m.start)) &&
          verbAfter(text.slice(m.appositiveEnd ?? m.end, verbAt + verb[0].length)) ===
            verb[0].toLowerCase(),
      )
    : undefined;
  if (!adjacent && withSubject) return byPerson(withSubject, method);
  // "MacLachlan praised Coady, saying "…"": the name before the comma is the verb's object.
  const objectBefore = adjacent !== undefined && !isClauseSubject(ctx, adjacent);
  if (
    (!adjacent || objectBefore) &&
    /^\p{Ll}+ing$/u.test(verb[0]) &&
    /,\s*$/.test(text.slice(start, verbAt))
  ) {
    // "She accepted it was no gain, adding: "…"", "Lee slammed the plan, calling it "…"": a
    // participle after a comma goes on with the subject that opens the sentence.
    const subject = sentenceSubject(ctx, sentence, verbAt);
    if (subject) return subject;
  }
  // "… signed by Davey, and the operator's chief, Thompson, said: …": the last of two coordinated
  // names does not speak alone; a joint statement has no single speaker, so decline.
  if (
    adjacent &&
    startingBetween(ctx.mentions, start, adjacent.start).some(
      (m) =>
        m.slug !== adjacent.slug &&
        /^\s*,?\s*(?:and|&)\s+(?:[^,;.:"]{0,60},\s*)?$/u.test(
          text.slice(m.appositiveEnd ?? m.end, adjacent.start),
        ),
    )
  )
    return nobody();
  // "Wynne said she and Harper agreed to meet "in a few months."": a speech verb inside a clause
  // another speech verb reports carries the reporter's words; its own subject is talked about.
  if (adjacent && reportedSubject(ctx, adjacent)) {
    const reporter = candidates.findLast(
      (m) =>
        m.end <= adjacent.start &&
        SPEECH_VERBS.has(verbAfter(text.slice(m.appositiveEnd ?? m.end, adjacent.start))),
    );
    return reporter ? byPerson(reporter, method) : nobody();
  }
  if (adjacent) {
    // "Ruiz, who has criticised Jones, called him …": a name inside someone's relative clause is
    // not the subject; the clause's owner is.
    const owner = startingBetween(ctx.mentions, start, adjacent.start).findLast((o) =>
      /^,\s*(?:who|whom|whose|which)\b[^,;."]*$/u.test(
        text.slice(o.appositiveEnd ?? o.end, adjacent.start),
      ),
    );
    if (owner && /^,/.test(text.slice(adjacent.appositiveEnd ?? adjacent.end, verbAt)))
      return { ...byPerson(owner, method), cap: RELATIVE_CLAUSE_CAP };
    return byPerson(adjacent, method);
  }
  // "two women who claimed …": the verb is a relative clause's, and its subject is whoever stands
  // before "who"; a named person would have been adjacent, so the subject is nobody named.
  if (
    /(?:^|[\s,])(?:who|which|that)\s+(?:\p{Ll}+ly\s+)?$/u.test(
      text.slice(Math.max(start, verbAt - 40), verbAt),
    )
  )
    return nobody();
  const pronoun = words.findLast(
    (w) => start + w.index < verbAt && PRONOUNS.has(w[0].toLowerCase()),
  );
  // "He went on: "…"", "She turned to the jury: "…"": before a colon, the pronoun that opens the
  // clause introduces the quote whatever its verb, if nobody else is named after it.
  const pronounAt = start + (pronoun?.index ?? 0);
  const opensColonClause =
    colonLike &&
    pronoun !== undefined &&
    pronounAt >= clauseStart &&
    /^[\s,]*(?:(?:and|but|then|so)\s+)?$/i.test(text.slice(clauseStart, pronounAt)) &&
    startingBetween(ctx.mentions, pronounAt, span.open).length === 0;
  // "She thanked the public and said it had been "…"": the pronoun opening the sentence is the
  // subject of a speech verb coordinated with its own verb, when nobody is named in between.
  const between = text.slice(pronounAt, verbAt);
  // "In it he repeats the objections, and on the green issue says: …": a short phrase of time or
  // place may open the sentence, and another may stand between "and" and the verb.
  const coordinatedVerb =
    pronoun !== undefined &&
    /^[\s"'(]*(?:(?:and|but|then|so)\s+)?(?:(?:in|on|at|after|during|later|earlier|then)\s+(?:[\p{L}\d'’-]+\s+){0,3}?[\p{L}\d'’-]+,?\s+)?$/iu.test(
      text.slice(sentence, pronounAt),
    ) &&
    /\s(?:and|but)\s+(?:(?:on|in|at|of|about|over|for)\s+(?:[\p{L}'’-]+\s+){1,5}?)?(?:\p{Ll}+ly\s+|then\s+|later\s+|also\s+)?$/u.test(
      between,
    ) &&
    // Not "and in the yard workers said", "and at the meeting the mayor said": a noun of people,
    // a plural or a name right before the verb is its own subject.
    !ownSubjectBefore(between) &&
    !/[;:"]/.test(between) &&
    startingBetween(ctx.mentions, pronounAt, verbAt).length === 0;
  if (
    pronoun &&
    (opensColonClause || coordinatedVerb || verbOf(start + pronoun.index + pronoun[0].length))
  ) {
    const resolved = resolvePronoun(ctx, start + pronoun.index, pronoun[0]);
    return resolved ? pronounFound(resolved) : nobody();
  }
  // A descriptive subject right before the verb ("The Damascus official described …", "Police
  // said: …", "… after a lawmaker told him …") is a source that is not named: nobody, and nobody
  // else in the sentence either.
  const subject =
    /(?:^\s*|[,;]\s*|(?<![\p{L}])(?:after|when|while|before|because|since|until|once|although|though)\s+)((?:the|a|an|one|another|two|several|police|officials?|prosecutors?)\b[^,;"]{0,60}?)\s+(?:\p{Ll}+ly\s+|also\s+|later\s+|then\s+)?$/iu.exec(
      text.slice(start, verbAt),
    );
  if (subject && !startingBetween(ctx.mentions, start + subject.index, verbAt).length)
    return nobody(subject[1] ?? null);
  // "… for what his own lawyer described as …": a role someone holds for another, unnamed, is the
  // verb's subject, not the person the clause is about.
  const held =
    /(?<![\p{L}])(?:his|her|their)\s+(?:own\s+)?(\p{Ll}+)\s+(?:\p{Ll}+ly\s+|also\s+)?$/u.exec(
      text.slice(start, verbAt),
    );
  if (held && isRoleWord(held[1] as string)) return nobody();
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
  // Others who could be the subject; objects ("given to Roberts") cannot, nor one spoken to
  // ("Stewart told Judge Cedarbaum she felt bad and asked her to "…"").
  const others = startingBetween(ctx.subjects, from, verbAt).filter(
    (m) => m.end <= verbAt && m.slug !== first?.slug && !listener(text, from, m),
  );
  return first && isClauseSubject(ctx, first) && !inInsetPhrase(text, first) && others.length === 0
    ? byPerson(first, method)
    : nobody();
}

const DESCRIBED_WHO =
  /^\s*((?:the|a|an)\s[^,;:"]{1,60}),\s*who\b[^;:"]*,\s*(?:\p{Ll}+ly\s+|also\s+|then\s+)?$/iu;

/**
 * `rejected the claims`, `opposes Holm's budget demands since …`: a speech verb's form right after
 * a determiner, or a plural form after a possessive and one word, is a noun, not the clause's verb
 * ("the service told" and "Holm's lawyer said" stay verbs).
 */
function nounAfterDeterminer(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  if (/(?<![\p{L}])(?:the|a|an|his|her|their|its|our|my|your|these|those|such)\s+$/iu.test(before))
    return true;
  const word = /^\p{Ll}+/u.exec(text.slice(at, at + 20))?.[0] ?? '';
  return /[^s]s$/.test(word) && word !== 'says' && /\p{L}['’]s\s+\p{Ll}[\p{L}-]*\s+$/u.test(before);
}

/** Nouns for what someone said: `Lee's comment that "…"`, `the minister's claim: "…"`. */
const SPEECH_NOUN_BEFORE =
  /['’]s\s+(?:\p{Ll}+\s+){0,2}?(?:comment|comments|remark|remarks|claim|claims|statement|words|assertion|warning|suggestion|insistence|pledge|promise|admission|description|retort|reply)\s*(?:that\s*|[,:]\s*)?$/u;

/** `Leader of the Opposition Jo Lee's comment that "…"`: the owner of the words speaks them. */
function speechNounOwner(ctx: Context, start: number, open: number): Mention | null {
  const text = ctx.unit.text;
  const lead = text.slice(Math.max(start, open - 80), open);
  const noun = SPEECH_NOUN_BEFORE.exec(lead);
  if (!noun) return null;
  const at = open - lead.length + noun.index;
  return ctx.mentions.find((m) => m.end === at) ?? null;
}

/**
 * The subject that opens the sentence starting at `sentence`: a pronoun, or a person after at most
 * titles and capitalised words ("SINGAPORE: Law Minister Ed Tong on Saturday slammed …"), alone
 * in the clause before `verbAt`.
 */
function sentenceSubject(ctx: Context, sentence: number, verbAt: number): Found | null {
  const text = ctx.unit.text;
  // "In a video statement this morning, he broke his silence, saying …": a fronted phrase of time
  // or place may come first.
  const pronoun =
    /^\s*(?:(?:However|Meanwhile|Later|Earlier|Then),\s*)?(?:(?:[Ii]n|[Aa]t|[Oo]n|[Dd]uring|[Aa]fter|[Bb]efore|[Ll]ater|[Ee]arlier|[Ss]peaking|[Ff]rom|[Oo]utside|[Ii]nside|[Oo]ver|[Ss]ince)\s[^,;:"]{0,80},\s*)?(he|she)\s+\p{Ll}/iu.exec(
      text.slice(sentence, verbAt),
    ) ?? /^\s*(he|she)\s+\p{Ll}/iu.exec(text.slice(sentence, verbAt));
  if (pronoun && startingBetween(ctx.mentions, sentence, verbAt).length === 0) {
    const resolved = resolvePronoun(ctx, sentence, pronoun[1] as string);
    return resolved ? pronounFound(resolved) : null;
  }
  const inSentence = startingBetween(ctx.subjects, sentence, verbAt);
  // "Challenged over his decision …, Osborne declined …, adding": a fronted participle's clause
  // ends on a comma before the subject.
  const fronted = /^\s*\p{Lu}\p{Ll}+(?:ed|ing)\s/u.test(text.slice(sentence, verbAt))
    ? inSentence.find((m) => /,\s*$/.test(text.slice(sentence, m.start)) && isClauseSubject(ctx, m))
    : undefined;
  const first = fronted ?? inSentence[0];
  if (
    !first ||
    (!fronted && !onlyTitles(text.slice(sentence, first.start))) ||
    !isClauseSubject(ctx, first)
  )
    return null;
  // Anyone else who could be the subject makes it a guess; a possessive ("Lee's comment") cannot.
  const others = startingBetween(ctx.subjects, first.end, verbAt).filter(
    (m) =>
      m.slug !== first.slug &&
      !/^['’]s\b/u.test(text.slice(m.end, m.end + 3)) &&
      // "MacLachlan praised Coady, saying": a verb's object is no rival subject.
      isClauseSubject(ctx, m),
  );
  return others.length === 0 ? byPerson(first, 'SPEECH_VERB') : null;
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
  previousParagraph: PreviousParagraph | null,
): Found | null {
  if (ctx.unit.text.slice(start, span.open).trim() !== '') return null;
  // "Asked if she would run again, Lee smiled. "Who knows?"": the sentence before introduces the
  // words by a speech verb, or else by its one person acting in it.
  if (start > 0) {
    const before = sentenceStart(starts, start - 1);
    return (
      introducer(ctx, before, start) ??
      (aboutSomeone(span) ? null : soleSubjectBefore(ctx, before, start, SENTENCE_BEFORE_CAP))
    );
  }
  // A paragraph opening with a quotation, after one whose last sentence has someone speak:
  // "Raymond said his district would receive $40,000.\n\n"That's a significant amount …"".
  if (span.open > 0 || !previousParagraph) return null;
  const { ctx: before, starts: beforeStarts, roleHolders } = previousParagraph;
  const end = before.unit.text.length;
  const lastSentence = sentenceStart(beforeStarts, Math.max(0, end - 1));
  const introduced = introducer(before, lastSentence, end);
  if (introduced) return introduced;
  // "Uber issued a statement, reading in part, that:": a colon introducing the quotation from a
  // sentence that names no one and has no "he" or "she" makes it nobody's, not the last speaker's
  // going on.
  const introducing = before.unit.text.slice(lastSentence);
  if (
    /:\s*$/.test(introducing) &&
    startingBetween(before.mentions, lastSentence, end).length === 0 &&
    !/(?<![\p{L}])(?:he|she|they|we|I)(?![\p{L}])/iu.test(introducing)
  )
    return nobody();
  const owned = speechOwnedBefore(before, lastSentence, roleHolders);
  if (owned !== undefined) return owned;
  return aboutSomeone(span) ? null : soleSubjectBefore(before);
}

/**
 * `"He was the kindest man."`: words that open on someone in the third person are about the one
 * the sentence before names, more often than by them.
 */
const aboutSomeone = (span: Span) => /^\s*(?:he|she|his|her|him)\b/i.test(span.inner);

type PreviousParagraph = {
  ctx: Context;
  starts: number[];
  /** Who holds each role named so far, by its last word: "Tipperary manager Jo Lee" → manager. */
  roleHolders: Map<string, Set<string>>;
};

/** Nouns for someone's words or opinion, owned: "Lee's verdict", "his coach's praise". */
const OWNED_SPEECH =
  /(?:(?<![\p{L}])(his|her)\s+([\p{Ll}-]+)|(\p{Lu}[\p{L}'-]*))['’]s?\s+(?:[\p{Ll}-]+\s+)?(?:view|views|verdict|praise|assessment|criticism|words|reaction|response|thoughts|message|warning|comments?|remarks?|analysis|explanation|take)\b/gu;

/**
 * `Bergin earned his manager's praise.` / `"He was very good."`: the paragraph before ends on
 * someone's words as a thing owned, so the quotation opening this one gives them. The owner is a
 * person named there, or the one holder of the role a possessive names; anyone else is not a guess
 * worth making (`null`). `undefined` when the sentence owns no words.
 */
function speechOwnedBefore(
  before: Context,
  lastSentence: number,
  roleHolders: Map<string, Set<string>>,
): Found | null | undefined {
  const text = before.unit.text;
  if (text.includes('"')) return undefined;
  const owners = new Set<string>();
  let owned = false;
  for (const match of text.slice(lastSentence).matchAll(OWNED_SPEECH)) {
    owned = true;
    const at = lastSentence + match.index;
    const role = match[2];
    if (role) {
      const holders = roleHolders.get(role);
      if (holders?.size === 1) owners.add([...holders][0] as string);
      else return null;
      continue;
    }
    const named = before.mentions.find((m) => m.end === at + (match[3] as string).length);
    if (!named || named.start > at) return null;
    owners.add(named.slug);
  }
  if (!owned) return undefined;
  const only = [...owners][0];
  return owners.size === 1 && only
    ? { speaker: only, method: 'COLON', source: null, cap: PREVIOUS_PARAGRAPH_CAP }
    : null;
}

/** Named in a list of examples ("leaders such as Magashule"): not who the paragraph is about. */
// A title may stand between: "no one, including President Uhuru Kenyatta, can call it off".
const EXAMPLE_BEFORE =
  /\b(?:[Ss]uch as|[Ii]ncluding|[Ll]ike|[Uu]nlike|[Aa]s well as)\s+(?:\p{Lu}[\p{L}.]*\s+){0,2}$/u;

/**
 * `The mayor, Ann Lee, spoke to local radio.` / `"We will rebuild the pier."`: a paragraph of no
 * quotation whose only acting person is one named subject introduces the quotation opening the
 * next, though no speech verb says so. A guess from the layout: capped at moderate confidence.
 */
/** The auxiliary of a passive right before a speech verb. */
const PASSIVE_BEFORE_VERB =
  /(?<![\p{L}])(?:was|were|is|are|been|being|be|got|gets|get)\s+(?:\p{Ll}+ly\s+)?$/u;
/**
 * A passive participle and "and" before a verb whose object is the one spoken to: "was called
 * back and warned". Not "was elected and said", where the subject speaks.
 */
const PASSIVE_THEN_LISTENER_VERB =
  /(?<![\p{L}])(?:was|were|is|are|been|being|be|got|gets|get)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en|wn|ght)(?:\s+(?:back|up|out|in|off|down|away|aside|over))?\s+(?:and|then|before\s+being)\s+$/u;
const ADDRESSING_VERBS = new Set([
  ...LISTENER_VERBS,
  ...'warned urged reminded accused ordered advised instructed cautioned'.split(' '),
]);

/** After a name (and its age or appositive): a passive verb, or a death. */
const ACTED_UPON =
  /^(?:,[^,.;]{0,60},)?\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will\s+be)\s+(?:\p{Ll}+ly\s+)?(?:\p{Ll}+(?:ed|en)|died|killed|hurt|shot|struck|held|sent|taken|found|left)\b|(?:died|dies|drowned|collapsed)\b)/u;

function soleSubjectBefore(
  before: Context,
  from = 0,
  to = before.unit.text.length,
  cap = PREVIOUS_PARAGRAPH_CAP,
): Found | null {
  const text = before.unit.text.slice(0, to);
  if (before.lastSpeakerAt >= 0 || text.includes('"')) return null;
  // Everyone the passage names, but for examples: the quotation could be any of them.
  const named = before.mentions.filter(
    (m) =>
      m.start >= from &&
      m.end <= to &&
      !EXAMPLE_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)),
  );
  const only = named[0];
  if (!only || named.some((m) => m.slug !== only.slug)) return null;
  // The one person must act as a subject; a pronoun subject may be someone from further back.
  if (!named.some((m) => before.subjects.includes(m) && isClauseSubject(before, m))) return null;
  const passage = text.slice(from);
  if (/(?:^|[.!?]\s+)(?:He|She|They)\s/.test(passage)) return null;
  // "Jo Roe, 34, was jailed for six years.", "Jo Roe died on Friday.": someone acted upon, or who
  // died, is what the words that follow are about, not who says them.
  const rest = text.slice(only.appositiveEnd ?? only.end, only.end + 80);
  if (ACTED_UPON.test(rest)) return null;
  // "The magistrate went on to ask the accused about the cost.": the quotation after a question is
  // more likely the answer, from someone the paragraph does not name as a person.
  if (
    /\b(?:ask|asks|asked|asking|question|questioned|questioning|quizzed)\s+(?:the|a|an|him|her|them)\b/i.test(
      passage,
    )
  )
    return null;
  return { speaker: only.slug, method: 'COLON', source: null, cap };
}

/**
 * After a subject, a verb that has them speak: one that introduces words on its own ("said",
 * "warned"), or any speech verb reporting a clause ("claimed that", "denied that"), where "that"
 * rules out its other senses ("claimed the title").
 */
function introducesSpeech(afterSubject: string): boolean {
  const verb = verbAfter(afterSubject);
  if (INVERTED_SPEECH_VERBS.has(verb) || CONTACT_VERBS.has(verb)) return true;
  if (!SPEECH_VERBS.has(verb) || verb.endsWith('ing')) return false;
  const at = afterSubject.search(new RegExp(`\\b${verb}\\b`, 'i'));
  return at >= 0 && /^\s+that\b/i.test(afterSubject.slice(at + verb.length));
}

/**
 * "He has called Liberal leader Steven Marshall to congratulate him." / ""I wished him well."": a
 * verb of reaching someone introduces the words that follow it as the caller's.
 */
const CONTACT_VERBS = new Set(
  'called phoned rang urged addressed wrote messaged tweeted posted congratulated'.split(' '),
);

/** The one person who speaks in the sentence [from, to), holding no quotation of its own. */
function introducer(ctx: Context, from: number, to: number): Found | null {
  const text = ctx.unit.text;
  const previous = text.slice(from, to);
  // A quotation kept in that sentence makes it a quote of its own; scare quotes set aside do not.
  if (from < ctx.lastSpeakerAt) return null;
  const subjects = startingBetween(ctx.subjects, from, to).filter(
    (m) => isClauseSubject(ctx, m) && introducesSpeech(text.slice(m.appositiveEnd ?? m.end, to)),
  );
  const only = subjects[0];
  if (subjects.length === 1 && only) return byPerson(only, 'COLON');
  // "The patient has "passed away", according to Jo Lee, a spokesperson.": the one person the
  // sentence credits.
  const credited = startingBetween(ctx.mentions, from, to).filter((m) => isCredited(ctx, m));
  if (subjects.length === 0 && credited.length === 1 && credited[0])
    return byPerson(credited[0], 'COLON');
  // "He said TOI-257b was an example of … . "The universe is …"": a pronoun that speaks.
  const pronoun = /^(he|she)\s+((?:also\s+)?\p{Ll}+.*)$/isu.exec(previous.trim());
  if (subjects.length === 0 && pronoun && introducesSpeech(` ${pronoun[2]}`)) {
    const resolved = resolvePronoun(ctx, from, pronoun[1] as string);
    if (resolved) return pronounFound(resolved);
  }
  // "Nurses were the backbone of the system, she said. "We need equity."": the sentence before
  // ends on a pronoun and its speech verb,
  // "The water, she said, crept over the step.": or holds the two as an aside.
  const endsOnPronoun = /,\s+(he|she)\s+(\p{Ll}+)(?:,|[.!?]?$)/u.exec(previous.trim());
  if (subjects.length === 0 && endsOnPronoun && SPEECH_VERBS.has(endsOnPronoun[2] as string)) {
    const resolved = resolvePronoun(ctx, from, endsOnPronoun[1] as string);
    if (resolved) return pronounFound(resolved);
  }
  // "An override needs an issue people feel strongly about, said Democratic Leader Paul LeVota.
  // "I can't anticipate one."": the sentence before ends on an inverted speech verb's speaker.
  const ending =
    subjects.length === 0
      ? invertedCredit(
          ctx,
          from,
          previous,
          to,
          (p) => p.kind !== 'pronoun' && /^[^.!?"]*[.!?]?\s*$/.test(text.slice(p.end, to)),
        )
      : null;
  return ending ? byPerson(ending, 'COLON') : null;
}

/**
 * `…, said Democratic Leader Paul LeVota`: the person named right after a speech verb inverted
 * after a comma in `stretch` (which starts at `offset`), the first that `accept` takes.
 */
function invertedCredit(
  ctx: Context,
  offset: number,
  stretch: string,
  quoteOpen: number,
  accept: (person: PersonAt) => boolean = () => true,
): PersonAt | null {
  for (const m of stretch.matchAll(/,\s+(\p{Ll}+)\s+/gu)) {
    if (!INVERTED_SPEECH_VERBS.has(m[1] as string)) continue;
    const person = personAt(ctx, offset + m.index + m[0].length, quoteOpen);
    if (person && accept(person)) return person;
  }
  return null;
}

/**
 * The source a claim is credited to ("…, according to Mr Cole."): in play for a pronoun after it as
 * much as a clause's subject is, though it is the object of a preposition.
 */
function isCredited(ctx: Context, mention: Mention): boolean {
  const before = ctx.unit.text.slice(Math.max(0, mention.start - 80), mention.start);
  // "PTI quoted Bashir as saying that …": who is quoted speaks, whoever reports it.
  const quotedAs = /\bquot(?:ed|ing|es)\s+((?:[\p{L}.'’-]+\s+){0,3})$/iu.exec(before);
  if (
    quotedAs &&
    onlyTitles(quotedAs[1] ?? '') &&
    QUOTED_AS_VERB.test(
      ctx.unit.text.slice(mention.appositiveEnd ?? mention.end, mention.end + 120),
    )
  )
    return true;
  const credit = /\baccording to\s+((?:[\p{L}.'’-]+\s+){0,4})$/iu.exec(before);
  // "…," Schneider said, according to Sportsnet's Ben Nicholson-Smith: a reporter of the words,
  // not in play as their speaker is.
  const verb = credit && /(?<![\p{L}])(\p{Ll}+),\s*$/u.exec(before.slice(0, credit.index))?.[1];
  if (verb && SPEECH_VERBS.has(verb)) return false;
  return credit !== null && onlyTitles(credit[1] ?? '');
}

/**
 * "In Ms Lee's blog post, …": a name owning the thing its sentence opens with. Not one deeper in
 * the sentence ("Jo Park, who watched the president's visit, left"): that is not the topic.
 */
function isPossessor(ctx: Context, mention: Mention): boolean {
  const text = ctx.unit.text;
  if (!possessiveAt(text, mention)) return false;
  const before = text.slice(Math.max(0, mention.start - 60), mention.start);
  const opening = before.slice(before.search(/(?:^|[.!?]\s+)[^.!?]*$/u)).replace(/^[.!?]\s+/, '');
  return (
    (mention.start < 60 || opening.length < before.length) &&
    !/[,;:"]/.test(opening) &&
    wordsOf(opening).length <= 3 &&
    // "Of Cooper's injury, he added": what the words are about, not whose they are.
    !/^\s*(?:of|about|regarding|asked\s+about)\s/i.test(opening)
  );
}

/**
 * The person in `cast` whose name, perhaps after titles, opens the paragraph's last sentence, the
 * only one of the cast acting in it ("Jo Lee and Kim Roe realized …" opens on two).
 */
function lastSentenceSubject(
  ctx: Context,
  starts: number[],
  cast: Set<string>,
): { slug: string; spoke: boolean } | null {
  const last = starts.at(-1) ?? 0;
  const acting = ctx.subjects.filter(
    (m) => m.start >= last && cast.has(m.slug) && isClauseSubject(ctx, m),
  );
  const opener = acting[0];
  if (!opener || !onlyTitles(ctx.unit.text.slice(last, opener.start))) return null;
  // "Attorney Jo Lee told the jury that Ray deserved mercy": who acts inside what the opener
  // reports does not compete with the opener.
  const verb = /^\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)/u.exec(
    ctx.unit.text.slice(
      opener.appositiveEnd ?? opener.end,
      (opener.appositiveEnd ?? opener.end) + 40,
    ),
  )?.[1];
  const spoke = verb !== undefined && SPEECH_VERBS.has(verb);
  if (!spoke && new Set(acting.map((m) => m.slug)).size !== 1) return null;
  // "Jo Tsonga stormed past Roger Federer, and the favourite was delighted.": whoever opens the
  // paragraph's first sentence as well as its last is who it is about.
  const first = ctx.subjects.find((m) => cast.has(m.slug) && isClauseSubject(ctx, m));
  const opened =
    first?.slug === opener.slug && onlyTitles(ctx.unit.text.slice(starts[0] ?? 0, first.start));
  return { slug: opener.slug, spoke: spoke || opened };
}

/** "Lee's blog", and "Collins' farm" for a name ending in "s": the name owns the noun after it. */
function possessiveAt(text: string, mention: Mention): boolean {
  const after = text.slice(mention.end, mention.end + 20);
  if (/^['’]s\s+\p{Ll}/u.test(after)) return true;
  // Not a single mark closing a quotation: "nicknamed him 'the new Davies' after the match".
  const bare = /^['’]\s+(\p{Ll}+)/u.exec(after)?.[1];
  return (
    bare !== undefined &&
    /s$/.test(text.slice(mention.start, mention.end)) &&
    !PREPOSITIONS.has(bare) &&
    !CONJUNCTIONS.has(bare) &&
    !/(?:^|[\s(])['‘][^'’.!?]*$/u.test(text.slice(Math.max(0, mention.start - 80), mention.start))
  );
}

/**
 * "Among those who voted against it was councillor Sara Temple.": a sentence that builds up to a
 * name, ending on it, is about that person; a "she" after it means them.
 */
function isNamedLast(ctx: Context, mention: Mention): boolean {
  const text = ctx.unit.text;
  if (!/^\s*[.!?]/.test(text.slice(mention.appositiveEnd ?? mention.end))) return false;
  const copula = /(?<![\p{L}])(?:was|were|is|are)\s+((?:[\p{L}'-]+\s+){0,5})$/u.exec(
    text.slice(Math.max(0, mention.start - 80), mention.start),
  );
  if (copula !== null && onlyTitles(copula[1] ?? '')) return true;
  // "… flooded some residents, including Jean Borland.": one of them, brought on to speak next.
  return /(?<![\p{L}])(?:including|among them)\s+$/u.test(
    text.slice(Math.max(0, mention.start - 20), mention.start),
  );
}

/**
 * "…, said Punggol East PAP candidate Charles Chong, referring to …": the speaker after an inverted
 * speech verb acts, quoted or not.
 */
function invertedSpeaker(ctx: Context, mention: Mention): boolean {
  const window = ctx.unit.text.slice(Math.max(0, mention.start - 80), mention.start);
  const before = /(?<![\p{L}])(\p{Ll}+)\s+((?:[\p{L}.'-]+\s+){0,5})$/u.exec(window);
  return (
    before !== null &&
    INVERTED_SPEECH_VERBS.has(before[1] as string) &&
    /[,"]\s*$/.test(window.slice(0, before.index)) &&
    onlyTitles(before[2] ?? '')
  );
}

/**
 * `Lee said Park was a senior`: the subject of a clause a speech verb reports is talked about; the
 * speech verb's own subject is who acts. Not `"…," said Park.`, where the name ends the clause.
 */
function reportedSubject(ctx: Context, mention: Mention): boolean {
  const text = ctx.unit.text;
  // "Wynne said she and Harper agreed": a pronoun may share the reported clause.
  const before = /(\p{Ll}+)\s+(?:that\s+)?(?:(?:he|she|they|we|I)\s+and\s+)?$/u.exec(
    text.slice(Math.max(0, mention.start - 40), mention.start),
  );
  if (!before || !SPEECH_VERBS.has(before[1] as string) || (before[1] as string).endsWith('ing'))
    return false;
  // "asked about Mr Watson's comments the Labour leader told": a noun, not a verb reporting.
  const wordAt = Math.max(0, mention.start - 40) + before.index;
  if (
    nounAfterDeterminer(text, wordAt) ||
    /['’]s\s+$/u.test(text.slice(Math.max(0, wordAt - 3), wordAt))
  )
    return false;
  return /^\s+\p{Ll}/u.test(text.slice(mention.end, mention.end + 3));
}

/** A name followed by its verb ("Obama also believes", "Peskov, the spokesperson …, denied"). */
/**
 * "The bench, also comprising Justices Bopanna and Ramasubramanian, said": a name in a phrase
 * listing a body's members is no subject; the body is.
 */
function inMemberList(ctx: Context, mention: Mention): boolean {
  return /,\s*(?:also\s+)?(?:comprising|consisting\s+of|made\s+up\s+of|led\s+by|headed\s+by|chaired\s+by)\s+(?:[^,;.!?"]|(?<=\p{Lu})\.){0,80}$/u.test(
    ctx.unit.text.slice(Math.max(0, mention.start - 120), mention.start),
  );
}

/**
 * "During a radio interview with Ray Hadley, Mr Abbott said …": a name inside a phrase that opens
 * the sentence on a preposition and a noun is that phrase's object, not the sentence's subject.
 */
function inFrontedPhrase(text: string, at: number, end: number): boolean {
  // The name closes the phrase, with its comma: "In a statement Jo Lee said" has no phrase of its
  // own before the subject.
  if (!/^,/.test(text.slice(end, end + 1))) return false;
  const lead = text.slice(Math.max(0, at - 120), at);
  return /(?:^|[.!?]["')]*\s+)(?:During|In|At|On|With|After|Before|Following|Amid|Despite|Under|Over|Through|Throughout|Since|From)\s+(?:a|an|the|his|her|their|its|this|that|\p{Ll}+)\s[^,.;:!?"]*$/u.test(
    lead,
  );
}

function isClauseSubject(ctx: Context, mention: Mention): boolean {
  if (isPassiveAgent(ctx.unit.text, mention.start)) return true;
  // "to bring the Harlow government down": a name straight after "the" modifies the noun after it.
  if (
    /(?<![\p{L}])the\s+$/iu.test(ctx.unit.text.slice(Math.max(0, mention.start - 5), mention.start))
  )
    return false;
  // "The Crusaders lost Ryan Crotty to a head knock": a name right after a verb in the past is its
  // object (not after a speech verb, which it follows as the speaker, nor "the newly elected").
  const lead = ctx.unit.text.slice(Math.max(0, mention.start - 40), mention.start);
  const verb = /(?<![\p{L}])(\p{Ll}+)\s+$/u.exec(lead);
  if (
    verb &&
    (/[^e]ed$/.test(verb[1] as string) || OBJECT_VERBS.has(verb[1] as string)) &&
    !SPEECH_VERBS.has(verb[1] as string) &&
    !INVERTED_SPEECH_VERBS.has(verb[1] as string) &&
    !/(?<![\p{L}])(?:the|a|an|newly|recently|his|her|their)\s+(?:\p{Ll}+ly\s+)?$/u.test(
      lead.slice(0, verb.index),
    )
  )
    return false;
  if (inMemberList(ctx, mention)) return false;
  if (inFrontedPhrase(ctx.unit.text, mention.start, mention.end)) return false;
  // A bounded window: what follows a name is a few words, and long paragraphs must stay linear.
  const rest = ctx.unit.text.slice(
    mention.appositiveEnd ?? mention.end,
    (mention.appositiveEnd ?? mention.end) + 300,
  );
  // A name that is itself an appositive ("Halvorsen's lawyer, Judy Clarke, said") closes with a comma.
  // So does one after a title: "The council's deputy leader, Councillor Aled Davies, has …".
  const titledAfterComma = /,\s*((?:\p{Lu}[\p{L}.'-]*\s+){1,3})$/u.exec(lead)?.[1];
  // "Meanwhile, Jo Roe, 40, was": a sentence's opening adverb is set off by its comma, no appositive.
  // "In Harlem, Jo Roe, 35, …": so is a short phrase of place or time opening on a preposition.
  const opener = /(?:^|[.!?]["”]?\s+)(\p{Lu}\p{Ll}+)(\s[^,.;:!?"]{1,30})?,\s*$/u.exec(lead);
  const openerWord = opener?.[1]?.toLowerCase() ?? '';
  const opensSentence =
    opener !== null &&
    (opener[2] === undefined
      ? openerWord.endsWith('ly') || SENTENCE_OPENERS.has(openerWord)
      : PREPOSITIONS.has(openerWord) || ['in', 'near', 'outside', 'inside'].includes(openerWord));
  const isAppositive =
    (/,\s*$/.test(lead) &&
      !opensSentence &&
      !afterFrontedParticiple(ctx.unit.text, mention.start)) ||
    (titledAfterComma !== undefined && isRoleWord(wordsOf(titledAfterComma).at(-1) as string));
  // "Jo Park, a resident of Lowell, Massachusetts, who …, left": the appositive's place goes on
  // in capitals after its comma, before the relative clause.
  // "Patrick Darcy, of Loughlinstown Park, Co Dublin, stashed …": an address set off by commas.
  const pastPlace = mention.appositiveEnd
    ? rest.replace(
        /^,\s*\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}(?=,\s*(?:who\b|\p{Ll}))/u,
        '',
      )
    : rest.replace(
        /^,\s*(?:of|from)\s+[\p{Lu}\d][^,;.]{0,40}(?:,\s*\p{Lu}[^,;.]{0,30}){0,3},/u,
        '',
      );
  const next = pastNameExtras(
    pastPlace === rest && (mention.appositiveEnd || isAppositive)
      ? // "Director General, Jide Idris, at a press conference in Abuja, yesterday, disclosed":
        // after the name's closing comma, where it was said, set off.
        rest.replace(/^,/, '').replace(SET_OFF_PLACE, '')
      : pastPlace,
  );
  // "Ms Jo Roe, a food seller at Kisutu Market told The Citizen …": an appositive whose closing
  // comma is missing runs into the speech verb.
  if (!isAppositive && unclosedAppositiveVerb(ctx.unit.text.slice(mention.end, mention.end + 200)))
    return true;
  // "Another resident Wael Helmy, said that …": a stray comma between a name and its speech verb.
  const stray = /^,\s+(\p{Ll}+)/u.exec(next)?.[1];
  if (stray && SPEECH_VERBS.has(stray) && !stray.endsWith('ing')) return true;
  const word = /^\s+(\p{Ll}[\p{L}'-]*)/u.exec(next)?.[1] ?? '';
  // "with Dembele levelling before the break and Sinclair firing the winner": a name and a
  // participle make no clause of their own (an appositive's commas would: "Jo Park, speaking …,").
  if (/ing$/.test(word) && /^\s+\p{Ll}/u.test(next) && next === rest) return false;
  // "Curator Robert Sullivan and preparer Kevin Dermody realized": both of a coordinated subject act.
  if (word === 'and') {
    // "Estella Collins and her family went …": the one named leads, and a later "she" is her.
    const kin = /^\s+and\s+(?:his|her)\s+(\p{Ll}+)/u.exec(next)?.[1] ?? '';
    if (ONE_NAME_HOLDERS.has(kin) || KIN_GROUPS.has(kin)) return true;
    // `next` is what is left of `rest` once the extras before it are skipped.
    const end = (mention.appositiveEnd ?? mention.end) + rest.length - next.length;
    const and = /^\s+and\s+/.exec(next);
    const partner = and
      ? startingBetween(ctx.mentions, end + and[0].length, end + and[0].length + 40).find((m) =>
          /^(?:[\p{L}'-]+\s+){0,3}$/u.test(ctx.unit.text.slice(end + and[0].length, m.start)),
        )
      : undefined;
    return partner !== undefined && isClauseSubject(ctx, partner);
  }
  // "a late David Brooks strike": a name between an article and what the person did names the
  // deed, not someone acting.
  if (
    MATCH_EVENTS.has(word) &&
    /(?<![\p{L}])(?:a|an|the|his|her)\s+(?:\p{Ll}+\s+)?$/u.test(
      ctx.unit.text.slice(Math.max(0, mention.start - 30), mention.start),
    )
  )
    return false;
  // "up against Ms Lee Li Lian in the constituency": a place or time after the name, no verb.
  // But "Coach Hughton in a post-match presser commended …": a verb follows the phrase.
  const verbPastPhrase =
    /^\s+in\s+(?:the|a|an)\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,2}?\s+(?:\p{Ll}*[^e\s]ed|said|says|told|tells)(?![\p{L}])/u;
  if (word === 'in' && /^\s+in\s+(?:the|a|an|\p{Lu}|\d)/u.test(next) && !verbPastPhrase.test(next))
    return false;
  // "Jo Park who lives opposite has complained": a sentence opening on a name and a relative
  // clause without commas is about that person, whatever its main verb.
  if (
    word === 'who' &&
    /(?:^|[.!?]["”]?\s+)$/u.test(ctx.unit.text.slice(Math.max(0, mention.start - 3), mention.start))
  )
    return true;
  return (
    word !== '' &&
    !PREPOSITIONS.has(word) &&
    !CONJUNCTIONS.has(word) &&
    !NOUN_PHRASE_OPENERS.has(word)
  );
}

/** Irregular past forms that take a person as their object: "lost Ryan Crotty", "beat Jo Lee". */
const OBJECT_VERBS = new Set(
  'lost beat met saw hit left took gave made found brought sent caught kept held won named'.split(
    ' ',
  ),
);

const MATCH_EVENTS = new Set(
  'strike goal header penalty effort winner equaliser equalizer double brace try volley finish hat-trick opener free-kick save'.split(
    ' ',
  ),
);

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

/** A role's holder, described, right before a verb: "the mayor of Cedar Rapids", "a city spokesman". */
function describedRoleBefore(text: string): boolean {
  const role =
    /(?<![\p{L}])(?:[Tt]he|[Aa]n?)\s+(?:[\p{L}'’-]+\s+){0,2}?([\p{Ll}-]+)(?:\s+(?:of|for)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})?\s+(?:\p{Ll}+ly\s+|also\s+)?$/u.exec(
      text,
    )?.[1];
  return role !== undefined && isRoleWord(role);
}

/**
 * `"I've got 218," Scott informed him`: words closing on a comma, then a name or a pronoun and a
 * verb of speech or in the past. Not a work's title and its owner (`"Thriller," Michael Jackson's
 * album`).
 */
function handedOn(after: string, inner: string): boolean {
  if (!/[,?!]$/.test(inner.trim())) return false;
  const verb =
    /^\s+(?:(?:\p{Lu}[\p{L}-]*\s+){1,3}|(?:he|she|they)\s+)(\p{Ll}{3,})(?![\p{L}'’])/u.exec(
      after,
    )?.[1];
  return verb !== undefined && (SPEECH_VERBS.has(verb) || /ed$/.test(verb));
}

/** Scare quotes: one to three ordinary words with no quoting verb in the clause before them. */
function isScareQuote(ctx: Context, span: Span, start: number, sentence: number): boolean {
  const length = wordsOf(span.inner).length;
  // `a so-called "one-time, big-time" operation`: the writer's distance from the words, never a quote.
  if (
    /(?<![\p{L}])so-called\s*$/iu.test(ctx.unit.text.slice(Math.max(0, span.open - 12), span.open))
  )
    return true;
  if (length > 3) return false;
  // `Jeremy Corbyn spoke of his "regret"`: what someone spoke of in their own words.
  const spoke = /(?<![\p{L}])(\p{Ll}+)\s+(?:of|about)\s+(?:his|her|their|the)\s+$/u.exec(
    ctx.unit.text.slice(Math.max(0, span.open - 40), span.open),
  );
  if (spoke && spokeOf(ctx.unit.text, span.open - spoke[0].length, spoke[1] as string))
    return false;
  // A sentence that already quoted someone goes on quoting them: `said the "rapidly evolving"
  // outbreak has now seen "community spread"`.
  if (ctx.lastSpeakerAt >= sentence) return false;
  const clause = ctx.unit.text.slice(start, span.open);
  // A sentence of its own in the marks (`"A shameful ruling."`) is someone's, however short; so
  // is one handed on to a name or pronoun and its verb (`"I've got 218," Scott informed him`).
  if (
    clause.trim() === '' &&
    /^\p{Lu}/u.test(span.inner) &&
    (/[.!?]$/.test(span.inner.trim()) ||
      handedOn(ctx.unit.text.slice(span.close + 1, span.close + 60), span.inner))
  )
    return false;
  // `The ministry warned the walkout was a "flagrant provocation"`: what a speech verb reports, the
  // quoted words its predicate.
  if (
    /\b(?:is|are|was|were)\s+(?:(?:a|an|the)\s+)?$/.test(clause) &&
    verbWords(clause).some((w) => SPEECH_VERBS.has(plain(w)) && !/^\p{Lu}/u.test(w))
  )
    return false;
  // One or two words far from the verb are the writer's emphasis (`told her she needed an
  // operation "soon."`); near it they are the speaker's (`called the figures "unacceptable"`). An
  // appositive between does not count (`called Marwood, a Carter appointee, a "rogue referee"`).
  const reachWords = length <= 2 ? SHORT_QUOTE_REACH : 12;
  const lead = verbWords(clause.replace(/,\s+(?:a|an|the)\s[^,;:"]{1,60},/g, ' ')).slice(
    -reachWords,
  );
  // Words the sentence's own attribution closes on are the speaker's, however few: `… the
  // "default" for startups to use, Soni said.`, `had "dramatically undermined" it, they added.`
  const end = /[.!?](?:\s|$)/.exec(ctx.unit.text.slice(span.close + 1, span.close + 400));
  const tail = wordsOf(
    ctx.unit.text.slice(span.close + 1, span.close + 1 + (end ? end.index : 0)),
  ).slice(-3);
  if (end !== null && tail.some((w) => SPEECH_VERBS.has(plain(w)))) return false;
  // So are words a source is credited with after them: `can reach "lethal temperatures" in
  // minutes, according to the Weather Service.`
  if (
    end !== null &&
    creditedAfter(ctx.unit.text.slice(span.close + 1, span.close + 1 + end.index))
  )
    return false;
  // Three words are a phrase someone is credited with anywhere in the sentence: `described by
  // authorities as … a "long, hard week"`.
  if (length === 3) {
    // Bounded as a clause is, so a paragraph with no full stops stays linear.
    const whole = verbWords(
      ctx.unit.text.slice(Math.max(sentence, span.open - CLAUSE_REACH), span.open),
    );
    if (whole.some((w) => QUOTING_VERBS.has(plain(w)))) return false;
  }
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
  const namedReach = NAMED_SPEECH_REACH;
  const reach = wordsOf(ctx.unit.text.slice(start, span.open)).slice(-namedReach);
  const near = Math.max(
    reach.length < namedReach ? sentence : span.open - reach.join(' ').length - 1,
    span.open - 300,
  );
  // Past or present: "Hollenbeck says a police officer suffered "superficial" wounds". A judge's
  // finding is theirs too: "Justice Chan found that the court was "heavily influenced"".
  const spoken = [...ctx.unit.text.slice(near, span.open).matchAll(/\p{Ll}+/gu)]
    .filter(
      (w) => SPEECH_VERBS.has(w[0]) || findingThat(ctx.unit.text, near + (w.index as number), w[0]),
    )
    .at(-1);
  if (
    spoken &&
    (startingBetween(ctx.mentions, sentence, near + spoken.index).some(
      (m) => !ctx.inAppositive.has(m),
    ) ||
      // `ECOWAS reiterated its "zero-tolerance"`, `The Harbour Authority said … "serious damage"`:
      // a body named in capitals speaks as a person does (and is credited as written).
      // (Bounded: a body's name ends right before its verb, and long sentences must stay linear.)
      (SPEECH_VERBS.has(spoken[0]) &&
        BODY_BEFORE_VERB.test(
          ctx.unit.text.slice(
            Math.max(sentence, near + spoken.index - BODY_REACH),
            near + spoken.index,
          ),
        )) ||
      // `He said the jury could be swayed by the "sheer number" of charges`: a person, unnamed here.
      /(?:^|[\s,])(?:he|she)\s+(?:\p{Ll}+ly\s+|also\s+)?$/iu.test(
        ctx.unit.text.slice(sentence, near + spoken.index),
      ) ||
      // `the mayor of Cedar Rapids promised residents the city would not be caught "off guard"`:
      // a person described by their role, named later or not at all (not one telling someone:
      // `The surgeon told her she needed an operation "soon."` is the writer's emphasis).
      (!LISTENER_VERBS.has(spoken[0]) &&
        describedRoleBefore(
          ctx.unit.text.slice(Math.max(sentence, near + spoken.index - 150), near + spoken.index),
        )))
  )
    return false;
  // `"Nonsense," he said.`: an attribution follows, whether or not we can tell who "he" is. A full
  // stop inside the marks ends the sentence, so a verb after it belongs to the next one.
  const after = wordsOf(ctx.unit.text.slice(span.close + 1, span.close + 80)).slice(0, 7);
  return !(
    /[,?!]$/.test(span.inner.trim()) &&
    after.some((w) => SPEECH_VERBS.has(plain(w)) || STARTING_VERBS.has(plain(w)))
  );
}

/**
 * A title in quotation marks, not someone's words: `said on "Good Morning America."`, `told "Face
 * the Nation"`: every word capitalised (short function words aside) after a preposition.
 */
/**
 * `convicted of "acting with intent to obstruct justice"`, `charged with "…"`: the
 * wording of a charge or an offence, which no one in the story says.
 */
function isChargeWording(text: string, span: Span): boolean {
  return /\b(?:(?:convicted|acquitted|cleared|found (?:not )?guilty)(?:\s+\p{Ll}+)?\s+of|charged(?:\s+\p{Ll}+)?\s+with|pleaded (?:not )?guilty\s+to)\s*$/u.test(
    text.slice(Math.max(0, span.open - 40), span.open),
  );
}

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
  // In American style the comma sits inside the marks: `who call themselves "Tourists,"`.
  const naming =
    words.length <= 3 &&
    !/[.!?]$/.test(span.inner.trim()) &&
    !(/,$/.test(span.inner.trim()) && attributed) &&
    before
      .slice(-4)
      .some((w) =>
        /^(?:call(?:ed|ing|s)?|nam(?:ed|ing)|dubbed|nicknamed|christened)$/.test(plain(w)),
      );
  // `a blog post titled "When the lights go out"`: a title is announced, whatever its case.
  const announced = /^(?:titled|entitled|headlined)$/.test(previous);
  // `Jo Lee's "Ladyfish"`: a capitalised work owned by a named person (its author or director).
  const owned = /^\p{Lu}[\p{L}-]*(?:['’]s|s['’])$/u.test(before.at(-1) ?? '');
  // `his upcoming film "The Long Night", he said`: the noun before names the kind of work.
  // American style puts the sentence's full stop inside: `off her album "A Seat at the Table."`.
  const ofKind =
    WORK_NOUN.test(previous) &&
    (!/[.!?]$/.test(span.inner.trim()) || (/\.$/.test(span.inner.trim()) && !attributed));
  // `the "Man! I Feel Like a Woman" singer`, `a "Rock This Country" tour`: a title modifying a noun.
  const next = /^\s+(\p{Ll}+)/u.exec(text.slice(span.close + 1, span.close + 30))?.[1] ?? '';
  const modifier =
    titleCase &&
    /^(?:the|a|an|his|her|their|its)$/.test(previous) &&
    (isRoleWord(next) || WORK_NOUN.test(next));
  // `Senator Aquilino "Koko" Pimentel`: a nickname inside a name, between its given name and surname.
  const nickname =
    titleCase &&
    words.length <= 2 &&
    /(?<![\p{L}'-])\p{Lu}\p{Ll}+\s+$/u.test(text.slice(Math.max(0, span.open - 30), span.open)) &&
    // The surname may open on a particle: `Ronald "Bato" dela Rosa`.
    SURNAME_NEXT.test(text.slice(span.close + 1, span.close + 10));
  return (
    work ||
    announced ||
    nickname ||
    modifier ||
    (titleCase &&
      (naming ||
        owned ||
        ofKind ||
        ['on', 'in', 'to', 'told', 'with', 'of', 'from', 'at'].includes(previous)))
  );
}

/** Nouns naming a kind of work, whose title may follow in marks. */
const WORK_NOUN =
  /^(?:film|movie|show|series|sitcom|drama|documentary|book|novel|memoir|album|song|single|play|musical|podcast|programme|program|opera|poem|painting|exhibition|tour)$/;

const ATTRIBUTION =
  /\b((?:during|in|at)\s+(?:a|an|the|his|her)\s+(?:\p{Ll}+\s+){0,2}(?:interview|press conference|news conference|statement|briefing|speech|post|address|hearing)(?:\s+with\s+\p{Lu}[\p{L}.&' ]+)?)/u;

/**
 * A paragraph that names the speaker of the quotation before it: "That was the verdict of Marta
 * Olsen, the club's captain.", "That's how Jo Roe reacted to …". Only such explicit pointers back
 * count; a name alone does not.
 */
function speakerNamedAfter(text: string, mentions: Mention[]): string | null {
  const pointer =
    /^(?:that|this|those|these|such)\s+(?:was|were|is|are)\s+(?:the\s+)?(?:\p{Ll}+\s+)?(?:verdict|view|views|words|message|assessment|warning|reaction|response|opinion|thoughts|advice|plea|conclusion)\s+(?:of|from)\s+|^so\s+(?:said|says)\s+|^(?:that|this)(?:['’]s|\s+is|\s+was)\s+how\s+/iu.exec(
      text,
    );
  if (!pointer) return null;
  const first = mentions.find((m) => m.start >= pointer[0].length - 1);
  if (!first || first.start - pointer[0].length >= 40) return null;
  // "That is how Tom Hill died": only a way of speaking or reacting points back at words.
  if (/\bhow\s+$/i.test(pointer[0]) && !REACTION_AFTER.test(text.slice(first.end, first.end + 40)))
    return null;
  return first.slug;
}

const REACTION_AFTER =
  /^(?:,[^,]{1,30},)?\s+(?:\p{Ll}+ly\s+)?(?:reacted|responded|described|put\s+it|summed|greeted|celebrated|explained|answered|replied|felt|feels|sees|saw)\b/u;

/** The subject of the main clause for a quotation inside a speech participle's clause before it. */
const PARTICIPLE_CAP = 0.7;

/** "emphasising", "insisting", "saying": a participle of a speech verb. */
function speechParticiple(word: string): boolean {
  return (
    word.endsWith('ing') &&
    (SPEECH_VERBS.has(word) ||
      SPEECH_VERBS.has(`${word.slice(0, -3)}ed`) ||
      QUOTING_VERBS.has(word))
  );
}

/**
 * `While insisting the side still had "plenty to do", Park described …`: a sentence opening on a
 * speech participle's clause lends the quotation in it to the subject named after the clause's comma.
 */
function participleSubject(ctx: Context, span: Span, sentence: number): Found | null {
  const text = ctx.unit.text;
  // "Describing Dodd as an "absolute recidivist", he went on": the participle may open the
  // sentence itself, after "also".
  const opening =
    /^\s*(?:(?:While|When|After|Before|Despite|Though|Although|Whilst)\s+)?(?:[Aa]lso\s+)?(\p{L}+)\s/u.exec(
      text.slice(sentence, span.open),
    );
  if (!opening || !speechParticiple((opening[1] as string).toLowerCase())) return null;
  const rest = text.slice(span.close + 1, span.close + 200);
  const comma = /^[^,.;:!?"]*,\s*/.exec(rest);
  if (!comma) return null;
  const at = span.close + 1 + comma[0].length;
  const mention = ctx.mentions.find((m) => m.start === at);
  if (mention)
    return isClauseSubject(ctx, mention)
      ? { speaker: mention.slug, method: 'SPEECH_VERB', source: null, cap: PARTICIPLE_CAP }
      : null;
  const pronoun = /^\p{L}+/u.exec(text.slice(at))?.[0] ?? '';
  if (!PRONOUNS.has(pronoun.toLowerCase())) return null;
  const resolved = resolvePronoun(ctx, sentence, pronoun);
  return resolved
    ? { ...pronounFound(resolved), cap: Math.min(resolved.cap ?? PARTICIPLE_CAP, PARTICIPLE_CAP) }
    : null;
}

const EVIDENCE_REACH = 600;
/** The owner of a relative clause is read through punctuation alone: right as a rule, not always. */
const RELATIVE_CLAUSE_CAP = 0.8;
/** Words inside a sentence a pronoun's speech verb closes: said, or only reported. */
const REPORTED_CAP = 0.7;
/** A speaker read from the paragraph before, with no speech verb: a moderate guess. */
const PREVIOUS_PARAGRAPH_CAP = 0.6;
/**
 * A speaker read from the sentence before in the same paragraph, with no speech verb: a moderate
 * guess, set apart from the paragraph-before guesses that round-up layouts revise.
 */
const SENTENCE_BEFORE_CAP = 0.65;
/** After a possessor, the words up to the name they introduce; the last of them, the role. */
const POSSESSED_ROLE = /^['’]s?\s+(?:\p{L}[\p{Ll}-]*\s+){0,3}(\p{L}[\p{Ll}-]*),?\s+$/u;
/**
 * A title, then "of" or "for" and its remit, up to a name: "Samsung president of mobile
 * communications business ", "the chair of the Harbour Trust ". The title's last word, then the remit.
 */
const TITLE_WITH_REMIT =
  /^(?!(?:a|an)\s)(?:the\s+)?(?:\p{Lu}[\p{L}&'-]*\s+){0,4}(?:\p{Ll}[\p{Ll}-]*\s+){0,2}(\p{Ll}[\p{Ll}-]*)\s+(?:of|for)\s+((?:(?:the\s+)?[\p{L}&'-]+\s+){1,5})$/u;
/** A pronoun resolved past people of the other gender, to someone named further back. */
const PASSED_OVER_CAP = 0.7;
/** A pronoun read as the latest subject when several people of its gender act in the paragraph. */
const LATEST_SUBJECT_CAP = 0.7;
/** "the 62-year-old", with no one given that age, for the one person in play. */
const EPITHET_CAP = 0.7;
/** A quotation sharing the attribution after a later one in its sentence, across a clause. */
const SHARED_ATTRIBUTION_CAP = 0.7;
/** A document's issuer named in an earlier paragraph. */
const DOCUMENT_CAP = 0.7;
/** How many words back a verb credits a quotation of one or two words. */
const SHORT_QUOTE_REACH = 5;

/**
 * The words of a stretch of text, less speech words used as nouns: "150 calls", "the claims", "a
 * call". A number or a determiner before them makes them things, not someone speaking.
 */
function verbWords(text: string): string[] {
  const words = wordsOf(text);
  return words.filter(
    (w, i) =>
      !(
        SPEECH_VERBS.has(plain(w)) &&
        /^(?:\d[\d,.]*|the|a|an|his|her|their|its|our|these|those|many|several|more|fewer)$/i.test(
          words[i - 1] ?? '',
        )
      ),
  );
}
const CLAUSE_REACH = 400;
const NAMED_SPEECH_REACH = 20;

/** Characters a body's name before its verb may take: "the Harbour Authority has also". */
const BODY_REACH = 100;

/** The day set off after a name and its appositive: " yesterday, disclosed". */
const DAY_SET_OFF = new RegExp(String.raw`^\s+${SPOKEN_DAY},(?=\s+\p{Ll})`, 'u');

/** A surname next, perhaps opening on a particle: ` dela Rosa`. */
const SURNAME_NEXT = new RegExp(String.raw`^\s+(?:${PARTICLE}\s+)?\p{Lu}\p{Ll}`, 'u');

const SET_OFF_PLACE = /^\s+(?:at|during|in|on|after|before|while)\s[^,;:"]{1,80},(?=\s+\p{Ll})/u;

/** Verbs of a judge's or an inquiry's finding, which quote the words they find. */
const FINDING_VERBS = new Set(['found', 'finds', 'concluded', 'concludes', 'ruled', 'rules']);

/** `Corbyn spoke of his "regret"`: speaking of something, in words the quotation gives. */
const spokeOf = (text: string, at: number, word: string) =>
  /^(?:spoke|speaks|talked|talks|wrote|writes)$/.test(word) &&
  /^\s+(?:of|about)\s/.test(text.slice(at + word.length, at + word.length + 8));

/**
 * `word` at `at` is a court's finding reported as a clause ("Justice Chan found that the court
 * was …", "the inspector found the plans were not …"), not a find ("found a note reading …", "she
 * found that her son had written …"): a judge, coroner, court, inquiry or inspector is named just
 * before it.
 */
const findingThat = (text: string, at: number, word: string) =>
  FINDING_VERBS.has(word) &&
  FOUND_CLAUSE.test(text.slice(at + word.length, at + word.length + 100)) &&
  JUDGING_BODY.test(text.slice(Math.max(0, at - 60), at));

/** "that …", or a subject and its verb: "the proposed developments were". */
const FOUND_CLAUSE =
  /^\s+(?:that\s|(?:the|a|an|his|her|its|their)\s[^."“”;:]{0,60}?\s(?:was|were|is|are|had|has)\s)/u;

const JUDGING_BODY =
  /(?<![\p{L}])(?:Justice|Judge|Coroner|Magistrate|Sheriff|[Cc]ourt|judge|coroner|jury|tribunal|inquiry|inquest|panel|magistrate|sheriff|[Ii]nspector|[Oo]mbudsman|[Aa]uditor)(?![\p{L}])/u;

/**
 * After a quotation, its clause credited "according to" someone: `can reach "lethal temperatures"
 * in minutes, according to the Weather Service` (not a clause of its own after "and": `Her
 * "miracle" recovery stunned doctors, and according to hospital figures …`).
 */
function creditedAfter(tail: string): boolean {
  const credit = /,\s*according\s+to\b/u.exec(tail);
  if (!credit) return false;
  const between = tail.slice(0, credit.index);
  return !/[;:]|(?<![\p{L}])(?:and|but|while|as|although|though)(?![\p{L}])/u.test(between);
}

/**
 * A body named right before its verb: an acronym ("ECOWAS"), "the" and a capitalised name ("The
 * Kremlin", "the Harbour Authority"), or two capitalised words ("Environment Canada"); never one
 * capitalised word alone, which may be a sentence's first ("Officials praised").
 */
const BODY_BEFORE_VERB =
  /(?:^|[\s,])(?<!(?:outside|inside|in|at|near|of|from|for|to|with|by|on|behind|before)\s(?:the\s)?)(?:\p{Lu}{2,}|(?:the|The)\s+\p{Lu}[\p{L}&'’-]*(?:\s+\p{Lu}[\p{L}&'’-]*){0,4}|\p{Lu}[\p{L}&'’-]*(?:\s+\p{Lu}[\p{L}&'’-]*){1,4})\s+(?:(?:has|have|had|also|again|today|yesterday)\s+)*$/u;

/** The sentence a quote sits in, from its start to the end of the sentence after the quote. */
function sentenceAround(text: string, start: number, close: number): string {
  // Bounded on both sides: a paragraph with no full stops must not make every quote's evidence
  // (and the time to find it) the whole paragraph.
  const from = Math.max(start, close - EVIDENCE_REACH);
  const end = /[.!?](?:["')]*)(?:\s+(?!\p{Ll})|$)/u.exec(
    text.slice(close + 1, close + 1 + EVIDENCE_REACH),
  );
  const to = end ? close + 1 + end.index + end[0].trimEnd().length : close + 1 + EVIDENCE_REACH;
  return text.slice(from, Math.min(to, text.length)).trim();
}

/** A title and a surname nobody was named in full with, speaking: "Cr Hill said", "Dr Omar added". */
function unknownTitledSpeaker(text: string, mentions: Mention[]): boolean {
  for (const m of text.matchAll(
    /(?<![\p{L}])(\p{Lu}[\p{L}]*\.?)\s+\p{Lu}[\p{L}'-]+\s+(?:\p{Ll}+ly\s+|also\s+)?(\p{Ll}+)/gu,
  )) {
    if (!isRoleWord(m[1] as string) || !SPEECH_VERBS.has(m[2] as string)) continue;
    if (!mentions.some((x) => x.start <= m.index + m[0].length && x.end >= m.index)) return true;
  }
  return false;
}

/** Nouns for people a story may leave unnamed, beyond roles: "the defendant", "a passenger". */
const UNNAMED_PEOPLE = new Set(
  'defendant accused victim witness eyewitness man woman boy girl suspect driver passenger patient student teenager customer neighbour neighbor mother father son daughter friend'.split(
    ' ',
  ),
);

/**
 * A clause whose subject is a person with no name, speaking: "The minister said that …", "In
 * evidence, the defendant - a father of one - admitted …", "another health worker asked …".
 * Someone the text does not name acts, so a "he" further on may be them.
 */
function unnamedRoleSpeaker(text: string): boolean {
  for (const m of text.matchAll(
    /(?:^|[.!?]["')]*\s+|,\s+)(?:[Tt]he|[Aa]n|[Aa]nother|[Oo]ne|[Aa])\s+([^.;:!?"]{1,120})/gu,
  )) {
    // A role or a person's noun, up to two words describing it before, an appositive between
    // dashes or commas after, then a speech verb (perhaps after an adverb).
    const rest = m[1] as string;
    for (const noun of rest.matchAll(/\p{Ll}+/gu)) {
      if (noun.index > 0 && rest.slice(0, noun.index).trim().split(/\s+/).length > 2) break;
      if (!isRoleWord(noun[0]) && !UNNAMED_PEOPLE.has(noun[0])) continue;
      // "The Rahbar Committee head urged …": the head of something named is someone in play.
      if (
        /^(?:[.!?,]["')]*\s+)?[Tt]he\s/.test(m[0].trimStart()) &&
        isNamedRoleVariation(`the ${rest.slice(0, noun.index + noun[0].length)}`)
      )
        continue;
      const after = rest
        .slice(noun.index + noun[0].length)
        // "The woman, who lost her daughter, said": the comma follows the noun at once.
        .replace(/^\s*[-–—,][^-–—,]{1,60}[-–—,]/, '')
        .replace(/^\s+(?:\p{Ll}+ly|also|then|later)(?=\s)/u, '');
      const verb = /^\s+(\p{Ll}+)/u.exec(after)?.[1];
      if (verb && SPEECH_VERBS.has(verb)) return true;
    }
  }
  return false;
}

/**
 * "As the defendant was found guilty, he collapsed": a fronted clause whose subject is a person
 * with no name, and a pronoun taking it up. Someone unnamed acts, so a later "he" may be them.
 */
function unnamedFrontedSubject(text: string): boolean {
  for (const m of text.matchAll(UNNAMED_FRONTED))
    if (isRoleWord(m[1] as string) || UNNAMED_PEOPLE.has(m[1] as string)) return true;
  return false;
}
const UNNAMED_FRONTED =
  /(?:^|[.!?]["')]*\s+)(?:When|After|As|Although|Though|Because|Since|Before|While|Once|Until)\s+(?:the|a|an)\s+(?:\p{Ll}+\s+){0,2}?(\p{Ll}+)\s[^,.;:!?"]{0,80},\s*(?:he|she)\s/gu;

/** A continuation is no surer than the quotation it continues. */
const capOf = (quote: FoundQuote | null): { cap?: number } =>
  quote?.cap === undefined ? {} : { cap: quote.cap };

type Issuer = { slug: string; noun: string; paragraph: number };

/** How many paragraphs back "The statement read" may find who issued it. */
const ISSUER_REACH = 4;
const DOCUMENT = 'statement|letter|post|message|note|release|memo|email|tweet';

/** "He issued a statement saying …": a document the subject put out, then a speech participle. */
function issuedSaying(between: string, verb: string): boolean {
  return (
    /ing$/.test(verb) &&
    new RegExp(
      String.raw`^\s+(?:also\s+)?\p{Ll}+\s+(?:a|an|the)\s+(?:[\p{Ll}-]+\s+)?(?:${DOCUMENT})\s+$`,
      'u',
    ).test(between)
  );
}
/** After a name: ", in a statement reacting to …", " issued a letter". */
const ISSUED = new RegExp(
  String.raw`^[^.;"]{0,40}?\b(?:in|issued|released|posted|published|signed|sent)\s+(?:a|an|the|his|her|its|their)\s+(?:[\p{Ll}-]+\s+){0,2}?(${DOCUMENT})\b`,
  'u',
);
/** Before a quotation: "The statement read," "Her letter said:". */
const DOCUMENT_SAYS = new RegExp(
  String.raw`(?:^|[\s,;])((?:the|a|an|his|her|its|their)\s+(?:[\p{Ll}-]+\s+){0,2}?(${DOCUMENT}))\s+(?:read|reads|said|says|stated|states|added|continued)\s*[,:]?\s*$`,
  'iu',
);

/** "Gbenga Omotoso, in a statement reacting to …, stated": who issued which kind of document. */
function issuersIn(text: string, mentions: Mention[], paragraph: number): Issuer[] {
  const found: Issuer[] = [];
  for (const m of mentions) {
    const at = m.appositiveEnd ?? m.end;
    const issued = ISSUED.exec(text.slice(at, at + 100));
    if (issued) found.push({ slug: m.slug, noun: issued[1] as string, paragraph });
  }
  return found;
}

/**
 * `The statement read, "…"`, `The letter said: "…"`: the document is the source. If one person was
 * said lately to have issued such a document, it is theirs (a moderate guess); else nobody, with
 * the document as the source as written.
 */
function documentSource(
  ctx: Context,
  span: Span,
  start: number,
  issuers: Issuer[],
  paragraph: number,
): Found | null {
  const before = ctx.unit.text.slice(start, span.open);
  // The full pattern backtracks over the clause; most quotations fail this cheap test first.
  if (
    !/(?:statement|letter|post|message|note|release|memo|email|tweet)\s+\p{Ll}+\s*[,:]?\s*$/iu.test(
      before,
    )
  )
    return null;
  const document = DOCUMENT_SAYS.exec(before);
  if (!document) return null;
  const noun = (document[2] as string).toLowerCase();
  const who = new Set(
    issuers
      .filter((i) => i.noun === noun && paragraph - i.paragraph <= ISSUER_REACH)
      .map((i) => i.slug),
  );
  if (who.size === 1)
    return { speaker: [...who][0] as string, method: 'COLON', source: null, cap: DOCUMENT_CAP };
  return nobody(document[1] ?? null);
}

/** How many paragraphs back a pronoun may reach for someone it can mean. */
const CASTS_REMEMBERED = 3;

/** "suggested to the accused that she …": someone unnamed brought in before a pronoun. */
const UNNAMED_LISTENER =
  /(?<![\p{L}])(?:to|told|asked|urged|reminded|warned|with)\s+(?:the|a|an|his|her|their)\s+(\p{Ll}+)/u;

/**
 * The gender the article's own pronouns give people: `Lindsey Graham told the conference he would
 * …` makes Graham a "he" whatever his given name suggests. Only a name opening its sentence, with
 * nobody else named before the pronoun, outside quotation; conflicting evidence gives nothing.
 */
export function genderInText(
  paragraphs: { unit: Unit; mentions: Mention[] }[],
): Map<string, Gender> {
  const votes = new Map<string, Set<Gender>>();
  for (const { unit, mentions } of paragraphs) {
    const text = unit.text.replace(/"[^"]*"?/g, (q) => ' '.repeat(q.length));
    let first = 0; // mentions are in text order, and so are sentences: one pass over each
    for (const sentence of text.matchAll(/[^.!?]+(?:[.!?]+|$)/g)) {
      const from = sentence.index;
      const to = from + sentence[0].length;
      while (first < mentions.length && (mentions[first] as Mention).start < from) first++;
      const subject = mentions[first];
      if (!subject || subject.start >= to) continue;
      const second = mentions[first + 1];
      const next = second && second.start < to ? second.start : to;
      const rest = text.slice(subject.appositiveEnd ?? subject.end, next);
      // The first pronoun, if nothing before it brings in anyone else: "him" and "her" are as
      // often someone else ("spotted a man who looked like him", "said her colleague … but he").
      const pronoun = /(?<![\p{L}'])(he|she|his|her|him|hers|they|their)(?![\p{L}'])/iu.exec(rest);
      // "his" after the subject is theirs too ("Silila Vaa, Tino to his family, is …"); "her" may
      // be an object.
      const word = pronoun?.[1]?.toLowerCase() === 'his' ? 'he' : pronoun?.[1]?.toLowerCase();
      if (word !== 'he' && word !== 'she') continue;
      // "Mr Weir suggested to the accused that she was …": someone unnamed brought in before it.
      const listener = UNNAMED_LISTENER.exec(rest.slice(0, pronoun?.index))?.[1];
      if (listener && (UNNAMED_PEOPLE.has(listener) || isRoleWord(listener))) continue;
      const seen = votes.get(subject.slug) ?? new Set<Gender>();
      seen.add(word === 'he' ? 'male' : 'female');
      votes.set(subject.slug, seen);
    }
  }
  const genders = new Map<string, Gender>();
  for (const [slug, seen] of votes) if (seen.size === 1) genders.set(slug, [...seen][0] as Gender);
  return genders;
}

export function findQuotes(
  paragraphs: { unit: Unit; mentions: Mention[] }[],
  genderStated: (slug: string) => Gender | null = () => null,
): FoundQuote[] {
  const quotes: FoundQuote[] = [];
  const learned = new Map<string, Gender>();
  const genderOf = (slug: string) => genderStated(slug) ?? learned.get(slug) ?? null;
  const learnGender = (slug: string, gender: Gender) => {
    if (genderOf(slug) === null) learned.set(slug, gender);
  };
  let previousSubjects: string[][] = [];
  let previousLead: string | null = null;
  let previousLeadSpoke = false;
  const namedBefore = new Set<string>();
  const quotedBefore = new Set<string>();
  const guessedCast = new Map<string, number>();
  let previousQuoteSpeaker: string | null = null;
  let previousText = '';
  let actedAfterQuote = new Set<string>();
  // The last speaker before one paragraph that quotes and names nobody (an aside about the product,
  // the weather): a paragraph of quotation after it most likely goes on with their words.
  let speakerBeforeAside: string | null = null;
  /** Who spoke last anywhere before: the one an interview's questions are put to. */
  let latestSpeaker: string | null = null;
  // Unattributed quotes whose speaker the next paragraph may name: a quotation left open at the
  // paragraph's end (it runs on), or a paragraph that is nothing but quotation.
  let runningOn: FoundQuote[] = [];
  let quoteOnly: FoundQuote[] = [];
  let previousParagraph: PreviousParagraph | null = null;
  const roleHolders = new Map<string, Set<string>>();
  // Who the text has given each head role so far, anywhere in their role ("chief executive of
  // the NHS" → chief), with its synonyms: whom "the health chief" varies.
  const headHolders = new Map<string, Set<string>>();
  /** Every role as written each person has been given so far, for what a variation names. */
  const heldRoles = new Map<string, string>();
  // The last quotation of the paragraph before, if it was left open there (it runs on into this one).
  let openBefore: FoundQuote | null = null;
  let lastBefore: FoundQuote | null = null;
  // Who issued a statement or letter lately ("Jo Park, in a statement, …"), for "The statement read".
  let issuers: Issuer[] = [];
  // An unattributed quotation that ends its paragraph on a comma: its attribution is still to come.
  let dangling: FoundQuote | null = null;
  // A quotation opening a paragraph whose paragraph before ended inside one: the same quotation.
  const continues = new Map<FoundQuote, FoundQuote>();
  const layout: LayoutParagraph[] = [];
  // Everyone given an age so far, for "the 45-year-old".
  const aged: Aged[] = [];
  // The titles of works met so far, as their texts in lowercase.
  const titlesSeen = new Set<string>();
  for (const { unit, mentions } of paragraphs) {
    aged.push(...agesIn(unit, mentions));
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
      previousLead,
      previousLeadSpoke,
      namedBefore,
      quotedBefore,
      previousQuoteSpeaker,
      previousText,
      actedAfterQuote,
      guessedCast,
      genderOf,
      learnGender,
      inAppositive: appositiveMembers(mentions),
    };
    const ctx: Context = { ...base, subjects: subjectsOf(base) };
    // `"…,"` ending the paragraph before, then `Jo Park said.` opening this one: the page broke the
    // sentence, and its attribution is the quotation's.
    if (dangling && !/^\s*"/.test(text)) {
      const found = speakerAfter(ctx, { open: -1, close: -1, inner: `${dangling.text},` });
      if (found?.speaker)
        Object.assign(dangling, { speaker: found.speaker, method: found.method, evidence: text });
    }
    dangling = null;
    const starts = sentenceStarts(text, spans);
    const rolesBySlug = new Map<string, string>();
    for (const m of mentions)
      if (m.role && !rolesBySlug.has(m.slug)) rolesBySlug.set(m.slug, m.role);
    let lastEnd = 0;
    let lastHere: FoundQuote | null = null;
    let lastHereSpan: Span | null = null;
    for (const [spanIndex, span] of spans.entries()) {
      // Where the quote's clause starts: its sentence, after the last quote, and never further back
      // than a clause runs, so a paragraph with no full stops stays linear.
      const start = Math.max(sentenceStart(starts, span.open), lastEnd, span.open - CLAUSE_REACH);
      // A title once known stays one: `Twain's "Rock This Country" tour`, then `for "Rock This
      // Country," Twain said`.
      const titleKey = span.inner
        .replace(/[.,!?]+$/, '')
        .trim()
        .toLowerCase();
      if (isTitle(text, span)) {
        titlesSeen.add(titleKey);
        continue;
      }
      if (
        titlesSeen.has(titleKey) ||
        isScareQuote(ctx, span, start, sentenceStart(starts, span.open)) ||
        isChargeWording(text, span)
      )
        continue;
      // The passes, most precise first: the first that applies decides.
      const namedAfter = speakerQuotedAs(ctx, span, start) ?? speakerAfter(ctx, span);
      // `"…," given that Lee "had doubts," Park wrote`: a quotation left on a comma, with no pass
      // of its own but a guess, shares the attribution that closes its sentence after the next one.
      const sharer = lastHere;
      if (
        namedAfter?.speaker &&
        namedAfter.method === 'SPEECH_VERB' &&
        sharer &&
        lastHereSpan &&
        !sharer.sourceAsWritten &&
        // Nobody, or only a guess that the paragraph before goes on: the verb is more precise.
        ((!sharer.speaker && sharer.method === 'NONE') ||
          (sharer.method === 'CONTINUATION' && lastHereSpan.open === 0)) &&
        /,\s*$/.test(lastHereSpan.inner) &&
        !/[.!?;:]/.test(text.slice(lastHereSpan.close + 1, span.open))
      )
        Object.assign(sharer, {
          speaker: namedAfter.speaker,
          method: 'SPEECH_VERB',
          sourceAsWritten: null,
          speakerRoleAsWritten: rolesBySlug.get(namedAfter.speaker) ?? null,
          cap: SHARED_ATTRIBUTION_CAP,
        });
      let found =
        namedAfter ??
        documentSource(ctx, span, start, issuers, unit.index) ??
        speakerBefore(ctx, span, start, sentenceStart(starts, span.open)) ??
        speakerIntroducedBefore(ctx, span, start, starts, previousParagraph);
      if (found === null || (found.speaker === null && found.source === null))
        found =
          participleSubject(ctx, span, sentenceStart(starts, span.open)) ??
          viewpointHolder(ctx, span, sentenceStart(starts, span.open)) ??
          found;
      // "the 62-year-old cautioned …" when nobody has been given that age, or "The SNP leader said"
      // when nobody has been given that role: like "he", it means the person in play (an age or a
      // role given to someone is surer evidence, taken by creditAgeEpithets and the role mentions).
      const age = AGE_EPITHET.exec(found?.source ?? '')?.[1];
      if (
        found &&
        !found.speaker &&
        ((age && holdersOfAge(aged, Number(age), unit.index).size === 0) ||
          isNamedRoleVariation(found.source ?? '') ||
          TENURE_EPITHET.test(found.source ?? '') ||
          isTermEpithet(found.source ?? '') ||
          isOriginEpithet(found.source ?? '') ||
          isPlayerEpithet(found.source ?? '') ||
          isFormerRoleEpithet(found.source ?? '', roleHolders))
      ) {
        // From where its sentence starts: the description itself is not someone else acting.
        // With several in play, the one who spoke last ("…," he said. "…," the PNP chief said).
        const lastSpoke = ctx.lastSpeaker ?? previousQuoteSpeaker;
        // `Jo Roe said the festival is bigger: "…?" the Ulsterman asked`: whoever introduced the
        // words in the same sentence is the one described.
        const introduced = speakerBefore(ctx, span, start, sentenceStart(starts, span.open));
        // "the health chief" after "chief executive Paul Gray": the one given that head role.
        const head = namedRoleHead(found.source ?? '');
        // "the Celtic boss", "the SNP leader": of the holders, those whose role names the body.
        const body = /^the\s+(\p{Lu}[\p{L}'-]*)/u.exec(found.source ?? '')?.[1];
        const headHolder = head
          ? new Set(
              [...(headHolders.get(head) ?? [])].filter(
                (slug) => !body || (heldRoles.get(slug) ?? '').includes(body),
              ),
            )
          : undefined;
        const meant =
          (introduced?.speaker ? { slug: introduced.speaker } : null) ??
          (headHolder?.size === 1 ? { slug: [...headHolder][0] as string } : null) ??
          resolvePronoun(ctx, sentenceStart(starts, span.open), null) ??
          (lastSpoke ? { slug: lastSpoke } : null);
        if (meant)
          found = {
            speaker: meant.slug,
            method: 'PRONOUN',
            source: null,
            cap: Math.min(meant.cap ?? EPITHET_CAP, EPITHET_CAP),
          };
      }
      // A later quote in a sentence whose earlier quote has a speaker, with no one else named
      // between, continues it: `He said "…", adding, "…"` (an earlier pass found no one else).
      if (
        (found === null || (found.speaker === null && found.source === null)) &&
        ctx.lastSpeaker &&
        ctx.lastSpeakerAt >= start - 1 &&
        !startingBetween(mentions, lastEnd, span.open).some(
          (m) => m.slug !== ctx.lastSpeaker && mayInterrupt(ctx, m),
        )
      )
        found = {
          speaker: ctx.lastSpeaker,
          method: 'CONTINUATION',
          source: null,
          ...capOf(lastHere),
        };
      if (found === null && span.open === 0 && openBefore && !openBefore.speaker) {
        // A statement quoted over paragraphs, each opening with a mark and only the last closing:
        // the continuation is the same source's (`The statement read, "…` / `"…`).
        found = { ...nobody(), source: openBefore.sourceAsWritten };
      }
      if (found === null) {
        // No pattern at all: a quotation continuing the last speaker's words, if nobody else is named between.
        const continuing = ctx.lastSpeaker ?? (span.open === 0 ? previousQuoteSpeaker : null);
        const interrupted = startingBetween(mentions, lastEnd, span.open).some(
          (m) => m.slug !== continuing && mayInterrupt(ctx, m),
        );
        // `"I feel great," she assured …` after the Prime Minister's words: a pronoun credits the
        // words, and the pronoun pass could not name whom; going on with someone not known to
        // be a "she" would be a guess against the text.
        const credited = /^[\s,]*(he|she)\s+\p{Ll}/iu.exec(
          text.slice(span.close + 1, span.close + 30),
        );
        const otherSpeaker =
          credited !== null &&
          continuing !== null &&
          ctx.genderOf(continuing) !== pronounGender(credited[1] as string);
        found =
          continuing && !interrupted && !otherSpeaker
            ? {
                speaker: continuing,
                method: 'CONTINUATION',
                source: null,
                ...capOf(ctx.lastSpeaker ? lastHere : lastBefore),
              }
            : nobody();
        // "…," Lee said. / An aside naming nobody. / "…" (a whole paragraph of quotation): a guess
        // from the layout, so capped.
        if (
          found.speaker === null &&
          speakerBeforeAside &&
          spans.length === 1 &&
          span.open === 0 &&
          span.close >= text.trimEnd().length - 1 &&
          mentions.length === 0
        )
          found = {
            speaker: speakerBeforeAside,
            method: 'CONTINUATION',
            source: null,
            cap: PREVIOUS_PARAGRAPH_CAP,
          };
      }
      // "when asked about being called a "compromise machine"": a label others gave, nobody's here.
      if (labelledByOthers(text, span)) found = nobody();
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
        ...(found.cap === undefined ? {} : { cap: found.cap }),
      });
      const quote = quotes.at(-1) as FoundQuote;
      if (openBefore && spanIndex === 0 && span.open === 0) continues.set(quote, openBefore);
      lastHere = quote;
      lastHereSpan = span;
      // `"…` left open in the last paragraph runs on into this one: its speaker is this one's.
      if (span.open === 0 && spanIndex === 0) {
        // A speaker named outright at the end outweighs a capped guess made at the start.
        if (speaker && found.method !== 'CONTINUATION' && found.cap === undefined)
          for (const q of runningOn) {
            Object.assign(q, { speaker, method: 'CONTINUATION', sourceAsWritten: null });
            delete q.cap;
          }
        if (!speaker || found.method === 'CONTINUATION' || found.cap !== undefined)
          runningOn.push(quote);
      } else runningOn = [];
      if (span.close < text.length) runningOn = runningOn.filter((q) => q !== quote);
      // A source other than a person keeps what it said: the next speaker does not take it over.
      if (
        ((!speaker && !quote.sourceAsWritten) || found.cap !== undefined) &&
        span.close >= text.length &&
        !runningOn.includes(quote)
      )
        runningOn.push(quote);
      ctx.lastSpeaker = speaker;
      ctx.lastSpeakerAt = span.close;
      lastEnd = span.close + 1;
    }
    const last = spans.at(-1);
    if (
      last &&
      lastHere &&
      !lastHere.speaker &&
      !lastHere.sourceAsWritten &&
      /,\s*$/.test(last.inner) &&
      text.slice(last.close + 1).trim() === ''
    )
      dangling = lastHere;
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
    // An interview's layout: a question on a line of its own ("Were injuries a factor?"), then
    // the answer as a whole paragraph of quotation, from whoever has been answering.
    const question = spans.length === 0 && /\?\s*$/.test(text);
    // An aside may name the speaker again in full ("with the likes of Wayne McNamara risking life
    // and limb"), but nobody else, nor the speaker as someone others answer ("the judge's decision").
    speakerBeforeAside =
      spans.length === 0 &&
      mentions.every(
        (m) =>
          m.slug === previousQuoteSpeaker &&
          m.kind === 'full' &&
          !/^['’]/.test(text.slice(m.end, m.end + 1)),
      ) &&
      !unknownTitledSpeaker(text, mentions)
        ? (previousQuoteSpeaker ?? (question ? latestSpeaker : null))
        : question
          ? latestSpeaker
          : null;
    previousQuoteSpeaker = spans.length ? ctx.lastSpeaker : null;
    latestSpeaker = ctx.lastSpeaker ?? latestSpeaker;
    lastBefore = spans.length ? lastHere : null;
    openBefore = lastHere && spans.at(-1)?.close === text.length ? lastHere : null;
    issuers = [
      ...issuers.filter((i) => unit.index - i.paragraph < ISSUER_REACH),
      ...issuersIn(text, mentions, unit.index),
    ];
    for (const m of mentions) {
      const roleWords = m.role?.toLowerCase().split(' ') ?? [];
      const last = roleWords.at(-1);
      if (last && isRoleWord(last))
        roleHolders.set(last, new Set([...(roleHolders.get(last) ?? []), m.slug]));
      for (const word of roleWords.filter((w) => HEAD_ROLES.has(w)))
        for (const form of [word, ...(ROLE_SYNONYMS.get(word) ?? [])])
          headHolders.set(form, new Set([...(headHolders.get(form) ?? []), m.slug]));
      const held = heldRoles.get(m.slug) ?? '';
      if (m.role && !held.includes(m.role)) heldRoles.set(m.slug, `${held} ${m.role}`);
    }
    layout.push({
      text,
      hasQuotes: spans.length > 0,
      bare:
        /^[\s"'.,;:!?—–-]*$/.test(outside) &&
        ownQuotes.length > 0 &&
        ownQuotes.every((q) => (!q.speaker && !q.sourceAsWritten) || isLayoutGuess(q))
          ? ownQuotes
          : null,
      soleNamed: spans.length ? null : soleNamed(text, mentions),
    });
    previousParagraph = { ctx, starts, roleHolders };
    previousText = text;
    const lastClose = spans.at(-1)?.close ?? text.length;
    actedAfterQuote = new Set(
      mentions
        .filter(
          (m) =>
            m.start > lastClose &&
            opensSentence(text.slice(sentenceStart(starts, m.start), m.start)),
        )
        .map((m) => m.slug),
    );
    for (const m of mentions) namedBefore.add(m.slug);
    for (const q of quotes)
      if (q.paragraph === unit.index && q.speaker) quotedBefore.add(q.speaker);
    // Who was in play in this paragraph; a paragraph naming nobody leaves the previous cast in place.
    // Someone named inside a quotation is talked about, not acting in the story: "Also, actor Jo Lee
    // is loved here," he added.
    const quoted = (m: Mention) => spans.some((q) => q.open < m.start && m.end <= q.close);
    const cast = new Set([
      ...ctx.subjects
        .filter((m) => !quoted(m) && isClauseSubject(ctx, m) && !reportedSubject(ctx, m))
        .map((m) => m.slug),
      ...mentions
        .filter((m) => !quoted(m) && (isCredited(ctx, m) || invertedSpeaker(ctx, m)))
        .map((m) => m.slug),
      ...quotes
        .filter((q) => q.paragraph === unit.index && q.speaker)
        .map((q) => q.speaker as string),
    ]);
    // Nobody acts, but someone owns what the paragraph is about ("Ms Lee's blog post …"): they are
    // who a "she" after it means, as in the paragraph itself.
    // "The shooting happened in Kerry O'Connell's driveway.": so is the only person named, in
    // the possessive.
    const sole = new Set(mentions.map((m) => m.slug)).size === 1;
    // "Her celebration when Pegula's backhand flew long told a story.": a paragraph opening on
    // "his" or "her" is about whom the pronoun means, not someone owning a thing further on.
    const opensOnPossessive = /^\s*(His|Her)\s+\p{Ll}/u.exec(text)?.[1];
    const owner =
      cast.size === 0 && opensOnPossessive
        ? resolvePronoun(ctx, 0, opensOnPossessive === 'His' ? 'he' : 'she')
        : null;
    if (owner) cast.add(owner.slug);
    if (cast.size === 0)
      for (const m of mentions)
        if (isPossessor(ctx, m) || isNamedLast(ctx, m) || (sole && possessiveAt(text, m)))
          cast.add(m.slug);
    // "Afterwards, the 23-year-old admitted …", "The teenager, who worked there, said …": a
    // paragraph whose subject is someone described, not named, is about the one with that age,
    // or else the one person in play before it.
    if (cast.size === 0) {
      const spoke = new Set(quotes.map((q) => q.speaker));
      const described = describedSubject(
        text,
        aged,
        unit.index,
        (previousSubjects[0] ?? []).filter((slug) => spoke.has(slug)),
      );
      if (described) cast.add(described);
    }
    // "Cr Hill said …" with no Hill known: someone the importer cannot name acts here, so a "she"
    // further on may be them; an empty cast stops the pronoun's trail.
    if (
      cast.size === 0 &&
      (unknownTitledSpeaker(text, mentions) ||
        unnamedRoleSpeaker(text) ||
        unnamedFrontedSubject(text))
    )
      previousSubjects = [[], ...previousSubjects].slice(0, CASTS_REMEMBERED);
    // "I wonder if he would follow the likes of Dan Roe": people only talked about, while "he"
    // goes on acting, leave the cast in place, as a paragraph naming nobody does.
    else if (cast.size || (mentions.length && !PRONOUN_ACTS.test(outside)))
      previousSubjects = [[...cast], ...previousSubjects].slice(0, CASTS_REMEMBERED);
    // Who is in play only by a guess: named here by capped mentions alone.
    for (const slug of cast) {
      const here = mentions.filter((m) => m.slug === slug);
      if (here.length && here.every((m) => m.cap !== undefined))
        guessedCast.set(slug, Math.min(...here.map((m) => m.cap as number)));
      else if (here.length) guessedCast.delete(slug);
    }
    const lead =
      cast.size > 1 && spans.length === 0 ? lastSentenceSubject(ctx, starts, cast) : null;
    previousLead = lead?.slug ?? null;
    previousLeadSpoke = lead?.spoke ?? false;
  }
  creditFromLineAfter(layout);
  creditAgeEpithets(quotes, aged);
  creditGenderedEpithets(quotes, paragraphs, genderOf);
  creditRolesNamedLater(quotes, paragraphs);
  creditInterviewAnswers(quotes, paragraphs);
  return joinRunOnQuotations(quotes, continues);
}

/** A paragraph opening on someone described: "The teenager", "Afterwards, the 23-year-old". */
const DESCRIBED_OPENING =
  /^(?:\p{Lu}\p{Ll}+,\s+)?[Tt]he\s+(?:(\d{1,3})-year-old|(?:[\p{L}\d'-]+\s+){0,4}?(\p{Ll}+))(?=[\s,])/u;

/**
 * Who a paragraph opening on a description means: the one person given that age, or a teen's age
 * for "the teenager"; for sport's epithets ("the 2021 Lens champion") the one person in play
 * before. Not "the woman", "the man": those bring someone new into the story as often as not.
 */
function describedSubject(
  text: string,
  aged: Aged[],
  paragraph: number,
  before: string[],
): string | null {
  const opening = DESCRIBED_OPENING.exec(text);
  if (!opening) return null;
  // Someone in play who has spoken (`before` holds only them): "the teenager charged with the
  // attack" after the victim's name and a detective's words is the unnamed suspect.
  const inPlay = (holders: Set<string>) => {
    const only = holders.size === 1 ? ([...holders][0] as string) : null;
    return only && before.includes(only) ? only : null;
  };
  if (opening[1]) return inPlay(holdersOfAge(aged, Number(opening[1]), paragraph));
  const noun = opening[2] as string;
  if (noun === 'teenager')
    return inPlay(
      new Set(
        aged
          .filter((a) => a.age >= 13 && a.age <= 19 && a.paragraph <= paragraph)
          .map((a) => a.slug),
      ),
    );
  const epithet = PLAYER_NOUNS.has(noun) || noun === 'champion' || noun === 'veteran';
  return epithet && before.length === 1 ? (before[0] as string) : null;
}

/**
 * The head noun of "The SNP leader", "the Celtic boss": the head of something a proper name gives, which news
 * writing uses to vary how it names someone already in the story. Not a member ("The Damascus
 * official" is someone else from Damascus), nor a role alone ("the mayor" may be someone new).
 */
function namedRoleHead(source: string): string | null {
  const words = /^the\s+((?:\p{Lu}[\p{L}'-]*\s+){1,2}|(\p{Ll}+)\s+)(\p{Ll}+)$/u.exec(
    source.replace(/^The\s/, 'the '),
  );
  const head = words?.[3];
  if (head === undefined || !HEAD_ROLES.has(head)) return null;
  // "the health chief": the head of a field the story has named someone to, as "the NHS chief" is.
  return words?.[2] === undefined || PORTFOLIO_WORDS.has(words[2]) ? head : null;
}
const isNamedRoleVariation = (source: string) => namedRoleHead(source) !== null;

/**
 * "the 62-year-old", "the 82-year-old Matador Court resident": someone by their age; perhaps with
 * how they said it ("the 32-year-old with anger in his voice"), not whom they were with ("the
 * 16-year-old with him at the time" is someone else).
 */
const AGE_EPITHET =
  /^the (\d{1,3})-year-old(?:\s+(?!with\b|in\b)[\p{L}-]+){0,4}(?:\s+with\s+(?:(?:a|an|obvious|visible)\s+)?(?:anger|tears|emotion|pride|relief|frustration|smile|laugh|sigh|grin|shrug)(?:\s+in\s+(?:his|her|their)\s+voice)?)?$/iu;
/** "the eight-year Maine Marine Patrol veteran": how long someone has served, like an age. */
const TENURE_EPITHET = /^the\s+(?:[\p{L}\d'-]+\s+){0,5}veteran$/iu;
/** "the eighth-year bench boss", "the two-term mayor": years in a post, like an age. */
const TERM_EPITHET = /^the\s+[\p{L}\d]+-(?:year|season|term)\s+(?:[\p{L}-]+\s+){0,2}([\p{L}-]+)$/iu;
const isTermEpithet = (source: string) => {
  const head = TERM_EPITHET.exec(source)?.[1]?.toLowerCase() ?? '';
  return isRoleWord(head) || ROLE_SYNONYMS.has(head);
};
/** The word right before a verb, if it can be the verb's own subject: a name, a role, a plural. */
function ownSubjectBefore(text: string): boolean {
  const word = /([\p{L}'’-]+)\s*$/u.exec(text)?.[1];
  if (!word || /^(?:and|but|then|later|also)$/i.test(word) || /ly$/.test(word)) return false;
  return (
    /^\p{Lu}/u.test(word) ||
    isRoleWord(word) ||
    UNNAMED_PEOPLE.has(word.toLowerCase()) ||
    /[^su]s$/.test(word)
  );
}

/**
 * "the former sheriff said" when nobody has been given the role: no one else can be meant, as the
 * office is past, so it names the person in play (as "he" would). Where someone holds the role,
 * "the former manager" is someone else (OTHER_HOLDER).
 */
const FORMER_ROLE = /^the\s+(?:former\s+|ex-\s*)(?:[\p{Ll}-]+\s+){0,2}([\p{Ll}-]+)$/iu;
function isFormerRoleEpithet(source: string, roleHolders: Map<string, Set<string>>): boolean {
  const role = FORMER_ROLE.exec(source)?.[1]?.toLowerCase();
  return role !== undefined && isRoleWord(role) && !roleHolders.has(role);
}

const isTitleOrRoleNoun = (word: string) =>
  TITLES.has(word.toLowerCase()) || ROLE_NOUNS.has(word.toLowerCase());

/**
 * "the former France under-20 international", "The Lakers elder statesman and superstar": sport's
 * way of naming the player in play again, by what they are.
 */
function isPlayerEpithet(source: string): boolean {
  // At least one word before the noun: "the driver" alone may be anyone.
  const noun = /^the\s+(?:[\p{L}\d'-]+\s+){1,5}([\p{Ll}-]+)$/iu.exec(source)?.[1];
  return noun !== undefined && PLAYER_NOUNS.has(noun);
}

/** "the Ulsterman", "the Dutchman", "the Moroccan": where someone is from, for someone in play. */
function isOriginEpithet(source: string): boolean {
  const word = /^the\s+(\p{Lu}\p{Ll}+)$/u.exec(source)?.[1];
  return (
    word !== undefined &&
    // "the Ulsterman", not "the Chairman" or "the Ombudsman".
    ((/\p{Ll}(?:man|woman)$/u.test(word) && !isTitleOrRoleNoun(word)) || nameSignals(word).demonym)
  );
}

/**
 * "For Alistair Giles, director of the awards, this year's shortlists represent "a really exciting
 * collection"": a sentence opening on "For" and a person gives the words quoted in it as theirs,
 * when nobody else is named before them. A reading of the framing, so capped.
 */
function viewpointHolder(ctx: Context, span: Span, sentence: number): Found | null {
  const text = ctx.unit.text;
  const opening = /^\s*For\s+/.exec(text.slice(sentence, span.open));
  if (!opening) return null;
  const holder = personAt(ctx, sentence + opening[0].length, span.open);
  if (!holder || holder.kind === 'pronoun') return null;
  const othersBefore = startingBetween(ctx.mentions, holder.end, span.open).some(
    (m) => m.slug !== holder.slug,
  );
  if (othersBefore || !/^,/.test(text.slice(holder.end).trimStart())) return null;
  return { ...byPerson(holder, 'SPEECH_VERB'), cap: EPITHET_CAP };
}

const STARTING_VERBS = new Set(['began', 'begins', 'started', 'starts', 'opened']);

/** The passive of a naming verb right before the words: "being called a", "was branded". */
const PASSIVE_LABEL =
  /(?<![\p{L}])(?:being|been|be|was|were|is|are)\s+(?:\p{Ll}+ly\s+)?(?:called|dubbed|labell?ed|branded|nicknamed|termed|described\s+as)\s+(?:(?:a|an|the)\s+)?$/u;

function labelledByOthers(text: string, span: Span): boolean {
  return span.open > 0 && PASSIVE_LABEL.test(text.slice(Math.max(0, span.open - 60), span.open));
}

/** An interview's answer: "A: …" or "Answer: …" opening the paragraph. */
const ANSWER_LINE = /^\s*(?:A|Answer)\s*:\s/;
/** "… had an opportunity to talk with him", "Jo Park interviewed …": the one asking the questions. */
const INTERVIEWER_VERB =
  /^[^.;!?]{0,60}?\b(?:talk(?:ed)?|spoke|speak|sat\s+down|chat(?:ted)?)\s+(?:to|with)\b|^[^.;!?]{0,20}?\binterview(?:ed|s)?\b|^[^.;!?]{0,20}?\basked\b/;

/**
 * The answers of an interview laid out as "A: …" paragraphs (after "Q: …" ones, or none), whose quotation names
 * nobody: the words of the one interviewed, the first person the story names in full before the
 * answers who is not the interviewer ("David Rose had an opportunity to talk with him").
 */
function creditInterviewAnswers(
  quotes: FoundQuote[],
  paragraphs: { unit: Unit; mentions: Mention[] }[],
): void {
  const answers = new Set(
    paragraphs.filter(({ unit }) => ANSWER_LINE.test(unit.text)).map(({ unit }) => unit.index),
  );
  if (answers.size === 0) return;
  // Not Math.min(...answers): a text of a hundred thousand answers would overflow the stack.
  let firstAnswer = Number.POSITIVE_INFINITY;
  for (const paragraph of answers) firstAnswer = Math.min(firstAnswer, paragraph);
  const before = paragraphs.filter(({ unit }) => unit.index < firstAnswer);
  const interviewers = new Set(
    before.flatMap(({ unit, mentions }) =>
      mentions.filter((m) => INTERVIEWER_VERB.test(unit.text.slice(m.end))).map((m) => m.slug),
    ),
  );
  const interviewee = before
    .flatMap(({ mentions }) => mentions)
    .find((m) => m.kind === 'full' && !interviewers.has(m.slug))?.slug;
  if (!interviewee) return;
  for (const quote of quotes) {
    if (quote.speaker !== null || quote.sourceAsWritten || !answers.has(quote.paragraph)) continue;
    Object.assign(quote, { speaker: interviewee, method: 'CONTINUATION', cap: EPITHET_CAP });
  }
}

/**
 * A quote credited to "the 45-year-old" is the words of the one person the article gave that age
 * (`Amir Khan, 45,` or `45-year-old Amir Khan`) by then; with two of that age, of nobody named.
 */
function creditAgeEpithets(quotes: FoundQuote[], aged: Aged[]): void {
  for (const quote of quotes) {
    if (quote.speaker !== null) continue;
    const age = AGE_EPITHET.exec(quote.sourceAsWritten ?? '')?.[1];
    if (age === undefined) continue;
    const holders = holdersOfAge(aged, Number(age), quote.paragraph);
    if (holders.size === 1)
      Object.assign(quote, { speaker: [...holders][0], method: 'SURNAME', sourceAsWritten: null });
  }
}

/** "the woman", "the elderly man", "the young girl": someone named by their sex alone. */
const GENDERED_EPITHET = /^the\s+(?:\p{Ll}+\s+)?(woman|man|girl|boy|lady)$/iu;
/** "a woman who lives nearby", "an elderly man": someone unnamed the epithet may mean instead. */
const UNNAMED_OF_SEX = (noun: string) =>
  new RegExp(String.raw`(?<![\p{L}])(?:a|an|one|another)\s+(?:[\p{Ll}-]+\s+){0,2}${noun}\b`, 'iu');

/**
 * `Singh said she feared … . "…," the woman said.`: the last speaker before, named and of that
 * sex, when the article brings in no unnamed one. A reading of a description, so capped.
 */
function creditGenderedEpithets(
  quotes: FoundQuote[],
  paragraphs: { unit: Unit }[],
  genderOf: (slug: string) => Gender | null,
): void {
  quotes.forEach((quote, i) => {
    const noun = GENDERED_EPITHET.exec(quote.sourceAsWritten ?? '')?.[1]?.toLowerCase();
    if (quote.speaker !== null || !noun) return;
    const sex: Gender = ['woman', 'girl', 'lady'].includes(noun) ? 'female' : 'male';
    const unnamed = UNNAMED_OF_SEX(noun);
    if (paragraphs.some(({ unit }) => unit.index <= quote.paragraph && unnamed.test(unit.text)))
      return;
    const before = quotes.slice(0, i).findLast((q) => q.speaker !== null);
    if (!before?.speaker || before.paragraph < quote.paragraph - 1) return;
    if (genderOf(before.speaker) !== sex) return;
    Object.assign(quote, {
      speaker: before.speaker,
      method: 'PRONOUN',
      sourceAsWritten: null,
      cap: EPITHET_CAP,
    });
  });
}

// "A judge pleaded …", "his own barrister described …", "The Deputy Mayor has declared …": a
// source as written that is a role, with nothing after it but an auxiliary.
const ROLE_SOURCE =
  /^(?:a|an|the|his|her|their)\s+(?:own\s+)?(?:[\p{L}'-]+\s+){0,3}?([\p{L}-]+)(?:\s+(?:of|for|at)\s+(?:the\s+)?([\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3}))?(?:\s+(?:has|had|have|was|is|also|then))?$/iu;
/**
 * The role a source as written names, and its remit if it is a name: "the mayor of Cedar Rapids"
 * is the mayor with the remit "Cedar Rapids".
 */
function roleOfSource(source: string): { role: string; remit: string | null } | undefined {
  const match = ROLE_SOURCE.exec(source);
  const remit = match?.[2];
  if (remit !== undefined && !remit.split(/\s+/).every((w) => /^\p{Lu}/u.test(w))) return undefined;
  const role = match?.[1]?.toLowerCase();
  return role === undefined ? undefined : { role, remit: remit ?? null };
}

/**
 * A lede's "A judge pleaded …" or "his own barrister described …", then "Judge Seamus Hughes" or
 * "barrister Chris Hudson" further on: the one person the article gives that role, named only
 * after the words and nobody with it before them. A guess across the article, so capped.
 */
function creditRolesNamedLater(
  quotes: FoundQuote[],
  paragraphs: { unit: Unit; mentions: Mention[] }[],
): void {
  const holders = new Map<string, { slug: string; paragraph: number; role: string }[]>();
  for (const { unit, mentions } of paragraphs)
    for (const m of mentions) {
      const role = m.role?.toLowerCase().split(' ').at(-1);
      if (!role || !isRoleWord(role)) continue;
      for (const form of [role, ...(ROLE_SYNONYMS.get(role) ?? [])]) {
        const list = holders.get(form) ?? [];
        list.push({ slug: m.slug, paragraph: unit.index, role: m.role ?? '' });
        holders.set(form, list);
      }
    }
  for (const quote of quotes) {
    if (quote.speaker !== null) continue;
    const source = roleOfSource(quote.sourceAsWritten ?? '');
    const role = source?.role;
    if (!role || !isRoleWord(role)) continue;
    // "the mayor of Cedar Falls": a holder the text names where it names that place too, not the
    // mayor of another town.
    const remit = source?.remit;
    const servesRemit = (slug: string) =>
      !remit ||
      paragraphs.some(
        ({ unit, mentions }) => unit.text.includes(remit) && mentions.some((m) => m.slug === slug),
      );
    const named = (holders.get(role) ?? []).filter((h) => servesRemit(h.slug));
    if (named.some((h) => h.paragraph < quote.paragraph)) continue;
    // "The Labour councillor" is not the "SNP councillor" named later: what the source names of
    // the role must be in the holder's.
    // A qualifier missing from the holder's role ("a Ford spokesman", "Spokesman Sam Okoro") is
    // no conflict; another in its place is.
    const qualifiers = [
      ...(quote.sourceAsWritten ?? '').matchAll(/(?<=\s)\p{Lu}[\p{L}'’-]*/gu),
    ].map((q) => q[0]);
    const conflicts = (role: string) => {
      const own = [...role.matchAll(/\p{Lu}[\p{L}'’-]*/gu)]
        .map((q) => q[0])
        .filter((w) => !isRoleWord(w));
      return qualifiers.length > 0 && own.length > 0 && !qualifiers.some((q) => own.includes(q));
    };
    const later = new Set(named.filter((h) => !conflicts(h.role)).map((h) => h.slug));
    if (later.size !== 1) continue;
    Object.assign(quote, {
      speaker: [...later][0],
      method: 'SURNAME',
      sourceAsWritten: null,
      cap: EPITHET_CAP,
    });
  }
}

/** A person the text gives an age: `Amir Khan, 45,` or `45-year-old Amir Khan`. */
type Aged = { slug: string; age: number; paragraph: number };

function agesIn(unit: Unit, mentions: Mention[]): Aged[] {
  const aged: Aged[] = [];
  for (const m of mentions) {
    const after = /^,\s*(\d{1,3}),/.exec(unit.text.slice(m.appositiveEnd ?? m.end));
    const before = /(\d{1,3})-year-old\s+$/.exec(
      unit.text.slice(Math.max(0, m.start - 14), m.start),
    );
    const age = after?.[1] ?? before?.[1];
    if (age) aged.push({ slug: m.slug, age: Number(age), paragraph: unit.index });
  }
  return aged;
}

/** Who was given `age` by paragraph `paragraph`. */
function holdersOfAge(aged: Aged[], age: number, paragraph: number): Set<string> {
  return new Set(aged.filter((a) => a.age === age && a.paragraph <= paragraph).map((a) => a.slug));
}

/**
 * One speech quoted over several paragraphs (each opens with a mark, only the last closes) is one
 * quotation, kept at its first paragraph. Its speaker is the one its most precise part found:
 * usually the last part names them (`"…` / `"…," said Muscat.`).
 */
function joinRunOnQuotations(
  quotes: FoundQuote[],
  continues: ReadonlyMap<FoundQuote, FoundQuote>,
): FoundQuote[] {
  const partsOf = new Map<FoundQuote, FoundQuote[]>();
  const headOf = new Map<FoundQuote, FoundQuote>();
  for (const quote of quotes) {
    const before = continues.get(quote);
    const head = before ? (headOf.get(before) ?? before) : quote;
    headOf.set(quote, head);
    const parts = partsOf.get(head) ?? [];
    if (head !== quote) parts.push(quote);
    partsOf.set(head, parts);
  }
  return quotes
    .filter((quote) => headOf.get(quote) === quote)
    .map((head) => {
      const parts = [head, ...(partsOf.get(head) ?? [])];
      if (parts.length === 1) return head;
      const decider =
        parts.find((q) => q.speaker && q.method !== 'CONTINUATION') ??
        parts.find((q) => q.speaker || q.sourceAsWritten) ??
        head;
      const { cap: _cap, ...decided } = decider;
      return {
        ...decided,
        text: parts.map((q) => q.text).join(' '),
        paragraph: head.paragraph,
        isPartial: head.isPartial,
        ...(decider.cap === undefined ? {} : { cap: decider.cap }),
      };
    });
}

/** A subject pronoun acting in what a paragraph says outside its quotations: "… if he would …". */
const PRONOUN_ACTS = /(?<![\p{L}'-])(?:he|she)\s+(?:\p{Ll}+ly\s+)?\p{Ll}/iu;

type LayoutParagraph = {
  text: string;
  hasQuotes: boolean;
  /** The quotes of a paragraph that is nothing but quotation with no speaker named for it. */
  bare: FoundQuote[] | null;
  /** In a paragraph without quotation, the one person it names. */
  soleNamed: string | null;
};

/** A speaker guessed from the paragraph before, with no speech verb. */
const isLayoutGuess = (q: FoundQuote) =>
  q.method === 'COLON' && q.cap === PREVIOUS_PARAGRAPH_CAP && q.speaker !== null;

/** The one person a paragraph names, but for examples ("such as Lee"); null for none or several. */
function soleNamed(text: string, mentions: Mention[]): string | null {
  const named = mentions.filter(
    (m) => !EXAMPLE_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)),
  );
  const only = named[0];
  return only && named.every((m) => m.slug === only.slug) ? only.slug : null;
}

/** Bare quotation paragraphs it takes before a layout of quote, then its line, is believed. */
const LAYOUT_MIN_QUOTES = 3;

/**
 * A round-up in quotes: each paragraph of bare quotation is followed by a line naming who said it
 * (`"We were never in it."` / `Jo Lee was left to rue the missed chances.`). The layout shows
 * itself when the piece opens with a quotation that nobody before it introduced and ends on such
 * a line with nothing left to introduce; then each quotation is the next line's person's, not the
 * previous line's. A guess from the layout: capped as the paragraph-before guess is.
 */
function creditFromLineAfter(layout: LayoutParagraph[]): void {
  const bare = layout.flatMap((p, i) => (p.bare ? [i] : []));
  const first = bare[0];
  const last = bare.at(-1);
  if (bare.length < LAYOUT_MIN_QUOTES || first === undefined || last === undefined) return;
  const alternates = bare.every(
    (i) => layout[i + 1]?.hasQuotes === false && (i === 0 || layout[i - 1]?.hasQuotes === false),
  );
  const opensWithQuote = first === 0 || layout[first - 1]?.soleNamed === null;
  const endsOnLine = last === layout.length - 2 && layout[last + 1]?.soleNamed !== null;
  if (!alternates || !opensWithQuote || !endsOnLine) return;
  for (const i of bare) {
    const line = layout[i + 1] as LayoutParagraph;
    for (const q of layout[i]?.bare ?? []) {
      Object.assign(
        q,
        line.soleNamed
          ? {
              speaker: line.soleNamed,
              method: 'NEXT_PARAGRAPH',
              sourceAsWritten: null,
              speakerRoleAsWritten: null,
              evidence: line.text,
              cap: PREVIOUS_PARAGRAPH_CAP,
            }
          : { speaker: null, method: 'NONE', sourceAsWritten: null },
      );
      if (!line.soleNamed) delete q.cap;
    }
  }
}
