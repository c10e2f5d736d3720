// Editors' person writes: correcting a person's name, description and aliases, and merging two
// records of one person. Both keep through re-imports (a correction, and a redirect).
import { z } from 'zod';
import { type CacheEntity, entityOf } from '../cache/entities.js';
import type { Db } from '../db/client.js';
import { badUserInput, notFound } from '../errors.js';
import { linkedEntities } from './article-store.js';
import {
  type PersonFields,
  recordCorrection,
  repointCorrections,
  writePersonFields,
} from './correction.js';
import {
  checkVersion,
  type EditorialWrite,
  editorialWrite,
  type Tx,
  updateVersioned,
} from './editorial-write.js';
import { type Author, globalIdOf } from './quote-edit.js';
import { personSnapshot } from './snapshot.js';
import { validated } from './validate.js';

const expectedVersion = z.number().int().nullish();

const UpdatePerson = z.object({
  person: globalIdOf('Person'),
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  aliases: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
  expectedVersion,
});

const MergePeople = z.object({
  from: globalIdOf('Person'),
  into: globalIdOf('Person'),
  expectedVersion,
});

async function personOrNotFound(w: EditorialWrite, id: number, field: string) {
  const person = await w.tx.person.findUnique({ where: { id } });
  if (!person) throw notFound('no Person with this ID', { field });
  return person;
}

/** Corrects a person's name, description or aliases (the slug stays: links to it keep working). */
export async function updatePerson(
  db: Db,
  author: Author,
  input: {
    person: string;
    /** Null is refused: a person always has a name. */
    name?: string | null;
    description?: string | null;
    /** Null is refused: an empty list removes every alias. */
    aliases?: readonly string[] | null;
    expectedVersion?: number | null;
  },
): Promise<number> {
  const { person: id, expectedVersion, ...given } = validated(UpdatePerson, input);
  const fields: PersonFields = {
    ...(given.name !== undefined ? { name: given.name } : {}),
    ...(given.description !== undefined ? { description: given.description || null } : {}),
    ...(given.aliases !== undefined ? { aliases: [...new Set(given.aliases)] } : {}),
  };
  return editorialWrite(db, author, async (w) => {
    await personOrNotFound(w, id, 'input.person');
    const before = await personSnapshot(w.tx, id);
    await updateVersioned(w.tx, 'Person', id, expectedVersion);
    await writePersonFields(w.tx, id, fields);
    // Every cached answer naming the person carries its entity, whichever article it came through.
    w.invalidate(entityOf('Person', id));
    await w.record({
      action: 'updatePerson',
      entityType: 'Person',
      entityId: id,
      before,
      after: await personSnapshot(w.tx, id),
    });
    await recordCorrection(w.tx, w, { kind: 'EDIT_PERSON', personId: id, value: fields });
    return id;
  });
}

/** The articles a person is linked to: bylines, mentions, quotes and lead photos. */
async function articlesOf(tx: Tx, personId: number): Promise<number[]> {
  const rows = await tx.article.findMany({
    where: {
      OR: [
        { leadImagePhotographerId: personId },
        { authors: { some: { personId } } },
        { mentions: { some: { personId } } },
        { quotes: { some: { speakerId: personId } } },
      ],
    },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

async function linkedToAll(tx: Tx, articleIds: number[]): Promise<CacheEntity[]> {
  const entities: CacheEntity[] = [];
  for (const articleId of articleIds) entities.push(...(await linkedEntities(tx, articleId)));
  return entities;
}

/**
 * Merges two records of one person: everything linked to `from` moves to `into`, `from`'s name
 * becomes one of `into`'s aliases, and `from`'s old ID and slug go on resolving, to `into`.
 */
export async function mergePeople(
  db: Db,
  author: Author,
  input: z.input<typeof MergePeople>,
): Promise<number> {
  const { from: fromId, into: intoId, expectedVersion } = validated(MergePeople, input);
  if (fromId === intoId)
    throw badUserInput('input.into: a person cannot be merged into themselves', {
      field: 'input.into',
    });
  return editorialWrite(db, author, async (w) => {
    const { tx } = w;
    const from = await personOrNotFound(w, fromId, 'input.from');
    const into = await personOrNotFound(w, intoId, 'input.into');
    await checkVersion(tx, 'Person', intoId, expectedVersion);
    const before = {
      from: await personSnapshot(tx, fromId),
      into: await personSnapshot(tx, intoId),
    };
    const articleIds = await articlesOf(tx, fromId);
    w.invalidate(
      entityOf('Person', fromId),
      entityOf('Person', intoId),
      ...(await linkedToAll(tx, articleIds)),
    );

    // Bylines and mentions are one per (article, person): where both are on an article, keep into's.
    const intoBylines = await tx.articleAuthor.findMany({
      where: { personId: intoId },
      select: { articleId: true },
    });
    const both = intoBylines.map((b) => b.articleId);
    await tx.articleAuthor.deleteMany({ where: { personId: fromId, articleId: { in: both } } });
    await tx.articleAuthor.updateMany({ where: { personId: fromId }, data: { personId: intoId } });

    const fromMentions = await tx.mention.findMany({ where: { personId: fromId } });
    for (const mention of fromMentions) {
      const kept = await tx.mention.findUnique({
        where: { articleId_personId: { articleId: mention.articleId, personId: intoId } },
      });
      if (!kept) {
        await tx.mention.update({ where: { id: mention.id }, data: { personId: intoId } });
        continue;
      }
      await tx.mention.update({
        where: { id: kept.id },
        data: {
          firstParagraph: Math.min(kept.firstParagraph, mention.firstParagraph),
          roleAsWritten: kept.roleAsWritten ?? mention.roleAsWritten,
        },
      });
      await tx.mention.delete({ where: { id: mention.id } });
    }

    await tx.quote.updateMany({ where: { speakerId: fromId }, data: { speakerId: intoId } });
    await tx.article.updateMany({
      where: { leadImagePhotographerId: fromId },
      data: { leadImagePhotographerId: intoId },
    });

    const fromAliases = await tx.personAlias.findMany({ where: { personId: fromId } });
    const aliases = [...fromAliases.map((a) => a.alias), from.name].filter((a) => a !== into.name);
    for (const alias of new Set(aliases))
      await tx.personAlias.upsert({
        where: { personId_alias: { personId: intoId, alias } },
        create: { personId: intoId, alias },
        update: {},
      });

    // Earlier merges into `from` now lead to `into`; then `from` itself does.
    await tx.personRedirect.updateMany({ where: { personId: fromId }, data: { personId: intoId } });
    await tx.personRedirect.create({
      data: { fromId, fromSlug: from.slug, personId: intoId },
    });
    await repointCorrections(tx, fromId, intoId);
    await tx.person.delete({ where: { id: fromId } });
    await updateVersioned(tx, 'Person', intoId, expectedVersion);

    w.invalidate(...(await linkedToAll(tx, articleIds)));
    await w.record({
      action: 'mergePeople',
      entityType: 'Person',
      entityId: intoId,
      before,
      after: await personSnapshot(tx, intoId),
    });
    return intoId;
  });
}
