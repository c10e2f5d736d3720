// Loads the hand-written article records in seeds/ and stores each article, with its people, quotes,
// mentions and teasers, in one transaction. Re-running with unchanged records changes nothing.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { projectRoot } from '../env.js';
import { linkTeaserTargets } from './teaser.js';

export const defaultSeedsDir = path.join(projectRoot, 'seeds');

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase and hyphenated');

const SeedRecord = z
  .object({
    source: z.string().min(1),
    article: z.object({
      slug,
      headline: z.string().min(1),
      status: z.enum(['DRAFT', 'PUBLISHED', 'SCHEDULED', 'ARCHIVED']),
      publishedAt: z.iso.datetime().nullable(),
      sourceUrl: z.url().nullable().optional(),
      authors: z.array(z.object({ person: slug, roleAsWritten: z.string().nullable() })),
      leadImage: z
        .object({
          title: z.string().nullable(),
          caption: z.string().nullable(),
          credit: z.string().nullable(),
          agency: z.string().nullable(),
          photographer: slug.nullable(),
        })
        .nullable(),
      paragraphs: z.array(z.string().min(1)).min(1),
    }),
    people: z.array(
      z.object({
        slug,
        name: z.string().min(1),
        aliases: z.array(z.string().min(1)),
        description: z.string().optional(),
      }),
    ),
    mentions: z.array(
      z.object({
        person: slug,
        roleAsWritten: z.string().nullable(),
        firstParagraph: z.int().min(0),
      }),
    ),
    quotes: z.array(
      z.object({
        text: z.string().min(1),
        speaker: slug.nullable(),
        paragraph: z.int().min(0),
        isPartial: z.boolean(),
        speakerRoleAsWritten: z.string().nullable(),
        attribution: z.string().nullable(),
      }),
    ),
    teasers: z.array(
      z.object({
        kicker: z.string().nullable(),
        title: z.string().min(1),
        summary: z.string(),
        isTruncated: z.boolean(),
      }),
    ),
  })
  .superRefine((record, ctx) => {
    const people = new Set(record.people.map((p) => p.slug));
    const paragraphs = record.article.paragraphs;
    const needPerson = (value: string | null, where: (string | number)[]) => {
      if (value != null && !people.has(value))
        ctx.addIssue({ code: 'custom', path: where, message: `unknown person "${value}"` });
    };
    for (const [i, a] of record.article.authors.entries()) {
      needPerson(a.person, ['article', 'authors', i, 'person']);
    }
    needPerson(record.article.leadImage?.photographer ?? null, [
      'article',
      'leadImage',
      'photographer',
    ]);
    record.mentions.forEach((m, i) => {
      needPerson(m.person, ['mentions', i, 'person']);
      if (m.firstParagraph >= paragraphs.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['mentions', i, 'firstParagraph'],
          message: 'is past the last paragraph',
        });
      }
    });
    record.quotes.forEach((q, i) => {
      needPerson(q.speaker, ['quotes', i, 'speaker']);
      if (!paragraphs[q.paragraph]?.includes(q.text)) {
        ctx.addIssue({
          code: 'custom',
          path: ['quotes', i, 'text'],
          message: `is not in paragraph ${q.paragraph}`,
        });
      }
    });
  });

export type SeedRecord = z.infer<typeof SeedRecord>;
export type SeedFile = { file: string; record: SeedRecord; contentHash: string };

/** A seed file the operator must fix; the message names the file and the field. */
export class SeedError extends Error {
  override name = 'SeedError';
}

export function readSeedFiles(dir: string = defaultSeedsDir): SeedFile[] {
  if (!existsSync(dir)) throw new SeedError(`seeds directory not found: ${dir}`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new SeedError(`no *.json seed records in ${dir}`);
  return files.map((name) => readSeedFile(path.join(dir, name)));
}

export function readSeedFile(file: string): SeedFile {
  const shown = path.relative(process.cwd(), file) || file;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SeedError(`${shown}: ${(error as Error).message}`);
  }
  const parsed = SeedRecord.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SeedError(
      `${shown}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? 'is invalid'}`,
    );
  }
  const sourcePath = path.join(path.dirname(file), parsed.data.source);
  if (!existsSync(sourcePath))
    throw new SeedError(`${shown}: source text not found: ${parsed.data.source}`);
  // The hash covers the source text and the hand-written record, so editing either re-seeds the article.
  const contentHash = createHash('sha256')
    .update(readFileSync(sourcePath))
    .update(JSON.stringify(parsed.data))
    .digest('hex');
  return { file, record: parsed.data, contentHash };
}

export type SeedOutcome = 'created' | 'updated' | 'unchanged';

export async function seedDatabase(
  db: Db,
  dir: string = defaultSeedsDir,
): Promise<Record<SeedOutcome, string[]>> {
  const outcomes: Record<SeedOutcome, string[]> = { created: [], updated: [], unchanged: [] };
  for (const seed of readSeedFiles(dir)) {
    const outcome = await storeSeedRecord(db, seed);
    outcomes[outcome].push(seed.record.article.slug);
  }
  return outcomes;
}

/** Stores one article and everything hanging off it in a single transaction. */
export async function storeSeedRecord(
  db: Db,
  { record, contentHash }: SeedFile,
): Promise<SeedOutcome> {
  const { article } = record;
  return db.$transaction(async (tx) => {
    const existing = await tx.article.findUnique({
      where: { slug: article.slug },
      select: { id: true, contentHash: true },
    });
    if (existing?.contentHash === contentHash) return 'unchanged';

    const personIds = new Map<string, number>();
    for (const person of record.people) {
      const row = await tx.person.upsert({
        where: { slug: person.slug },
        create: { slug: person.slug, name: person.name, description: person.description ?? null },
        update: {
          name: person.name,
          ...(person.description ? { description: person.description } : {}),
        },
        select: { id: true },
      });
      personIds.set(person.slug, row.id);
      for (const alias of person.aliases) {
        await tx.personAlias.upsert({
          where: { personId_alias: { personId: row.id, alias } },
          create: { personId: row.id, alias },
          update: {},
        });
      }
    }
    const idOf = (personSlug: string): number => personIds.get(personSlug) as number;
    const optionalId = (personSlug: string | null | undefined) =>
      personSlug ? idOf(personSlug) : null;

    if (existing) await tx.article.delete({ where: { id: existing.id } });
    const created = await tx.article.create({
      data: {
        slug: article.slug,
        headline: article.headline,
        status: article.status,
        publishedAt: article.publishedAt ? new Date(article.publishedAt) : null,
        sourceUrl: article.sourceUrl ?? null,
        contentHash,
        paragraphs: article.paragraphs,
        leadImageTitle: article.leadImage?.title ?? null,
        leadImageCaption: article.leadImage?.caption ?? null,
        leadImageCredit: article.leadImage?.credit ?? null,
        leadImageAgency: article.leadImage?.agency ?? null,
        leadImagePhotographerId: optionalId(article.leadImage?.photographer),
        authors: {
          create: article.authors.map((a, position) => ({
            personId: idOf(a.person),
            position,
            roleAsWritten: a.roleAsWritten,
          })),
        },
        mentions: {
          create: record.mentions.map((m) => ({
            personId: idOf(m.person),
            roleAsWritten: m.roleAsWritten,
            firstParagraph: m.firstParagraph,
          })),
        },
        quotes: {
          create: record.quotes.map((q, position) => ({
            text: q.text,
            speakerId: optionalId(q.speaker),
            paragraph: q.paragraph,
            position,
            isPartial: q.isPartial,
            speakerRoleAsWritten: q.speakerRoleAsWritten,
            attribution: q.attribution,
          })),
        },
        teasers: { create: record.teasers.map((t, position) => ({ ...t, position })) },
      },
      select: { id: true },
    });
    await linkTeaserTargets(tx, created.id);
    return existing ? 'updated' : 'created';
  });
}
