// Word lists the importer reasons with. Kept apart so that adding a title or verb is a one-line change.

const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Titles written before a name; they are not part of the name. Compared lowercase, without dots. */
export const TITLES = words(`
  president president-elect vice-president senator sen rep representative governor gov mayor councillor
  councilor councilwoman councilman dr doctor rev reverend mr mrs ms miss mx prof professor minister
  secretary speaker chairman chairwoman chair judge justice pope king queen prince princess general gen
  colonel col captain capt sergeant sgt officer detective pastor bishop archbishop cardinal father sister
  brother chief inspector commissioner superintendent ambassador premier chancellor deputy director lord
  lady sir dame elder deacon imam rabbi sheikh coach mp leader spokesperson spokesman spokeswoman
  chancellor-elect governor-elect mayor-elect prime ceo chief-executive prosecutor executive
  cr coun lt supt insp det cllr adm maj cpl pvt atty lieutenant major admiral corporal private attorney
  constable con garda recorder magistrate pm cm advocate
  datuk dato dato' datin seri tun puan comr mec
  sayyida sheikha highness majesty eng first-lieutenant second-lieutenant
  lieutenant-colonel lieutenant-general major-general brigadier brigadier-general staff-sergeant
  sp dsp csp ssp acp dcp aig igp const cst
  taoiseach tánaiste tanaiste trustee alhaji alhaja hajia hajiya mallam malam madam mdm
`);

/** Honorifics: titles that say nothing about a role, so they never become "role as written". */
export const HONORIFICS = words('mr mrs ms miss mx dr rev reverend sir dame prof');

/** Lowercase nouns naming a role, as in "opposing candidate Hillary Clinton". */
export const ROLE_NOUNS = words(`
  leader spokesperson spokesman spokeswoman candidate minister secretary chief executive director
  president chairman chairwoman chair artist author councillor councilor senator governor mayor speaker
  analyst economist professor lawyer attorney coach player founder co-founder researcher scientist officer
  commissioner manager head adviser advisor aide official activist campaigner resident witness nurse
  doctor teacher student pastor priest singer actor actress photographer designer engineer farmer owner
  ceo chef investor diplomat envoy ambassador judge prosecutor lawmaker legislator representative deputy
  correspondent editor reporter journalist historian curator principal surgeon physician mp organiser
  organizer volunteer coordinator treasurer chancellor premier governor-elect president-elect
  administrator comptroller
  superintendent inspector detective sergeant captain general colonel presenter host striker midfielder
  defender goalkeeper opener spinner paceman pacer seamer all-rounder allrounder wicketkeeper batter
  batsman bowler umpire referee sprinter jockey quarterback receiver seed manager trainer negotiator mediator ombudsman regulator auditor planner architect
  partner counsel chairperson convener pilot commander mother father grandmother grandfather widow son daughter
  barrister solicitor archaeologist deckhand harbourmaster consultant accountant assistant agent student
  vicar rector chaplain monk nun fisherman shopkeeper baker butcher grocer pharmacist dentist midwife
  paramedic firefighter soldier veteran sailor skipper labourer laborer miner builder plumber electrician
  mechanic driver cyclist runner swimmer athlete champion winner survivor victim parent widower grandson
  granddaughter neighbour neighbor tenant landlord homeowner vendor trader merchant banker broker
  strategist secretary-general general-secretary chair-elect governor minister-designate emeritus fellow
  lecturer instructor tutor scholar expert specialist technician inventor entrepreneur executive boss
  proprietor shareholder employee worker staffer clerk caretaker guard warden ranger guide campaigner
  protester protestor demonstrator resident residents citizen voter member councilwoman councilman
  potter forward winger forecaster meteorologist nephew niece cousin brother sister husband wife uncle aunt
  co-author author co-founder prosecutor barrister registrar sculptor painter poet novelist playwright
  advocate alderman magistrate coroner sheriff constable trooper marshal cadet recruit nominee incumbent challenger
  historian librarian physician politician technician musician comedian guardian statistician
  mathematician electrician academician pediatrician paediatrician dietitian clinician custodian
  veterinarian optician beautician magician logician mortician tactician theologian grammarian
  lock flyhalf fly-half scrumhalf scrum-half hooker flanker fullback full-back halfback wicketkeeper
  batsman batter bowler quarterback linebacker outfielder pitcher housewife homemaker participant
  patient passenger commuter shopper visitor attendee bystander onlooker
  parliamentarian libertarian humanitarian vegetarian civilian median comedienne physio baseman
  quarterback pitcher catcher shortstop outfielder infielder batsman bowler fielder keeper
  end cornerback tailback kicker punter lineman counterpart predecessor successor teammate
  publisher producer writer mentor friend trustee frontbencher backbencher
  starter reliever closer hander rookie prospect slugger hitter centreman defenceman defenseman
`);

// Not "-ian": it ends demonyms ("Austrian Grand Prix") and given names (Damian) as often as
// occupations, which are listed instead.
/** Word endings that name an occupation or role: archaeologist, historian, fisherman, harbourmaster. */
export const ROLE_SUFFIX =
  /(?:ist|man|woman|master|maker|keeper|worker|smith|wright|hand|holder|seller|owner|leader|officer|eer|manager|director|person|winner)$/;

/**
 * Role nouns a story uses for one another once it has named someone's role: "India captain Rohit …"
 * then "the skipper said". One group a line; only roles that stay the same role in every sense.
 */
export const ROLE_SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map(
  `
  captain skipper capt
  manager boss
  spokesperson spokesman spokeswoman
  goalkeeper keeper
  lawmaker legislator
  doctor physician
  recorder judge justice
  lawyer attorney counsel
  gov governor
  sen senator
  rep representative
  supt superintendent
  insp inspector
  det detective
  sgt sergeant
  col colonel
  prof professor
  cllr councillor
  comr commissioner
`
    .trim()
    .split('\n')
    .flatMap((line) => {
      const group = line.trim().split(/\s+/);
      return group.map((word): [string, string[]] => [word, group.filter((w) => w !== word)]);
    }),
);

/**
 * Words that, between "the" and a role, make it someone else's: "the assistant coach", "the other
 * captain", "the former manager". Other adjectives describe the holder: "the exhausted skipper".
 */
export const OTHER_HOLDER = words(`
  other another rival opposing new former ex next previous second third assistant deputy vice acting
  interim incoming outgoing caretaker co
`);

/** Lowercase words that may precede a role noun in a role as written ("Outgoing US President"). */
export const ROLE_MODIFIERS = words(`
  outgoing former opposing current acting deputy senior chief incoming late fellow top vice assistant
  interim then newly elected longtime long-time veteran local state federal majority minority health
  foreign prime lead head junior retired prominent renowned independent opposition party finance
  defence defense education environment transport housing justice interior trade energy police fire
  city county district regional national general communications press executive managing associate
  principal first second founding co- science technology culture sports arts music football club team
  campaign council union community hospital school company university museum church senate house
  majority-party new defensive offensive tight area
`);

/** Sentence openers that are capitalised but are not part of a role. */
export const SENTENCE_OPENERS = words(`
  yesterday today tonight tomorrow meanwhile however but and then now earlier later last on in at after whilst whereas
  before when while this that these those also so yet still instead indeed though although since as
  for with by from under over according here there regarding concerning following considering
  former if unless because whether until why how what where
  across along amid among around behind below beneath beside besides between beyond despite during
  inside outside near through throughout toward towards upon within against into onto via
`);

/** Words that make a capitalised phrase an organisation or a place, never a person. */
// Common surnames (Park, Hall, Power, Mills…) are left out on purpose.
export const NON_PERSON_WORDS = words(`
 house senate party committee agency states street strip university seminary society center centre
 church ministry department office council court republic government congress congressional houses
 news times post research institute foundation association corporation company inc ltd llc group bank
 organization organisation lanka lankan lankans caucus
 co corp plc
 energy airlines airways hospital school college commission authority union kingdom nations airport
 station square bridge road avenue river lake mountain island valley city county district
 province region america europe asia africa january february march april may june july august
 september october november december monday tuesday wednesday thursday friday saturday sunday
 intelligence national international federal democratic republican election protests evangelical
 cathedral mosque museum gallery library theatre theater stadium arena tower centre club
 shrine pagoda gurdwara synagogue basilica monastery
 united league cup festival award awards prize fund trust council network press radio television tv
 channel magazine journal daily weekly herald tribune gazette chronicle review express observer
 guardian telegraph reuters associated security defence defense police army navy force forces
 service services police health care board bureau administration industries holdings partners capital
 ventures labs systems technologies solutions media studio studios records pictures films books
 insights analytics consulting consultancy advisors advisers associates securities equities investments
 economics strategies
 reserve exchange market markets index sea ocean bay coast harbour harbor port gulf strait desert
 forest hills heights village town island islands peninsula canal highway boulevard
 plaza mall tunnel dam falls springs beach north south east west northern southern eastern western
 central christian catholic muslim jewish hindu buddhist spirit god lord christ bible gospel
 pharmacy printing bakery shop shops store stores restaurant cafe hotel farm farms factory clinic clinics
 boutique salon bistro diner deli emporium outfitters boutiques salons dome
 surgery practice firm firms brewery mill works motors airline railway railways rail ferries
 shipping logistics insurance mining oil gas water utilities telecom alliance coalition
 confederation federation syndicate tent nation year marathon
 development affairs relations resources planning tourism agriculture aviation fisheries welfare
 infrastructure municipality
 movement front today tonight weekly programme program show courier
 christmas easter halloween thanksgiving hanukkah diwali ramadan passover
 project operation telescope observatory satellite mission spacecraft rover probe
 championship premiership division conference tournament oval sport sports
 act acts treaty accord amendment ordinance statute directive protocol
 apartment apartments flats condominium residences slam prix sinn ground grounds
 bandar taman jalan kampung kampong bukit sungai pulau lorong
 typhoon hurricane cyclone storm tornado islamic jihad technology digital business
 games olympics olympic plan cancer without diabetes disease code trophy invitational labor constitution
`);

/** Verbs that mark a short quoted phrase as someone's words rather than scare quotes. */
export const QUOTING_VERBS = words(`
  said says saying say told tells telling called calling call calls described describing describes
  dubbed termed labelled labeled branded added adding insisted insists warned warns wrote writes
  accused accusing accuses dismissed dismissing likened likens
  urged shouted declared admitted described suggested
  complaining arguing insisting warning claiming stating writing
  citing cited cites
  echoing echoed repeating repeated quoting pointing referring
  billed bills billing
`);

/**
 * Who the text may name by a given name alone, besides role and family nouns: "a fan called
 * Bethany", "another supporter, Rosalind,".
 */
export const ONE_NAME_HOLDERS = words(`
  fan fans supporter follower friend colleague classmate neighbor user viewer listener reader
  customer passenger shopper voter worker employee patient survivor victim child boy girl woman man
  wife husband partner fiancee fiance girlfriend boyfriend widow widower mother father sister brother
  daughter son grandmother grandfather aunt uncle niece nephew cousin resident neighbour grandson
  granddaughter
`);

/** Verbs that introduce or follow reported speech. */
export const SPEECH_VERBS = words(`
  said says say saying told tells telling added adds adding asked asks asking explained explains noted
  noting arguing insisting warning explaining claiming stressing suggesting reminded
  felt feels believes believed expressed proclaimed proclaims proclaiming
  notes stated states declared declares insisted insists argued argues warned warns replied replies
  responded responds wrote writes writing remarked remarks commented comments continued continues conceded
  concedes admitted admits acknowledged acknowledges claimed claims announced announces recalled recalls
  urged urges stressed stresses emphasised emphasized observed observes suggested suggests maintained
  maintains countered counters quipped joked shouted whispered cautioned predicted promised vowed
  confirmed confirms denied denies tweeted posted calling called call calls described describes
  describing dubbed termed labelled labeled branded putting shouted accused accusing dismissed
  fumed fumes lamented laments complained complains boasted boasts pleaded pleads recounted recounts
  reflected mused sighed snapped yelled exclaimed wondered wonders testified testifies texted emailed
  reiterated reiterates marveled marvelled laughed cried screamed retorted interjected opined
  contended contends asserted asserts alleged alleges affirmed affirms assured reassured agreed
  agrees disagreed objected protested demanded demands begged implored advised revealed reveals
  disclosed reasoned surmised summed bragged grumbled griped conceded groaned
  wailed muttered mumbled stammered murmured
  apologised apologized apologise apologize thanked praised criticised criticized condemned welcomed
  blamed hailed slammed answered answers sings sang sing chanted chants rapped quips
  crowed crows gloated gloats gushed gushes enthused enthuses ruled rules ordered reckoned reckons likened likens appealed
  chuckled chuckles submitted submits pondered hopes hoping wants characterised characterized
  characterises characterizes singled lauded lambasted blasted
`);

/**
 * Verbs that report a statement itself, so they may come before their speaker (`"…," said Shultz`)
 * or introduce the quotation that follows (`Shultz tweeted a message. "…"`); "praised" does neither.
 */
export const INVERTED_SPEECH_VERBS = words(`
  said says added adds asked asks explained explains continued continues exclaimed replied replies
  wrote writes noted notes recalled recalls insisted insists warned warns argued argues remarked
  responded answered countered quipped joked conceded admitted observed stressed shouted whispered
  cautioned declared fumed lamented complained boasted pleaded recounted mused sighed snapped yelled
  wondered reiterated marvelled marveled laughed retorted interjected concluded acknowledged
  confirmed suggested reasoned tweeted posted admits asserts asserted quips
  crowed gloated gushed enthused reminded chuckled submitted
`);

/** Words allowed between a speaker and the speech verb: "Jane Roe also said", "Roe, 45, later told". */
export const BETWEEN_SPEAKER_AND_VERB = words(`
  also later then again further simply previously once quietly earlier has had have was is would will
  had only repeatedly publicly privately today yesterday recently subsequently separately who
  himself herself
`);

/** Words between a quotation and its speaker that only report how it was said. */
/** Speech verbs whose object is the one spoken to, not a speaker: "told Jo Reed", "Asked Jo Reed whether …". */
export const LISTENER_VERBS = words('told tells telling asked asks asking');

export const SPEECH_FILLERS = words(
  'also later then again further simply previously once quietly earlier',
);

export const PRONOUNS = words('he she');

/** Prepositions after which a name is an object, not the speaker. */
export const PREPOSITIONS = words(
  'of for to with by against from about on at into toward towards than like regarding',
);

// An honour, a rank at the bar, a seat in a parliament, a degree: capitals, so "Ms" and "Md" stay out.
// Not a seat with its constituency ("Ang Hin Kee, MP for Ang Mo Kio GRC, told"): that is a role,
// an appositive.
const POST_NOMINAL = String.raw`(?:(?:MP|MSP|MS|AM|MLA|MLC|MHR|MEP|MPP|MHA|MHK|MNA|TD)(?![\p{L}])(?!\s+(?:for|of)\s)|(?:QC|KC|SC|JP|MBE|OBE|CBE|KBE|DBE|GBE|KCB|CH|OM|FRS|PhD|DPhil|Ph\.D\.|MD|M\.D\.|DDS|RN|Esq\.?)(?![\p{L}]))`;

/**
 * Letters written after a name ("Tom Reed QC said", "Jo Lee, MP, told", "Ann Roe MBE PhD"): neither
 * part of the name nor a word of the sentence, so a speech verb after them still follows the name.
 * Matches at the start of the text after a name; ", MP," loses both commas, " QC, for the Crown,"
 * keeps the one that opens the appositive.
 */
export const POST_NOMINALS = new RegExp(
  String.raw`^(?:,\s*${POST_NOMINAL}(?:,?\s+${POST_NOMINAL})*,?|(?:\s+${POST_NOMINAL})+)`,
  'u',
);

/** Roles only one person holds in a body, its head: "The SNP leader" may be someone named before. */
export const HEAD_ROLES = words(
  'leader chief boss head captain skipper manager coach chairman chairwoman chair president founder',
);

/** A government or public service's field, as news writing puts it before a head: "the health chief". */
export const PORTFOLIO_WORDS = words(
  'health education finance defence defense transport housing justice energy police fire trade environment security intelligence schools',
);

/** What sports writing calls a player it has named: "the former France international". */
export const PLAYER_NOUNS = words(
  'international striker defender midfielder winger forward goalkeeper keeper batter batsman bowler all-rounder quarterback pitcher superstar statesman veteran rookie youngster sprinter boxer golfer',
);

/** Words capitalised inside a run only in a title ("Live At The Apollo"), never in a name. */
export const TITLE_CASE_FUNCTION_WORDS = new Set([
  'At',
  'The',
  'Of',
  'In',
  'On',
  'And',
  'For',
  'To',
  'With',
]);

/** The day words were said on, set off after the speaker: "yesterday", "on Monday". */
export const SPOKEN_DAY = String.raw`(?:yesterday|today|on\s+\p{Lu}\p{Ll}+day)`;

/**
 * Banks, brokers and firms named after their founders, which business news quotes as sources
 * ("…," JP Morgan said in a note) and no library tags as organisations. Not those that are also
 * ordinary names of people ("Edward Jones", "Raymond James", "Charles Schwab").
 */
export const EPONYMOUS_FIRMS = new Set(
  `JP Morgan|JPMorgan|Morgan Stanley|Merrill Lynch|Goldman Sachs|Wells Fargo|Smith Barney|
  Lehman Brothers|Bear Stearns|Dow Jones|Ernst Young|Price Waterhouse|Baker McKenzie|
  Freshfields Bruckhaus|Lloyds Banking|Shore Capital|Capital Economics|Pantheon Macroeconomics|
  Oxford Economics`
    .split('|')
    .map((name) => name.trim().toLowerCase()),
);
