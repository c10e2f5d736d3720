// The schema as SDL, sorted so that the committed file only changes when the API does.
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { projectRoot } from '../env.js';
import { schema } from './index.js';

export const schemaFile = path.join(projectRoot, 'src', 'schema.graphql');

export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
