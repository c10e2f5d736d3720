// The Pothos schema builder and its plugins. It defines no types; src/schema/ does.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { hasRole } from './auth/viewer.js';
import { nodeFieldSql, nodesFieldSql } from './compiled/node.js';
import type { Context } from './context.js';
import { connectionCursorsPlugin } from './cursor.js';
import { db } from './db/index.js';
import { env } from './env.js';
import { CodedError } from './errors.js';
import type PrismaTypes from './generated/pothos-types.js';
import { getDatamodel } from './generated/pothos-types.js';
import { checkNodeIds, decodeGlobalID, encodeGlobalID } from './global-id.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './limits.js';
import { fieldCost } from './plugins/cost.js';
import { visibleNodeIds } from './services/node-visibility.js';

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
  };
  Connection: { totalCount: number | (() => number | Promise<number>) };
  /** What a field or type may require: `editor` (EDITOR or ADMIN) or `admin`. */
  AuthScopes: { editor: boolean; admin: boolean };
}>({
  // Scope auth first, so no other plugin's wrapper runs before a field is authorised.
  // connectionCursors after relay and prisma: it rewrites the cursors their connections make.
  plugins: [
    ScopeAuthPlugin,
    PrismaPlugin,
    RelayPlugin,
    DataloaderPlugin,
    connectionCursorsPlugin,
    ComplexityPlugin,
  ],
  scopeAuth: {
    authScopes: ({ viewer }) => ({
      editor: hasRole(viewer, 'EDITOR'),
      admin: hasRole(viewer, 'ADMIN'),
    }),
    // Nobody signed in: UNAUTHENTICATED (send credentials). Signed in with too weak a role: FORBIDDEN.
    unauthorizedError: (_parent, { viewer }, info) =>
      viewer.kind === 'anonymous'
        ? new CodedError(
            'UNAUTHENTICATED',
            `${info.parentType.name}.${info.fieldName} needs credentials (Authorization: Bearer …)`,
          )
        : new CodedError(
            'FORBIDDEN',
            `${info.parentType.name}.${info.fieldName} is not allowed for the role ${viewer.role}`,
            { role: viewer.role },
          ),
  },
  complexity: {
    fieldComplexity: fieldCost(DEFAULT_PAGE_SIZE),
    // Only the cost rule lives here. The limit is checked per request before execution by
    // plugins/cost.ts, since compiled reads never call the root resolvers this plugin would check in.
    disabled: true,
  },
  defaultFieldNullability: false,
  relay: {
    cursorType: 'String',
    encodeGlobalID: (typename, id) => encodeGlobalID(typename, id),
    decodeGlobalID: (globalID) => decodeGlobalID(globalID),
    nodeQueryOptions: {
      description: 'Fetches any object by its global ID; null if it does not exist.',
      args: { id: { description: 'A global ID, as returned in any `id` field.' } },
      extensions: nodeFieldSql,
      // Not async: a node whose type needs no check loads in the same tick as without one.
      resolve: (_root, args, context, info, resolveNode) => {
        checkNodeIds(info.schema, [args.id], 'id', MAX_PAGE_SIZE);
        const checking = visibleNodeIds(info.schema, [args.id], context);
        if (!checking) return resolveNode(args.id);
        return checking.then(([visible]) => (visible ? resolveNode(args.id) : null));
      },
    },
    nodesQueryOptions: {
      description: 'Fetches objects by their global IDs, in order; null where one does not exist.',
      args: {
        ids: { description: `Global IDs, as returned in \`id\` fields: at most ${MAX_PAGE_SIZE}.` },
      },
      extensions: nodesFieldSql,
      resolve: (_root, args, context, info, resolveNodes) => {
        checkNodeIds(info.schema, args.ids, 'ids', MAX_PAGE_SIZE);
        const checking = visibleNodeIds(info.schema, args.ids, context);
        if (!checking) return resolveNodes(args.ids);
        return checking.then(async (visible) => {
          if (visible.every((id) => id === null)) return visible;
          // The relay plugin loads `args.ids` whatever it is handed: blank out what may not be seen.
          const resolved = await resolveNodes(args.ids);
          return visible.map((id, index) => (id === null ? null : resolved[index]));
        });
      },
    },
    nodeTypeOptions: {
      description: 'An object with a global ID that `node(id:)` can fetch again.',
    },
    idFieldOptions: { description: 'The global ID: stable, opaque, and accepted by `node(id:)`.' },
    nodeFieldOptions: { description: 'The object on this edge.' },
    cursorFieldOptions: {
      description: 'Opaque position of this edge; pass it as `after` or `before`.',
    },
    edgesFieldOptions: { description: 'The items on this page, each with its cursor.' },
    pageInfoFieldOptions: {
      description: 'Whether there are more pages, and the cursors to reach them.',
    },
    pageInfoTypeOptions: {
      description:
        'Where a page sits in its connection, with cursors to move on. Embedded in its connection (no ID of its own).',
    },
    hasNextPageFieldOptions: {
      description: 'True when a page follows this one (page forward with `after`).',
    },
    hasPreviousPageFieldOptions: {
      description: 'True when a page precedes this one (page back with `before`).',
    },
    startCursorFieldOptions: { description: 'Cursor of the first edge; null on an empty page.' },
    endCursorFieldOptions: { description: 'Cursor of the last edge; null on an empty page.' },
    firstArgOptions: {
      description: `Page size counting forward: 0 to ${MAX_PAGE_SIZE}; more is an error.`,
    },
    lastArgOptions: {
      description: `Page size counting back from the end or from \`before\`: 0 to ${MAX_PAGE_SIZE}.`,
    },
    afterArgOptions: {
      description: 'Return the items after this cursor (an endCursor from a previous page).',
    },
    beforeArgOptions: {
      description: 'Return the items before this cursor (a startCursor from a previous page).',
    },
  },
  prisma: {
    client: db,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    onUnusedQuery: env.NODE_ENV === 'production' ? null : 'error',
  },
});

/**
 * The `totalCount` field of a Prisma connection, with a description (plugin-prisma adds one without).
 * The extension keeps plugin-prisma's count-only optimisation.
 */
export function totalCountField(noun: string) {
  return (
    t: PothosSchemaTypes.ObjectFieldBuilder<
      typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never,
      { totalCount?: number | (() => number | Promise<number>) }
    >,
  ) => ({
    totalCount: t.int({
      description: `How many ${noun} match in all, across every page.`,
      extensions: { pothosPrismaTotalCount: true },
      resolve: (connection) => {
        const { totalCount } = connection;
        return typeof totalCount === 'function' ? totalCount() : (totalCount ?? 0);
      },
    }),
  });
}
