// PostgreSQL's compiled JSON is sent as JSON.stringify would print it: its spacing dropped, every
// string kept byte for byte (see ReadDialect.printed).
import { describe, expect, it } from 'vitest';
import { readDialects, withoutSpacing } from '../src/compiled/dialect.js';

const asStringifyPrints = (json: string) => JSON.stringify(JSON.parse(json));

describe('PostgreSQL JSON printed as JSON.stringify prints it', () => {
  it.each([
    ['json_build_object spacing', '{"a" : 1, "b" : [1, 2], "c" : null, "d" : true}'],
    ['json_agg newlines', '[{"a" : 1}, \n {"a" : 2}]'],
    ['spaces and separators inside strings', '{"text" : "a : b, c [d] {e}", "k ey" : " "}'],
    ['escaped quotation marks', '{"q" : "she said \\"no , thanks\\" twice", "r" : "\\""}'],
    ['a string ending in an escaped backslash', '{"path" : "C:\\\\", "next" : "x y"}'],
    ['three backslashes then a mark', '{"s" : "a\\\\\\"b c", "t" : 1}'],
    ['escapes of control characters', '{"s" : "line\\nbreak\\u0001 ", "u" : "é ✓"}'],
    ['already compact', '{"a":{"b":[]}}'],
    ['empty containers', '{"a" : {}, "b" : []}'],
  ])('%s', (_name, json) => {
    expect(withoutSpacing(json)).toBe(asStringifyPrints(json));
  });

  it('leaves SQLite’s JSON, already exact, as it is', () => {
    const json = '{"a":"b , c"}';
    expect(readDialects.sqlite.printed(json)).toBe(json);
    expect(readDialects.postgres.printed('{"a" : "b , c"}')).toBe(json);
  });

  it('refuses text whose last string never closes', () => {
    expect(() => withoutSpacing('{"a" : "b')).toThrow(SyntaxError);
  });
});
