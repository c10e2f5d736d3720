// What a general-purpose NLP library knows about a capitalised phrase: is its first word a given
// name (and of which gender), or is the phrase an organisation or a place. Hand lexicons cannot
// know every given name; compromise's can, and it is maintained elsewhere.
import nlp from 'compromise';

export type Gender = 'male' | 'female';

export type NameSignals = {
  /** The first word is a known given name ("Jessica" in "Jessica Shultz"). */
  givenName: boolean;
  /**
   * The library reads the phrase as a person's name even without a known given name: "Max
   * Verstappen" (person words), "Rohit Sharma" (a known surname). Weaker than `givenName`.
   */
  personLike: boolean;
  /** The library tags the first word as part of a person's name (a given name or a surname). */
  personWord: boolean;
  gender: Gender | null;
  /** The first word is a verb's -ing form the library knows ("Describing"), not a given name. */
  gerund: boolean;
  /** The phrase reads as an organisation or a place ("Associated Press", "Las Vegas"). */
  organisationOrPlace: boolean;
  /** The phrase reads as an organisation ("Associated Press"), not merely a place. */
  organisation: boolean;
  /** The first word names a nationality ("American", "Kenyan"): it describes a name, never starts one. */
  demonym: boolean;
  /** The first word is an adjective the library knows ("Financial", "Evening"), not a given name. */
  adjective: boolean;
  /**
   * The first word is no English word the library knows, by its dictionary or by its ending:
   * "Musa", "Mohsin", but not "Patrol", "Striker" or "Fisheries".
   */
  foreignWord: boolean;
};

// Phrases repeat within an article and across a batch; tagging is the costly part, so remember it.
const cache = new Map<string, NameSignals>();
const lexicon = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
// Endings English nouns, adjectives and agent nouns are made with; names rarely end so.
const ENGLISH_ENDING =
  /(?:tion|sion|ment|ness|ity|ing|ed|er|ers|or|ist|ies|ism|ous|ive|able|ible|ful|less|ship|hood|ery|ary|ic|al)$/;
const CACHE_LIMIT = 50_000;

export function nameSignals(phrase: string): NameSignals {
  const known = cache.get(phrase);
  if (known) return known;
  const terms = (nlp(phrase).json() as { terms: { tags: string[] }[] }[])[0]?.terms ?? [];
  const first = new Set(terms[0]?.tags ?? []);
  const givenName = first.has('FirstName');
  const last = new Set(terms.at(-1)?.tags ?? []);
  const notAName = (tags: Set<string>) =>
    tags.has('Organization') || tags.has('Place') || tags.has('Adjective') || tags.has('Verb');
  const signals: NameSignals = {
    givenName,
    personWord: first.has('Person'),
    personLike:
      terms.length >= 2 &&
      (first.has('Person') || last.has('LastName')) &&
      !first.has('Demonym') &&
      !last.has('Plural') &&
      !/^(?:saint|st\.?)$/i.test(phrase.split(' ')[0] ?? '') &&
      // A hyphenated first word ("Kenyan-born", "Man-of-the-match") is a name only when the
      // library reads each of its parts as one: "Jean-Paul Sartre".
      terms
        .slice(0, (phrase.split(' ')[0] ?? '').split('-').length)
        .every((t) => t.tags.includes('Person') || !/-/.test(phrase.split(' ')[0] ?? '')) &&
      !terms.some((t) => notAName(new Set(t.tags))),
    gerund: first.has('Gerund') && !givenName,
    gender: vietnameseGender(phrase) ?? givenNameGender(terms, phrase),
    organisationOrPlace:
      !givenName &&
      terms.length > 0 &&
      terms.some((t) => t.tags.includes('Organization') || t.tags.includes('Place')) &&
      !terms.some((t) => t.tags.includes('LastName')),
    organisation:
      !givenName &&
      terms.some((t) => t.tags.includes('Organization')) &&
      !terms.some((t) => t.tags.includes('LastName')),
    demonym: first.has('Demonym'),
    adjective: first.has('Adjective') && !givenName,
    foreignWord: foreignWord(phrase.split(' ')[0] ?? '', first),
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(phrase, signals);
  return signals;
}

/**
 * The gender the library gives the given name. A hyphenated one ("Jo-Wilfried", "Jean-Marie")
 * has it only when every part has the same: "Jo" alone would make Jo-Wilfried Tsonga a "she".
 */
function givenNameGender(terms: { tags: string[] }[], phrase: string): Gender | null {
  const parts = (phrase.split(' ')[0] ?? '').split('-').length;
  const genders = new Set(
    terms
      .slice(0, parts)
      .map((t) =>
        t.tags.includes('FemaleName') ? 'female' : t.tags.includes('MaleName') ? 'male' : null,
      ),
  );
  return genders.size === 1 ? ([...genders][0] ?? null) : null;
}

/** The family names most Vietnamese people bear, which open their names ("Julia Van Horn" is no such name). */
const VIETNAMESE_FAMILY_NAMES = new Set(
  'Nguyen Nguyễn Tran Trần Le Lê Pham Phạm Hoang Hoàng Huynh Huỳnh Phan Vu Vũ Vo Võ Dang Đặng Bui Bùi Do Đỗ Ho Hồ Ngo Ngô Duong Dương Ly Lý Trinh Dinh Đinh Mai Truong Trương'.split(
    ' ',
  ),
);

/**
 * "Nguyen Thi Luong", "Hoang Van Luan": a Vietnamese name puts the family name first, which the
 * library may take for a given name, and its middle name Thi or Van says the gender.
 */
function vietnameseGender(phrase: string): Gender | null {
  const words = phrase.split(' ');
  if (words.length < 3 || !VIETNAMESE_FAMILY_NAMES.has(words[0] as string)) return null;
  if (/^Th[iị]$/u.test(words[1] as string)) return 'female';
  if (/^V[aă]n$/u.test(words[1] as string)) return 'male';
  return null;
}

function foreignWord(word: string, tags: Set<string>): boolean {
  const plain = word.toLowerCase();
  return (
    /^\p{Lu}\p{Ll}{2,}$/u.test(word) &&
    !(plain in lexicon) &&
    !ENGLISH_ENDING.test(plain) &&
    [...tags].every((t) => t === 'Noun' || t === 'Singular' || t === 'ProperNoun')
  );
}

// West African and Singaporean usage too: "Alhaji", "Mallam"; "Hajiya", "Alhaja", "Madam".
const MALE_HONORIFICS = new Set(
  'mr sir lord king prince father brother alhaji mallam malam'.split(' '),
);
const FEMALE_HONORIFICS = new Set(
  'mrs ms miss dame lady queen princess sister hajiya hajia alhaja madam mdm'.split(' '),
);

/** The gender an honorific states: "Mr" → male, "Mrs"/"Ms" → female. */
export function honorificGender(word: string): Gender | null {
  const plain = word.toLowerCase().replace(/\.$/, '');
  if (MALE_HONORIFICS.has(plain)) return 'male';
  if (FEMALE_HONORIFICS.has(plain)) return 'female';
  return null;
}
