// The parity gate of `npm run bench` trusts this comparison to tell the baseline's JSON from
// Newsgraph's, so it must see order and value changes and ignore key order.
import { describe, expect, it } from 'vitest';
import { firstDifference, formatDifference } from './bench/compare.js';

describe('firstDifference', () => {
  it('passes equal objects whose keys come in a different order', () => {
    const a = { data: { article: { id: '1', slug: 'a', authors: [{ id: 'p', name: 'P' }] } } };
    const b = { data: { article: { authors: [{ name: 'P', id: 'p' }], slug: 'a', id: '1' } } };
    expect(firstDifference(a, b)).toBeUndefined();
  });

  it('passes equal scalars, nulls and empty containers', () => {
    expect(firstDifference(null, null)).toBeUndefined();
    expect(
      firstDifference({ a: [], b: {}, c: null, d: 1.5 }, { d: 1.5, c: null, b: {}, a: [] }),
    ).toBeUndefined();
  });

  it('fails on a differing array order', () => {
    const difference = firstDifference({ ids: [1, 2, 3] }, { ids: [1, 3, 2] });
    expect(difference).toEqual({ path: '$.ids[1]', expected: 2, actual: 3 });
  });

  it('fails on a differing value deep inside', () => {
    const difference = firstDifference(
      { data: { person: { quotes: { edges: [{ node: { text: 'yes' } }] } } } },
      { data: { person: { quotes: { edges: [{ node: { text: 'no' } }] } } } },
    );
    expect(difference?.path).toBe('$.data.person.quotes.edges[0].node.text');
  });

  it('fails on a missing key, an extra element, and a type change', () => {
    expect(firstDifference({ a: 1, b: null }, { a: 1 })?.path).toBe('$.b');
    expect(firstDifference([1], [1, 2])).toEqual({ path: '$[1]', expected: undefined, actual: 2 });
    expect(firstDifference({ n: 1 }, { n: '1' })?.path).toBe('$.n');
    expect(firstDifference({ a: [] }, { a: {} })?.path).toBe('$.a');
    expect(firstDifference({ a: null }, { a: {} })?.path).toBe('$.a');
  });

  it('formats a difference on three short lines', () => {
    const text = formatDifference({ path: '$.x', expected: 'a'.repeat(500), actual: undefined });
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toContain('(missing)');
    expect(text).toContain('(502 chars)');
  });
});
