// History: the revision every write records, an article's history (editors) and the audit log of
// every write (admins). Not a Node: `node(id)` serves readers, and revisions are for the newsroom.
import { builder, totalCountField } from '../builder.js';
import { db } from '../db/index.js';
import type { Prisma } from '../generated/prisma/client.js';
import { encodeGlobalID } from '../global-id.js';
import { changedFields } from '../services/snapshot.js';
import { Article } from './article.js';

type Snapshot = Record<string, unknown> | null;
const parsed = (json: string | null): Snapshot => (json == null ? null : JSON.parse(json));

type Change = { field: string; before: unknown; after: unknown };

const RevisionChange = builder.objectRef<Change>('RevisionChange').implement({
  description:
    'One field a write changed. Embedded in its revision (no ID of its own). Values are JSON text, as stored.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The field, e.g. "headline" or "speakerId".' }),
    before: t.string({
      nullable: true,
      description: 'The value before, as JSON; null when the object did not exist or had no value.',
      resolve: (change) => (change.before == null ? null : JSON.stringify(change.before)),
    }),
    after: t.string({
      nullable: true,
      description: 'The value after, as JSON; null when the object was deleted or has no value.',
      resolve: (change) => (change.after == null ? null : JSON.stringify(change.after)),
    }),
  }),
});

builder.prismaObject('Revision', {
  description:
    'One write: who did what to which object, and when. Editors read an article’s; admins read all (auditLog).',
  authScopes: { editor: true },
  fields: (t) => ({
    id: t.id({
      description: 'Global ID, as `restoreArticleRevision` takes it.',
      resolve: (revision) => encodeGlobalID('Revision', revision.id),
    }),
    action: t.exposeString('action', {
      description:
        'The mutation or command that wrote, e.g. "reattributeQuote", "mergePeople", "ingestArticle", "createApiToken".',
    }),
    entityType: t.exposeString('entityType', {
      description: 'The type written: Article, Person, Quote or ApiToken.',
    }),
    entityId: t.id({
      description:
        'The global ID of the object written (it may since have been deleted or merged).',
      resolve: (revision) => encodeGlobalID(revision.entityType, revision.entityId),
    }),
    actor: t.exposeString('actor', {
      description:
        'The credential that wrote: a token’s name, a JWT subject, EDITOR_TOKEN or "cli".',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was written.' }),
    changes: t.field({
      type: [RevisionChange],
      description:
        'The fields whose values differ between before and after, in field order of the stored object.',
      resolve: (revision) => changedFields(parsed(revision.before), parsed(revision.after)),
    }),
  }),
});

/** An article's writes, and those to the people in it (edits and merges): what its readers saw change. */
async function historyWhere(articleId: number): Promise<Prisma.RevisionWhereInput> {
  const linked = await db.article.findUnique({
    where: { id: articleId },
    select: {
      authors: { select: { personId: true } },
      mentions: { select: { personId: true } },
      quotes: { select: { speakerId: true } },
    },
  });
  const people = [
    ...new Set(
      [
        ...(linked?.authors ?? []).map((a) => a.personId),
        ...(linked?.mentions ?? []).map((m) => m.personId),
        ...(linked?.quotes ?? []).map((q) => q.speakerId),
      ].filter((id): id is number => id != null),
    ),
  ];
  return { OR: [{ articleId }, { entityType: 'Person', entityId: { in: people } }] };
}

const newestFirst = [{ id: 'desc' }] as const satisfies Prisma.RevisionOrderByWithRelationInput[];

builder.prismaObjectField(Article, 'history', (t) =>
  t.prismaConnection(
    {
      type: 'Revision',
      cursor: 'id',
      description:
        'Every write to this article, its quotes and the people in it, newest first. Editors only.',
      authScopes: { editor: true },
      // Null with UNAUTHENTICATED for a public reader, who still gets the rest of the article.
      nullable: true,
      totalCount: async (article) => db.revision.count({ where: await historyWhere(article.id) }),
      resolve: async (query, article) =>
        db.revision.findMany({
          ...query,
          where: await historyWhere(article.id),
          orderBy: newestFirst,
        }),
    },
    {
      name: 'RevisionConnection',
      description: 'A page of revisions. Embedded in its parent (no ID of its own).',
      fields: totalCountField('revisions'),
    },
    {
      name: 'RevisionEdge',
      description: 'One of a page of revisions, with its cursor. Embedded in its parent.',
    },
  ),
);

const AuditLogFilter = builder.inputType('AuditLogFilter', {
  description: 'Narrows the audit log; every condition given must hold.',
  fields: (t) => ({
    actions: t.stringList({
      required: false,
      description:
        'Only these actions, e.g. ["mergePeople", "reattributeQuote", "revokeApiToken"].',
    }),
    actor: t.string({ required: false, description: 'Only writes by this credential.' }),
    entityType: t.string({
      required: false,
      description: 'Only writes to this type: Article, Person, Quote or ApiToken.',
    }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.prismaConnection(
    {
      type: 'Revision',
      cursor: 'id',
      description:
        'Every write (merges, re-attributions, edits, ingests, token changes), newest first. Admins only.',
      authScopes: { admin: true },
      args: {
        filter: t.arg({
          type: AuditLogFilter,
          required: false,
          description: 'Which writes to list.',
        }),
      },
      totalCount: (_connection, args) => db.revision.count({ where: auditWhere(args.filter) }),
      resolve: (query, _root, args) =>
        db.revision.findMany({ ...query, where: auditWhere(args.filter), orderBy: newestFirst }),
    },
    {
      name: 'AuditLogConnection',
      description: 'A page of the audit log. Embedded in its parent (no ID of its own).',
      fields: totalCountField('writes'),
    },
    {
      name: 'AuditLogEdge',
      description: 'One write in the audit log, with its cursor. Embedded in its parent.',
    },
  ),
);

function auditWhere(
  filter:
    | { actions?: string[] | null; actor?: string | null; entityType?: string | null }
    | null
    | undefined,
): Prisma.RevisionWhereInput {
  return {
    ...(filter?.actions ? { action: { in: filter.actions } } : {}),
    ...(filter?.actor != null ? { actor: filter.actor } : {}),
    ...(filter?.entityType != null ? { entityType: filter.entityType } : {}),
  };
}
