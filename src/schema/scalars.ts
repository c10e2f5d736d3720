// Scalars and small inputs shared by several domains.
import { builder } from '../builder.js';
import { badUserInput } from '../errors.js';

builder.scalarType('DateTime', {
  description: 'An instant in time, as an ISO 8601 string in UTC, e.g. "2016-12-16T09:00:00.000Z".',
  serialize: (value) => (value instanceof Date ? value : new Date(value)).toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) {
      throw badUserInput(`DateTime must be an ISO 8601 string, got ${JSON.stringify(value)}`);
    }
    return date;
  },
});

export const OrderDirection = builder.enumType('OrderDirection', {
  description: 'Sort direction.',
  values: {
    ASC: { description: 'Smallest, earliest or A first.' },
    DESC: { description: 'Largest, latest or Z first.' },
  },
});

// @oneOf: graphql itself rejects both or neither (or a null), in the document or in variables,
// with a coded error, and the SDL tells clients so; uniqueWhere then only decodes the one given.
export const PersonRef = builder.inputType('PersonRef', {
  description: 'Names one person, by global ID or by slug. Give exactly one.',
  isOneOf: true,
  fields: (t) => ({
    id: t.id({ required: false, description: 'The person’s global ID.' }),
    slug: t.string({ required: false, description: 'The person’s slug, e.g. "dmitry-peskov".' }),
  }),
});

export const ArticleRef = builder.inputType('ArticleRef', {
  description: 'Names one article, by global ID or by slug. Give exactly one.',
  isOneOf: true,
  fields: (t) => ({
    id: t.id({ required: false, description: 'The article’s global ID.' }),
    slug: t.string({ required: false, description: 'The article’s slug.' }),
  }),
});
