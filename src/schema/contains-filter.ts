// The `*Contains` fields of filter inputs, so each states the same limit that containsText enforces.
import type { builder } from '../builder.js';
import { MAX_TEXT_FILTER_LENGTH } from '../limits.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never,
  'InputObject'
>;

/** An optional substring filter; pass what it keeps, e.g. "Only quotes containing this text". */
export function containsFilterField(t: InputFields, description: string) {
  return t.string({
    required: false,
    description: `${description} At most ${MAX_TEXT_FILTER_LENGTH} characters.`,
  });
}
