// Relay cursors that name their connection: base64 of "<connection>:<row id>", e.g. "articles:42"
// or "Person.quotes:17". A cursor handed to another list, or made up, is the client's error to fix.
//
// plugin-prisma writes and reads its own cursors ("GPC:N:<id>"), which name no list and offers no
// hook to change that. So a small Pothos plugin translates at the field's edge, with Pothos's own
// extension points: an argument mapper turns `after`/`before` into plugin-prisma's form (mappers
// also run when a parent plans the connection's query), and `wrapResolve` turns the cursors of the
// page it returns into ours. The compiled reads build the same text inside SQL (compile.ts).
import SchemaBuilder, {
  BasePlugin,
  completeValue,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import { formatPrismaCursor, parsePrismaCursor } from '@pothos/plugin-prisma';
import type { GraphQLFieldResolver } from 'graphql';
import { badUserInput } from './errors.js';
import { encodeGlobalID } from './global-id.js';

/** The name a cursor carries: a root list by its field (`articles`), others as `Type.field`. */
export function connectionKey(parentType: string, fieldName: string): string {
  return parentType === 'Query' ? fieldName : `${parentType}.${fieldName}`;
}

/** The cursor of the row `id` in `connection`; compiled reads print the same text in SQL. */
export function encodeCursor(connection: string, id: number): string {
  return encodeGlobalID(connection, id);
}

/** The row id a cursor of `connection` points at; anything else is BAD_USER_INPUT. */
export function decodeCursor(connection: string, cursor: string, argumentName: string): number {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  const separator = decoded.lastIndexOf(':');
  const owner = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  // Round-tripping rejects strings that merely happen to be valid base64.
  if (separator <= 0 || !/^[1-9][0-9]{0,15}$/.test(id) || encodeGlobalID(owner, id) !== cursor) {
    throw badUserInput(`"${cursor}" is not a cursor of ${connection}`, { argumentName });
  }
  if (owner !== connection) {
    throw badUserInput(
      `"${cursor}" is a cursor of ${owner}, not of ${connection}; cursors only page the list that gave them`,
      { argumentName },
    );
  }
  return Number(id);
}

type Page = {
  edges?: ({ cursor: string } | null)[];
  pageInfo?: { startCursor: string | null; endCursor: string | null };
};

/** Relay's connection arguments, which only connection fields take. */
function isConnectionField(fieldConfig: { args: object }): boolean {
  return ['first', 'last', 'after', 'before'].every((name) => name in fieldConfig.args);
}

export class ConnectionCursorPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): PothosOutputFieldConfig<Types> | null {
    if (!isConnectionField(fieldConfig)) return fieldConfig;
    const connection = connectionKey(fieldConfig.parentType, fieldConfig.name);
    const toPrisma = (cursor: unknown, argumentName: string) =>
      cursor == null
        ? cursor
        : formatPrismaCursor({ id: decodeCursor(connection, String(cursor), argumentName) }, 'id');
    return {
      ...fieldConfig,
      argMappers: [
        ...(fieldConfig.argMappers ?? []),
        (args) => ({
          ...args,
          after: toPrisma(args.after, 'after'),
          before: toPrisma(args.before, 'before'),
        }),
      ],
    };
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (!isConnectionField(fieldConfig)) return resolver;
    const connection = connectionKey(fieldConfig.parentType, fieldConfig.name);
    const ours = (cursor: string) => encodeCursor(connection, Number(parsePrismaCursor(cursor)));
    return (parent, args, context, info) =>
      completeValue(resolver(parent, args, context, info) as Page | null | undefined, (page) => {
        if (!page?.edges || !page.pageInfo) return page;
        for (const edge of page.edges) if (edge) edge.cursor = ours(edge.cursor);
        page.pageInfo.startCursor = page.edges[0]?.cursor ?? null;
        page.pageInfo.endCursor = page.edges.at(-1)?.cursor ?? null;
        return page;
      });
  }
}

/** The plugin's name, for the builder's `plugins` list. */
export const connectionCursorsPlugin = 'connectionCursors';

SchemaBuilder.registerPlugin(connectionCursorsPlugin, ConnectionCursorPlugin);

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      connectionCursors: ConnectionCursorPlugin<Types>;
    }
  }
}
