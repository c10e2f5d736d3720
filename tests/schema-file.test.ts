// The committed contract for frontends: src/schema.graphql, the typed client's introspection, the
// persisted-operation manifest, and a description on everything.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildManifest, manifestFile } from '../src/client/manifest.js';
import { postgresSchemaFrom, providerPaths } from '../src/db/schemas.js';
import { projectRoot } from '../src/env.js';
import { schema } from '../src/schema/index.js';
import { printedSchema, schemaFile } from '../src/schema/print.js';

describe('committed artefacts', () => {
  it('src/schema.graphql matches the built schema', () => {
    expect(
      readFileSync(schemaFile, 'utf8'),
      'src/schema.graphql is out of date: run `npm run schema`',
    ).toBe(printedSchema());
  });

  it('the typed client introspection matches src/schema.graphql', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-tada-'));
    try {
      const output = path.join(dir, 'graphql-env.d.ts');
      const run = spawnSync(
        process.execPath,
        ['node_modules/gql.tada/bin/cli.js', 'generate-output', '--output', output],
        {
          cwd: projectRoot,
          encoding: 'utf8',
        },
      );
      expect(run.status, run.stderr).toBe(0);
      const committed = readFileSync(path.join(projectRoot, 'src/client/graphql-env.d.ts'), 'utf8');
      expect(committed, 'src/client/graphql-env.d.ts is out of date: run `npm run schema`').toBe(
        readFileSync(output, 'utf8'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the persisted-operation manifest matches the client documents', async () => {
    const committed = JSON.parse(readFileSync(manifestFile, 'utf8'));
    expect(committed, 'persisted-operations.json is out of date: run `npm run persisted`').toEqual(
      await buildManifest(),
    );
    // Five documents, each as written and as Apollo Client and urql send it (`__typename` added);
    // urql prints the Contract's string literal its own way, which makes two more.
    expect(Object.keys(committed)).toHaveLength(12);
  });
});

describe('one source of truth for the models', () => {
  it('prisma/postgres/schema.prisma is derived from prisma/schema.prisma', () => {
    const derived = postgresSchemaFrom(readFileSync(providerPaths.sqlite.schema, 'utf8'));
    expect(
      readFileSync(providerPaths.postgres.schema, 'utf8'),
      'the PostgreSQL schema has drifted: run `npm run db:schemas`',
    ).toBe(derived);
    expect(derived).toContain('provider = "postgresql"');
  });
});

describe('descriptions', () => {
  it('every type, field, argument and enum value has one', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Int', 'Boolean', 'ID', 'Float'].includes(type.name)
      )
        continue;
      if (!type.description?.trim()) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues())
          if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing, 'add a description a frontend developer can act on').toEqual([]);
  });
});
