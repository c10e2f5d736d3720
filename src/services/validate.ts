// Checks a mutation's input against a zod schema: the first problem becomes BAD_USER_INPUT with
// the field's path (`input.paragraphs.2`), and every problem is listed in `extensions.issues`.
import type { z } from 'zod';
import { badUserInput } from '../errors.js';

export function validated<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  root = 'input',
): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: [root, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = issues[0] as (typeof issues)[number];
  throw badUserInput(`${first.field}: ${first.message}`, { field: first.field, issues });
}
