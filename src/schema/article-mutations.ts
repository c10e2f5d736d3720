// Editors' article writes: create, update, delete, restore a revision, and the status transitions.
import { actorOf } from '../auth/viewer.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { db } from '../db/index.js';
import { encodeGlobalID } from '../global-id.js';
import {
  createArticle,
  deleteArticle,
  restoreArticleRevision,
  updateArticle,
  type Writer,
} from '../services/article-edit.js';
import {
  type ArticleTransition,
  articleTransitions,
  statusList,
  transitionArticle,
} from '../services/article-status.js';

/** Who writes, and at the request's instant (tests give the server their own clock). */
const writerOf = (context: Context): Writer => ({
  actor: actorOf(context.viewer),
  now: new Date(context.now?.() ?? Date.now()),
});

const LeadImageInput = builder.inputType('LeadImageInput', {
  description: 'An article’s lead photo. It needs a title, a caption or a credit.',
  fields: (t) => ({
    title: t.string({ required: false, description: 'The photo’s title.' }),
    caption: t.string({ required: false, description: 'The caption, without the credit line.' }),
    credit: t.string({
      required: false,
      description: 'The credit line as printed, e.g. "REUTERS/David Becker".',
    }),
    agency: t.string({
      required: false,
      description: 'The agency named in the credit, e.g. "Reuters".',
    }),
    photographer: t.id({
      required: false,
      description: 'The global ID of the person who took the photo.',
    }),
  }),
});

const TeaserInput = builder.inputType('TeaserInput', {
  description:
    'A promotion for another story at the foot of the page; it links to the stored article whose headline is its title.',
  fields: (t) => ({
    title: t.string({
      required: true,
      description: 'The teased story’s title, 1 to 300 characters.',
    }),
    summary: t.string({ required: true, description: 'The summary shown under the title.' }),
    kicker: t.string({ required: false, description: 'A label shown before the title.' }),
    url: t.string({ required: false, description: 'Where the teaser links (http or https).' }),
  }),
});

const expectedVersionDescription =
  'The article’s `version` as last read; if it has changed since, the write is a CONFLICT.';

const CreateArticleInput = builder.inputType('CreateArticleInput', {
  description: 'A new article. It is stored as a DRAFT, with no `publishedAt`.',
  fields: (t) => ({
    headline: t.string({ required: true, description: 'The headline, 1 to 300 characters.' }),
    slug: t.string({
      required: false,
      description:
        'The URL name, e.g. "kremlin-denies-interfering"; made from the headline when omitted. A slug in use is a CONFLICT.',
    }),
    paragraphs: t.stringList({
      required: true,
      description: 'The body, one string per paragraph; blank ones are dropped, one must remain.',
    }),
    authors: t.idList({
      required: false,
      description: 'The byline: person global IDs, in byline order.',
    }),
    leadImage: t.field({
      type: LeadImageInput,
      required: false,
      description: 'The lead photo, if any.',
    }),
    teasers: t.field({
      type: [TeaserInput],
      required: false,
      description: 'The teasers at the foot of the page, in page order.',
    }),
  }),
});

const UpdateArticleInput = builder.inputType('UpdateArticleInput', {
  description: 'Changes to an article; fields left out stay as they are.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The article’s global ID.' }),
    expectedVersion: t.int({ required: false, description: expectedVersionDescription }),
    headline: t.string({ required: false, description: 'The new headline, 1 to 300 characters.' }),
    paragraphs: t.stringList({
      required: false,
      description: 'The new body, replacing the old; blank paragraphs are dropped.',
    }),
    authors: t.idList({
      required: false,
      description: 'The new byline (person global IDs, in order), replacing the old.',
    }),
    leadImage: t.field({
      type: LeadImageInput,
      required: false,
      description: 'The new lead photo, replacing the old; null removes it.',
    }),
    teasers: t.field({
      type: [TeaserInput],
      required: false,
      description: 'The new teasers, replacing all the old ones.',
    }),
  }),
});

const DeleteArticleInput = builder.inputType('DeleteArticleInput', {
  description: 'The article to delete.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The article’s global ID.' }),
    expectedVersion: t.int({ required: false, description: expectedVersionDescription }),
  }),
});

const RestoreArticleRevisionInput = builder.inputType('RestoreArticleRevisionInput', {
  description: 'The revision to put an article back to.',
  fields: (t) => ({
    revision: t.id({
      required: true,
      description:
        'The global ID of a revision of the article; the article is set to the state it left.',
    }),
    expectedVersion: t.int({ required: false, description: expectedVersionDescription }),
  }),
});

// One input per transition, each named after its mutation.
const transitionInputs = {
  scheduleArticle: builder.inputType('ScheduleArticleInput', {
    description: 'The draft to schedule, and when it goes live.',
    fields: (t) => ({
      id: t.id({ required: true, description: 'The article’s global ID.' }),
      expectedVersion: t.int({ required: false, description: expectedVersionDescription }),
      publishAt: t.field({
        type: 'DateTime',
        required: true,
        description: 'When the story goes live; after now.',
      }),
    }),
  }),
  publishArticle: builder.inputType('PublishArticleInput', {
    description: 'The article to publish.',
    fields: (t) => ({
      id: t.id({ required: true, description: 'The article’s global ID.' }),
      expectedVersion: t.int({ required: false, description: expectedVersionDescription }),
      publishedAt: t.field({
        type: 'DateTime',
        required: false,
        description: 'The publication time to show; now when omitted.',
      }),
    }),
  }),
  unpublishArticle: builder.inputType('UnpublishArticleInput', {
    description: 'The article to take back to DRAFT.',
    fields: (t) => ({
      id: t.id({ required: true, description: 'The article’s global ID.' }),
      expectedVersion: t.int({ required: false, description: expectedVersionDescription }),
    }),
  }),
  archiveArticle: builder.inputType('ArchiveArticleInput', {
    description: 'The article to archive.',
    fields: (t) => ({
      id: t.id({ required: true, description: 'The article’s global ID.' }),
      expectedVersion: t.int({ required: false, description: expectedVersionDescription }),
    }),
  }),
};

builder.mutationField('createArticle', (t) =>
  t.prismaField({
    type: 'Article',
    description: 'Creates a DRAFT article. Editors only.',
    args: {
      input: t.arg({ type: CreateArticleInput, required: true, description: 'The article.' }),
    },
    authScopes: { editor: true },
    resolve: async (query, _root, { input }, context) => {
      const id = await createArticle(db, writerOf(context), input);
      return db.article.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('updateArticle', (t) =>
  t.prismaField({
    type: 'Article',
    description:
      'Changes an article’s headline, body, byline, lead image or teasers. Editors only.',
    args: {
      input: t.arg({ type: UpdateArticleInput, required: true, description: 'The changes.' }),
    },
    authScopes: { editor: true },
    resolve: async (query, _root, { input }, context) => {
      const id = await updateArticle(db, writerOf(context), input);
      return db.article.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('deleteArticle', (t) =>
  t.id({
    description:
      'Deletes an article with its byline, quotes and teasers; teasers elsewhere that pointed at it keep no target. Its revisions remain. Returns its global ID. Editors only.',
    args: {
      input: t.arg({ type: DeleteArticleInput, required: true, description: 'The article.' }),
    },
    authScopes: { editor: true },
    resolve: async (_root, { input }, context) =>
      encodeGlobalID('Article', await deleteArticle(db, writerOf(context), input)),
  }),
);

builder.mutationField('restoreArticleRevision', (t) =>
  t.prismaField({
    type: 'Article',
    description:
      'Puts an article’s headline, body, status, publication time, lead image, byline and teasers back as a revision left them. Editors only.',
    args: {
      input: t.arg({
        type: RestoreArticleRevisionInput,
        required: true,
        description: 'The revision.',
      }),
    },
    authScopes: { editor: true },
    resolve: async (query, _root, { input }, context) => {
      const id = await restoreArticleRevision(db, writerOf(context), input);
      return db.article.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

for (const action of Object.keys(articleTransitions) as ArticleTransition[]) {
  const { from, to, description } = articleTransitions[action];
  builder.mutationField(action, (t) =>
    t.prismaField({
      type: 'Article',
      description: `${description} From ${statusList(from)} to ${to}; from any other status it is a CONFLICT. Editors only.`,
      args: {
        input: t.arg({
          type: transitionInputs[action],
          required: true,
          description: 'The article.',
        }),
      },
      authScopes: { editor: true },
      resolve: async (query, _root, { input }, context) => {
        const id = await transitionArticle(db, writerOf(context), action, input);
        return db.article.findUniqueOrThrow({ ...query, where: { id } });
      },
    }),
  );
}
