// The importer: raw scraped article text in, linked records out (article, people, quotes, teasers).
import { createHash } from 'node:crypto';
import {
  type AttributionMethod,
  FAR_SPEAKER_CONFIDENCE,
  METHOD_CONFIDENCE,
  NEAR_PARAGRAPHS,
} from './attribution.js';
import { ImportError } from './errors.js';
import {
  collapse,
  mismatchedClosers,
  normaliseText,
  singleQuotesAsDouble,
  slugify,
} from './normalise.js';
import { findPeople, type Person, type Unit } from './people.js';
import { type FoundQuote, findQuotes, genderInText } from './quotes.js';
import { parseStructure } from './structure.js';
import { addressesByName } from './vocative.js';

export type { ImportErrorCode } from './errors.js';
export { ImportError } from './errors.js';

export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/**
 * Bump when what the importer extracts from the same text changes (version 2: attribution passes
 * with method, confidence and source; version 3: post-nominals, role synonyms, "according to"
 * sources in play, quantifier-led phrases; version 4: single quotation marks as a house style,
 * speakers from the paragraph before, statements over paragraphs, relative clauses, capped
 * confidence; version 5: names after an office's remit, shared surnames, people named by a given
 * name alone, misspelt surnames, lost opening marks, short quotations that are sentences or
 * reported predicates; version 8: photo credits without a byline, court and police titles, speech
 * nouns and participles, other names after "alias", bylines in capitals; version 9: bylines "in"
 * a place, credits with the photographer first, appositives missing their closing comma, a
 * paragraph's possessor for "she", words owned in the paragraph before, titles after "titled",
 * hyphenated given names, surnames listed with a person's, a nationality and one word is no
 * person; version 10: long office titles, "Advocate", capital initials without dots, standfirsts in
 * single marks, attributions opening the next paragraph, mismatched closing marks, works owned by a
 * name, "with X, …, saying"; version 11: no speaker inside a clause after the quote ("the claim
 * that chief X had …"), round-ups crediting each quotation to the line after it, affiliations
 * "from" a named body; version 12: generational suffixes ("III") kept in names, Hong Kong family
 * names before a hyphenated given name, a month surname with a role in apposition, names inside
 * quotations and after "the" out of a pronoun's cast, the people of a place never a person, a
 * name in apposition to a capitalised office; version 13: a name whose clause goes on to "his" or
 * "her", a time word before the speech verb, verbs of triumph and of rulings, a nameless relative
 * clause opening a sentence, a sentence's first word before a known surname, names made of
 * particles alone, "the judge" for a Justice, quotations in an opening speech-participle clause,
 * speech nouns after a possessive, the wording of charges; version 14: a full name whose given
 * name alone speaks ("…," Siddo said), names ending at a "-starrer" compound, "Directed by X" as
 * the director, one-word desk bylines ("By Agencies") as no author, a role fronted before the name
 * and its initials ("its CEO"), a quotation nested in another and closed with a single mark, a
 * work's title after "film", the subject of a reported clause out of a pronoun's cast, names in a
 * story credit; version 15: no single speaker for a statement two coordinated names sign,
 * run-together initials ("J.B.") in names, a title word after a known given name as a surname
 * ("Judge Harriet King"), an unnamed subject after "after"/"when" crediting nobody, an unnamed role speaking ("The minister said") ending a
 * pronoun's trail, a pronoun declined when someone not taken as a person acts first in its
 * paragraph, a speech verb in the passive ("was accused of") crediting nobody, what "his own lawyer
 * described as" credited to nobody named; version 16: a quotation run over paragraphs as one
 * quote, a role then a name between a quotation and its verb, the latest subject for a pronoun
 * among several, the text's own pronouns over a given name's gender, nicknames inside names,
 * one-line and labelled photo credits, plural titles, the headline's titles as evidence, a given
 * name speaking alone; version 17: credits thanking a photographer ("Courtesy X") or naming one
 * after an outlet and a colon, players in a match report's statistics, teams named for a place
 * ("San Antonio Spurs"), the names of groups "called" something, a verb opening a sentence before
 * a name, a nationality or an age describing a role's holder ("the Australian coach"), a pronoun opening a sentence
 * as the subject of a speech verb coordinated with its own ("She thanked them and said"), single-marked partial quotations after a quoting verb in an
 * article with no double marks, "the 45-year-old" as the one person given that age, "according to" after a quotation, the one person acting in the sentence before a quotation, but not one acted upon or words
 * about "him" or "her", two particles in a name, a pronoun's trail ended by a person left unnamed ("the defendant …
 * admitted"); version 18: a generational suffix after a comma ("Remolona, Jr."), an initial
 * before a given name ("G Satheesh Reddy"), a role held for someone ("his attorney, X") and its
 * synonyms, a stray comma before a speech verb, an outlet's or a website's byline, "the 62-year-old"
 * with no one of that age as the person in play, a speaker after an inverted verb in the cast, a
 * relative clause after an appositive, "Coun" and "Prize-winner" as titles, a speech verb inside a
 * reported clause as the reporter's, speech participles such as "suggesting", playing positions as
 * roles, "felt" and "reminded" as speech, a name with a participle as no one acting, "The SNP
 * leader" as the person in play or, among several, the one who spoke last, an appositive with an
 * article after the speaker a quotation names, nicknames in marks before a suffixed surname,
 * "expressed concern that" as speech, participants and patients as roles, titles modifying a noun
 * or named before, works' titles in title case as no names, "was X's assessment", a place after
 * "in west …" that "said" as no speaker); version 19: an unknown given name before a known one
 * ("Musa Ali Alzuain"), a name without its middle name as the same person, laws as no people,
 * "quoted X as saying" as speech, a surname after a sentence's opening word, longest short forms
 * first ("de Silva"), nicknames in brackets, a comma introducing a whole quoted sentence, an
 * office's one-word remit, "AM" and other post-nominals, a credit ending the sentence, bare
 * initials ("M R Ajith Kumar"), a fronted clause's subject for the pronoun after it, fronted
 * participles that cite words, coordinated subjects, words inside a denied claim as nobody's,
 * addresses set off by commas, a given name with a landscape surname, a pronoun inside what a
 * relative clause reports, abbreviated titles as no sentence end, interview answers after
 * questions, a role in the lede credited to the one holder named later, "Woods Jr." without the
 * comma, possessives before a surname, nested straight marks inside curly ones, a titled name in
 * apposition to a role subject, a dash between role and name or around a phrase, an inverted
 * speaker ending the sentence before, "issued a statement saying", "the PM", a name after a verb in
 * the past as its object, "proclaimed" as speech, and a pass table recalibrated on 112 more
 * articles); version 20: a headline's full name for a surname the body uses alone, a shared
 * surname's given name ("Stanley and Julie Patz"), names announced as someone's only name
 * ("surnamed Yang"), bracketed initials or opening letters ("(SBY)", "(Jokowi)"), Malay and police
 * titles, "Q:"/"A:" interview answers, a surname acting in the past tense, an aside naming only
 * the last speaker, an abbreviation's full stop before a lower-case word, occupations known by
 * their ending as roles, plurals after "the" as teams, two joined roles, a sentence opening on a
 * speech verb, the text's honorific over the library's gender, a fronted participle clause, a
 * middle initial "A", capitalised roles and names only where places go as no people, initials
 * written against a name, "Comr.", labels after a passive naming verb as nobody's, "For X, …",
 * short quotes inside what someone says in the present tense, "the … veteran", verbs of starting
 * after a quotation, a titled headline's name for a given name used alone, and a curly quotation
 * whose outlet mixed in straight marks); version 21: one uncredited line under the byline as the
 * first paragraph, not an image, a subject past where they work ("at the hospital") or spoke
 * ("in a post-match presser"), two given names as a short form, a nationality or an origin
 * before a surname or as an epithet ("the Moroccan Ammouta", "the Ulsterman"), roles before a
 * surname as no new name, portfolio words as no names, a shared surname for the one named in full
 * in the paragraph, an opening adverb or phrase of place as no appositive, occupations by their
 * ending before a name, abbreviated titles by their full word, police ranks, an office fronted
 * before a rank, remits after "for" and "at", an appositive missing its closing comma, a body's
 * members listed in an appositive as no subject, coordinated subjects past an age, "chuckled",
 * "submitted" and "pondered", new sentences that open or report their own words as no credit,
 * names of up to ten words, His Excellency, two offices held by one person, roles joined by "and"
 * before the one person named, names withheld to an initial as nobody, "-elect" offices,
 * administrators, a title word after initials as a surname, and term epithets ("the
 * eighth-year bench boss"); version 22: outlets, desks and mastheads in bylines and photo credits
 * as no people ("By RNZ Pacific", "Image: Sunday Times/Jo Roe", "PHOTO/Club/Facebook"), names
 * joined by a slash in a byline, one-name people after an honorific or a repeated office ("Mr
 * Museveni"), the particles "wa" and "dela", "Sri" and "MEC" as titles, a participle before "as"
 * as no name, described counterparts ("his Hearts counterpart, X"), a person leading a group ("X and
 * her family"), roles qualified against their holder ("The Labour councillor" is not the "SNP
 * councillor"), verbs of hoping and wanting, a pronoun and its verb closing or interrupting a
 * sentence, "according to him", a reporter of the words kept out of play, "That's how X reacted",
 * genders from resolved pronouns and Vietnamese middle names, a verb's object as no rival subject,
 * fronted participle clauses, an age as an appositive's head, a name in a clause of its own after
 * the words as no speaker, offices with a remit before a name ("director general of the Department
 * of Tourism X"), a name in apposition after an office and its remit, a bracketed qualifier after a
 * role, two capitals before a two-word name ("KP Sharma Oli"), up to six initials, Gulf honorifics
 * and hyphenated ranks, "bint", an introduced quotation that ends its sentence keeping its
 * introducer, a passive credit ("was quoted as saying") naming nobody, no continuation against
 * the pronoun's gender, houses named after their place ("By Malta Resident"), "the woman" for the
 * last speaker of that sex, initials without stops in an office's tail ("V D Satheesan"), a day
 * between a name and its speech verb, party labels before a name ("Democrat Kathy Haigh"), plural
 * bodies ("Public Libraries"), a participle before a possessive, and "said one of the defence
 * lawyers, X"); version 23: a word describing someone before a known surname ("fellow Kenyan
 * Wanjiru", "Cmdr Marini") no second person, "said an overjoyed Kohli", a description's relative
 * clause, long names shortened to a middle word ("Lula"), one-name people after a loose title, "the
 * <Name> head", a credit closing a sentence, possessors who do not speak, familiar given names
 * ("Rafa"), player epithets, bodies named as such, more outlet bylines, and confidences calibrated
 * on unseen text); version 25: long appositives, ages and descriptions after "said", one-name people
 * given an age or a withheld surname, the agent of a passive of taking a position, a title before a
 * shared family name ("PM Lee"), honorifics over guessed gender, office abbreviations ("SG
 * Mehta"), every apostrophe in a name ("Ng'ang'a"), a paragraph's last lead for "he", and
 * confidences pooled over three unseen rounds); version 26: short quotes the sentence's own
 * attribution closes, honorifics before family names, long titles and listed bodies before the verb,
 * age and sport epithets, two given names as a short form, West African and Singaporean honorifics, "which" for
 * things, colon introductions naming no one, and confidences pooled over four unseen rounds;
 * version 27: affiliations after "with", roles with an owner or an acronym before a set-off name,
 * short quotes a source or a finding credits, plural surnames, one-name speakers known by their
 * relation, where and when set off after a name, mismatched or glued quotation marks, and no
 * people from names used as attributes; version 28: a title and its remit before a name after the
 * verb, analyst and advisory firms as organisations, capitalised relations after a possessor,
 * surnames whose particle drops its capital, and "MP for <seat>" as a role; version 29: "Sr."
 * before an office, sport's positions as roles, venues and teams after "the", shops, capitalised
 * prepositions, "Evening" and "Advocate" mastheads, passives coordinated before a speech verb, "the
 * health chief" as the one given that head role, the reporter of speech or the opener the
 * paragraph before ends on, "Holder" as a surname, hyphenated given names' gender, "Financial" and
 * "Week" mastheads, firms named after founders, a shared surname for the one named just before,
 * "the former sheriff" when nobody holds the role, a verb coordinated after a phrase of time or
 * place, no person of a word said twice, and an inspector's finding reported without "that", no possessor
 * of what a fronted "of" talks about as the speaker; version 30: a new sentence reporting its own
 * clause is no credit, a late pronoun for the one quoted person of its gender, "St." in surnames,
 * familiar given names, eponymous runs, match-report players, "U.S. District Judge" in one sentence,
 * outlets credited after a named speaker's words, described roles credited to the holder named
 * later, surnames that are words of places, "her" opening a paragraph, bodies naming a role's
 * holder, a shared surname keeping whom it meant, single-marked quotations after a quoting verb,
 * a US lawmaker's party and state, and names joined by "&"), so
 * that stored articles are re-extracted on re-import.
 */
export const IMPORTER_VERSION = 30;

export type ImportedArticle = {
  article: {
    headline: string;
    slug: string;
    authors: { name: string; slug: string }[];
    authorRole: string | null;
    leadImage: {
      title: string | null;
      caption: string | null;
      credit: string | null;
      agency: string | null;
      photographer: { name: string; slug: string } | null;
    } | null;
    paragraphs: string[];
  };
  people: { name: string; slug: string; roleAsWritten: string | null; aliases: string[] }[];
  mentions: { slug: string; roleAsWritten: string | null; firstParagraph: number }[];
  quotes: {
    text: string;
    speaker: { name: string; slug: string } | null;
    paragraph: number;
    isPartial: boolean;
    speakerRoleAsWritten: string | null;
    attribution: string | null;
    /** Which attribution pass decided the speaker (NONE when no person is named). */
    method: AttributionMethod;
    /** How likely the speaker is right, 0–1, calibrated on real articles (see attribution.ts). */
    confidence: number;
    /** The source as written when it is not a person: "a senior senator", "the Kremlin", "police". */
    sourceAsWritten: string | null;
    /** The sentence that decided the attribution, for editors reviewing it. */
    evidence: string | null;
  }[];
  teasers: { kicker: string | null; title: string; summary: string; isTruncated: boolean }[];
  /**
   * sha256 of the importer's version and the normalised text: the same text hashes the same until
   * the extraction changes, and then re-importing it re-extracts.
   */
  contentHash: string;
};

/** Decodes file bytes, refusing what cannot be an article: empty, oversized, binary or not UTF-8. */
export function decodeArticleBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ImportError('EMPTY', 'the file is empty');
  if (bytes.length > MAX_ARTICLE_BYTES) {
    throw new ImportError(
      'TOO_LARGE',
      `the file is ${bytes.length} bytes; the limit is ${MAX_ARTICLE_BYTES} (2 MB)`,
    );
  }
  if (bytes.includes(0)) throw new ImportError('BINARY', 'the file is binary, not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('INVALID_UTF8', 'the file is not valid UTF-8 text');
  }
  if (text.trim() === '') throw new ImportError('EMPTY', 'the file holds only whitespace');
  return text;
}

/**
 * Some outlets set a paragraph's first word in capitals ("RALPH Hasenhuttl labelled it …"). The
 * analysis reads it as "Ralph"; the stored paragraph keeps what was written, at the same offsets.
 */
function unshoutLeadingName(paragraph: string): string {
  // One capitalised word before a name ("RALPH Hasenhuttl"), or a whole name ("MARK WOOD got …").
  const shouted =
    /^\p{Lu}{3,}(?=\s+\p{Lu}\p{Ll})|^\p{Lu}{2,}(?:\s+\p{Lu}{2,}){1,2}(?=\s+\p{Ll})/u.exec(
      paragraph,
    );
  if (!shouted) return paragraph;
  const calm = shouted[0]
    .toLowerCase()
    .replace(
      /(^|\s)(\p{Ll})/gu,
      (_, space: string, letter: string) => space + letter.toUpperCase(),
    );
  return calm + paragraph.slice(shouted[0].length);
}

/** A quote credited to the person it calls by name is credited to nobody instead. */
const withoutAddressee =
  (bySlug: Map<string, Person>) =>
  (quote: FoundQuote): FoundQuote => {
    const speaker = quote.speaker ? bySlug.get(quote.speaker) : undefined;
    if (!speaker || !addressesByName(quote.text, speaker.name)) return quote;
    const { cap: _cap, ...rest } = quote;
    return { ...rest, speaker: null, method: 'NONE', sourceAsWritten: null };
  };

export function parseArticle(raw: string): ImportedArticle {
  const text = normaliseText(raw);
  const parts = parseStructure(text);
  // What the passes read; the stored paragraphs keep the article's own quotation marks.
  const analysed = mismatchedClosers(singleQuotesAsDouble(parts.paragraphs) ?? parts.paragraphs);
  const units: Unit[] = [
    // The headline is read as a title is: it names nobody new, but a title it gives someone
    // ("… praised by Business Secretary Sajid Javid") holds in the body.
    { text: parts.headline, origin: 'title', index: -2 },
    { text: parts.leadImage?.caption ?? '', origin: 'caption', index: -1 },
    ...analysed.map(
      (paragraph, index): Unit => ({ text: unshoutLeadingName(paragraph), origin: 'body', index }),
    ),
    ...parts.teasers.flatMap((t, index): Unit[] => [
      { text: t.title, origin: 'title', index },
      { text: t.summary, origin: 'teaser', index },
    ]),
  ];
  const credited = [
    ...parts.byline.authors,
    ...(parts.leadImage?.photographer ? [parts.leadImage.photographer] : []),
  ];
  const { people, mentions } = findPeople(units, credited);
  const bySlug = new Map(people.map((p) => [p.slug, p]));
  const ref = (slug: string) => ({ name: (bySlug.get(slug) as Person).name, slug });

  const bodyUnits = units.filter((u) => u.origin === 'body');
  const firstMentions = new Map<string, { roleAsWritten: string | null; firstParagraph: number }>();
  for (const unit of bodyUnits) {
    for (const mention of mentions.get(unit) ?? []) {
      const seen = firstMentions.get(mention.slug);
      if (!seen)
        firstMentions.set(mention.slug, {
          roleAsWritten: mention.role,
          firstParagraph: unit.index,
        });
      else if (!seen.roleAsWritten && mention.role) seen.roleAsWritten = mention.role;
    }
  }
  const paragraphs = bodyUnits.map((unit) => ({ unit, mentions: mentions.get(unit) ?? [] }));
  const statedByText = genderInText(paragraphs);
  // The text's own pronouns outweigh what a given name suggests ("Lindsey" is not always a woman).
  const quotes = findQuotes(
    paragraphs,
    (slug) => statedByText.get(slug) ?? bySlug.get(slug)?.gender ?? null,
  );
  const photographer = parts.leadImage?.photographer;

  return {
    article: {
      headline: parts.headline,
      slug: slugify(parts.headline, 100, 'article'),
      authors: parts.byline.authors.map((name) => ref(slugify(collapse(name), 100, 'person'))),
      authorRole: parts.byline.role,
      leadImage: parts.leadImage && {
        title: parts.leadImage.title,
        caption: parts.leadImage.caption,
        credit: parts.leadImage.credit,
        agency: parts.leadImage.agency,
        photographer: photographer ? ref(slugify(photographer, 100, 'person')) : null,
      },
      paragraphs: parts.paragraphs,
    },
    people: people.map((p) => ({
      name: p.name,
      slug: p.slug,
      roleAsWritten: firstMentions.get(p.slug)?.roleAsWritten ?? null,
      aliases: p.aliases,
    })),
    mentions: [...firstMentions].map(([slug, m]) => ({ slug, ...m })),
    quotes: quotes.map(withoutAddressee(bySlug)).map(({ cap, ...q }) => ({
      ...q,
      speaker: q.speaker ? ref(q.speaker) : null,
      confidence: Math.min(
        METHOD_CONFIDENCE[q.method],
        cap ?? 1,
        q.speaker && READING_BACK.has(q.method) && !namedNear(paragraphs, q.speaker, q.paragraph)
          ? FAR_SPEAKER_CONFIDENCE
          : 1,
      ),
    })),
    teasers: parts.teasers,
    contentHash: createHash('sha256').update(`${IMPORTER_VERSION}\n`).update(text).digest('hex'),
  };
}

/**
 * The methods that find a speaker named elsewhere (a pronoun's antecedent, the speaker a quotation
 * goes on from): the others read the name in the quote's own attribution.
 */
const READING_BACK = new Set<AttributionMethod>(['PRONOUN', 'CONTINUATION']);

/**
 * Whether the speaker is named within NEAR_PARAGRAPHS of the quote's paragraph, before it or
 * after (a quotation over several paragraphs is kept at its first and may be credited in its last).
 */
function namedNear(
  paragraphs: { mentions: { slug: string }[] }[],
  slug: string,
  paragraph: number,
): boolean {
  const last = Math.min(paragraphs.length - 1, paragraph + NEAR_PARAGRAPHS);
  for (let i = Math.max(0, paragraph - NEAR_PARAGRAPHS); i <= last; i++)
    if (paragraphs[i]?.mentions.some((m) => m.slug === slug)) return true;
  return false;
}
