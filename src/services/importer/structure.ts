// Splits a scraped article into its parts: headline, byline, lead image, body paragraphs and teasers.
import { ImportError } from './errors.js';
import { nameSignals } from './names.js';
import { collapse } from './normalise.js';

export type Byline = { authors: string[]; role: string | null };
export type LeadImage = {
  title: string | null;
  caption: string | null;
  credit: string | null;
  agency: string | null;
  photographer: string | null;
};
export type TeaserPart = {
  kicker: string | null;
  title: string;
  summary: string;
  isTruncated: boolean;
};
export type ArticleParts = {
  headline: string;
  byline: Byline;
  leadImage: LeadImage | null;
  paragraphs: string[];
  teasers: TeaserPart[];
};

const BULLET = /^\s*[•·▪●]\s*/;

// Words that make a byline segment a role ("Health Correspondent") rather than a name.
const BYLINE_ROLE_WORDS =
  /\b(correspondent|editor|reporter|writer|columnist|contributor|staff|bureau|chief|analyst|producer|journalist|critic|desk|writers|reporters|editors|correspondents|team|service|agencies|news)\b/i;

/** Parses normalised text (see normaliseText). Throws ImportError when it has no headline or body. */
export function parseStructure(text: string): ArticleParts {
  const lines = text.split('\n');
  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  };
  skipBlank();
  const headline = collapse(lines[i] ?? '');
  if (!headline || /^by\s/i.test(headline) || BULLET.test(lines[i] ?? '')) {
    throw new ImportError('NO_HEADLINE', 'the text has no headline on its first line');
  }
  i++;
  skipBlank();

  let byline: Byline = { authors: [], role: null };
  let leadImage: LeadImage | null = null;
  // A byline is short and holds no sentence: "By drawing his game with …, So clinched …" is body.
  const bylineLine = (lines[i] ?? '').trim();
  if (
    /^by\s+\S/i.test(bylineLine) &&
    bylineLine.length <= 100 &&
    // An initial's full stop ends no sentence: "By Emery P. Dalesio".
    !/(?<!(?:^|\s)\p{Lu})[.!?]\s+\p{Lu}/u.test(bylineLine)
  ) {
    byline = parseByline(collapse(lines[i] ?? ''));
    i++;
    // "Associated Press" on its own line under the names is the byline's agency, not a caption.
    if (NEWS_AGENCY.test((lines[i] ?? '').trim())) i++;
    // The photo title and caption sit directly under the byline, with no blank line between.
    const imageLines: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '' && imageLines.length < 2) {
      imageLines.push(collapse(lines[i] ?? ''));
      i++;
    }
    // One line with no credit directly under the byline is the body's first paragraph, not an
    // image: an image has a caption, and a caption ends in a credit or follows a title.
    if (imageLines.length === 1 && !creditIn(imageLines[0] ?? '')) i--;
    else leadImage = parseLeadImage(imageLines);
  } else {
    // No byline: a photo's title and caption may still open the article, two lines with no blank
    // between, if the caption ends in a credit ("Image source, Jo Roe/BBC").
    const block = lines.slice(i, i + 3).map((line) => line.trim());
    if (block[0] && block[1] && !block[2] && creditIn(collapse(block[1]))) {
      leadImage = parseLeadImage(block.slice(0, 2).map(collapse));
      i += 2;
    } else if (
      block[0] &&
      !block[1] &&
      PHOTO_LABEL.test(block[0]) &&
      creditIn(collapse(block[0]))
    ) {
      // "The council meets in July. Photo: RNZ / Jo Roe": one caption line, labelled as one.
      leadImage = parseLeadImage([collapse(block[0])]);
      i += 1;
    }
  }

  const paragraphs: string[] = [];
  const teaserLines: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length) paragraphs.push(collapse(block.join(' ')));
    block = [];
  };
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (BULLET.test(line)) {
      flush();
      teaserLines.push(...lines.slice(i));
      break;
    }
    if (line.trim() === '') flush();
    else block.push(line);
  }
  flush();
  if (paragraphs.length === 0)
    throw new ImportError('NO_BODY', 'the text has a headline but no body paragraphs');
  return { headline, byline, leadImage, paragraphs, teasers: parseTeasers(teaserLines) };
}

const NEWS_AGENCY =
  /^(?:the\s+)?(?:associated press|ap|reuters|afp|getty(?: images)?|aap|epa|shutterstock|alamy|supplied|file|handout|stringer|agence france-presse|bloomberg(?: news)?|upi|united press international|dpa|xinhua|ani|pti|ians|efe|ansa|kyodo(?: news)?|yonhap|tass|pa(?: media)?|press association|cnn wire|staff)$/i;

/**
 * "WWJ Newsroom", "Citizen Reporter", "Sports Desk", "Gulf News", "Redditch Editorial", "TT
 * Bureau": a desk's or an outlet's byline, not a person's.
 */
const DESK_BYLINE =
  /\s(?:newsroom|desk|staff|reporter|reporters|report|correspondent|team|news|editorial|bureau|online|media|newswire|writers)$/i;

/** "By The Star", "By footballghana.com": a publication or a website credits itself. */
const PUBLICATION_BYLINE =
  /^the\s|^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|net|org|co|info|news)(?:\.[a-z]{2})?$/iu;

/**
 * Words a masthead, a desk or a picture library is named with ("Korea JoongAng Daily", "Inquirer
 * Sports", "WINNIPEG FREE PRESS FILES", "Getty Images Sport"), and the platforms a picture is
 * taken from ("Gor Mahia/Facebook").
 */
const MASTHEAD_WORDS = new Set(
  `times daily herald enquirer inquirer tribune observer gazette chronicle telegraph sport sports
  showbiz update weekly magazine radio tv television online newswire file files images pictures
  photos photo facebook twitter instagram youtube tiktok handout supplied monitor today insider
  courier dispatch examiner argus sentinel bulletin news media network channel broadcasting review
  digest clarion advertiser register edition now live republic evening morning week voice`.split(
    /\s+/,
  ),
);
/**
 * Masthead words that are also surnames ("Kwabena Nation", "Hyun-woo Sun"): a house's only after
 * its place or people ("Malay Mail", "Washington Post") or with more words ("Winnipeg Free Press").
 */
const SURNAME_MASTHEAD_WORDS = new Set(
  'mail post express press standard nation star sun globe record mirror independent guardian citizen journal wire advocate echo leader voice'.split(
    ' ',
  ),
);

const SOCIAL_PLATFORM = /^(?:facebook|twitter|x|instagram|youtube|tiktok|linkedin|threads)$/i;

/**
 * A byline or a credit naming a house, not a person: an agency, a desk, a publication or website,
 * an acronym ("RNZ", "RNZ Pacific", "NCA NewsWire"), one word ("CommsUpdate"), or a masthead's
 * words after anything but a known given name ("Thai Enquirer", not "Emily Post").
 */
function isOutletName(name: string): boolean {
  const plain = name.replace(/\s+(?:photo|photos|pictures)$/i, '');
  const words = plain.split(/\s+/);
  const first = words[0] ?? '';
  const allCaps = /^[\p{Lu}\s.'-]+$/u.test(plain);
  const firstSignals = nameSignals(allCaps ? calmName(first) : first);
  // "Washington Post", "Financial Post": a place, a nationality or a quality before a masthead word.
  // Not "Frank Sun": an adjective that is also a given name makes a person's name.
  const placeFirst =
    firstSignals.organisationOrPlace ||
    firstSignals.demonym ||
    (firstSignals.adjective && !nameSignals(plain).personLike);
  const masthead =
    !nameSignals(allCaps ? calmName(plain) : plain).givenName &&
    words.some(
      (w) =>
        MASTHEAD_WORDS.has(w.toLowerCase()) ||
        (SURNAME_MASTHEAD_WORDS.has(w.toLowerCase()) && (placeFirst || words.length > 2)),
    );
  return (
    NEWS_AGENCY.test(plain) ||
    DESK_BYLINE.test(plain) ||
    PUBLICATION_BYLINE.test(plain) ||
    words.length === 1 ||
    // "By NewsChannel 5": a channel's number is no part of a person's name.
    words.some((word) => /^\d+$/.test(word)) ||
    (/^\p{Lu}{3,}$/u.test(first) && !allCaps) ||
    masthead ||
    nameSignals(plain).organisation ||
    // "By Portugal Resident": a house named after its country or city and an English word (not
    // "Darlington Mwashita", a person named like a town).
    (words.length > 1 &&
      nameSignals(first).organisationOrPlace &&
      !nameSignals(words.at(-1) as string).foreignWord &&
      !nameSignals(words.at(-1) as string).personWord) ||
    // "By Modern Ghana", "By Yes Punjab": a place after a word that is no name.
    (words.length > 1 &&
      !firstSignals.givenName &&
      !firstSignals.personWord &&
      !firstSignals.foreignWord &&
      words.slice(1).some((w) => nameSignals(w).organisationOrPlace)) ||
    // "By City A.M.": initials end no person's name.
    (words.length > 1 && /^(?:\p{Lu}\.){2,}$/u.test(words.at(-1) as string))
  );
}

/**
 * "By A", "By A and B", "By A, B and C", "By A, Health Correspondent", "By A and B, Staff Writers",
 * "By A, with B".
 */
export function parseByline(line: string): Byline {
  const body = line.replace(/^by\s+/i, '');
  const segments = body.split(/\s*,\s*/).filter(Boolean);
  const roles: string[] = [];
  const authors: string[] = [];
  for (const [index, raw] of segments.entries()) {
    // "By David Lewis, with Jason Om": a contributor credited with "with" is an author too.
    const segment = index > 0 ? raw.replace(/^with\s+(?=\p{Lu})/u, '') : raw;
    // The first segment is always names ("By Ann Writer"); later ones may be a role.
    // "By William Vogeler, Esq.": a suffix to the name before it, neither a name nor a role.
    if (index > 0 && /^(?:esq|jr|sr|phd|md|qc|kc)\.?$/i.test(segment)) continue;
    if (index > 0 && (BYLINE_ROLE_WORDS.test(segment) || /^[a-z]/.test(segment))) {
      roles.push(segment);
      continue;
    }
    // "By Ada Obi, Abuja": one capitalised word after a name is the dateline's place, unless the
    // library knows it as a given name ("By Ann Lee, Cher and Bo Ng" lists authors).
    if (index > 0 && /^\p{Lu}[\p{L}'-]+$/u.test(segment) && !nameSignals(segment).personWord)
      continue;
    // "By Quill & Quire Staff": a desk's whole segment, before any "and" splits it.
    if (DESK_BYLINE.test(segment)) continue;
    // "By Nqobani Ndlovu/Darlington Mwashita": a slash joins names as "and" does.
    for (const name of segment.split(/\s+(?:and|&)\s+|\s*\/\s*/i)) {
      // "By Ann Lee in Brisbane": where the author filed from follows the name.
      const cleaned = name
        .replace(/^and\s+/i, '')
        .replace(/\s+in\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,2}$/u, '')
        .trim();
      // "By Associated Press", "By Reuters": an agency credit, not a person. Nor is one word of the
      // desk's ("By Agencies", "By Staff"): a credit to no one in particular.
      const desk = /^\p{L}+$/u.test(cleaned) && BYLINE_ROLE_WORDS.test(cleaned);
      if (cleaned && !desk && !isOutletName(cleaned)) authors.push(calmName(cleaned));
    }
  }
  return { authors, role: roles.length ? roles.join(', ') : null };
}

/** "By SHARON OTIENO": a name set in capitals is stored as a name is written, "Sharon Otieno". */
function calmName(name: string): string {
  if (!/^\p{Lu}{2,}(?:[\s'-]+\p{Lu}{2,})+$/u.test(name)) return name;
  return name
    .toLowerCase()
    .replace(
      /(^|[\s'-])(\p{Ll})/gu,
      (_, gap: string, letter: string) => gap + letter.toUpperCase(),
    );
}

// "REUTERS/David Becker", "AP Photo/Jane Doe", "Getty Images/John Smith", "AFP PHOTO / Ann Lee".
// "©INPHO/Morgan Treacy": a copyright sign may open it.
const CREDIT =
  /(?:^|\s|(?<=\/))[(©]?\s*((\p{Lu}[\p{L}&.'-]*(?:\s+\p{Lu}[\p{L}&.'-]*){0,2})\s*\/\s*(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}))\)?\.?$/u;

/**
 * A credit's label word as captions write it ("Photo", "photo", "PHOTO"), spelled out because a
 * case-insensitive pattern would let the names' \p{Lu} match lower case too.
 */
const PHOTO_WORD = '(?:[Pp]hoto|PHOTO|[Pp]icture|PICTURE|[Ii]mage|IMAGE)';

// "Photo by Stephen Shaver/UPI", "(Photo by Matt Sayles, Invision/AP)": the photographer first,
// then the agency.
const CREDIT_BY =
  /(?:^|\s)\(?((?:photo|picture|image)s?\s+by\s+(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})\s*[/,]\s*(\p{Lu}[\p{L}&.'-]*(?:\s+\p{Lu}[\p{L}&.'-]*){0,2}(?:\/\p{Lu}[\p{L}&.'-]*)?))\)?\.?$/iu;

// "Photo: O Ducie", "Picture: Getty Images", "Photo credit WWJ's Jo Roe": a label, then one name,
// a photographer or an agency (an outlet's possessive before a name is left out).
const CREDIT_NAME_ONLY = new RegExp(
  String.raw`(?:^|\s)\(?(${PHOTO_WORD}s?(?:\s*:|\s+credit:?)\s*(?:[\p{Lu}\d][\p{L}\d&.-]*['’]s\s+)?(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}))\)?\.?$`,
  'u',
);

// "Photo courtesy of Jo Roe/UVM Medical Center", "Courtesy Dan Smythe": the credit thanks whoever
// took the picture; a body after a slash or a comma is the agency.
const CREDIT_COURTESY = new RegExp(
  String.raw`(?:^|\s)\(?((?:${PHOTO_WORD}s?\s+)?[Cc]ourtesy(?:\s+of)?\s+(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){1,3})(?:\s*[/,]\s*(\p{Lu}[\p{L}&.'-]*(?:\s+\p{Lu}[\p{L}&.'-]*){0,3}))?)\)?\.?$`,
  'u',
);

// "(ABC Great Southern: Tim Wong-See)", "(Supplied: Jo Roe)": the outlet, a colon, the photographer.
const CREDIT_OUTLET_COLON =
  /\(((\p{Lu}[\p{L}&.'-]*(?:\s+\p{Lu}[\p{L}&.'-]*){0,3}):\s*(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){1,3}))\)\.?$/u;

/**
 * A caption that says it is one, or ends in a credit in brackets ("… (Jo Roe/Canadian Press)"): a
 * single line under the headline may then be the lead image's.
 */
const PHOTO_LABEL =
  /(?:^|[\s(])(?:photo|picture|image)s?(?:\s+by|\s*:|\s+credit|\s+courtesy)|(?:^|\s)courtesy\s|\([^()/]+\/[^()]+\)\.?$|\([^():]+:[^():]+\)\.?$|\s©\s*[^\s/]+\/[^/]+$/i;

// "Image source, Jo Roe/BBC", "Photo credit: Jo Roe | Daily Post": a label, the photographer, then
// the agency after a slash or a bar.
// "Picture: Jo Roe/African News Agency(ANA)" too.
const CREDIT_LABELLED = new RegExp(
  String.raw`(?:^|\s)(${PHOTO_WORD}(?:\s+(?:source|credit))?\s*[,:]\s*(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})\s*[/|]\s*(\p{Lu}[\p{L}&.'-]*(?:\s+\p{Lu}[\p{L}&.'-]*){0,3}(?:\s*\(\p{Lu}+\))?))\.?$`,
  'u',
);

/** The credit at the end of a caption as [whole credit, agency, photographer], with its offset. */
function creditIn(line: string): { index: number; 1: string; 2: string; 3: string } | null {
  const thanked = CREDIT_COURTESY.exec(line);
  if (thanked) {
    const name = thanked[2] ?? '';
    // "Courtesy Toronto Police": thanks to a body, which took no picture as a person.
    const body = isOutletName(name) || nameSignals(name).organisationOrPlace;
    const agency = body ? name : (thanked[3] ?? '');
    return { index: thanked.index, 1: thanked[1] ?? '', 2: agency, 3: body ? '' : name };
  }
  const outlet = CREDIT_OUTLET_COLON.exec(line);
  if (outlet && !isOutletName(outlet[3] ?? '') && !nameSignals(outlet[3] ?? '').organisationOrPlace)
    return { index: outlet.index, 1: outlet[1] ?? '', 2: outlet[2] ?? '', 3: outlet[3] ?? '' };
  const reversed = CREDIT_BY.exec(line) ?? CREDIT_LABELLED.exec(line);
  if (reversed) {
    // The photographer usually comes first here, but "Image: Reuters/T. Negeri" keeps wire order.
    const [first, second] = [reversed[2] ?? '', reversed[3] ?? ''];
    const agencyFirst = isOutletName(first) && !isOutletName(second);
    // "Photo by STRINGER / AFP": a placeholder, not a name.
    const photographer = agencyFirst ? second : NEWS_AGENCY.test(first) ? '' : first;
    return {
      index: reversed.index,
      1: reversed[1] ?? '',
      2: agencyFirst ? first : second,
      3: photographer,
    };
  }
  const credit = CREDIT.exec(line);
  if (!credit) {
    const named = CREDIT_NAME_ONLY.exec(line);
    if (!named) return null;
    const name = named[2] ?? '';
    const agency = isOutletName(name);
    return { index: named.index, 1: named[1] ?? '', 2: agency ? name : '', 3: agency ? '' : name };
  }
  const [first, second] = [credit[2] ?? '', credit[3] ?? ''];
  // "PHOTO/Gor Mahia/Facebook": a picture taken from someone's page names no photographer.
  if (SOCIAL_PLATFORM.test(second))
    return { index: credit.index, 1: credit[1] ?? '', 2: `${first}/${second}`, 3: '' };
  // Agency first is the wire style ("REUTERS/David Becker"); some outlets put the photographer
  // first ("Darren England/AAP"). The side set in capitals, or a known agency, is the agency.
  // A wire service is always the agency ("Hyun-woo Sun/AP").
  const photographerFirst =
    (isOutletName(second) && !isOutletName(first)) ||
    (NEWS_AGENCY.test(second) && !NEWS_AGENCY.test(first));
  // "Mark Blinch / Getty Images Sport / Getty": two houses, and the photographer before them.
  const before =
    /(?:^|\s)((?:\p{Lu}\.|\p{Lu}[\p{L}'-]*)(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'-]*)){1,3})\s*\/\s*$/u.exec(
      line.slice(0, credit.index + (credit[0].length - credit[0].trimStart().length)),
    );
  if (before && isOutletName(first) && isOutletName(second) && !isOutletName(before[1] ?? ''))
    return {
      index: before.index,
      1: line.slice(before.index).trim(),
      2: first,
      3: before[1] ?? '',
    };
  return {
    index: credit.index,
    1: credit[1] ?? '',
    2: photographerFirst ? second : first,
    3: photographerFirst ? first : second,
  };
}

function parseLeadImage(lines: string[]): LeadImage | null {
  if (lines.length === 0) return null;
  const last = lines[lines.length - 1] ?? '';
  const credit = creditIn(last);
  const title = lines.length === 2 || !credit ? (lines[0] ?? null) : null;
  const captionLine = lines.length === 2 || credit ? last : null;
  if (!credit)
    return { title, caption: captionLine, credit: null, agency: null, photographer: null };
  const caption = collapse(last.slice(0, credit.index));
  return {
    title,
    caption: caption || null,
    credit: collapse(credit[1] ?? ''),
    agency: agencyName(credit[2] ?? '') || null,
    photographer: calmName(collapse(credit[3] ?? '')) || null,
  };
}

/** "REUTERS" → "Reuters", "AP Photo" → "AP", "AFP PHOTO" → "AFP", "Getty Images" stays. */
export function agencyName(raw: string): string {
  const name = collapse(raw).replace(/\s+(photo|photos|pictures)$/i, '');
  if (name === name.toUpperCase() && name.replace(/[^A-Z]/g, '').length > 4) {
    return name.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  }
  return name;
}

function parseTeasers(lines: string[]): TeaserPart[] {
  const teasers: TeaserPart[] = [];
  let current: { head: string; summary: string[] } | null = null;
  const push = () => {
    if (!current) return;
    const kicker = /^\[([^\]]+)\]\s*/.exec(current.head);
    const title = collapse(kicker ? current.head.slice(kicker[0].length) : current.head);
    const summary = collapse(current.summary.join(' '));
    if (title) {
      teasers.push({
        kicker: kicker ? collapse(kicker[1] ?? '') : null,
        title,
        summary,
        // A summary cut off by the page ends mid-word, without closing punctuation.
        isTruncated: summary !== '' && !/[.!?…"')\]]$/.test(summary),
      });
    }
  };
  for (const line of lines) {
    if (BULLET.test(line)) {
      push();
      current = { head: line.replace(BULLET, ''), summary: [] };
    } else if (current && line.trim()) {
      current.summary.push(line);
    }
  }
  push();
  return teasers;
}
