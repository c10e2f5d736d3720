// Where an article may go from where it is: the editorial status transitions, written once as a
// table that the mutations, their descriptions and their CONFLICT errors are all taken from.
import type { Db } from '../db/client.js';
import { badUserInput, CodedError } from '../errors.js';
import type { ArticleStatus } from '../generated/prisma/client.js';
import { decodeAt, editArticle, type Writer } from './article-edit.js';

type Transition = {
  /** The statuses the transition starts from; from any other it is a CONFLICT. */
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  /** What it does, for the mutation's description. */
  description: string;
  /** The article's publishedAt afterwards, from its current one, the clock and the input's. */
  publishedAt: (current: Date | null, now: Date, requested: Date | null | undefined) => Date | null;
};

export const articleTransitions = {
  scheduleArticle: {
    from: ['DRAFT'],
    to: 'SCHEDULED',
    description:
      'Schedules a draft: it goes live by itself at `publishAt` (stored as `publishedAt`), with no job to run.',
    publishedAt: (_current, now, requested) => {
      if (!requested || requested.getTime() <= now.getTime())
        throw badUserInput('input.publishAt: a story is scheduled for a time after now', {
          field: 'input.publishAt',
        });
      return requested;
    },
  },
  publishArticle: {
    from: ['DRAFT', 'SCHEDULED'],
    to: 'PUBLISHED',
    description:
      'Publishes a draft or a scheduled story at `publishedAt`, or now (a scheduled story published early goes live now).',
    publishedAt: (_current, now, requested) => requested ?? now,
  },
  unpublishArticle: {
    from: ['PUBLISHED', 'SCHEDULED', 'ARCHIVED'],
    to: 'DRAFT',
    description:
      'Takes a story back to DRAFT: only editors see it again, and it has no `publishedAt`.',
    publishedAt: () => null,
  },
  archiveArticle: {
    from: ['PUBLISHED'],
    to: 'ARCHIVED',
    description:
      'Withdraws a published story: only editors see it, kept for the record with its `publishedAt`.',
    publishedAt: (current) => current,
  },
} as const satisfies Record<string, Transition>;

export type ArticleTransition = keyof typeof articleTransitions;

export type TransitionInput = {
  /** The article's global ID. */
  id: string;
  expectedVersion?: number | null;
  /** scheduleArticle's time. */
  publishAt?: Date | null;
  /** publishArticle's time. */
  publishedAt?: Date | null;
};

/** "DRAFT", "DRAFT or SCHEDULED", "PUBLISHED, SCHEDULED or ARCHIVED". */
export function statusList(statuses: readonly string[]): string {
  return statuses.length < 2
    ? statuses.join('')
    : `${statuses.slice(0, -1).join(', ')} or ${statuses.at(-1)}`;
}

/** The CONFLICT for a transition the article's status does not allow. */
function notAllowed(action: ArticleTransition, status: string): CodedError {
  const { from } = articleTransitions[action];
  return new CodedError(
    'CONFLICT',
    `${action} applies to ${statusList(from)} articles; this one is ${status}`,
    { status, allowed: [...from] },
  );
}

/** Moves an article along one transition of the table; returns its id. */
export function transitionArticle(
  db: Db,
  writer: Writer,
  action: ArticleTransition,
  input: TransitionInput,
): Promise<number> {
  const transition: Transition = articleTransitions[action];
  const id = decodeAt('Article', input.id, 'input.id');
  const edit = { action, id, expectedVersion: input.expectedVersion, relinks: false };
  return editArticle(db, writer, edit, async (_tx, before) => {
    if (!transition.from.includes(before.status as ArticleStatus))
      throw notAllowed(action, before.status);
    const current = before.publishedAt === null ? null : new Date(before.publishedAt);
    const requested = input.publishAt ?? input.publishedAt;
    return {
      status: transition.to,
      publishedAt: transition.publishedAt(current, writer.now, requested),
    };
  });
}
