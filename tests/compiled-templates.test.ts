// A page's statement is compiled once for every value of the text variables it only passes
// through (src/compiled/templates.ts); a variable whose value is judged or changed on the way
// (a cursor, a text filter's limits and wildcards) keeps being compiled per value.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileRead } from '../src/compiled/compile.js';
import { fill, makeTemplate, templated, textVariables } from '../src/compiled/templates.js';
import { schema } from '../src/schema/index.js';
import { testProvider } from './support/test-database.js';

function templateOf(query: string, declared: Record<string, unknown>) {
  const document = parse(query);
  const { variables } = templated(textVariables(document, undefined), declared);
  const template = makeTemplate(
    (values) => compileRead(schema, testProvider, document, undefined, values),
    declared,
    variables,
  );
  return { document, variables, template };
}

describe('statement templates', () => {
  it('finds only the String variables, not IDs, enums or input objects', () => {
    const document = parse(
      'query Q($a: String!, $b: String, $c: ID!, $d: ArticleOrder, $e: [String!]) { __typename }',
    );
    expect(textVariables(document, 'Q')).toEqual(['a', 'b']);
  });

  it('keys on whether each text is empty, and leaves other variables in the key', () => {
    const names = ['a', 'b', 'c'];
    expect(templated(names, { a: 'x', b: '', c: null, first: 5 })).toEqual({
      variables: ['a'],
      keyed: { a: true, b: '', c: null, first: 5 },
    });
  });

  it('binds a slug looked up by its column: the same SQL for every slug, the slug as parameter', () => {
    const query = 'query A($slug: String!) { article(slug: $slug) { headline quotes { text } } }';
    const { template } = templateOf(query, { slug: 'first' });
    expect(template?.slots.map(([, name]) => name)).toEqual(['slug']);
    for (const slug of ['story-4', 'ann', 'it\'s "odd" %_\\ Ü']) {
      const direct = compileRead(schema, testProvider, parse(query), undefined, { slug });
      expect(fill(template as NonNullable<typeof template>, { slug })).toEqual(direct);
    }
  });

  it('binds a variable used twice in both places', () => {
    const query =
      'query P($slug: String!) { a: person(slug: $slug) { name } b: person(slug: $slug) { slug } }';
    const { template } = templateOf(query, { slug: 'ann' });
    expect(template?.slots.length).toBeGreaterThanOrEqual(2);
    expect(new Set(template?.slots.map(([, name]) => name))).toEqual(new Set(['slug']));
    const direct = compileRead(schema, testProvider, parse(query), undefined, { slug: 'zed' });
    expect(fill(template as NonNullable<typeof template>, { slug: 'zed' })).toEqual(direct);
  });

  it.each([
    [
      'a text filter, which checks its length and wildcards',
      'query S($t: String!) { quotes(filter: { textContains: $t }) { totalCount } }',
      { t: 'rain' },
    ],
    [
      'a cursor, which is decoded',
      'query C($after: String!) { articles(first: 2, after: $after) { edges { cursor } } }',
      { after: 'YXJ0aWNsZXM6MQ==' },
    ],
  ])('compiles %s per value', (_name, query, declared) => {
    expect(templateOf(query, declared).template).toBeNull();
  });

  it.each([
    [
      'changes the text (case folding)',
      (t: string) => ({ sql: 'S', parameters: [t.toLowerCase()] }),
    ],
    ['escapes it', (t: string) => ({ sql: 'S', parameters: [t.replace(/%/g, '\\%')] })],
    [
      'drops it on a branch',
      (t: string) => ({ sql: 'S', parameters: [t.length > 200 ? 'long' : t] }),
    ],
    ['writes it into the SQL', (t: string) => ({ sql: `S ${t}`, parameters: [] })],
  ])('makes no template of a statement that %s', (_name, statement) => {
    const compile = (values: Record<string, unknown>) => ({
      ...statement(String(values.t)),
      provider: testProvider,
      planEachTime: false,
      exactJson: false,
    });
    expect(makeTemplate(compile, { t: 'rain' }, ['t'])).toBeNull();
  });
});
