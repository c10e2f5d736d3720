// Words for synthetic articles. Names are plain ASCII, one capital per word: Newsgraph orders
// co-speakers by the database's collation and the baseline by byte order, which agree on such names.
import type { Random } from './random.js';

const firstNames = (
  'Ada Alan Alice Amir Ana Anna Ben Carla Chen Dana David Diego Elena Emma Farah Felix Grace ' +
  'Hana Hugo Ines Ivan Jan Jane Jonas Julia Karim Kenji Lars Lea Leo Lina Luca Maria Mei Mira ' +
  'Nadia Noah Nora Omar Paul Priya Rosa Sam Sara Tariq Tom Uma Vera Yusuf Zoe'
).split(' ');
const surnameStarts = (
  'Ash Bell Black Brook Carl Crane Dal Fair Fern Gold Hart Hol Kings Lang Marsh Mill North ' +
  'Ross Stan West'
).split(' ');
const surnameEnds = 'by den field ford hill ley man ton well wood'.split(' ');

/**
 * Distinct for n below 10,000 (50 first names x 200 surnames); the surname is shifted by the first
 * name, so neighbours (who share a cluster) do not all share a surname.
 */
export function personName(n: number): string {
  const firstIndex = n % firstNames.length;
  const first = firstNames[firstIndex];
  const surname = (Math.floor(n / firstNames.length) + 7 * firstIndex) % 200;
  const start = surnameStarts[surname % surnameStarts.length];
  const end = surnameEnds[Math.floor(surname / surnameStarts.length) % surnameEnds.length];
  return `${first} ${start}${end}`;
}

/** Native-script forms, so some aliases exercise non-ASCII JSON. */
export const nativeAliases = ['梁麗橋', 'Дмитрий', 'Σοφία', 'محمد', '김민준', 'Łukasz', 'Zoë'];

export const roles = [
  'Senate Majority leader',
  'the mayor',
  'a spokesperson',
  'Health Minister',
  'chief executive',
  'a local resident',
  'the police chief',
  'an economist at the central bank',
  'the coach',
  'Foreign Secretary',
];
export const bylineRoles = ['Health Correspondent', 'Political Editor', 'in Brussels', null];
export const attributions = [
  'during a recent interview',
  'in a statement',
  'at a press conference',
  'told reporters',
  'on social media',
];
export const agencies = ['Reuters', 'AP', 'AFP', 'Getty Images', 'EPA'];
export const kickers = ['Exclusive Interview', 'Analysis', 'Live', 'Opinion', 'Explainer'];

const words = (
  'government council budget election minister report plan vote city hospital school rail ' +
  'energy price market court judge law police strike union climate flood storm harvest bank ' +
  'rate inflation growth trade border talks deal summit leader party campaign survey voters ' +
  'tax housing rent water bridge airport port team season match museum festival café naïve ' +
  'Zürich São Paulo the a of in on for with after before said announced rejected approved ' +
  'delayed expected new old local national regional public private early late record first ' +
  'final major minor sharp quiet and but while as more less than most week month year today'
).split(' ');

export function phrase(random: Random, minWords: number, maxWords: number): string {
  const count = random.int(minWords, maxWords);
  const chosen: string[] = [];
  for (let i = 0; i < count; i++) chosen.push(random.pick(words));
  return chosen.join(' ');
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A paragraph of several sentences, now and then with a quotation mark inside the text. */
export function paragraph(random: Random): string {
  const sentences: string[] = [];
  const count = random.int(2, 5);
  for (let i = 0; i < count; i++) {
    const body = capitalise(phrase(random, 8, 16));
    sentences.push(random.chance(0.1) ? `${body} "${phrase(random, 2, 4)}".` : `${body}.`);
  }
  return sentences.join(' ');
}
