// Deep comparison of two parsed JSON responses for the parity gate. Arrays must match element by
// element (order is part of the contract: bylines, quotes and pages are ordered); objects match
// regardless of key order, since JSON serializers may emit keys in any order.

export type Difference = { path: string; expected: unknown; actual: unknown };

/** The first place where `actual` differs from `expected`, or undefined when they are equal. */
export function firstDifference(
  expected: unknown,
  actual: unknown,
  path = '$',
): Difference | undefined {
  if (Object.is(expected, actual)) return undefined;
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return { path, expected, actual };
    const length = Math.max(expected.length, actual.length);
    for (let i = 0; i < length; i++) {
      // A missing element reports as undefined on the shorter side.
      const difference = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    return undefined;
  }
  if (isObject(expected) && isObject(actual)) {
    // The expected side's order (the query's field order), then keys only the actual side has.
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    for (const key of keys) {
      if (!(key in expected) || !(key in actual)) {
        return { path: `${path}.${key}`, expected: expected[key], actual: actual[key] };
      }
      const difference = firstDifference(expected[key], actual[key], `${path}.${key}`);
      if (difference) return difference;
    }
    return undefined;
  }
  return { path, expected, actual };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** One line per side, values shortened so a differing paragraph does not flood the terminal. */
export function formatDifference(
  difference: Difference,
  expectedLabel = 'expected',
  actualLabel = 'actual',
): string {
  return [
    `at ${difference.path}:`,
    `  ${expectedLabel}: ${preview(difference.expected)}`,
    `  ${actualLabel}: ${preview(difference.actual)}`,
  ].join('\n');
}

function preview(value: unknown, limit = 200): string {
  const text = value === undefined ? '(missing)' : JSON.stringify(value);
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length} chars)` : text;
}
