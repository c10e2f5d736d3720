// What a cached response depends on, named the way the response cache names it: "<Type>:<global id>"
// for one object, or a type name alone for every response containing that type (used for lists).
import type { CacheEntityRecord } from '@envelop/response-cache';
import { encodeGlobalID } from '../global-id.js';

export type CacheEntity = CacheEntityRecord;

/** Lists whose membership can change when any article is stored; their responses are dropped whole. */
export const listTypes: CacheEntity[] = [
  'ArticleConnection',
  'PersonConnection',
  'QuoteConnection',
  'TeaserConnection',
].map((typename) => ({ typename }));

/** "Everything": written by migrations, which may change any response. */
export const everything = '*';

export function entityOf(typename: string, id: number): CacheEntity {
  return { typename, id: encodeGlobalID(typename, id) };
}

export function entityKey(entity: CacheEntity): string {
  return entity.id == null ? entity.typename : `${entity.typename}:${entity.id}`;
}

export function entityFromKey(key: string): CacheEntity {
  const separator = key.indexOf(':');
  return separator < 0
    ? { typename: key }
    : { typename: key.slice(0, separator), id: key.slice(separator + 1) };
}
