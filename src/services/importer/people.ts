// Finds the people an article names by full name, with their roles as written and the shorter forms
// (surnames, native-script names) the text also uses for them.
import {
  BETWEEN_SPEAKER_AND_VERB,
  EPONYMOUS_FIRMS,
  HONORIFICS,
  INVERTED_SPEECH_VERBS,
  LISTENER_VERBS,
  NON_PERSON_WORDS,
  ONE_NAME_HOLDERS,
  OTHER_HOLDER,
  POST_NOMINALS,
  ROLE_MODIFIERS,
  ROLE_NOUNS,
  ROLE_SUFFIX,
  ROLE_SYNONYMS,
  SENTENCE_OPENERS,
  SPEECH_VERBS,
  SPOKEN_DAY,
  TITLE_CASE_FUNCTION_WORDS,
  TITLES,
} from './lexicon.js';
import { type Gender, honorificGender, type NameSignals, nameSignals } from './names.js';
import { collapse, slugify } from './normalise.js';
import { PhraseIndex, type Place, placesByText } from './phrase-index.js';

export type Person = { name: string; slug: string; aliases: string[]; gender: Gender | null };

/** Where a text names a person: by full name, or by a surname or native-script alias. */
export type Mention = {
  slug: string;
  start: number;
  end: number;
  kind: 'full' | 'alias';
  /** The role written around this mention, before the name or as an appositive after it. */
  role: string | null;
  /** End of the appositive (", the spokesperson for …,") that follows the name, if any. */
  appositiveEnd: number | null;
  /** At most this confidence for a quote this mention decides: the name was a guess (a misspelling). */
  cap?: number;
};

export type Unit = {
  text: string;
  origin: 'byline' | 'caption' | 'body' | 'teaser' | 'title';
  index: number;
};

export const ABBREVIATED_TITLES =
  'Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Rev|Prof|Dr|Mr|Mrs|Ms|Supt|Insp|Det|Cllr|Coun|Cr|Adm|Maj|Cpl|Pvt|Atty|Comr|Const|Cst';
// A name word: "O'Rourke", "Ja'afari", "Ng'ang'a" (but not the possessive in "Putin's"), "DeSantis", "Abu-Bakr",
// "Keane-O'Dowd",
// "al-Assad", an initial ("J.", or "G" before a name as South Indian names write it: "G Satheesh
// Reddy"; never "A" or "I", which are words) or run-together initials ("J.B."), or an abbreviated
// title inside a run ("Florida Gov. Ron DeSantis").
// Not a post-nominal in title case ("Esq.", "Ph.D."): it follows a name without being part of it.
/** "Michael Mullen, Sr. vice president": before an office, "Sr." is its "senior", no suffix. */
const NOT_SENIOR_OFFICE = String.raw`(?!\s+(?:vice|executive|director|manager|editor|partner|analyst|advis[eo]r|counsel|associate|officer|fellow|lecturer|research|policy|consultant|scientist|economist|strategist|correspondent|producer|engineer|pastor|staff|program|programme)(?![\p{L}]))`;
// Nor a pronoun or determiner opening the next sentence: "with a small D. It is un-American".
const NAME_WORD = String.raw`(?!(?:Esq|Ph)(?!\p{Ll}))(?!(?:It|He|She|We|They|The|This|That|Its|Their|There)(?![\p{L}'’-]))(?:(?:${ABBREVIATED_TITLES})\.(?=\s)|(?:Jr|Sr)\.${NOT_SENIOR_OFFICE}|\p{Lu}(?:'\p{Lu})?\p{Ll}+(?:'(?!s(?![\p{L}]))\p{Ll}+)*(?:\p{Lu}\p{Ll}+)?(?:-(?:\p{Lu}'\p{Lu}\p{Ll}+|\p{L}\p{Ll}*))*|(?:al|el|bin|ibn|van|de|di|da|le|la|du)-?\p{Lu}\p{Ll}+|(?:\p{Lu}\.){1,6}(?:\p{Lu}\p{Ll}+(?=\s))?|\p{Lu}{2}(?=\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?(?![\p{L}'-]*\s+\p{Lu}))|(?![AI]\s)\p{Lu}(?=\s+(?:\p{Lu}\s+)?\p{Lu}\p{Ll})|(?<=\p{Lu}\p{Ll}+\s)[AI](?=\s+\p{Lu}\p{Ll}+(?![\p{L}'-]*\s+\p{Lu})))`;
/** Words between a given name and a surname: "Virgil van Dijk", "Staffan de Mistura". */
const PARTICLE_WORDS = [
  ...['de', 'da', 'di', 'del', 'della', 'dela', 'delos', 'van', 'von', 'der', 'den', 'ten', 'ter'],
  ...['bin', 'binti', 'bint', 'al', 'la', 'le', 'du', 'dos', 'das', 'ibn', 'af', 'zu', 'wa'],
];
// "O" as in "Karen O Connell", an Irish surname written without its apostrophe. Up to two stand
// together: "Ursula von der Leyen", "Juan de la Cruz".
export const PARTICLE = `(?:${[...PARTICLE_WORDS, 'O'].join('|')})`;
/** Particles a name may write in capitals and later not ("El-Hajj", then "el-Hajj"); not "O". */
const LOWERCASE_PARTICLES = new Set([...PARTICLE_WORDS, 'el']);
/** A short form opening with a particle in capitals, then the rest of the name: "El-Hajj", "De Mistura". */
const isParticleLed = (form: string) => {
  const lead = /^(\p{Lu}\p{Ll}*)(?:-|\s+)\p{Lu}/u.exec(form)?.[1];
  return lead !== undefined && LOWERCASE_PARTICLES.has(lead.toLowerCase());
};
// A generational suffix ends a name and belongs to it: "Vicente Sotto III" is not "Vicente Sotto",
// nor "Eli M. Remolona, Jr." (the comma as house styles write it) "Eli M. Remolona".
// "V" only where no full stop follows: "Maria Luisa V. Cruz" has an initial.
const GENERATIONAL = String.raw`(?:\s+(?:(?:II|III|IV)(?![\p{L}'-])|V(?![\p{L}'.-]))|,\s+(?:Jr|Sr)\.${NOT_SENIOR_OFFICE})?`;
/** One more word of a name, perhaps after particles. */
const NAME_RUN = String.raw`(?:\s+(?:${PARTICLE}\s+){0,2}(?:${NAME_WORD}))`;
// "Amy St. Eve", "Jo St. John": "St." inside a name is a surname's Saint, not a sentence's end. It
// closes the name with one word more, and nothing capitalised after ("Baker St. Maria Lopez said"
// is a street, then a name).
const SAINT_SURNAME = String.raw`\s+St\.\s+\p{Lu}\p{Ll}+(?![\p{L}'’-]|\s+\p{Lu})`;
const NAME_SEQUENCE = new RegExp(
  String.raw`(?<![\p{L}'-])(?:${NAME_WORD})(?:${NAME_RUN}{0,8}${SAINT_SURNAME}|${NAME_RUN}{1,9}${GENERATIONAL})(?![\p{L}])`,
  'gu',
);
/** A generational suffix as a name's last word, as GENERATIONAL lets it end a name. */
const GENERATION_WORD = /^(?:II|III|IV|V|Jr\.?|Sr\.?)$/;
/** A name's words without its generational suffix: the surname is "Sotto" in "Vicente Sotto III". */
function withoutSuffix(tokens: string[]): string[] {
  const last = tokens.length - 1;
  return last > 1 && GENERATION_WORD.test(tokens[last] as string)
    ? [...tokens.slice(0, last - 1), (tokens[last - 1] as string).replace(/,$/, '')]
    : tokens;
}
const NATIVE_ALIAS =
  /^\s*\(([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Greek}][^()]*)\)/u;
const HONORIFIC_BEFORE =
  /\b(?:Mr|Mrs|Ms|Mx|Dr|Rev|Prof|Sen|Rep|Gov|Gen|Col|Capt|Sgt|Sir|Dame|Lord|Lady)\.?\s*$/;

const bare = (word: string) => word.toLowerCase().replace(/\.$/, '');

/** A word naming a role or occupation: a title, a known role noun, or an occupational ending. */
export function isRoleWord(word: string): boolean {
  const plain = bare(word).replace(/'s$/, '');
  const singular = plain.replace(/s$/, '');
  return (
    TITLES.has(plain) ||
    misspeltTitle(word) ||
    ROLE_NOUNS.has(plain) ||
    ROLE_NOUNS.has(singular) ||
    // "Undersecretary", "Vicechair": an office below or beside a known one, written as one word.
    TITLES.has(plain.replace(/^(?:under|vice|sub)-?(?=\p{Ll}{4})/u, '')) ||
    // "Norman", "Damian": a known given name only looks like an occupation by its ending; and
    // an ending alone in capitals ("Holder", "Keeper") is a surname, where "seller" is a role.
    (plain.length > 5 &&
      ((ROLE_SUFFIX.exec(plain)?.index ?? 0) > 0 || /^\p{Ll}/u.test(word)) &&
      ROLE_SUFFIX.test(plain) &&
      !nameSignals(word).givenName) ||
    // "off-spinner", "right-back", "co-pilot": a role noun qualified by a word before its hyphen.
    (/^\p{Ll}{2,5}-/u.test(plain) && ROLE_NOUNS.has(plain.slice(plain.indexOf('-') + 1))) ||
    // "Attorney-General", "Director-General": an office joined of role words.
    (plain.includes('-') &&
      plain
        .replace(/-elect$/, '')
        .split('-')
        .every((part) => TITLES.has(part) || ROLE_NOUNS.has(part)))
  );
}

/** A title or role noun as such, without the occupational endings that also end given names (Damian). */
const isTitleWord = (word: string) =>
  TITLES.has(bare(word)) || ROLE_NOUNS.has(bare(word)) || misspeltTitle(word);

/** "Farmers", "Teachers": only the singular is a role word. */
/** Abbreviated titles of several people at once: "Cllrs A and B", "Messrs A and B". */
const PLURAL_TITLES = /^(?:Cllrs|Crs|Sens|Reps|Drs|Profs|Messrs|Mmes|Garda[ií])\.?$/;

function pluralRole(word: string): boolean {
  const plain = bare(word);
  return (
    /[^s]s$/.test(plain) &&
    !TITLES.has(plain) &&
    !ROLE_NOUNS.has(plain) &&
    isRoleWord(word.slice(0, -1))
  );
}

// Long titles only: a one-letter slip in a short word ("Mr", "Gen") makes another word too easily.
const LONG_TITLES = [...TITLES].filter((t) => t.length >= 6);
const misspelt = new Map<string, boolean>();

/**
 * "Finance Minster Jo Ray", "Minster Ray said": a capitalised word one edit from a title is that
 * title mistyped, unless it is a given name in its own right. Remembered, as words repeat.
 */
function misspeltTitle(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}{5,}$/u.test(word)) return false;
  const known = misspelt.get(word);
  if (known !== undefined) return known;
  const plain = word.toLowerCase();
  const typo =
    !TITLES.has(plain) &&
    LONG_TITLES.some((t) => oneEditApart(plain, t)) &&
    !nameSignals(word).personWord;
  if (misspelt.size > 10_000) misspelt.clear();
  misspelt.set(word, typo);
  return typo;
}

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'its',
  'their',
  'our',
  'whose',
  'one',
  'two',
]);

// Quantifiers open a sentence as determiners do: "Every Test match", "Both Rohit and …".
const QUANTIFIERS = [
  'both',
  'every',
  'each',
  'all',
  'any',
  'some',
  'many',
  'most',
  'no',
  'either',
  'neither',
  'several',
  'few',
  'another',
];

const LEADING_NON_NAME = new Set([
  ...DETERMINERS,
  ...QUANTIFIERS,
  ...SENTENCE_OPENERS,
  'said',
  'says',
  'told',
  // "incumbent Democrat Kathy Haigh": a party member's label, before the name.
  'democrat',
  'republican',
  'tory',
]);

/** Words that open places' names, and so the names of teams and bodies called after them. */
const PLACE_OPENERS = new Set([
  'San',
  'Santa',
  'Santo',
  'Los',
  'Las',
  'El',
  'Saint',
  'Fort',
  'Port',
]);

// "St. Lawrence Seaway", "Mt. Kenya", "Ft. Worth": an abbreviation that opens a place's name.
const PLACE_ABBREVIATION = /(?<![\p{L}])(?:St|Ste|Mt|Ft|Pt)\.\s*$/u;

const MODIFIER = /-(?:based|born|led|backed|owned|run|era|style|made|funded|linked)$/;
// "Tiger Shroff-starrer": a compound modifier whose first part ends a name ("a Jo Lee-starrer", "the
// Modi-led government"); the name stops at the hyphen.
const NAME_THEN_MODIFIER = /-(?:based|led|backed|owned|run|era|style|funded|linked|starrer)$/;
/** "Shroff-starrer" after a name: the film stars them, so the name is a person's. */
const STARRER = /^-starr(?:er|ing)(?![\p{L}])/u;

type Candidate = { unit: Unit; start: number; end: number; tokens: string[]; titles: string[] };

/** A verb after a noun phrase's head, or a word a verb may open with. */
const ACTING_AFTER_OFFICE =
  /^(?:\p{Ll}+ed|\p{Ll}+s|has|had|is|was|will|would|should|could|can|may|must|did|does|also|then|said|told|met|spoke|made|took|gave|went|came|left|wrote|sent|set|put|kept|held)$/u;

/**
 * "Taoiseach Enda Kenny … the Taoiseach said": a capitalised word the text also uses as "the X",
 * on its own, is an office, so before a name it is that person's title. Titles the lexicon does
 * not know are found this way.
 */
function definiteOffices(units: Unit[]): Set<string> {
  const offices = new Set<string>();
  for (const unit of units)
    for (const m of unit.text.matchAll(
      /(?<![\p{L}])the\s+(\p{Lu}\p{Ll}{3,})(?=\s+(\p{Ll}+)|[,.;:!?])/gu,
    )) {
      // "the Taoiseach said", "the Taoiseach should": an office acting. "the Wong family", "the
      // Park government": a name describing a noun.
      if (m[2] !== undefined && !ACTING_AFTER_OFFICE.test(m[2])) continue;
      if (!nameSignals(m[1] as string).givenName) offices.add(m[1] as string);
    }
  return offices;
}

/** Finds candidate names in every unit, with the title words that precede them split off. */
function candidates(units: Unit[]): Candidate[] {
  const found: Candidate[] = [];
  const offices = definiteOffices(units);
  for (const unit of units) {
    for (const match of unit.text.matchAll(NAME_SEQUENCE)) {
      if (PLACE_ABBREVIATION.test(unit.text.slice(Math.max(0, match.index - 6), match.index)))
        continue;
      // "Lafayette Woods, Jr.": the name is "Lafayette Woods Jr.", the comma only house style.
      const suffixComma = /,\s+(?:Jr|Sr)\.$/.test(match[0]) ? 1 : 0;
      const all = match[0].replace(/,(?=\s+(?:Jr|Sr)\.$)/, '').split(/\s+/);
      // "Nina Conti Live At The Apollo": a function word in capitals inside the run makes it a
      // work's title, not a name.
      if (all.slice(1).some((word) => TITLE_CASE_FUNCTION_WORDS.has(word))) continue;
      // Everything up to the last title word is a title or role: "Russian President Vladimir Putin".
      let cut = 0;
      // A plural role noun names a body, not a title: "Federated Farmers Mid Canterbury president".
      // Opening the run, it is the title of names listed together: "Cllrs Paddy Bracken and …".
      for (let i = 0; i < all.length - 2; i++)
        if (
          (isRoleWord(all[i] as string) && (!pluralRole(all[i] as string) || i === 0)) ||
          (i === 0 && (PLURAL_TITLES.test(all[0] as string) || offices.has(all[0] as string)))
        )
          cut = i + 1;
      const titleCount = cut;
      // "State Minister Chanaka": roles and a surname refer to someone; they name nobody new.
      const head = all.slice(0, -1);
      if (
        head.length >= 2 &&
        head.some((w) => isTitleWord(w)) &&
        head.every((w) => isTitleWord(w) || ROLE_MODIFIERS.has(bare(w)))
      )
        continue;
      // A sentence may open with a capitalised word that starts no name: "The Kremlin", "But Ann Lee".
      // So may a compound modifier: "a Gaza-based Hamas official", "Kenyan-born".
      // An initial is no article: "R. Tolliver Ashgrove". A nationality describes the name after it:
      // "American Dakota Pellingham" (and a doubled one, a typo, as well).
      while (
        cut < all.length - 1 &&
        ((LEADING_NON_NAME.has(bare(all[cut] as string)) &&
          !/^(?:\p{Lu}\.){1,6}$/u.test(all[cut] as string)) ||
          MODIFIER.test(all[cut] as string) ||
          // "Man-of-the-Match Shakib Al Hasan": a hyphenated description.
          /-(?:of|the|in|on|for)-/i.test(all[cut] as string) ||
          // "H E Hakan Fidan", "H.E. Jo Roe": His or Her Excellency.
          (all[cut] === 'H' && all[cut + 1] === 'E') ||
          // "Tan Sri Muhammad Shafee", "Puan Sri …": a Malaysian honorific of two words ("Sri"
          // alone opens "Sri Lanka").
          (/^(?:Tan|Puan|Toh)$/.test(all[cut] as string) && all[cut + 1] === 'Sri') ||
          (all[cut] === 'Sri' && /^(?:Tan|Puan|Toh)$/.test(all[cut - 1] ?? '')) ||
          (all[cut] === 'E' && all[cut - 1] === 'H') ||
          /^H\.E\.$/.test(all[cut] as string) ||
          // Two capitals are initials ("RS Francisco") unless they name a place or a body ("US").
          (/^\p{Lu}{2}$/u.test(all[cut] as string) &&
            nameSignals(all[cut] as string).organisationOrPlace) ||
          (cut < all.length - 2 && nameSignals(all[cut] as string).demonym) ||
          // "Describing Mr Sinclair as …", "Thanking Jo Roe": a verb opening the sentence, when a
          // title or a whole name follows it ("Stirling Hinchliffe" is a name of two words).
          // "Describing Bongani as a disciplined child", "Calling Cherian's remarks …": so does
          // one whose object goes on with "as" or is a possessive.
          (cut === 0 &&
            nameSignals(all[0] as string).gerund &&
            (all.length > 2 ||
              isTitleWord(all[1] as string) ||
              /^(?:\s+as\s|['’]s\s)/.test(unit.text.slice(match.index + match[0].length)))))
      )
        cut++;
      const titles = all.slice(0, titleCount);
      const words = all.slice(cut);
      const lastWord = words.at(-1) as string;
      if (NAME_THEN_MODIFIER.test(lastWord) && lastWord.split('-').length === 2)
        words[words.length - 1] = lastWord.slice(0, lastWord.indexOf('-'));
      let offset =
        cut === 0
          ? match.index
          : match.index +
            match[0].indexOf(
              words.join(' ').split(' ')[0] as string,
              all.slice(0, cut).join(' ').length,
            );
      // "Match-winner Bruno Fernandes", "Patrol Jeffrey Maddrey": a run may end in a name that
      // starts at a known given name, with capitalised words before it that are not part of it.
      const givenAt = words.findIndex(
        (_, i) => i < words.length - 1 && nameSignals(words.slice(i).join(' ')).givenName,
      );
      // Initials, names the library knows, and words no English dictionary has stay: "O. Joseph
      // Boeckmann", "Lewis Gilbert Shirley", "Musa Ali Alzuain".
      const initials = words
        .slice(0, Math.max(givenAt, 0))
        .every(
          (w) =>
            /^(?:\p{Lu}\.){1,6}$/u.test(w) ||
            nameSignals(w).personWord ||
            (nameSignals(w).foreignWord && !NON_PERSON_WORDS.has(bare(w))),
        );
      // Straight after a title the whole run is the name, given names the library does not know
      // included: "Interior Minister Mostafa Mohammad Najjar".
      const afterTitle = titleCount > 0 && cut === titleCount;
      // "the San Antonio Spurs", "Los Angeles": a given name after a place's opening word belongs
      // to the place's name, and so does the rest of the run.
      if (givenAt > 0 && PLACE_OPENERS.has(words[givenAt - 1] as string)) continue;
      if (givenAt > 0 && !initials && !afterTitle && !nameSignals(words.join(' ')).givenName) {
        words.splice(0, givenAt);
        offset = match.index + match[0].lastIndexOf(words.join(' '));
      }
      // "Mr Lewis", "President Trump": a title and a surname refer to someone; they name nobody new.
      // "The Fisheries Minister": a run ending in a title is a role, not a name (but occupations
      // are surnames too: "Charlie Baker").
      // "eyewitness Yessin B.": a name withheld to its initial is nobody the archive can know.
      if (words.length === 2 && /^\p{Lu}\.$/u.test(words[1] as string)) continue;
      if (
        words.length < 2 ||
        (words.length === 2 && isTitleWord(words[0] as string)) ||
        // A title word right after a known given name is a surname: "Judge Christopher Prince",
        // and so is a word one letter from a title: "Councillor Amanda Serjeant".
        ((TITLES.has(bare(words.at(-1) as string)) || misspeltTitle(words.at(-1) as string)) &&
          !nameSignals(words.at(-2) as string).givenName &&
          // "J.B. King": after initials, a title word is a surname.
          !(
            /^(?:\p{Lu}\.){2,3}$/u.test(words.at(-2) as string) &&
            !['U.S.', 'U.K.', 'U.N.', 'E.U.'].includes(words.at(-2) as string)
          ))
      )
        continue;
      found.push({
        unit,
        start: offset,
        end: offset + words.join(' ').length + suffixComma,
        tokens: words,
        titles,
      });
    }
  }
  return found;
}

/** "Libraries" → "library", "Schools" → "school": a plural as the lexicon lists it. */
const singularOf = (word: string) => word.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');

function isNonPerson(tokens: string[]): boolean {
  return (
    tokens.some(
      (t) => NON_PERSON_WORDS.has(bare(t)) || NON_PERSON_WORDS.has(singularOf(bare(t))),
    ) ||
    tokens.every((t) => /^(?:\p{Lu}\.){1,6}$/u.test(t)) ||
    // "the Rancho Bernardo-area sites", "a Leeds-based firm": a place made an adjective.
    /-(?:area|based|born|led|backed|owned|style|era|bound|made)$/.test(tokens.at(-1) ?? '') ||
    // "al-Qadim al-Jadid reported": a person's name has a given name before its particles ("Ali
    // al-Qadim"); particles alone name a newspaper or a channel.
    tokens.every((t) => /^\p{Ll}+-\p{Lu}/u.test(t))
  );
}

/** A given name, then a word the library reads as no place by itself: a place only as a pair. */
function placeNamedLikePerson(tokens: string[], signals: NameSignals): boolean {
  return (
    tokens.length === 2 &&
    !signals.organisation &&
    nameSignals(tokens[0] as string).givenName &&
    !nameSignals(tokens[1] as string).organisationOrPlace &&
    !NON_PERSON_WORDS.has(bare(tokens[1] as string))
  );
}

/** Words of places that are also common surnames; not bodies' ("Grace Church said" is a church's). */
const LANDSCAPE_SURNAMES = new Set(
  'lake bridge street river hill valley island forest coast bay port'.split(' '),
);

/**
 * "Coastal councillor David East": a known given name after a role, with only the surname a word
 * that places and bodies also use, is a person.
 */

function personDespiteSurname(c: Candidate): boolean {
  // "Judge Simeon T. Lake III": middle initials and a generational suffix stand outside the pair.
  const core = withoutSuffix(c.tokens).filter((t, i) => i === 0 || !/^(?:\p{Lu}\.)+$/u.test(t));
  const [given, surname] = core as [string, string];
  const { text } = c.unit;
  // "Mary Lake said": the subject of a speech verb, not a place's ("in Mary Lake", "the Mary Lake").
  const speaks =
    LANDSCAPE_SURNAMES.has(bare(surname ?? '')) &&
    SPEECH_VERBS.has(/^\s+(\p{Ll}+)/u.exec(text.slice(c.end, c.end + 20))?.[1] ?? '') &&
    !/(?<![\p{L}])(?:the|in|at|of|from|to|near|on|by)\s+$/iu.test(
      text.slice(Math.max(0, c.start - 6), c.start),
    );
  return (
    core.length === 2 &&
    !NON_PERSON_WORDS.has(bare(given)) &&
    // A title before the name vouches for a given name the library does not know.
    (nameSignals(given).givenName || c.titles.length > 0) &&
    // "Ruth Mayfair, director of nursing, said": a role in apposition is as telling as one before.
    (c.titles.length > 0 ||
      statLine(c) ||
      speaks ||
      roleBefore(text, c.start) !== null ||
      appositiveAfter(text, c.end, c.start) !== null)
  );
}

/**
 * "Christian Ardleigh slotting in his third": a given name that is also a word of bodies ("Christian",
 * "Central") before a surname the library reads as a person's, acting with "his" or "her".
 */
function personDespiteGivenName(c: Candidate): boolean {
  const [given, surname] = c.tokens;
  return (
    c.tokens.length === 2 &&
    NON_PERSON_WORDS.has(bare(given as string)) &&
    !NON_PERSON_WORDS.has(bare(surname as string)) &&
    nameSignals(c.tokens.join(' ')).personLike &&
    ownsGenderedPronoun(c)
  );
}

/**
 * A name used as an attribute, not for a person: "a Perikatan Nasional MP" (a member of the
 * body, after "a" and before a role), "support to Al Shebab group" (the kind of body right after).
 */
function namesAnAttribute(c: Candidate): boolean {
  // A person's name is used so too ("a Donald Trump adviser", "the Jacob Zuma faction"): only a
  // name that opens on no known given name is read as a body's.
  if (nameSignals(c.tokens[0] as string).givenName) return false;
  const { text } = c.unit;
  const after = text.slice(c.end, c.end + 40);
  if (BODY_KIND_AFTER.test(after)) return true;
  const role = /^\s+([\p{L}-]+)/u.exec(after)?.[1];
  return (
    role !== undefined &&
    isRoleWord(role) &&
    /(?:^|[\s,])[Aa]n?\s+$/u.test(text.slice(Math.max(0, c.start - 4), c.start))
  );
}

/** The kind of body a name is, right after it and in lowercase: "Al Shebab group". */
const BODY_KIND_AFTER =
  /^\s+(?:group|militia|movement|faction|rebels|insurgents|militants|gang|coalition|alliance)(?![\p{L}'’-])/u;

/**
 * "Mike Towns once ran the store alongside his father": a known given name before a surname that
 * is only the plural of a word of places or bodies ("towns", "banks"), when the text has the
 * person act as one.
 */
function personDespitePluralSurname(c: Candidate, speaking: Speaking): boolean {
  const [given, surname] = c.tokens as [string, string];
  return (
    c.tokens.length === 2 &&
    !NON_PERSON_WORDS.has(bare(given)) &&
    !NON_PERSON_WORDS.has(bare(surname)) &&
    /\p{Ll}s$/u.test(surname) &&
    nameSignals(given).givenName &&
    (ownsGenderedPronoun(c) || speaking.has(surname) || hasPersonEvidence(c, speaking))
  );
}

/**
 * "Emergency services minister Jihad Dib warned": a lowercase role right before two name words
 * makes them a person's, though the first is also a word of bodies ("Islamic Jihad").
 */
function personAfterLowercaseRole(c: Candidate): boolean {
  return (
    c.tokens.length === 2 &&
    !NON_PERSON_WORDS.has(bare(c.tokens[1] as string)) &&
    lowercaseRoleBefore(c)
  );
}

/**
 * A nationality, as the library tags it or as the name of a place it knows makes one: "Tanzanian"
 * (Tanzania), "Ghanaian" (Ghana).
 */
function isNationality(word: string): boolean {
  if (nameSignals(word).demonym) return true;
  if (!/^\p{Lu}\p{Ll}+(?:an|ese)$/u.test(word) || nameSignals(word).givenName) return false;
  return [1, 2, 3].some((cut) => nameSignals(word.slice(0, -cut)).organisationOrPlace);
}

/** Where someone is from, as a noun the library does not tag: "Briton", "Dutchman", "Kiwi". */
const ORIGIN_NOUN = /^(?:Briton|Brit|Scot|Aussie|Kiwi|Yank|\p{Lu}\p{Ll}+(?:man|woman))$/u;

/**
 * "aid organisation Medecins Sans Frontieres (MSF)", "the Economic Freedom Fighters (EFF)": a body
 * the text names as such, or by the initials of its name (not initials that act: "SBY said").
 */
function isNamedBody(c: Candidate, speaking: Speaking): boolean {
  const { text } = c.unit;
  if (nameSignals(c.tokens.join(' ')).givenName) return false;
  if (c.titles.length === 0 && BODY_BEFORE.test(text.slice(Math.max(0, c.start - 30), c.start)))
    return true;
  const initials = /^\s*\((\p{Lu}{3,6})\)/u.exec(text.slice(c.end, c.end + 10))?.[1];
  return (
    initials !== undefined &&
    !speaking.has(initials) &&
    initialsOfRun(text.slice(Math.max(0, c.end - 80), c.end)).endsWith(initials)
  );
}

/**
 * The initials of the capitalised words in the run of a name ending `text`, across the particles
 * inside it: "EFF" for "Economic Freedom Fighters", "OPC" for "Office de Protection du Citoyen".
 */
function initialsOfRun(text: string): string {
  // Word by word from the end, not one regex: a run of capitals must not backtrack.
  const words = text.trimEnd().split(/\s+/);
  const initials: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i] as string;
    if (/^\p{Lu}/u.test(word)) initials.unshift(word[0] as string);
    else if (!RUN_PARTICLES.has(word)) break;
  }
  return initials.join('');
}
const RUN_PARTICLES = new Set(['of', 'de', 'du', 'des', 'la', 'le', 'for', 'and', 'the']);

/** A noun for a body right before its name: "aid organisation Medecins Sans Frontieres". */
const BODY_BEFORE =
  /(?<![\p{L}])(?:organi[sz]ation|charity|agency|group|company|firm|party|union|association|foundation|institute|coalition|newspaper|broadcaster|website|network|NGO)\s+$/u;

/** Honorifics of office that stand before a surname alone ("Honourable Mutsvangwa"). */
const STYLES = new Set(['honourable', 'honorable', 'hon', 'excellency', 'rt']);

/**
 * A word that describes a person and is never their given name: a nationality ("Kenyan",
 * "Briton"), a title ("Cmdr", "Senator"), an honorific ("Honourable"), or a vowelless abbreviation
 * ("Cmdr", "Sgt"; not initials: "TJ").
 */
export function describesPerson(word: string): boolean {
  if (nameSignals(word).givenName) return false;
  return (
    nameSignals(word).demonym ||
    ORIGIN_NOUN.test(word) ||
    isTitleWord(word) ||
    STYLES.has(bare(word)) ||
    /^\p{Lu}[b-df-hj-np-tv-xz]{1,4}\.?$/u.test(word)
  );
}

/**
 * A sentence's first word, which the library does not read as a name, before the surname of people
 * named with other given names: "Jail Harris for a year", not a person "Jail Harris".
 */
function opensOnWordBeforeSurname(c: Candidate, givenNames: Set<string>): boolean {
  const first = c.tokens[0] as string;
  if (c.tokens.length !== 2 || givenNames.has(first) || c.titles.length > 0) return false;
  const before = c.unit.text.slice(Math.max(0, c.start - 4), c.start);
  if (!/(?:^|[.!?]["”’]?\s+)$/u.test(before)) return false;
  const signals = nameSignals(first);
  return (
    !signals.givenName &&
    !signals.personWord &&
    !humanMarked(c) &&
    roleBefore(c.unit.text, c.start) === null &&
    appositiveAfter(c.unit.text, c.end, c.start) === null
  );
}

/** Roles a company holds as often as a person: "chipmaker", "producer", "operator". */
const COMPANY_ROLES =
  /(?:maker|producer|manufacturer|owner|operator|provider|retailer|supplier|publisher)$/;

/** "receiver Tyreek Hill", "off-spinner Jo Lee": a role noun in lowercase right before the name. */
function lowercaseRoleBefore(c: Candidate): boolean {
  const word = /(?:^|\s)(\p{Ll}[\p{Ll}-]+)\s+$/u.exec(
    c.unit.text.slice(Math.max(0, c.start - 30), c.start),
  )?.[1];
  // Listed role nouns only: "chipmaker Taiwan Semiconductor" ends like an occupation, and a
  // company's maker or producer is no person.
  const role = word?.slice(word.lastIndexOf('-') + 1);
  return (
    role !== undefined &&
    ROLE_NOUNS.has(role) &&
    !COMPANY_ROLES.test(role) &&
    !nameSignals(c.tokens.join(' ')).organisation
  );
}

const ABBREVIATED_TITLE_WORD = new RegExp(String.raw`^(?:${ABBREVIATED_TITLES})\.$`, 'i');

/** The role written just before a name: "Senate Majority leader", "Outgoing US President". */

export function roleBefore(text: string, nameStart: number): string | null {
  // A role is a few words long: look back a bounded window, so long paragraphs stay linear.
  // "deputy commissioner (central) Zulfiquar Hasan": a short bracketed qualifier of the office.
  const before = text
    .slice(Math.max(0, nameStart - 200), nameStart)
    .replace(/\s+$/, '')
    .replace(/\s+\((?:\p{Ll}+\s?){1,3}\)$/u, '');
  const words = before.split(/\s+/);
  const role: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i] as string;
    const plain = bare(word.replace(/[,;:()"]+$/, ''));
    if (word !== word.replace(/[,;:()"]+$/, '') || /^[("]/.test(word) || /'s$/.test(word)) break;
    // "… would be the spokesman. Kristaps Porzingis": a lowercase word's full stop ends a sentence.
    // (Not an abbreviated title written in lowercase: "added coun. Jo Lee".)
    if (/^\p{Ll}{3,}[.!?]$/u.test(word) && !ABBREVIATED_TITLE_WORD.test(word)) break;
    const isCapitalised = /^\p{Lu}/u.test(word);
    const sentenceStart = i === 0 || /[.!?:"]$/.test(words[i - 1] ?? '');
    if (sentenceStart && SENTENCE_OPENERS.has(plain)) break;
    // "Commissioner of Transport and Inland Waterways": an office's capitalised remit.
    const joinsOffice =
      OFFICE_JOINERS.has(word) &&
      /^\p{Lu}/u.test(role[0] ?? '') &&
      /^\p{Lu}/u.test(words[i - 1] ?? '');
    if (
      isCapitalised ||
      joinsOffice ||
      ROLE_NOUNS.has(plain) ||
      ROLE_MODIFIERS.has(plain) ||
      TITLES.has(plain) ||
      // "off-spinner Ravichandran Ashwin": a qualified role noun next to the name.
      (role.length === 0 && plain.includes('-') && isRoleWord(plain)) ||
      // "behavioral ecologist Inga Geipel", "Otak-Otak seller Khoo Chai Heng": an occupation by its
      // ending next to the name (not "assist", "insist": a verb ends in "-sist").
      (role.length === 0 &&
        plain.length > 5 &&
        (/[^s]ist$/.test(plain) || ROLE_SUFFIX.test(plain)) &&
        !/sist$/.test(plain) &&
        isRoleWord(plain))
    )
      role.unshift(word);
    else break;
    if (sentenceStart) break;
  }
  // Joiners belong to an office's remit only: "Majority leader Mitch McConnell and House Speaker"
  // is two people, so the role starts after the last joiner not inside one.
  const ofAt = role.findIndex((w, k) => w === 'of' && k > 0 && isRoleWord(role[k - 1] as string));
  const cutAt = role.findLastIndex((w, k) => OFFICE_JOINERS.has(w) && (ofAt < 0 || k < ofAt));
  // "Prime Minister and Minister of Foreign Affairs Sheikh …": two offices the one person holds.
  const twoOffices =
    cutAt > 0 &&
    role[cutAt] === 'and' &&
    role.slice(0, cutAt).every((w) => isRoleWord(w) || ROLE_MODIFIERS.has(bare(w).toLowerCase())) &&
    isRoleWord(role[cutAt - 1] as string);
  if (cutAt >= 0 && !twoOffices) role.splice(0, cutAt + 1);
  // The word next to the name must name a role; "Republican Donald Trump" has none. Or the role
  // is an office and its remit: "Commissioner of Transport and Inland Waterways Ade Olusanmi".
  const office = role.findIndex((w, k) => role[k + 1] === 'of' && isRoleWord(w));
  if (!isRoleWord(role.at(-1) ?? '') && office < 0) return null;
  const meaningful = role.filter((w) => !HONORIFICS.has(bare(w)));
  return meaningful.length ? meaningful.join(' ') : null;
}

/** What a body, a show or a scheme is "called": the name after it is no person's. */
const THING_CALLED =
  /\b(?:group|organi[sz]ation|campaign|company|firm|charity|movement|band|party|club|business|brand|body|coalition|network|initiative|website|app|show|programme|program|podcast|scheme|page)\s+(?:called|named|known\s+as)\s+$/;

const OFFICE_JOINERS = new Set(['of', 'and', 'for']);

const STORY_CREDIT =
  /\b(?:story|article|report|piece)\s+(?:was|is|has been)\s+(?:\p{Ll}+ly\s+)?(?:published|written|reported|filed|produced)\s+by\s+$/u;

// The agent noun of a passive participle: "Directed by Jo Lee" makes her the director.
const AGENT_NOUNS: ReadonlyMap<string, string> = new Map([
  ['directed', 'director'],
  ['produced', 'producer'],
  ['written', 'writer'],
  ['composed', 'composer'],
  ['edited', 'editor'],
  ['choreographed', 'choreographer'],
  ['designed', 'designer'],
  ['founded', 'founder'],
  ['coached', 'coach'],
  ['managed', 'manager'],
]);

/**
 * "Chief Executive Officer of Norvale Energy, Mr Jo Lee, said …": a role opening the sentence, set
 * off by a comma before the name, which another comma closes.
 */
function frontedRole(text: string, nameStart: number, nameEnd: number): string | null {
  if (!/^,/.test(text.slice(nameEnd, nameEnd + 1))) return null;
  const fronted =
    /(?:^|[.!?]["”’]?\s+)((?:The\s+)?\p{Lu}[^,;:"”“]{2,80}?),\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|\p{Lu}{2,4})\.?\s+)?$/u.exec(
      text.slice(Math.max(0, nameStart - 120), nameStart),
    );
  const phrase = fronted?.[1];
  if (!phrase) return null;
  const words = phrase.replace(/^The\s+/, '').split(/\s+/);
  // "Head of …", "Spokesperson for …", "Coach at …": the office, then its remit.
  const of = words.findIndex((w) => w === 'of' || w === 'for' || w === 'at');
  const head = of < 0 ? words : words.slice(0, of);
  // Every word of the office is capitalised or a role's ("Chief Executive Officer", "Head coach").
  if (head.length === 0 || head.length > 4 || !isRoleWord(head.at(-1) as string)) return null;
  if (!head.every((w) => /^\p{Lu}/u.test(w) || isRoleWord(w) || ROLE_MODIFIERS.has(w))) return null;
  return phrase;
}

/**
 * "according to his attorney, Adi Kedar", "Tsarnaev's lawyer, Judy Clarke, said": a role someone
 * holds for another, set off by a comma before the name, for a later "the lawyer" to refer back to.
 */
function possessedRole(text: string, nameStart: number): string | null {
  const owned =
    /(?<![\p{L}])(?:his|her|their|its|\p{Lu}[\p{L}'-]*['’]s)\s+((?:\p{Ll}[\p{L}-]*\s+)?(\p{Ll}+)),\s+$/u.exec(
      text.slice(Math.max(0, nameStart - 60), nameStart),
    );
  return owned && isRoleWord(owned[2] as string) ? (owned[1] as string) : null;
}

/**
 * "Directed by Jo Lee and produced by …", "a film written by Jo Lee": the role a passive participle
 * gives the name after "by", for a later "the director" to refer back to.
 */
function agentRole(text: string, nameStart: number): string | null {
  const verb = /(?<![\p{L}])(\p{L}+)\s+by\s+$/u.exec(
    text.slice(Math.max(0, nameStart - 30), nameStart),
  )?.[1];
  return verb ? (AGENT_NOUNS.get(verb.toLowerCase()) ?? null) : null;
}

/** An appositive after a name: "Dmitry Peskov, the spokesperson for …," → its text and end offset. */
export function appositiveAfter(
  text: string,
  nameEnd: number,
  nameStart = nameEnd,
): { role: string; end: number } | null {
  // A native-script name in brackets ("Haruka Tanabe (田辺遥), a …") or an age ("Ana Torres, 34, the …")
  // may sit between the name and its role.
  const window = text.slice(nameEnd, nameEnd + 400);
  // So may a US lawmaker's party and state: "Sen. Jon Tester (D-Mont.), a fellow G20 member, …".
  const native =
    (NATIVE_ALIAS.exec(window) ?? /^\s*\([RDI](?:-[\p{L}. ]{1,16})?\)/u.exec(window))?.[0].length ??
    0;
  const age = /^,\s*\d{1,3}(?=,)/.exec(window.slice(native))?.[0].length ?? 0;
  // So may post-nominals ("Jo Lee MP, the shadow minister, …"); ", MP," takes its commas with it.
  const letters = POST_NOMINALS.exec(window.slice(native + age))?.[0].replace(/,$/, '').length ?? 0;
  const skipped = native + age + letters;
  // It ends at punctuation, or where the verb of the sentence follows with no comma: "Shekhar
  // Sangurde, father of a class 10 student said, …". Not after a determiner: in "After meeting Jo
  // Park, the minister said", "the minister" is the next clause's subject.
  const match =
    /^,\s+([^,;:"()]+?(?:\s*\([^)]*\)[^,;:"()]*?)?)(?=,|;|:|\.(?:\s|$)|$|\s+(?:said|says|told|added)\b)/u.exec(
      window.slice(skipped),
    );
  if (!match) return null;
  const role = collapse(match[1] ?? '');
  const words = role.split(' ');
  const first = bare(words[0] ?? '');
  const endsAtVerb = /^\s+\p{Ll}/u.test(window.slice(skipped + match[0].length));
  // Right after a quotation the name is its speaker, and what follows describes them:
  // `"…," Pramila Mishra, a resident of Dwarka Mor told IANS.`
  const speakerOfQuotation = /[,.!?]["”]\s*$/.test(
    text.slice(Math.max(0, nameStart - 3), nameStart),
  );
  // Nor after an honorific: in "In an interview with the Tyrone Constitution, Mr O'Neill said",
  // "Mr O'Neill" is the next clause's subject.
  if (endsAtVerb && (DETERMINERS.has(first) || HONORIFICS.has(first)) && !speakerOfQuotation)
    return null;
  const opensLikeRole =
    DETERMINERS.has(first) ||
    ROLE_MODIFIERS.has(first) ||
    isRoleWord(first) ||
    /^\p{Lu}/u.test(words[0] ?? '');
  // A relative clause may follow the role ("a materials scientist who analysed …"), not replace it.
  const clauseAt = words.findIndex((w) =>
    ['who', 'which', 'that', 'where', 'whose'].includes(bare(w)),
  );
  const head = clauseAt < 0 ? words : words.slice(0, clauseAt);
  // "a 67-year-old with diabetes from Gimhae": an age describes a person as a role does.
  const namesRole = head
    .slice(0, 6)
    .some((w) => (!DETERMINERS.has(bare(w)) && isRoleWord(w)) || /^\d{1,3}-year-old$/.test(w));
  const speech = head.some((w) => SPEECH_VERBS.has(bare(w)));
  if (!opensLikeRole || !namesRole || speech || words.length > 20) return null;
  return { role, end: nameEnd + skipped + (match[0]?.length ?? 0) };
}

function hasPersonEvidence(c: Candidate, speaking: Speaking): boolean {
  const { text } = c.unit;
  // Post-nominals ("Tom Reed QC said") stand between a name and what tells it is a person.
  const nameEnd = c.end + (POST_NOMINALS.exec(text.slice(c.end, c.end + 60))?.[0].length ?? 0);
  return evidenceAround({ ...c, end: nameEnd }, speaking);
}

/** What a player's line in a match report counts: "had 10 points", "with 17 runs". */
const STAT_NOUNS =
  /\d+\s+(?:points|rebounds|assists|goals|tries|runs|wickets|saves|tackles|yards|touchdowns|strikeouts|hits|birdies|aces)\b/;
const STAT_VERB =
  /^\s+(?:had|scored|made|claimed|added|finished\s+with|chipped\s+in\s+with|grabbed|kicked|took|(?:led|was\s+\p{Ll}+)\s[^.;]{0,40}?\bwith)\s+\d+/u;

/**
 * "Bismack Biyombo had 10 points", "… while David West finished with 10", "Jo Lee was outstanding
 * with 23 points": the subject of a
 * player's line in a sentence that counts points is a person.
 */
function statLine(c: Candidate): boolean {
  const { text } = c.unit;
  return STAT_VERB.test(text.slice(c.end, c.end + 60)) && STAT_NOUNS.test(text);
}

/** Nouns for a place's or a body's people: "schools", "residents", "firefighters", "officials". */
const COLLECTIVE_NOUN =
  /^(?:\p{Ll}+(?:ers|ents|ists|ials|ians|ees|ors)|schools|police|council|staff|people|fans|shares|state|city|county|team|club|voters|officers)$/u;

/** What a player does in a match report, right after their name. */
const PLAYER_ACT =
  /^\s+(?:converted|scored|netted|slotted|headed|nodded|curled|tapped|bagged|drilled|dunked|came\s+off\s+the\s+bench|ran\s+in|crossed\s+(?:over|for)|kicked\s+(?:a|the|his|her|two|three)|saved\s+(?:a|the|his|her))(?![\p{L}])/u;
/** Words of play: a paragraph of a match report holds one. */
const MATCH_WORDS =
  /(?<![\p{L}])(?:tries|try|goals?|penalt(?:y|ies)|minutes?|match|game|half|season|points|victory|defeat|league|cup|final|touchdowns?|innings|bench|quarter|three-pointer|rebounds?)(?![\p{L}])/iu;

/** A player's deed counted or set in a report: "two Greig Laidlaw penalties", "a late Jo Lee try". */
const PLAYER_DEED =
  /^\s+(?:penalties|penalty|tries|try|goals?|conversions?|drop-goals?|strikes?|headers?|saves?|braces?)(?![\p{L}])/u;

/**
 * "Katja Snoeijs converted the penalty", "two Greig Laidlaw penalties": in a match report a
 * two-word name acting as a player, or owning a player's deed, is a person's, though the library
 * knows neither word. Not a side's ("Aston Villa scored"): the library reads those as places or
 * bodies.
 */
function matchReportPlayer(c: Candidate): boolean {
  if (c.tokens.length !== 2) return false;
  const signals = nameSignals(c.tokens.join(' '));
  if (signals.organisationOrPlace || signals.demonym) return false;
  const { text } = c.unit;
  // A side may be a "Team"; and it is a match report only where the paragraph talks of play
  // ("Bitcoin Cash fell 12 percent" is markets). (A side named like a person, "Sale Sharks
  // scored", is taken for one: the library does not tell a plural from a surname in -s.)
  if (c.tokens[0] === 'Team') return false;
  if (!MATCH_WORDS.test(text)) return false;
  const next = text.slice(c.end, c.end + 40);
  if (PLAYER_ACT.test(next)) return true;
  return (
    PLAYER_DEED.test(next) &&
    /(?<![\p{L}])(?:a|an|two|three|four|five|his|her|\d+)\s+(?:(?:late|early|fine|stunning|second|first)\s+)?$/iu.test(
      text.slice(Math.max(0, c.start - 20), c.start),
    )
  );
}

/**
 * An appositive of any kind, then a word (a speech verb, checked by the caller); the day may come
 * between: "Jide Idris, at a press conference in Abuja, yesterday, disclosed".
 */
const APPOSITIVE_THEN_VERB = new RegExp(
  String.raw`^,[^,;"]{1,80},\s+(?:${SPOKEN_DAY},\s+)?(?:\p{Ll}+ly\s+)?(\p{Ll}+)`,
  'u',
);

function evidenceAround(c: Candidate, speaking: Speaking): boolean {
  const { text } = c.unit;
  if (c.titles.length || HONORIFIC_BEFORE.test(text.slice(Math.max(0, c.start - 12), c.start)))
    return true;
  if (roleBefore(text, c.start) || appositiveAfter(text, c.end, c.start)) return true;
  const next = text.slice(c.end, c.end + 100);
  if (NATIVE_ALIAS.test(next) || STARRER.test(next)) return true;
  // "Susilo Bambang Yudhoyono (SBY)" … "SBY said": the short name in brackets acts as a person.
  const short = /^\s+\((\p{Lu}[\p{L}]+)\)/u.exec(next)?.[1];
  if (short && speaking.has(short) && shortFormOf(short, c.tokens.join(' '))) return true;
  // An age in commas ("Margit Lindahl, 81, watched") or a "who" clause ("Fergus Dunleavy, who died"),
  // but not after a place set off in an appositive ("Jo Lee, from Te Awamutu, who said": Jo Lee's).
  // An age closing the sentence counts too ("identified as Lakeem Scott, 37.").
  // "with the help of Karleigh Huskins who was terrific": the clause may follow with no comma,
  // with a verb in the singular (British English gives a team "who were", "who have").
  if (
    /^,\s*\d{1,3}(?:[,.;]|$)/.test(next) ||
    (/^,\s+who\b/.test(next) &&
      !/,\s*(?:from|in|of|at|near)\s+$/.test(text.slice(Math.max(0, c.start - 10), c.start))) ||
    /^\s+who\s+(?:was|is|has)\b/.test(next)
  )
    return true;
  const before = text.slice(Math.max(0, c.start - 40), c.start);
  // Followed by a speech verb ("Jane Roe said", "Roe, 45, quietly added", "Jo Roe had alleged"),
  // but not "calling".
  // A word of time or manner may stand between: "Jane Roe today said", "Roe later told".
  // "V Narayanan on Wednesday said": the day may stand between too.
  const verb =
    /^(?:,\s*\d{1,3},)?\s+(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(?:(?:has|had|have|also|\p{Ll}+ly)\s+)?(\p{Ll}+)(?:\s+(\p{Ll}+))?/u.exec(
      text.slice(c.end, c.end + 60),
    );
  const spoken =
    verb?.[1] && verb[2] && BETWEEN_SPEAKER_AND_VERB.has(verb[1]) ? verb[2] : (verb?.[1] ?? '');
  // An appositive of any kind, then a speech verb: "Bashar Ja'afari, a fan from Leeds, said: …".
  const afterAppositive = APPOSITIVE_THEN_VERB.exec(text.slice(c.end, c.end + 140))?.[1] ?? '';
  if (SPEECH_VERBS.has(afterAppositive) && !LISTENER_VERBS.has(afterAppositive)) return true;
  // Where they are from, then a speech verb: "Kohatu McQueen from Te Kura o Whangaruru says".
  const afterBody =
    /^\s+(?:from|of)\s+(?:the\s+)?\p{Lu}[\p{L}'-]*(?:\s+(?:(?:o|a|de|da|du|la|le|and|&)\s+)?\p{Lu}[\p{L}'-]*){0,5},?\s+(\p{Ll}+)/u.exec(
      text.slice(c.end, c.end + 100),
    )?.[1] ?? '';
  if (SPEECH_VERBS.has(afterBody) && !LISTENER_VERBS.has(afterBody)) return true;
  // `"…," Jo Lee, in tears, told AFP`: right after a quotation's closing comma the name is who
  // spoke, whoever they told.
  if (
    /[,?!]"\s*$/.test(text.slice(Math.max(0, c.start - 4), c.start)) &&
    LISTENER_VERBS.has(afterAppositive)
  )
    return true;
  if (statLine(c)) return true;
  // "Norma Hill and her husband invested": family of their own, whatever the surname's other sense.
  if (
    /^\s+and\s+(?:his|her)\s+(?:husband|wife|partner|son|daughter|children|family|mother|father|brother|sister)\b/.test(
      next,
    ) &&
    // Not a place someone is in or leaves: "She left Glen Cove and her family stayed".
    !/(?<![\p{L}])(?:to|in|at|from|near|left|leave|leaving|visit|visited|into|of)\s+$/iu.test(
      text.slice(Math.max(0, c.start - 10), c.start),
    )
  )
    return true;
  if (matchReportPlayer(c)) return true;
  // "Jakelin Troy lives directly behind the house … and said both she and …": a sentence opening on
  // the name goes on, in the same clause, to what they said.
  // Not a place or body with a noun of its people after it ("Cedar Rapids schools closed early and
  // said", "Silver Spring residents met but said").
  const goesOn =
    /^\s+(\p{Ll}+)[^.;:"“”]{0,120}?\s(?:and|but)\s+(?:said|says|added)(?![\p{L}])/u.exec(
      text.slice(c.end, c.end + 160),
    );
  if (
    goesOn &&
    /(?:^|[.!?]["”]?\s+)$/u.test(text.slice(Math.max(0, c.start - 3), c.start)) &&
    !COLLECTIVE_NOUN.test(goesOn[1] as string) &&
    !nameSignals(c.tokens.join(' ')).organisationOrPlace &&
    (nameSignals(c.tokens[0] as string).givenName ||
      nameSignals(c.tokens[0] as string).foreignWord ||
      nameSignals(c.tokens.join(' ')).personLike)
  )
    return true;
  // "the Wales international Ceri Holland": a country's player (not "the international Silver
  // Spring festival": the adjective has no country before it).
  if (/(?<![\p{L}])\p{Lu}[\p{L}-]+\s+international\s+$/u.test(before)) return true;
  // An age written before the name: "37-year-old Savonnie McNeil".
  if (/\d+-year-old\s+$/.test(before)) return true;
  // Police naming someone: "identified him as Everton Brown", "identified as the victim Jo Roe".
  if (/\bidentified(?:\s+(?:him|her|them))?\s+as\s+(?:(?:the|a)\s+)?(?:\p{Ll}+\s+)?$/u.test(before))
    return true;
  // A story's credit: "This story was originally published by Jo Lee of KXYZ."
  if (STORY_CREDIT.test(text.slice(Math.max(0, c.start - 80), c.start))) return true;
  // "the Leader of Opposition in Rajya Sabha said": after a preposition the name is a place or a
  // body, and the verb is its head noun's.
  const object = /\b(?:in|at|of|from|for|to|with|on|into|by)\s+$/.test(before);
  if (SPEECH_VERBS.has(spoken) && spoken !== 'calling' && spoken !== 'call' && !object) return true;
  if (ownsGenderedPronoun(c) && !object) return true;
  const previous = /([\p{L}]+)\s*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  // "said Ann Lee" names a speaker; "told Yahoo Finance" names a listener, often an outlet.
  // "said Red Sox second baseman Dustin Pedroia": a name-like run before a role and a name is an
  // affiliation, not the speaker.
  const affiliation = /^\s+(?:\p{Ll}+\s+){0,2}?(\p{Ll}+)\s+\p{Lu}/u.exec(
    text.slice(c.end, c.end + 60),
  );
  // "Chalmers said Birdtail Sioux will …": a verb with its own subject before it reports a clause,
  // whose subject need not be a person; only an inverted "…," said Ann Lee" names a speaker.
  const subjectBefore = /(?:\p{Lu}[\p{L}'-]+|\b(?:he|she|they|it|we|I))\s+\p{Ll}+\s*$/u.test(
    before,
  );
  const speaksBefore =
    SPEECH_VERBS.has(previous) &&
    !subjectBefore &&
    !LISTENER_VERBS.has(previous) &&
    !(affiliation && isRoleWord(affiliation[1] as string));
  // "said a bewildered Rey Young": the speaker described on the way.
  const describedSpeaker = /(?<![\p{L}])(\p{Ll}+)\s+(?:a|an|the)\s+\p{Ll}+\s+$/u.exec(before)?.[1];
  if (describedSpeaker && INVERTED_SPEECH_VERBS.has(describedSpeaker)) return true;
  if (speaksBefore || /according to\s*$/i.test(before)) return true;
  // "two party ministers, Kshiti Goswami and Manohar Tirkey, resigned": a list in apposition to a
  // role noun names people, the first after the comma and the next after "and". The role may be
  // a capitalised office: "the Harbour Divisional Police Officer, Jo Ade, told …".
  const listed = /(\p{L}+),\s+(?:(?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:and|&)\s+)?$/u.exec(before);
  if (listed && isRoleWord(listed[1] as string)) return true;
  // "the captain of the national team, Ehsan Haddad,", "The Secretary-General of the Jordan
  // Football Association, Samar Nassar,": an office and its remit, then the name in apposition.
  const office =
    /(?<![\p{L}])(\p{L}[\p{L}-]*)\s+(?:of|for|at)\s+(?:the\s+)?(?:(?!(?:of|for|at)\s)[\p{L}'’-]+\s+){0,4}[\p{L}'’-]+,\s+$/u.exec(
      c.unit.text.slice(Math.max(0, c.start - 100), c.start),
    );
  if (office && isRoleWord(office[1] as string)) return true;
  const signals = nameSignals(c.tokens.join(' '));
  return (
    (speaking.has(c.tokens.at(-1) as string) &&
      (!signals.organisationOrPlace || placeButSpeaks(c, signals, speaking))) ||
    givenNameSpeaks(c, speaking, signals)
  );
}

/**
 * "Directed by Siddo Ranjal, …" / "…," Siddo said.": wire copy may refer to someone by the given
 * name alone once named in full, so a two-word name whose first word speaks on its own is a
 * person's, unless the library reads the phrase as a place or a body.
 */
function givenNameSpeaks(
  c: Candidate,
  speaking: Speaking,
  signals: ReturnType<typeof nameSignals>,
): boolean {
  const given = c.tokens[0] as string;
  return (
    c.tokens.length === 2 &&
    speaking.bySpeech.has(given) &&
    !signals.organisationOrPlace &&
    !NON_PERSON_WORDS.has(bare(given)) &&
    !isRoleWord(given) &&
    !nameSignals(given).organisationOrPlace
  );
}

// "a fan called Bethany", "another fan, Rosalind,", "her brother Michael": a holder, then a given name.
const ONE_NAME =
  /(?<![\p{L}])([Aa]n?|[Tt]he|[Aa]nother|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Mm]y)\s+(?:[\p{Ll}\d-]+\s+){0,2}?([\p{Ll}-]+)(\s+(?:called|named)\s+|,\s+|\s+)(\p{Lu}\p{Ll}+)(?![\p{L}'-])(?!\s+\p{Lu})/gu;
// `Tatyana, 58,`, `Les, who asked not to use his last name,`: one capitalised word, not after
// another, given an age or said to keep its surname back.
const ONE_NAME_DESCRIBED =
  /(?<![\p{L}'-])(?<!\p{Lu}[\p{L}'-]*\s)(\p{Lu}\p{Ll}+),\s+(?:\d{1,3},|who\s+(?:asked|wished|wanted|declined|refused|did\s+not|didn't|would\s+not|wouldn't|does\s+not|doesn't)\b[^.;:"]{0,40}?\b(?:last|family|full|sur)\s?name\b)/gu;
// "a protester who gave only her family name, Wong", "a citizen surnamed Yang", "two men identified
// only as Husen and Ismael": the text says outright that what follows is someone's (only) name.
export const NAME_ANNOUNCED = String.raw`(?<![\p{L}])(?:surnamed|identified\s+only\s+as|(?:gave|gives|giving)\s+only\s+(?:his|her|their)\s+(?:family|first|last|sur)\s?name,?)\s+`;
const NAME_GIVEN_AS = new RegExp(
  String.raw`${NAME_ANNOUNCED}(\p{Lu}\p{Ll}+)(?:\s+(?:and|or)\s+(\p{Lu}\p{Ll}+))?(?![\p{L}'-])(?!\s+\p{Lu})`,
  'gu',
);
// Capitalised words, then a short name in brackets: "Susilo Bambang Yudhoyono (SBY)".
const BRACKETED_SHORT_NAME =
  /(?<![\p{L}'-])(\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){1,5})\s+\((\p{Lu}\p{L}+)\)/gu;
// In brackets, a nickname is a word or initials ("Anthony (AJ) Smith"), never a body's acronym:
// "in Libya (UNSMIL) Tarek Mitri".
const NICKNAMED =
  /(?<![\p{L}'"-])(\p{Lu}\p{Ll}+)\s+(?:"(\p{Lu}[\p{L}'-]+)"|\((\p{Lu}\p{Ll}[\p{L}'-]*|\p{Lu}{1,3})\))\s+(\p{Lu}\p{Ll}[\p{L}'-]*)((?:\s+(?:II|III|IV)|,?\s+(?:Jr|Sr)\.)?)(?![\p{L}'-])/gu;
/** A speech verb whose speaker follows it: "said Jersha, who …". */
const INVERTED_SPEAKER = String.raw`\b(?:said|says|added|explained)\s+`;
/** An inverted speaker's one name, then a "who" clause or an age. */
const SPEAKER_WHO_OR_AGED = new RegExp(
  String.raw`${INVERTED_SPEAKER}(\p{Lu}\p{Ll}+),\s+(?:who\s|(?:an?\s+)?(?:\d{1,3}|[\p{Ll}-]+)-year-old\b|\d{1,3}[,.])`,
  'gu',
);
/** An inverted speaker's one name, then the noun saying who they are (checked by the caller). */
const SPEAKER_AND_RELATION = new RegExp(
  String.raw`${INVERTED_SPEAKER}(\p{Lu}\p{Ll}+),\s+(?:a|an|the|his|her|their|\p{Lu}\p{Ll}+['’]s)\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}-]+)(?=[,.;]|\s*$)`,
  'gu',
);
const POSSESSIVES = new Set(['his', 'her', 'their', 'our', 'my']);
const KIN = new Set(['brother', 'sister', 'son', 'daughter', 'father', 'mother', 'twin']);

/** The surname of the known person named last within a sentence or two before `at`. */
function surnameBefore(text: string, at: number, people: Person[]): string | null {
  const window = text.slice(Math.max(0, at - 200), at);
  let best: { index: number; surname: string } | null = null;
  for (const person of people) {
    const surname = person.name.split(' ').at(-1) as string;
    if (person.name.split(' ').length < 2) continue;
    const found = [
      ...window.matchAll(new RegExp(`(?<![\\p{L}])${escapeRegExp(surname)}(?![\\p{L}])`, 'gu')),
    ].at(-1);
    if (found && (!best || found.index > best.index)) best = { index: found.index, surname };
  }
  return best?.surname ?? null;
}

/** A given name the text uses alone; `setOff` when commas set it off ("her sister, Jasmine,"). */
type GivenNameOnly = { given: string; at: number; kin: boolean; setOff: boolean };

/**
 * People the text names by a known given name alone, introduced by who they are: "tweeted a fan
 * called Bethany", "said another fan, Rosalind, from Norway", "her brother Michael".
 */
function namedByGivenName(text: string): GivenNameOnly[] {
  const found: GivenNameOnly[] = [];
  for (const m of text.matchAll(ONE_NAME)) {
    const [, determiner, holder, joiner, given] = m as unknown as string[];
    if (!holder || !given || !determiner) continue;
    if (!isRoleWord(holder) && !ONE_NAME_HOLDERS.has(holder)) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    // Plainly after the holder only in the family's own words ("her brother Michael"); after a
    // comma only as an appositive, which closes.
    if (/^\s+$/.test(joiner ?? '') && !POSSESSIVES.has(determiner.toLowerCase())) continue;
    if (/^,/.test(joiner ?? '') && !/^(?:[,.;]|$)/.test(after)) continue;
    if (NON_PERSON_WORDS.has(bare(given))) continue;
    const kin = POSSESSIVES.has(determiner.toLowerCase()) && KIN.has(holder);
    // "Her 16-year-old sister, Jasmine, said", "A resident, Chima, who works …": a name set off
    // by commas after the noun it names is a name, known to the library or not.
    const signals = nameSignals(given);
    const setOff = /^,/.test(joiner ?? '');
    if (!signals.givenName && !(setOff && !signals.organisationOrPlace)) continue;
    found.push({ given, at: m.index + m[0].length - given.length, kin, setOff });
  }
  return found;
}

/**
 * "The Commissioner of Transport and Inland Waterways Ade Olusanmi": a role's capitalised words
 * run into the name after them, and the run as a whole names an organisation. When its last word
 * acts as a person elsewhere ("Olusanmi said"), its last two words (three after a given name) are the
 * person's name, if none of them is an organisation's or a role's word.
 */
/** An office's remit: capitalised words, with commas, "and", "&", "of", "for" and "the". */
const REMIT = /^(?:(?:\p{Lu}[\p{L}'-]*|and|&|of|for|the),?\s+)*$/u;

function inOfficeRemit(c: Candidate): boolean {
  if (c.tokens.length < 3 || c.titles.length) return false;
  const before = c.unit.text.slice(Math.max(0, c.start - 120), c.start);
  // "Commissioner of Works and", "Minister for Planning, Development and", "Minister of State for
  // Trade and": after "of" or "for", the remit (REMIT) runs into the candidate. The office is a role
  // word whose remit runs up to the name ("… of India, Minister of Tourism and"), not the first "of"
  // of the sentence.
  if (!/(?:and|for|of|&|the)\s+$/.test(before)) return false;
  for (const office of before.matchAll(/(\p{L}+)\s+(?:of|for)\s+/gu))
    if (
      isRoleWord(office[1] as string) &&
      REMIT.test(before.slice(office.index + office[0].length))
    )
      return true;
  return false;
}

/**
 * The name at the end of a run the words before it do not belong to: its surname speaks elsewhere
 * ("Finance Minister Office Jo Roe … Roe said"), or, after an office's remit, it needs not
 * ("Minister for Public Expenditure Jack Chambers": the remit, then the holder's two names).
 */
function speakingTail(c: Candidate, speaking: Set<string>, mustSpeak = true): Candidate | null {
  if (c.unit.origin === 'title' || c.tokens.length < 3) return null;
  if (mustSpeak && !speaking.has(c.tokens.at(-1) as string)) return null;
  const third = c.tokens.at(-3) as string;
  // "… of Tourism Tulsi Prasad Gautam": all three after the remit's last word are the name.
  const afterRemit = c.tokens.length > 3 && NON_PERSON_WORDS.has(bare(c.tokens.at(-4) as string));
  let size =
    // "… for Trade and Industry Lee Yi Shyan": a word the library knows as a name's opens it.
    c.tokens.length > 3 &&
    (nameSignals(third).givenName || nameSignals(third).personWord || afterRemit) &&
    !isRoleWord(third)
      ? 3
      : 2;
  // "… of the Opposition V D Satheesan": initials written without stops belong to the name.
  while (size < c.tokens.length - 1 && /^\p{Lu}$/u.test(c.tokens.at(-size - 1) as string)) size++;
  const tokens = c.tokens.slice(-size);
  if (isNonPerson(tokens) || tokens.some((t) => isRoleWord(t) || /^(?:\p{Lu}\.){1,6}$/u.test(t)))
    return null;
  if (nameSignals(tokens.join(' ')).organisationOrPlace) return null;
  const run = c.unit.text.slice(c.start, c.end);
  const at = run.search(new RegExp(`${tokens.map(escapeRegExp).join('\\s+')}$`, 'u'));
  if (at <= 0) return null;
  return { ...c, start: c.start + at, tokens, titles: [] };
}

/**
 * The library reads "Vaughn Bourff" as a place, but "Bourff recalled" says its surname speaks: a
 * place-only reading (not an organisation) yields to that, for a two- or three-word run.
 */
function placeButSpeaks(
  c: Candidate,
  signals: ReturnType<typeof nameSignals>,
  speaking: Set<string>,
): boolean {
  return !signals.organisation && c.tokens.length <= 3 && speaking.has(c.tokens.at(-1) as string);
}

const STREET_WORDS = new Set(
  'lane drive close crescent way terrace grove place row walk gardens mews parade'.split(' '),
);

/** "of Joeys Lane", "in Fairview Drive": a street-type last word after a preposition of place. */
function isStreet(c: Candidate): boolean {
  if (!STREET_WORDS.has(bare(c.tokens.at(-1) as string))) return false;
  return /\b(?:of|on|in|at|off|from|along|near|into)\s+$/.test(
    c.unit.text.slice(Math.max(0, c.start - 12), c.start),
  );
}

/** Joined by "and", "or", "&" or a list's comma to a word of a person's name: "Rohit and Virat Kohli". */
function coordinated(c: Candidate, personWords: Set<string>): boolean {
  const { text } = c.unit;
  const before = /(\p{Lu}[\p{L}'-]+)(?:\s+(?:and|or|&)|,)\s+$/u.exec(
    text.slice(Math.max(0, c.start - 40), c.start),
  )?.[1];
  const after = /^(?:\s+(?:and|or|&)|,)\s+(\p{Lu}[\p{L}'-]+)/u.exec(
    text.slice(c.end, c.end + 40),
  )?.[1];
  // "In Cedar Rapids, Corbett said": a fronted place ends at its comma; nobody is listed there.
  const fronted =
    /(?:^|[.!?]["”]?\s+)(?:In|At|From|Across|Near|Outside|Inside|Around|Throughout|Back\s+in)\s+$/u.test(
      text.slice(Math.max(0, c.start - 20), c.start),
    ) && /^,/.test(text.slice(c.end, c.end + 1));
  if (fronted) return before !== undefined && personWords.has(before);
  return (
    (before !== undefined && personWords.has(before)) ||
    (after !== undefined && personWords.has(after))
  );
}

// Two lone capitalised words joined by "and": "Fowler and Luik were". Neither is part of a longer
// run, and the pair opens its clause or follows a lowercase word.
const LISTED_PAIR =
  /(?<![\p{L}'-])(?<!\p{Lu}[\p{L}'-]*\s)(\p{Lu}[\p{L}'-]+)\s+(?:and|&)\s+(\p{Lu}[\p{L}'-]+)(?![\p{L}'-]|\s+\p{Lu})/gu;

/** Each lone capitalised word with the words it is listed with. One pass over the text. */
function listedSurnames(units: Unit[]): Map<string, string[]> {
  const partners = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = partners.get(a) ?? [];
    if (list.length < 20) list.push(b); // A bound: a word listed with hundreds proves nothing more.
    partners.set(a, list);
  };
  for (const unit of units) {
    if (unit.origin === 'title') continue;
    for (const m of unit.text.matchAll(LISTED_PAIR)) {
      link(m[1] as string, m[2] as string);
      link(m[2] as string, m[1] as string);
    }
  }
  return partners;
}

/**
 * Single capitalised words that act as a person does somewhere in the article: they speak or carry
 * an honorific ("Tsarnaev said", "Mr. Tsarnaev"). A full name ending in one of them is a person even
 * when the library knows no such given name ("Dzhokhar Tsarnaev"). One pass over the text.
 */
function speakingSurnames(units: Unit[]): Speaking {
  const found: Speaking = Object.assign(new Set<string>(), { bySpeech: new Set<string>() });
  for (const { text } of units) {
    for (const m of text.matchAll(HONORIFIC_SURNAME)) found.add(m[1] as string);
    // "She quoted Tsarnaev as saying": the one quoted speaks.
    for (const m of text.matchAll(QUOTED_AS_SURNAME)) {
      found.add(m[1] as string);
      found.bySpeech.add(m[1] as string);
    }
    for (const m of text.matchAll(VERB_THEN_SURNAME)) {
      if (!INVERTED_SPEECH_VERBS.has(m[1] as string)) continue;
      found.add(m[2] as string);
      // "…," said Carl.": the name ends the clause; in "She said Eastfield would …" it opens one.
      const end = m.index + m[0].length;
      if (/^\s*(?:[,.;!?]|$)/.test(text.slice(end, end + 2))) found.bySpeech.add(m[2] as string);
    }
    // `"…?" Hasler asked.`: right after a quotation, even a verb of asking credits the words.
    for (const m of text.matchAll(QUOTATION_THEN_SURNAME)) {
      if (!SPEECH_VERBS.has(m[2] as string)) continue;
      found.add(m[1] as string);
      found.bySpeech.add(m[1] as string);
    }
    for (const m of text.matchAll(SURNAME_THEN_VERB)) {
      const verb = m[2] as string;
      // "that Test was important": a determined noun is a thing, not a surname.
      if (DETERMINED.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
      // "Residents in west Delhi said": after a preposition of place it is where they are.
      if (IN_PLACE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
      // "Tsarnaev said", and "Tsarnaev will be held accountable": a surname alone acting as the
      // subject of a clause.
      // "Hassan told the BBC" speaks; "Hassan asked" may be asking anyone anything.
      const speaks =
        SPEECH_VERBS.has(verb) &&
        (!LISTENER_VERBS.has(verb) || /^tel/.test(verb) || verb === 'told');
      if (speaks || AUXILIARIES.has(verb)) found.add(m[1] as string);
      if (speaks) found.bySpeech.add(m[1] as string);
    }
  }
  return found;
}

/** "Moxon set", "Moxon insisted": a capitalised word alone, not after another, then a verb in the past. */
const ACTS_IN_PAST =
  /(?<![\p{L}'-])(?<!\p{Lu}[\p{L}'-]*\s)(\p{Lu}\p{Ll}+)\s+(?:also\s+|then\s+)?(?:\p{Ll}+ed|set|won|lost|led|made|took|gave|felt|kept|left|went|came|saw|got|put|knew|thought|began|sought|wrote|spoke|told)\b/gu;

function actingAlone(units: Unit[]): Set<string> {
  const found = new Set<string>();
  for (const unit of units) {
    if (unit.origin !== 'body') continue;
    for (const m of unit.text.matchAll(ACTS_IN_PAST)) found.add(m[1] as string);
  }
  return found;
}

/** Words before an office that make it another one: "vice president", "deputy prime minister". */
const OFFICE_QUALIFIERS = new Set([
  'vice',
  'deputy',
  'assistant',
  'former',
  'lieutenant',
  'acting',
]);

/** Titles written short, as the office their holder is introduced with. */
const SHORT_OFFICES = new Map([
  ['pm', 'prime minister'],
  ['gov', 'governor'],
  ['sen', 'senator'],
  ['rep', 'representative'],
  ['supt', 'superintendent'],
]);

/** Words acting as a person does; `bySpeech` holds those that do so with a speech verb itself. */
type Speaking = Set<string> & { bySpeech: Set<string> };
const DETERMINED =
  /(?<![\p{L}])(?:the|a|an|that|this|these|those|every|each|any|no|his|her|its|their|our|my|your)\s+$/iu;
const IN_PLACE =
  /(?<![\p{L}])(?:in|at|from|near|across|around|outside|inside)\s+(?:(?:north|south|east|west|central|northern|southern|eastern|western|downtown|rural|suburban)\s+)?$/iu;
const AUXILIARIES = new Set(['is', 'was', 'will', 'has', 'had', 'would', 'could', 'did', 'does']);
const HONORIFIC_SURNAME = /\b(?:Mr|Mrs|Ms|Dr)\.?\s+(\p{Lu}[\p{L}'-]+)(?![\p{L}'-]|\s+\p{Lu})/gu;
const QUOTED_AS_SURNAME =
  /\bquot(?:ed|es|ing)\s+(\p{Lu}[\p{L}'-]+)\s+as\s+(?:saying|telling|describing|calling|warning)\b/gu;
// "exclaimed Verstappen", "said Shultz": one capitalised word after the verb, then no other.
// "said Kohli", and "said an overjoyed Kohli": a speaker described on the way.
const VERB_THEN_SURNAME =
  /\b(\p{Ll}+)\s+(?:(?:a|an|the)\s+\p{Ll}+\s+)?(\p{Lu}[\p{L}'-]+)(?![\p{L}'-]|\s+\p{Lu})/gu;
const QUOTATION_THEN_SURNAME = /[,?!]["”]\s+(\p{Lu}[\p{L}'-]+)\s+(\p{Ll}+)[.,]/gu;
// A capitalised word not preceded by another ("Tsarnaev said", not "Boston Marathon said").
const SURNAME_THEN_VERB =
  /(?<![\p{L}'-])(?<!\p{Lu}[\p{L}'-]*\s)(\p{Lu}[\p{L}'-]+)(?:,\s*\d{1,3},)?\s+(?:\p{Ll}+ly\s+|also\s+|later\s+)?(\p{Ll}+)/gu;

/**
 * A name used as a firm's: "analysts at Morgan Stanley", "Morgan Stanley's analysts", a partnership
 * "Edwards & Sons". People are rarely "at" someone after a plural or a role noun.
 */
function usedAsFirm(c: Candidate, units: Unit[]): boolean {
  if (EPONYMOUS_FIRMS.has(c.tokens.join(' ').replace(/\./g, '').toLowerCase())) return true;
  const { text } = c.unit;
  const before = /(\p{Ll}+)\s+at\s+(?:the\s+)?$/u.exec(
    text.slice(Math.max(0, c.start - 40), c.start),
  );
  if (before && (/[^s]s$/.test(before[1] as string) || isRoleWord(before[1] as string)))
    return true;
  const after = text.slice(c.end, c.end + 40);
  // "A.G. Edwards & Sons", but not "Starring Hugh Jackman & Sutton Foster": a name opening on a
  // given name, then another name in full, are a pair of people.
  // The partner opens on a given name too, or the text names the pair with "and" elsewhere
  // ("starring Hugh Jackman and Sutton Foster"); "Grant Thornton & Baker Tilly" is a firm.
  const partner = /^\s*&\s*(\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+)/u.exec(after)?.[1];
  const name = c.tokens.slice(-2).join(' ');
  const twoPeople =
    partner !== undefined &&
    c.tokens.length >= 2 &&
    nameSignals(c.tokens.at(-2) as string).givenName &&
    (nameSignals(partner.split(' ')[0] as string).givenName ||
      units.some((u) => u.text.includes(`${name} and ${partner}`)));
  return (
    (/^\s*&\s*\p{Lu}/u.test(after) && !twoPeople) ||
    /^['’]s\s+(?:\p{Ll}+\s+)?\p{Ll}+(?:ists|ysts)\b/u.test(after)
  );
}

const NOT_A_PREDICATE = new Set([
  ...['in', 'at', 'of', 'from', 'for', 'to', 'with', 'on', 'into', 'by', 'against', 'after'],
  ...['before', 'over', 'under', 'as', 'than', 'like'],
  'and',
  'or',
  'but',
  'nor',
  'the',
  'a',
  'an',
  'who',
  'which',
  'that',
  'whose',
]);
// An adverb may come before the verb: "Mike Towns once ran the store alongside his father".
const OWNED_BY_SUBJECT =
  /^(?:\s+(?:once|also|still|later|now|then|\p{Ll}+ly)(?=\s+\p{Ll}+\s))?((?:\s+\p{Ll}+){2,4}?)\s+(?:his|her|himself|herself)(?![\p{L}'-])/u;

/**
 * A name as the subject of a clause that goes on to "his" or "her": "Jo Ardleigh slotting in his
 * tenth", "Tobi Reed has had his best season". Bodies take "its" or "their"; the clause must open
 * with its verb (not "at Sharm Bay on his way") and hold a word between verb and pronoun, since
 * a firm can act on someone's ("Northline Power cut his supply").
 */
function ownsGenderedPronoun(c: Candidate): boolean {
  const between = OWNED_BY_SUBJECT.exec(c.unit.text.slice(c.end, c.end + 60))?.[1];
  if (!between) return false;
  const words = between.trim().split(/\s+/);
  return (
    !NOT_A_PREDICATE.has(words[0] as string) &&
    !words.some((w) => SPEECH_VERBS.has(w) || LISTENER_VERBS.has(w))
  );
}

/** A person's own marks right at the name: an honorific before it, an age after it. */
function humanMarked(c: Candidate): boolean {
  const { text } = c.unit;
  return (
    HONORIFIC_BEFORE.test(text.slice(Math.max(0, c.start - 12), c.start)) ||
    /^,\s*\d{1,3},/.test(text.slice(c.end, c.end + 10)) ||
    /\d+-year-old\s+$/.test(text.slice(Math.max(0, c.start - 20), c.start))
  );
}

const OTHER_NAME =
  /(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){1,3})\s*(?:,\s*|\(\s*)(?:alias|aka|a\.k\.a\.?|also known as|better known as|known as|n(?:é|e)e)\s+$/u;

/** The full name a candidate is another name of: "Jo Kamau, alias Jo Njeri", "Ann Lee (née Ross)". */
function otherNameOf(c: Candidate): string | null {
  const before = c.unit.text.slice(Math.max(0, c.start - 80), c.start);
  // Most names follow none of these words: a cheap test first.
  if (!/(?:alias|aka|a\.k\.a\.?|known as|n[ée]e)\s+$/u.test(before)) return null;
  return OTHER_NAME.exec(before)?.[1] ?? null;
}

/** "all the Sean Birds of this world", "two John Deeres": a plural of a name names no one. */
/** "the Sri Lankans", "New Zealanders": the people of a place the library knows, not a person. */
function isPeopleOfPlace(tokens: string[]): boolean {
  const phrase = tokens.join(' ');
  const match = /(?:ns|ians|ers)$/.exec(phrase);
  if (!match || phrase.length - match[0].length < 3) return false;
  return nameSignals(phrase.slice(0, -match[0].length)).organisationOrPlace;
}

function isPluralOfName(c: Candidate, units: Unit[], speaking: Speaking): boolean {
  if (isPeopleOfPlace(c.tokens)) return true;
  const last = c.tokens.at(-1) as string;
  if (!/[^s]s$/.test(last)) return false;
  const singular = new RegExp(`(?<![\\p{L}])${escapeRegExp(last.slice(0, -1))}(?![\\p{L}])`, 'u');
  // "for the Blades", "The Wheat Kings": a plural the text puts after "the" names a team or a band,
  // unless it acts as a person ("Harris said": "the Harris campaign") or follows a given name.
  const teamLike =
    !speaking.bySpeech.has(last) &&
    (c.tokens.length > 2 || !nameSignals(c.tokens[0] as string).givenName);
  const team = new RegExp(
    `(?<![\\p{L}])[Tt]he\\s+(?:\\p{Lu}\\p{Ll}+\\s+)?${escapeRegExp(last)}(?![\\p{L}'])`,
    'u',
  );
  return units.some(
    (u) => singular.test(u.text) || (teamLike && u.origin === 'body' && team.test(u.text)),
  );
}

export type PeopleIndex = { people: Person[]; mentions: Map<Unit, Mention[]> };

/**
 * People named in full (two or more name words) with some sign of being a person: a title or role,
 * an appositive, a speech verb, a native-script name, or a place in the byline or photo credit.
 */
export function findPeople(units: Unit[], credited: string[]): PeopleIndex {
  const all = candidates(units);
  const speaking = speakingSurnames(units);
  const known = new Map<string, Person>();
  const order: string[] = [];
  const add = (name: string, found?: Candidate) => {
    const slug = slugify(name, 100, 'person');
    const person = known.get(slug);
    const honorific = found
      ? honorificGender(
          /(\S+)\s*$/.exec(
            found.unit.text.slice(Math.max(0, found.start - 20), found.start),
          )?.[1] ?? '',
        )
      : null;
    if (person) {
      person.gender ??= honorific;
      return;
    }
    if (!slug) return;
    // The text's own honorific ("Sir Lindsay Hoyle") outweighs the library's guess from the name.
    known.set(slug, { name, slug, aliases: [], gender: honorific ?? nameSignals(name).gender });
    order.push(slug);
  };
  for (const name of credited) add(collapse(name));
  // Firms named after people ("Morgan Stanley", "A.G. Edwards & Sons") are used as firms somewhere.
  const firms = new Set(all.filter((c) => usedAsFirm(c, units)).map((c) => c.tokens.join(' ')));
  // "in the Dewan Rakyat": a name the text puts straight after "the" is a thing's, not a person's.
  const speechAt = (c: Candidate) =>
    SPEECH_VERBS.has(
      /(\p{Ll}+)\s+the\s+$/u.exec(c.unit.text.slice(Math.max(0, c.start - 20), c.start))?.[1] ?? '',
    ) || SPEECH_VERBS.has(/^\s+(\p{Ll}+)/u.exec(c.unit.text.slice(c.end, c.end + 20))?.[1] ?? '');
  const afterThe = (c: Candidate) =>
    /(?<![\p{L}])the\s+$/u.test(c.unit.text.slice(Math.max(0, c.start - 5), c.start));
  const definite = new Set(all.filter(afterThe).map((c) => c.tokens.join(' ')));
  // "a group called Reduce Rates": the name of a body, a show or a scheme, given as such.
  const thingsCalled = new Set(
    all
      .filter((c) => THING_CALLED.test(c.unit.text.slice(Math.max(0, c.start - 50), c.start)))
      .map((c) => c.tokens.join(' ')),
  );
  // "… praised by Business Secretary Sajid Javid" in the headline: the title it gives there
  // holds for the same name in the body.
  const titledInHeadline = new Set(
    all.filter((c) => c.unit.origin === 'title' && c.titles.length).map((c) => c.tokens.join(' ')),
  );
  const placesOnly = namesOnlyWherePlacesGo(all);
  // Surnames acting alone in the past tense: "Moxon set the challenge", "Kaine told reporters".
  const acting = actingAlone(units);
  // Bodies the text names as such: no part of their name is a person's either.
  const namedBodies = new Set(all.filter((c) => isNamedBody(c, speaking)));
  // "Councillor North, who uses the service, said": a word the text gives a person's title
  // elsewhere is a surname, though it is also a word of places ("Peter North").
  const titledWords = new Set(
    units.flatMap((u) =>
      [
        ...u.text.matchAll(
          /(?<![\p{L}])(\p{Lu}\p{Ll}+)\.?\s+(\p{Lu}\p{Ll}+)(?![\p{L}'-]|\s+\p{Lu})/gu,
        ),
      ]
        .filter((m) => TITLES.has((m[1] as string).toLowerCase()))
        .map((m) => m[2] as string),
    ),
  );
  // Not where a place goes: "the tram stop in George Street", then "Mr Street said".
  const surnameTitledElsewhere = (c: Candidate) =>
    c.tokens.length === 2 &&
    titledWords.has(c.tokens[1] as string) &&
    nameSignals(c.tokens[0] as string).givenName &&
    !/(?<![\p{L}])(?:in|on|at|near|along|off|into|from|to)\s+$/u.test(
      c.unit.text.slice(Math.max(0, c.start - 8), c.start),
    );
  // Whether each candidate is a person, or could be one but shows no sign of it by itself.
  const verdicts = all.map((c): 'person' | 'unproven' | 'not' => {
    // Title Case headlines make every word look like a name; they only match people found elsewhere,
    // or name in full someone the body calls only by surname.
    if (c.unit.origin === 'title') return namedInFullOnlyInHeadline(c, speaking) ? 'person' : 'not';
    if (namedBodies.has(c) || namesAnAttribute(c)) return 'not';
    if (
      (isNonPerson(c.tokens) &&
        !personDespiteSurname(c) &&
        !personDespiteGivenName(c) &&
        !personDespitePluralSurname(c, speaking) &&
        !personAfterLowercaseRole(c) &&
        !surnameTitledElsewhere(c)) ||
      isPluralOfName(c, units, speaking)
    )
      return 'not';
    // "Bafana Bafana", "Duran Duran": a word said twice names a team or a band.
    // Not "Abdullah Abdullah": a given name said twice is a person's.
    if (
      c.tokens.length === 2 &&
      c.tokens[0] === c.tokens[1] &&
      c.titles.length === 0 &&
      !nameSignals(c.tokens[0] as string).givenName
    )
      return 'not';
    // "Lead Member for Environment": a role in capitals, however it is placed.
    if (c.tokens.every((t) => isRoleWord(t) || ROLE_MODIFIERS.has(bare(t)))) return 'not';
    // "Jo Kamau, alias Jo Njeri,": another name of the person just named, not someone else.
    if (otherNameOf(c) || thingsCalled.has(c.tokens.join(' '))) return 'not';
    const signals = nameSignals(c.tokens.join(' '));
    // A title the text gives outweighs the library's reading: "Mayor Jo Park" is a person.
    const titled = c.titles.length > 0 || titledInHeadline.has(c.tokens.join(' '));
    // "director of Cal Fire": what someone is the head of is an organisation.
    const headOf =
      /\b(?:director|head|chief|chair|president|member|spokesperson|spokesman|spokeswoman)\s+(?:of|at)\s+(?:the\s+)?$/i.test(
        c.unit.text.slice(Math.max(0, c.start - 40), c.start),
      );
    if (
      (signals.organisationOrPlace || headOf) &&
      !titled &&
      !placeButSpeaks(c, signals, speaking)
    ) {
      // "Wayne Hill", "Mary Park": the library makes a place of a given name and a surname that is
      // also a landscape word; only what the text says of it (listed with people, acting) decides.
      if (!headOf && placeNamedLikePerson(c.tokens, signals))
        return hasPersonEvidence(c, speaking) ? 'person' : 'unproven';
      // "wide receiver Tyreek Hill": a lowercase role right before the name says it is a person's,
      // whatever its surname means as a place.
      if (!headOf && c.tokens.length >= 2 && lowercaseRoleBefore(c)) return 'person';
      // "Mary Lake said": a surname that is a word of places, vouched for as above.
      if (!headOf && isNonPerson(c.tokens) && personDespiteSurname(c)) return 'person';
      return 'not';
    }
    // A firm is no person unless the text gives it a person's title, honorific or age.
    if (firms.has(c.tokens.join(' ')) && !titled && !humanMarked(c)) return 'not';
    // "Canadian Freightways announced": a nationality describes the one word after it, which
    // alone is no full name.
    if (
      c.tokens.length === 2 &&
      signals.demonym &&
      !signals.givenName &&
      !titled &&
      !humanMarked(c) &&
      // "reserve hooker Dane Coles": a role before the name makes the first word a given name.
      !lowercaseRoleBefore(c)
    )
      return 'not';
    // "Allan Kiplimo, Tanzanian Citizen who came to Kenya": set off after a name, a nationality
    // and a noun describe that person, whatever follows them.
    if (
      c.tokens.length === 2 &&
      !signals.givenName &&
      !titled &&
      isNationality(c.tokens[0] as string) &&
      /\p{Lu}[\p{L}'-]+,\s*$/u.test(c.unit.text.slice(Math.max(0, c.start - 40), c.start))
    )
      return 'not';
    if (
      definite.has(c.tokens.join(' ')) &&
      !signals.givenName &&
      !titled &&
      !humanMarked(c) &&
      // "in the Pengrowth Saddledome, the Flames…": what follows a name after "the" tells of the
      // thing it names; only the name's other places may show it is a person's, or speech right
      // at it ("said the Aga Khan").
      ((afterThe(c) && !speechAt(c)) || !hasPersonEvidence(c, speaking))
    )
      return 'not';
    // "of Joeys Lane, Bilbrook": an address, however name-like its words.
    if (isStreet(c) && !titled) return 'not';
    // "in Ton Pentre, which offers a delivery service, said": after "in", "which" takes up a place.
    if (
      !titled &&
      !signals.givenName &&
      /(?<![\p{L}])(?:in|at|near|outside)\s+$/u.test(
        c.unit.text.slice(Math.max(0, c.start - 8), c.start),
      ) &&
      /^,\s*which\s/u.test(c.unit.text.slice(c.end, c.end + 10))
    )
      return 'not';
    // "at his home in Milton Keynes": a name found only where a place goes.
    if (
      !titled &&
      placesOnly.has(c.tokens.join(' ')) &&
      !speaking.has(c.tokens.at(-1) as string) &&
      !acting.has(c.tokens.at(-1) as string) &&
      !hasPersonEvidence(c, speaking)
    )
      return 'not';
    // A known given name is evidence enough: "Jessica Shultz also lives in the neighbourhood."
    // An Irish patronymic ("O'Keeffe") is a surname by its form.
    const patronymic = /^O'\p{Lu}\p{Ll}+$/u.test(c.tokens.at(-1) as string);
    return titled ||
      signals.givenName ||
      signals.personLike ||
      patronymic ||
      hasPersonEvidence(c, speaking)
      ? 'person'
      : 'unproven';
  });
  // "Jail Harris for a year, the judge said": a sentence may open on a word of its own before the
  // surname of someone named in full with a given name; that word is no second given name.
  const givenBySurname = new Map<string, Set<string>>();
  all.forEach((c, i) => {
    const given = c.tokens[0] as string;
    const signals = nameSignals(given);
    // A name the library knows, or a word it does not know at all ("Nakia").
    const asGiven =
      (signals.givenName || signals.personWord || signals.foreignWord) && !describesPerson(given);
    if (verdicts[i] !== 'person' || c.tokens.length < 2 || !asGiven) return;
    const surname = c.tokens.at(-1) as string;
    givenBySurname.set(surname, (givenBySurname.get(surname) ?? new Set()).add(given));
  });
  all.forEach((c, i) => {
    const first = c.tokens[0] as string;
    const others = new Set(givenBySurname.get(c.tokens.at(-1) as string));
    others.delete(first);
    if (verdicts[i] === 'not' || others.size === 0 || nameSignals(first).givenName) return;
    // "fellow Kenyan Wanjiru", "Cmdr Marini", "said Honourable Mutsvangwa": a word that describes
    // someone, before the surname of a person named with a given name, is not a given name.
    // Where the surname's other bearers' given names are unknown words too ("Nawaraj Pokrel"),
    // an unknown opening word ("Manoj Pokrel said") is another given name.
    const opener =
      ([...others].some((given) => nameSignals(given).givenName) ||
        !nameSignals(first).foreignWord) &&
      opensOnWordBeforeSurname(c, others);
    if (opener || (c.tokens.length === 2 && describesPerson(first))) verdicts[i] = 'not';
  });
  // "says Dhan Bahadur" after "Dhan Bahadur Khatri": the given names of someone named in full
  // before are a short form of that name (addSurnameMentions links them), not another person.
  const unitOrder = new Map(units.map((u, n) => [u, n]));
  const placeOf = (c: Candidate) => (unitOrder.get(c.unit) ?? 0) * 1e7 + c.start;
  // What proves the short form a person's proves the full name (the text names no one twice).
  // Each full name of three words or more, by its first two words: the first place it stands.
  const longByOpening = new Map<string, { place: number; indexes: number[] }>();
  all.forEach((c, i) => {
    if (verdicts[i] === 'not' || c.tokens.length < 3) return;
    const opening = c.tokens.slice(0, 2).join(' ');
    const entry = longByOpening.get(opening) ?? { place: Number.POSITIVE_INFINITY, indexes: [] };
    entry.place = Math.min(entry.place, placeOf(c));
    entry.indexes.push(i);
    longByOpening.set(opening, entry);
  });
  all.forEach((c, i) => {
    if (verdicts[i] === 'not' || c.tokens.length !== 2) return;
    const longer = longByOpening.get(c.tokens.join(' '));
    if (!longer || longer.place >= placeOf(c)) return;
    if (verdicts[i] === 'person') for (const j of longer.indexes) verdicts[j] = 'person';
    verdicts[i] = 'not';
  });
  // "Martyn Moxon wants …", later "Moxon set the challenge": an unproven full name whose first word
  // is a given name or no dictionary word, and whose surname alone acts in the past tense elsewhere.
  all.forEach((c, i) => {
    if (verdicts[i] !== 'unproven' || c.tokens.length !== 2) return;
    const [first = '', surname = ''] = c.tokens;
    const given = nameSignals(first);
    const alone = nameSignals(surname);
    if (
      (given.givenName || given.foreignWord) &&
      alone.foreignWord &&
      !alone.organisationOrPlace &&
      acting.has(surname)
    )
      verdicts[i] = 'person';
  });
  // "Fowler and Luik were ruled out": a surname listed with a person's surname is a person's.
  const listed = listedSurnames(units);
  const personSurnames = new Set(
    all.flatMap((c, i) => (verdicts[i] === 'person' ? [c.tokens.at(-1) as string] : [])),
  );
  all.forEach((c, i) => {
    if (verdicts[i] !== 'unproven') return;
    const partners = listed.get(c.tokens.at(-1) as string) ?? [];
    if (partners.some((p) => personSurnames.has(p))) verdicts[i] = 'person';
  });
  // "Both Rohit and Virat Kohli are fit": a name coordinated with a person's name is a person's.
  const personWords = new Set(
    all.flatMap((c, i) => (verdicts[i] === 'person' ? c.tokens.filter((t) => t.length > 2) : [])),
  );
  all.forEach((c, i) => {
    // A run that goes on an office's remit ("… of Transport and Inland Waterways Ade Olusanmi") or
    // reads as an organisation as a whole ends in the person's name, if anywhere.
    const tail = namedBodies.has(c)
      ? null
      : inOfficeRemit(c)
        ? speakingTail(c, speaking, false)
        : verdicts[i] === 'not'
          ? speakingTail(c, speaking)
          : null;
    if (tail) add(tail.tokens.join(' '), tail);
    else if (
      verdicts[i] === 'person' ||
      (verdicts[i] === 'unproven' && coordinated(c, personWords))
    )
      add(c.tokens.join(' '), c);
  });
  // "Brock and Katrina Hindley": a given name alone, joined to a full name, shares its surname.
  const sharing: { unit: Unit; start: number; end: number; name: string }[] = [];
  all.forEach((c, i) => {
    if (verdicts[i] !== 'person' || c.tokens.length !== 2 || c.unit.origin === 'title') return;
    const joined = /(?<![\p{L}'-])(\p{Lu}\p{Ll}+)\s+(?:and|&)\s+$/u.exec(
      c.unit.text.slice(Math.max(0, c.start - 40), c.start),
    );
    const given = joined?.[1];
    if (!joined || !given || isRoleWord(given)) return;
    const name = `${given} ${c.tokens[1]}`;
    // "Stanley and Julie Patz" … "Stanley Patz said": the later full name does not make this a
    // different person's given name, and the pair still names him first.
    if (personWords.has(given) && !known.has(slugify(name, 100, 'person'))) return;
    const signals = nameSignals(given);
    if (!(signals.givenName || signals.personWord) || NON_PERSON_WORDS.has(bare(given))) return;
    const start = Math.max(0, c.start - 40) + joined.index;
    add(name);
    sharing.push({ unit: c.unit, start, end: start + given.length, name });
  });
  // `Joko "Jokowi" Widodo`, `Edward (Eddie) Hart`: a nickname in marks or brackets inside a full name; the
  // nickname alone refers to them too.
  const nicknames = new Map<string, string>();
  for (const unit of units) {
    if (unit.origin !== 'body' && unit.origin !== 'caption') continue;
    for (const m of unit.text.matchAll(NICKNAMED)) {
      const [, given = '', marked, bracketed, surname = '', suffix = ''] = m;
      const nickname = marked ?? bracketed ?? '';
      if (
        [given, nickname, surname].some(
          (w) => NON_PERSON_WORDS.has(bare(w)) || isRoleWord(w) || LEADING_NON_NAME.has(bare(w)),
        )
      )
        continue;
      const name = `${given} ${surname}${suffix.replace(/^,/, '')}`;
      add(name);
      nicknames.set(slugify(name, 100, 'person'), nickname);
      sharing.push({ unit, start: m.index, end: m.index + m[0].length, name });
    }
  }
  // "Susilo Bambang Yudhoyono (SBY)", "Joko Widodo (Jokowi)": a short name in brackets right after
  // the full one, made of its initials or of its opening letters, is what the text calls them next.
  for (const unit of units) {
    for (const m of unit.text.matchAll(BRACKETED_SHORT_NAME)) {
      const words = (m[1] as string).split(/\s+/);
      // The longest run of the capitalised words before the brackets that names someone known.
      for (let from = 0; from < words.length - 1; from++) {
        const name = words.slice(from).join(' ');
        const person = known.get(slugify(name, 100, 'person'));
        if (!person || person.name !== name) continue;
        const short = m[2] as string;
        if (!nicknames.has(person.slug) && shortFormOf(short, person.name))
          nicknames.set(person.slug, short);
        break;
      }
    }
  }
  for (const unit of units) {
    if (unit.origin !== 'body' && unit.origin !== 'caption') continue;
    for (const m of unit.text.matchAll(NAME_GIVEN_AS)) {
      for (const name of [m[1], m[2]]) if (name && !NON_PERSON_WORDS.has(bare(name))) add(name);
    }
    for (const { given, at, kin, setOff } of namedByGivenName(unit.text)) {
      if (personWords.has(given)) continue;
      if (!kin) {
        add(given);
        continue;
      }
      // "Quintrell … her brother Michael": family share the surname of the person named just before.
      const surname = surnameBefore(unit.text, at, [...known.values()]);
      // With no family named before, a relative set off by commas ("Her sister, Jasmine, said")
      // goes by the given name alone; "survived by her son Michael" names nobody the text quotes.
      if (!surname) {
        if (setOff) add(given);
        continue;
      }
      const name = `${given} ${surname}`;
      add(name);
      sharing.push({ unit, start: at, end: at + given.length, name });
    }
  }
  for (const c of all) {
    const owner = otherNameOf(c);
    const person = owner ? known.get(slugify(owner, 100, 'person')) : undefined;
    const alias = c.tokens.join(' ');
    if (person && !person.aliases.includes(alias)) person.aliases.push(alias);
  }
  // `"…," Bobby said`: a known given name speaking alone, and no word of anyone named in full,
  // names someone the text calls by that name only (a resident, a fan, a child).
  const nameWords = new Set([...known.values()].flatMap((p) => p.name.split(' ')));
  // `said Jersha, who declined to give her surname`, `said Gulzman, an 80-year-old farmer`: a
  // relative clause for people, or an age, after it makes any single name that speaks a person's;
  // so does an age or a withheld surname after it anywhere (`Tatyana, 58, who …`, `Les, who asked
  // not to use his last name,`).
  const speakerWho = new Set(
    units.flatMap((u) =>
      [
        ...u.text.matchAll(SPEAKER_WHO_OR_AGED),
        ...u.text.matchAll(ONE_NAME_DESCRIBED),
        // `said Nompi, Vusi's aunt.`, `said Thandi, a neighbour.`: who they are to the story (a
        // relation, not a role: "said Ofcom, the regulator" is a body's).
        ...[...u.text.matchAll(SPEAKER_AND_RELATION)].filter((m) =>
          ONE_NAME_HOLDERS.has(m[2] as string),
        ),
      ].map((m) => m[1] as string),
    ),
  );
  for (const word of speaking.bySpeech) {
    // "Gulzman" only ends like "fisherman": told by its age or relative clause, it is a name.
    const roleLike = speakerWho.has(word) ? isTitleWord(word) : isRoleWord(word);
    // "Mohammed's comments": a possessive is someone's name with an ending, never a name itself.
    if (/['’]s$/.test(word)) continue;
    if (nameWords.has(word) || NON_PERSON_WORDS.has(bare(word)) || roleLike) continue;
    const signals = nameSignals(word);
    if ((signals.givenName || speakerWho.has(word)) && !signals.organisationOrPlace) add(word);
  }
  for (const word of titledSingleNames(units)) {
    if (nameWords.has(word) || NON_PERSON_WORDS.has(bare(word)) || isRoleWord(word)) continue;
    const signals = nameSignals(word);
    if (!signals.organisationOrPlace && !signals.demonym && !signals.gerund) add(word);
  }
  // "Martha Stewart was sentenced …", then "Martha Stewart Omnimedia employees": a person named in
  // full does not gain a surname later, so a longer run that goes on from their name is a thing
  // named after them, not a person (nor their fuller name).
  for (const longer of [...known.values()]) {
    const words = longer.name.split(' ');
    // "Vicente Sotto III", "Ken Griffey Jr.": a generation is another person, not a thing.
    if (GENERATION_WORD.test(words.at(-1) as string)) continue;
    for (let cut = words.length - 1; cut >= 2; cut--) {
      const person = known.get(slugify(words.slice(0, cut).join(' '), 100, 'person'));
      if (person && firstAt(units, person.name) < firstAt(units, longer.name)) {
        known.delete(longer.slug);
        order.splice(order.indexOf(longer.slug), 1);
        break;
      }
    }
  }
  // A name inside a longer one ("Ibarra Soto" in "Rosario Ibarra Soto"), or the longer one without
  // its middle names ("Mohsin Naqvi" for "Mohsin Raza Naqvi"), is that person's short form.
  // Indexed once: comparing every name with every other grows with the square of the people.
  // `insideLonger`: the runs of words inside a longer name; `endsOfLonger`: a longer name's first
  // and last words ("Mohsin Naqvi" for "Mohsin Raza Naqvi").
  const insideLonger = new Set<string>();
  const endsOfLonger = new Set<string>();
  for (const { name } of known.values()) {
    const words = name.toLowerCase().split(' ');
    for (let from = 0; from < words.length; from++)
      for (let to = from + 1; to <= words.length; to++)
        if (to - from < words.length) insideLonger.add(words.slice(from, to).join(' '));
    if (words.length > 2) endsOfLonger.add(`${name.split(' ')[0]} ${name.split(' ').at(-1)}`);
  }
  for (const person of [...known.values()]) {
    const words = person.name.split(' ');
    const inside =
      insideLonger.has(person.name.toLowerCase()) ||
      (words.length === 2 && endsOfLonger.has(person.name));
    if (inside && !credited.some((name) => collapse(name) === person.name)) {
      known.delete(person.slug);
      order.splice(order.indexOf(person.slug), 1);
    }
  }
  // "Rafa Benitez" and "Rafael Benitez": a given name cut short is the fuller one's familiar form.
  const bySurname = new Map<string, Person[]>();
  for (const person of known.values()) {
    const words = person.name.split(' ');
    if (words.length < 2) continue;
    const rest = words.slice(1).join(' ');
    bySurname.set(rest, [...(bySurname.get(rest) ?? []), person]);
  }
  for (const sharing of bySurname.values()) {
    for (const short of sharing) {
      const given = short.name.split(' ')[0] as string;
      // "Will Smith" and "Willow Smith" are two people: an unknown short form ("Rafa") merges, and
      // a known one only into a fuller name of the same gender, in another paragraph ("Ed
      // Mangano", then "Edward Mangano"; never "Sam" into "Samantha", nor "Jo Lee and Joanna Lee").
      const signals = nameSignals(given);
      const unknownShort = !signals.givenName && signals.foreignWord;
      if ((!unknownShort && !signals.givenName) || !known.has(short.slug)) continue;
      const full = sharing.find((p) => {
        const fuller = p.name.split(' ')[0] as string;
        const sameGender = signals.gender !== null && nameSignals(fuller).gender === signals.gender;
        return (
          known.has(p.slug) &&
          fuller.length > given.length &&
          given.length >= (unknownShort ? 3 : 2) &&
          fuller.startsWith(given) &&
          (unknownShort ||
            (sameGender &&
              !units.some((u) => u.text.includes(short.name) && u.text.includes(p.name)) &&
              // "Coach Dan Ruiz", then "his nephew, Daniel Ruiz, a striker": each introduced in
              // a role of their own, two people.
              !(introducedInRole(all, short.name) && introducedInRole(all, p.name))))
        );
      });
      if (!full || credited.some((name) => collapse(name) === short.name)) continue;
      known.delete(short.slug);
      order.splice(order.indexOf(short.slug), 1);
      if (!nicknames.has(full.slug)) nicknames.set(full.slug, short.name);
    }
  }
  // A longer capitalised run that ends in a known name ("Republican Donald Trump") is that person.
  const names = [...known.values()].sort((a, b) => b.name.length - a.name.length);

  const mentions = new Map<Unit, Mention[]>();
  // Which characters of each unit already belong to a mention: a linear-time overlap check.
  const covered = new Map<Unit, Uint8Array>(units.map((u) => [u, new Uint8Array(u.text.length)]));
  const index = new PhraseIndex(units.map((u) => u.text));
  const fullNames = placesByText(index, names, (person) => fullNameAt(index, person.name));
  units.forEach((unit, unitIndex) => {
    const list: Mention[] = [];
    for (const { phrase: person, start, end } of fullNames[unitIndex] ?? []) {
      if (isCovered(covered.get(unit) as Uint8Array, start, end)) continue;
      (covered.get(unit) as Uint8Array).fill(1, start, end);
      const appositive = appositiveAfter(unit.text, end, start);
      // "Spokesperson for the command, SP Jo Roe,": a rank in capitals says less than the office.
      const titled = roleBefore(unit.text, start);
      const rankOnly = titled !== null && /^\p{Lu}{2,4}\.?$/u.test(titled);
      const role =
        appositive?.role ??
        (rankOnly ? null : titled) ??
        frontedRole(unit.text, start, end) ??
        titled ??
        possessedRole(unit.text, start) ??
        agentRole(unit.text, start);
      list.push({
        slug: person.slug,
        start,
        end,
        kind: 'full',
        role: role ?? null,
        appositiveEnd: appositive?.end ?? null,
      });
      const native = NATIVE_ALIAS.exec(unit.text.slice(end, end + 100));
      if (native?.[1] && !person.aliases.includes(native[1].trim()))
        person.aliases.push(native[1].trim());
    }
    mentions.set(unit, list);
  });
  for (const { unit, start, end, name } of sharing) {
    const map = covered.get(unit) as Uint8Array;
    if (isCovered(map, start, end)) continue;
    map.fill(1, start, end);
    const list = mentions.get(unit) as Mention[];
    const slug = slugify(name, 100, 'person');
    list.push({ slug, start, end, kind: 'full', role: null, appositiveEnd: null });
    list.sort((a, b) => a.start - b.start);
  }
  for (const [slug, nickname] of nicknames) {
    const person = known.get(slug);
    if (person && !person.aliases.includes(nickname)) person.aliases.push(nickname);
  }
  addSurnameMentions(units, index, names, mentions, covered, speaking, nicknames);
  return { people: order.map((slug) => known.get(slug) as Person), mentions };
}

/** Offices too general, or too often part of a thing's name, to make the word after them a name. */
const LOOSE_TITLES = new Set(
  'general gen private major chief executive chair speaker prime deputy director officer leader father sister brother king queen prince princess lord lady sheikh garda doctor premier minister elder coach con recorder advocate pm cm mp'.split(
    ' ',
  ),
);
/**
 * "Mr Museveni … President Museveni", "Mr. Anutin … Anutin said": a story may call someone by one
 * name only. A word after a title, used again, where no capital follows (that would be a fuller
 * name, or a thing's: "President Hotel"), and which is no English word ("Miss World", "Mr Right",
 * "Dr Pepper", "Lord Provost"), is such a name.
 */
function titledSingleNames(units: Unit[]): Set<string> {
  const count = new Map<string, number>();
  const titled = new Set<string>();
  const notNames = new Set<string>();
  for (const unit of units) {
    if (unit.origin !== 'body' && unit.origin !== 'caption') continue;
    for (const m of unit.text.matchAll(/(?<![\p{L}'’-])(\p{Lu}[\p{L}'’-]*)(?![\p{L}'’-])/gu))
      count.set(m[1] as string, (count.get(m[1] as string) ?? 0) + 1);
    for (const m of unit.text.matchAll(SINGLE_NAME_AFTER_TITLE)) {
      const title = (m[1] as string).toLowerCase().replace(/\.$/, '');
      if (!TITLES.has(title)) continue;
      // "the new Miss World", "the Lord Provost": a title held, not a person's name.
      const held = /(?<![\p{L}])(?:the|a|an)\s+(?:\p{Ll}+\s+)?$/iu.test(
        unit.text.slice(Math.max(0, m.index - 20), m.index),
      );
      // "Chief Minister Siddaramaiah": a title that also opens offices ("Minister Mentor",
      // "Director General") names a person only by a word that is no English one.
      if (LOOSE_TITLES.has(title) && (held || !nameSignals(m[2] as string).foreignWord)) continue;
      (held ? notNames : titled).add(m[2] as string);
    }
    // "coach Zwane was asked …": a listed role in lowercase names a person by one name too.
    for (const m of unit.text.matchAll(SINGLE_NAME_AFTER_ROLE))
      if (ROLE_NOUNS.has(m[1] as string) && !COMPANY_ROLES.test(m[1] as string))
        titled.add(m[2] as string);
  }
  return new Set(
    [...titled].filter((word) => {
      const signals = nameSignals(word);
      return (
        !notNames.has(word) &&
        (count.get(word) ?? 0) >= 2 &&
        (signals.foreignWord || signals.personWord)
      );
    }),
  );
}
const SINGLE_NAME_AFTER_ROLE =
  /(?<![\p{L}])(\p{Ll}{3,})\s+(\p{Lu}\p{Ll}{2,})(?![\p{L}'’-])(?!\s+\p{Lu})/gu;
const SINGLE_NAME_AFTER_TITLE = new RegExp(
  String.raw`(?<![\p{L}])(\p{Lu}\p{Ll}*\.?)\s+(\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}'’-])(?!\s+(?:\p{Lu}|${PARTICLE}\s))`,
  'gu',
);

/**
 * "Declan Devine devastated after …" over a body that says only "interim boss Devine was left
 * devastated": a headline's given name and surname, whose surname (or, surname first, whose first
 * word: "says Chee Hong Tat" … "Mr Chee") acts alone in the body, is that person's full name.
 */
function namedInFullOnlyInHeadline(c: Candidate, speaking: Speaking): boolean {
  if (c.tokens.length < 2 || c.tokens.length > 3) return false;
  const surname = c.tokens.at(-1) as string;
  const first = c.tokens[0] as string;
  const signals = nameSignals(c.tokens.join(' '));
  if (signals.organisationOrPlace || isNonPerson(c.tokens)) return false;
  if (c.tokens.some((t) => isRoleWord(t) || NON_PERSON_WORDS.has(bare(t)))) return false;
  // A given name the library knows, or a word in no dictionary ("Declan"): not "Glentoran Devine".
  const given = nameSignals(first);
  // The body may call them by the given name alone: "says India captain Rohit Sharma" … "Rohit said".
  const givenActs = c.tokens.length === 2 && speaking.has(first) && !given.organisationOrPlace;
  return (
    ((speaking.has(surname) || givenActs) && (given.givenName || given.foreignWord)) ||
    (c.tokens.length === 3 &&
      speaking.has(first) &&
      !given.givenName &&
      // "Young Beats Simon": a headline's verb between two names joins two people.
      (signals.personLike ||
        nameSignals(c.tokens[1] as string).foreignWord ||
        nameSignals(c.tokens[1] as string).givenName))
  );
}

/**
 * The names (as candidates write them) that every time the text gives them come right after "in",
 * "near" or the like. One pass over the candidates.
 */
function namesOnlyWherePlacesGo(all: Candidate[]): Set<string> {
  const verdict = new Map<string, boolean>();
  for (const c of all) {
    if (c.unit.origin === 'title') continue;
    const { text } = c.unit;
    const before = text.slice(Math.max(0, c.start - 10), c.start);
    // "in David Humphreys' room": a possessive is a person's, wherever it stands.
    const possessive = /^['’]/.test(text.slice(c.end));
    const placed =
      !possessive && /(?<![\p{L}])(?:in|near|outside|inside|across|around)\s+$/u.test(before);
    const name = c.tokens.join(' ');
    verdict.set(name, (verdict.get(name) ?? true) && placed);
  }
  return new Set([...verdict].filter(([, placed]) => placed).map(([name]) => name));
}

/** "SBY" for "Susilo Bambang Yudhoyono" (its initials), "Jokowi" for "Joko Widodo" (its start). */
function shortFormOf(short: string, name: string): boolean {
  const words = name.split(' ');
  if (/^\p{Lu}+$/u.test(short)) return short === words.map((w) => w[0]).join('');
  // The start of the first word, then the start of the last: "Jo(ko) Wi(dodo)".
  const first = (words[0] ?? '').slice(0, 2);
  const last = (words.at(-1) ?? '').slice(0, 2).toLowerCase();
  return words.length > 1 && short.length > 3 && short.startsWith(first) && short.includes(last, 2);
}

/**
 * Where a full name stands, text by text and left to right: "Lafayette Woods Jr." also as house
 * styles write it, "Lafayette Woods, Jr.".
 */
function fullNameAt(index: PhraseIndex, name: string): Place[] {
  const found = index.find(name);
  const suffixed = / (?=(?:Jr|Sr)\.$)/.exec(name);
  if (!suffixed) return found;
  const withComma = `${name.slice(0, suffixed.index)},${name.slice(suffixed.index)}`;
  return [...found, ...index.find(withComma)].sort((a, b) => a.text - b.text || a.start - b.start);
}

/**
 * Short forms used alone ("Peskov said", "Putin's site", "Wong added") refer to the one person with
 * that form who has been named in full earlier in the article; two such people make it a guess.
 */
function addSurnameMentions(
  units: Unit[],
  index: PhraseIndex,
  people: Person[],
  mentions: Map<Unit, Mention[]>,
  covered: Map<Unit, Uint8Array>,
  speaking: Set<string> = new Set(),
  nicknames: ReadonlyMap<string, string> = new Map(),
): void {
  const firstSeen = new Map<string, number>();
  units.forEach((unit, unitIndex) => {
    for (const m of mentions.get(unit) ?? []) {
      const at = unitIndex * 1e7 + m.start;
      if (!firstSeen.has(m.slug) || at < (firstSeen.get(m.slug) as number))
        firstSeen.set(m.slug, at);
    }
  });
  const byForm = new Map<string, Person[]>();
  for (const person of people) {
    const tokens = withoutSuffix(person.name.split(' '));
    // Surname last (Western), first (Chinese, Korean), or two words ("Mac Giolla", "Ibarra Soto").
    // Hong Kong style, an English given name before the family name and a hyphenated Cantonese
    // given name after it ("Cyd Ho Sau-lan"): the family name is the word before the hyphenated one.
    const cantonese =
      tokens.length >= 3 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(tokens.at(-1) as string)
        ? tokens.at(-2)
        : undefined;
    const forms = [
      tokens.at(-1),
      tokens[0],
      tokens.length >= 3 ? tokens.slice(-2).join(' ') : undefined,
      tokens.length >= 3 ? `${tokens[0]} ${tokens.at(-1)}` : undefined,
      // "Helga Kristín says" for Helga Kristín Torfadóttir: two given names, as Icelandic and
      // South Asian usage names people.
      tokens.length >= 3 ? tokens.slice(0, 2).join(' ') : undefined,
      cantonese,
      nicknames.get(person.slug),
      // "Lula" for Luiz Inacio Lula da Silva, "Fakhrul" for Mirza Fakhrul Islam Alamgir: a long
      // name is shortened to any of its words, though only to a name or a word that is no English one.
      ...(tokens.length >= 4
        ? tokens.slice(1, -1).filter((t) => {
            const signals = nameSignals(t);
            return /^\p{Lu}\p{Ll}{3,}$/u.test(t) && (signals.foreignWord || signals.givenName);
          })
        : []),
    ];
    // A particle is capitalised at a sentence's start: "ten Hag" is also "Ten Hag"; and a name
    // written with a capital particle may drop it later: "Murtaja El-Hajj", then "el-Hajj said".
    const particleForms = forms.map((f) =>
      !f
        ? undefined
        : /^\p{Ll}/u.test(f)
          ? f[0]?.toUpperCase() + f.slice(1)
          : isParticleLed(f)
            ? f[0]?.toLowerCase() + f.slice(1)
            : undefined,
    );
    for (const form of new Set([...forms, ...particleForms])) {
      if (!form || /^(?:\p{Lu}\.){1,6}$/u.test(form) || form.length < 2) continue;
      byForm.set(form, [...(byForm.get(form) ?? []), person]);
    }
  }
  // "Vandermeulan said", with Dakota Vandermeulen named: a surname that speaks, one letter off the surname
  // of exactly one person, is theirs misspelt. A guess, so what it decides is capped.
  const misspelt = new Set<string>();
  const tokens = new Set(people.flatMap((p) => p.name.split(' ')));
  for (const word of speaking) {
    if (word.length < 6 || byForm.has(word) || tokens.has(word)) continue;
    const near = people.filter((p) => {
      const surname = p.name.split(' ').at(-1) as string;
      return surname.length >= 6 && oneEditApart(word, surname);
    });
    if (near.length !== 1) continue;
    byForm.set(word, near);
    misspelt.add(word);
  }
  const roles = roleForms(units, mentions);
  // Longest forms first: "de Silva said" is one mention, not a stray "de" before "Silva".
  const longestFirst = [...byForm].sort(([a], [b]) => b.length - a.length);
  const forms = placesByText(index, longestFirst, ([form]) => index.find(form));
  // Whom each short form has meant so far, where the text left no doubt.
  const lastMeant = new Map<string, string>();
  units.forEach((unit, unitIndex) => {
    const list = mentions.get(unit) as Mention[];
    addRoleMentions(unit, unitIndex * 1e7, roles, list, covered.get(unit) as Uint8Array);
    for (const { phrase: formOwners, start, end } of forms[unitIndex] ?? []) {
      const [form, owners] = formOwners;
      if (isCovered(covered.get(unit) as Uint8Array, start, end)) continue;
      // Part of a longer capitalised name ("Quayside Park") is not this person.
      const before = /(\p{Lu}[\p{L}'.-]*)\s+$/u.exec(
        unit.text.slice(Math.max(0, start - 30), start),
      )?.[1];
      // A word that ends its sentence ("… and Lar Corbett. O'Shea said") is no part of it, nor
      // is a possessive ("said Japan's Osaka").
      const endsSentence =
        before !== undefined && (/\p{Ll}{2}\.$/u.test(before) || /\p{L}['’]s$/u.test(before));
      // "And McAllister was thrilled": a sentence's opening word is no part of a name.
      const opener = before !== undefined && LEADING_NON_NAME.has(bare(before));
      // "said the Moroccan Ammouta": a nationality after "the" describes the person named.
      const demonym =
        before !== undefined &&
        nameSignals(before).demonym &&
        /(?<![\p{L}])the\s+$/iu.test(
          unit.text.slice(Math.max(0, start - before.length - 6), start - before.length - 1),
        );
      // "SG Mehta" for Solicitor General Tushar Mehta: capitals that are not the person's initials
      // abbreviate an office.
      const officeAbbreviation =
        before !== undefined &&
        /^\p{Lu}{2,4}$/u.test(before) &&
        owners.length === 1 &&
        !(owners[0] as Person).name.startsWith(before[0] as string);
      if (
        (before &&
          !isRoleWord(before) &&
          !describesPerson(before) &&
          !endsSentence &&
          !opener &&
          !demonym &&
          !officeAbbreviation) ||
        /^\s+\p{Lu}\p{Ll}/u.test(unit.text.slice(end, end + 3))
      )
        continue;
      const at = unitIndex * 1e7 + start;
      // "Mr Hindley" is not Katrina Hindley; with Brock Hindley also named, it is him.
      const stated = honorificGender(before ?? '');
      let known = owners.filter(
        (p) =>
          (firstSeen.get(p.slug) ?? Number.POSITIVE_INFINITY) < at &&
          !(stated && p.gender && p.gender !== stated),
      );
      // "Mr Hassan", with Hamad Hassan and Prime Minister Hassan Diab named: an honorific goes
      // before a family name, so the one whose name ends with the form.
      if (known.length > 1 && before && HONORIFICS.has(bare(before))) {
        const family = known.filter((p) => p.name.split(' ').at(-1) === form);
        // Not against a name written family name first ("Lee Jae-myung", "Xi Jinping"): only
        // two-word names whose first word is a given name the library knows.
        const givenFirst = known
          .filter((p) => !family.includes(p))
          .every((p) => {
            const words = p.name.split(' ');
            return words.length === 2 && !words[1]?.includes('-') && nameSignals(form).givenName;
          });
        if (family.length === 1 && givenFirst) known = family;
      }
      // "Nawaraj Poudel" above, then "Manoj Poudel said … Chief Poudel added": of several people
      // with the surname, the one named in full earlier in this paragraph.
      if (known.length > 1) {
        const here = known.filter((p) =>
          list.some((m) => m.slug === p.slug && m.kind === 'full' && m.start < start),
        );
        if (here.length === 1) known = here;
      }
      // "9-year-old Emma Gifford watched.", then "'…,' said Gifford" with Michael Gifford further
      // up: the one named in full in the paragraph just before, as nobody named here. A guess.
      let guessed = false;
      if (
        known.length > 1 &&
        unitIndex > 0 &&
        // Not "Mr Lee" beside Lee Jae-myung: a surname all of them end on, with no title before.
        known.every((p) => p.name.endsWith(` ${form}`)) &&
        !(before && TITLES.has(bare(before)))
      ) {
        const previous = mentions.get(units[unitIndex - 1] as Unit) ?? [];
        const justBefore = known.filter((p) =>
          previous.some((m) => m.slug === p.slug && m.kind === 'full'),
        );
        const namedHere = known.some((p) => list.some((m) => m.slug === p.slug && m.start < start));
        // "McVay said" all along for Sean McVay, then "Sean's father, Tim McVay" named in passing:
        // the form goes on meaning whom it has meant. Not when the one named just before acts
        // there ("The defendant, Jo Hale, no relation, denies the charges.").
        const previousText = (units[unitIndex - 1] as Unit).text;
        const actsJustBefore = previous.some(
          (m) =>
            justBefore.some((p) => p.slug === m.slug) &&
            m.kind === 'full' &&
            ACTS_AFTER_NAME.test(previousText.slice(m.end, m.end + 120)),
        );
        const meant = known.filter((p) => p.slug === lastMeant.get(form));
        if (meant.length === 1 && !namedHere && !actsJustBefore) {
          known = meant;
          guessed = true;
        } else if (justBefore.length === 1 && !namedHere) {
          known = justBefore;
          guessed = true;
        }
      }
      // "PM Lee", with Prime Minister Lee Hsien Loong and his siblings named: the one whose office
      // the title before the form names.
      if (known.length > 1 && before && TITLES.has(bare(before))) {
        const office = SHORT_OFFICES.get(bare(before)) ?? bare(before);
        const holds = (role: string | null) => {
          // "Prime Minister", "Australian Prime Minister"; not "vice president" for "President",
          // nor "Minister of Justice" for "Justice".
          const words = role?.toLowerCase().split(' ') ?? [];
          const at = words.length - office.split(' ').length;
          return (
            words.slice(at).join(' ') === office &&
            !words.slice(0, at).some((w) => OFFICE_QUALIFIERS.has(w))
          );
        };
        const holders = known.filter((p) =>
          [...mentions.values()].some((l) =>
            l.some((m) => m.slug === p.slug && m.kind === 'full' && holds(m.role)),
          ),
        );
        if (holders.length === 1) known = holders;
      }
      if (known.length !== 1) continue;
      const person = known[0] as Person;
      if (!guessed && !misspelt.has(form)) lastMeant.set(form, person.slug);
      person.gender ??= stated;
      (covered.get(unit) as Uint8Array).fill(1, start, end);
      const appositive = appositiveAfter(unit.text, end, start);
      list.push({
        slug: person.slug,
        start,
        end,
        kind: 'alias',
        role: appositive?.role ?? null,
        appositiveEnd: appositive?.end ?? null,
        ...(misspelt.has(form)
          ? { cap: MISSPELT_CAP }
          : guessed
            ? { cap: SHARED_SURNAME_CAP }
            : {}),
      });
      if (!misspelt.has(form) && !person.aliases.includes(form)) {
        // Latin short forms first, then native-script names.
        const latin = person.aliases.filter((x) => /^[\p{Script=Latin}' .-]+$/u.test(x)).length;
        person.aliases.splice(latin, 0, form);
      }
    }

    list.sort((a, b) => a.start - b.start);
  });
}

const MISSPELT_CAP = 0.6;
/** A surname several people share, read as the one named in the paragraph before. */
const SHARED_SURNAME_CAP = 0.7;
/** A name, perhaps an appositive, then a verb of its own: the name acts in its sentence. */
const ACTS_AFTER_NAME =
  /^(?:,[^,;"]{1,80},)?\s+(?:\p{Ll}+ly\s+)?(?:is|was|has|had|will|would|can|could|did|does|said|says|\p{Ll}{2,}(?:ed|ies|es))(?![\p{L}])/u;

/** One letter added, dropped, changed, or two swapped: "Vandermeulan" for "Vandermeulen". */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string) => x.slice(i + 1) === y.slice(i + 1);
  if (a.length === b.length)
    return (
      rest(a, b) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    );
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A role as the text writes it after "the", lowercase, and who holds it from which position on. */
/** A form of a role, and for each holder where they were first given it and the role as written. */
type RoleForm = { phrase: string; holders: Map<string, number>; roles: Map<string, string> };

/**
 * The roles people are given ("Fisheries Minister Filipe Rodrigues", "Jud Smith, the sheriff"), as
 * phrases a later "the Fisheries Minister" or "the sheriff" may use for them: the whole role, and
 * its last word when that names a role, or a synonym of it ("India captain …", "the skipper").
 */
function roleForms(units: Unit[], mentions: Map<Unit, Mention[]>): RoleForm[] {
  const forms = new Map<string, Map<string, number>>();
  const rolesByForm = new Map<string, Map<string, string>>();
  units.forEach((unit, unitIndex) => {
    for (const m of mentions.get(unit) ?? []) {
      const role = m.role?.toLowerCase().replace(/^(?:the|a|an)\s+/, '');
      if (!role || /['’]s\b/.test(role)) continue;
      // "commissioner of environment …", then "the commissioner": the office without its remit.
      const remit = / (?:of|for|at) /.exec(role);
      const office = remit !== null && !isRoleWord(role.split(' ').at(-1) as string);
      const headed = office ? role.slice(0, remit.index) : role;
      // A long role ("Islamabad High Court Chief Justice") is not repeated whole; its end may be.
      const long = headed.split(' ').length > 4;
      const last = headed.split(' ').at(-1) as string;
      // "Niigata Gov. Hideyo Hanazumi", then "the governor": an abbreviated title by its full word.
      const lastForms = isRoleWord(last)
        ? [last, ...(ROLE_SYNONYMS.get(last) ?? ROLE_SYNONYMS.get(last.replace(/\.$/, '')) ?? [])]
        : [];
      // "West Bengal Chief Minister …", then "the chief minister": the role's own words at its end.
      const words = headed.split(' ');
      let from = words.length - 1;
      while (
        from > 0 &&
        (ROLE_MODIFIERS.has(words[from - 1] as string) || isTitleWord(words[from - 1] as string))
      )
        from--;
      const tail = from < words.length - 1 && isRoleWord(last) ? [words.slice(from).join(' ')] : [];
      // "Prime Minister H E Sheikh …", then "the Prime Minister": an office before the honorifics.
      const offices = headed
        .split(/\s+(?:h\.?\s?e\.?|his excellency|her excellency)\s+/)
        .slice(0, -1)
        .concat(headed.split(' and ').slice(0, -1))
        .filter((office) => isRoleWord(office.split(' ').at(-1) as string));
      // "Chief Executive Officer …", then "its CEO", "Prime Minister …", then "the PM": an office of
      // several words goes by its initials.
      // So do its last two words: "Indian Prime Minister" is "the PM".
      const initialsOf = (ws: string[]) =>
        ws.length >= 2 && ws.length <= 4 && ws.every((w) => /^\p{L}+$/u.test(w))
          ? [
              ws
                .map((w) => w[0])
                .join('')
                .toUpperCase(),
            ]
          : [];
      const initials = [
        ...initialsOf(words),
        ...(isRoleWord(last) ? initialsOf(words.slice(-2)) : []),
      ];
      for (const phrase of new Set([
        ...(long ? [] : [role]),
        ...lastForms,
        ...tail,
        ...initials,
        ...offices,
      ])) {
        if (!phrase) continue;
        const holders = forms.get(phrase) ?? new Map<string, number>();
        if (!holders.has(m.slug)) holders.set(m.slug, unitIndex * 1e7 + m.start);
        forms.set(phrase, holders);
        const held = rolesByForm.get(phrase) ?? new Map<string, string>();
        const roles = held.get(m.slug) ?? '';
        // Each role once: a holder named a thousand times keeps one short string.
        if (!` ${roles} `.includes(` ${role} `)) held.set(m.slug, `${roles} ${role}`);
        rolesByForm.set(phrase, held);
      }
    }
  });
  return [...forms].map(([phrase, holders]) => ({
    phrase,
    holders,
    roles: rolesByForm.get(phrase) ?? new Map(),
  }));
}

/**
 * "the sheriff said", "the exhausted skipper said": a mention of the one person given that role
 * earlier, if only one was. Up to two lowercase words or nationalities may describe the holder between "the" and the
 * role, unless they make it someone else ("the assistant coach").
 */
function addRoleMentions(
  unit: Unit,
  offset: number,
  roles: RoleForm[],
  list: Mention[],
  coveredHere: Uint8Array,
): void {
  for (const { phrase, holders, roles: held } of roles) {
    const pattern = new RegExp(
      `(?<![\\p{L}])(?:the|its)\\s+((?:[\\p{L}\\d-]+\\s+){0,2}?)${escapeRegExp(phrase)}(?![\\p{L}])`,
      'giu',
    );
    for (const match of unit.text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      const described = wordsIn(match[1] ?? '');
      // Initials stand for the office only in capitals: "its CEO", not "the ceo".
      if (/^\p{Lu}+$/u.test(phrase) && !match[0].endsWith(phrase)) continue;
      // "the Labour leader" after "Labour party leader Jeremy Corbyn" and "Deputy Labour leader Tom
      // Watson": a body in capitals names the holder whose role names it, and no deputy of theirs.
      const bodies = described.filter((w) => /^\p{Lu}\p{Ll}/u.test(w) && !nameSignals(w).demonym);
      const holdsIt = (slug: string) => {
        const role = ` ${held.get(slug) ?? ''} `;
        return (
          bodies.every((w) => role.includes(` ${w.toLowerCase()} `)) &&
          ![...OTHER_HOLDER].some((w) => role.includes(` ${w} `) && !described.includes(w))
        );
      };
      // Naming the person right after ("the sheriff, Jud Smith") is a full mention instead.
      if (
        described.some(
          (w) =>
            // A nationality or an age describes the holder too: "the Australian coach", "the
            // 71-year-old senator".
            (!/^\p{Ll}/u.test(w) &&
              !nameSignals(w).demonym &&
              !/^\d{1,3}-year-old$/.test(w) &&
              !(bodies.includes(w) && [...holders.keys()].some(holdsIt))) ||
            OTHER_HOLDER.has(w) ||
            NOT_DESCRIBING.has(w) ||
            isRoleWord(w),
        ) ||
        isCovered(coveredHere, start, end) ||
        /^\s*,?\s*\p{Lu}/u.test(unit.text.slice(end, end + 3))
      )
        continue;
      const earlier = [...holders].filter(
        ([slug, at]) => at < offset + start && (bodies.length === 0 || holdsIt(slug)),
      );
      if (earlier.length !== 1) continue;
      coveredHere.fill(1, start, end);
      list.push({
        slug: (earlier[0] as [string, number])[0],
        start,
        end,
        kind: 'alias',
        role: null,
        appositiveEnd: null,
      });
    }
  }
}

// Words that join two phrases rather than describe a role's holder: "the ball to captain".
const NOT_DESCRIBING = new Set(
  'of for to with by from in on at into and or but as than that who which is was are were has had have be been'.split(
    ' ',
  ),
);

const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean);

function isCovered(map: Uint8Array, start: number, end: number): boolean {
  return map.subarray(start, end).includes(1);
}

/** Whether the text gives `name` a title, a role before it or an appositive after it somewhere. */
function introducedInRole(all: Candidate[], name: string): boolean {
  return all.some(
    (c) =>
      c.tokens.join(' ') === name &&
      (c.titles.length > 0 ||
        roleBefore(c.unit.text, c.start) !== null ||
        appositiveAfter(c.unit.text, c.end, c.start) !== null),
  );
}

/** Where a name first stands alone in the article, as paragraph and offset in one number. */
function firstAt(units: Unit[], name: string): number {
  const alone = new RegExp(
    String.raw`(?<![\p{L}'-])${escapeRegExp(name)}(?![\p{L}'-]|\s+\p{Lu})`,
    'u',
  );
  for (const [i, unit] of units.entries()) {
    const at = alone.exec(unit.text)?.index;
    if (at !== undefined) return i * 1e7 + at;
  }
  return Number.POSITIVE_INFINITY;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
