// The Pothos schema builder and its plugins. It defines no types; src/schema/ does.
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from './context.js';
import { db } from './db/index.js';
import { env } from './env.js';
import type PrismaTypes from './generated/pothos-types.js';
import { getDatamodel } from './generated/pothos-types.js';
import { decodeGlobalID, encodeGlobalID } from './global-id.js';

/** The largest page any connection serves; larger `first`/`last` values are rejected, not clamped. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
  };
  Connection: { totalCount: number | (() => number | Promise<number>) };
}>({
  plugins: [PrismaPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {
    cursorType: 'String',
    encodeGlobalID: (typename, id) => encodeGlobalID(typename, id),
    decodeGlobalID: (globalID) => decodeGlobalID(globalID),
    nodeQueryOptions: {
      description: 'Fetches any object by its global ID; null if it does not exist.',
    },
    nodesQueryOptions: {
      description: 'Fetches objects by their global IDs, in order; null where one does not exist.',
    },
    nodeFieldOptions: {
      description: 'The global ID: stable, opaque, and accepted by `node(id:)`.',
    },
    pageInfoTypeOptions: {
      description: 'Where a page sits in its connection, with cursors to move on.',
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
