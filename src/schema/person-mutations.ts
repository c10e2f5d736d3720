// Editors' person writes: correcting a person, and merging two records of one person. The rules
// are in services/person-edit.ts; each resolver reads the person back for the selection.
import { builder } from '../builder.js';
import { db } from '../db/index.js';
import { mergePeople, updatePerson } from '../services/person-edit.js';
import { authorOf } from './quote-mutations.js';

const UpdatePersonInput = builder.inputType('UpdatePersonInput', {
  description:
    'A person’s corrected details. Fields left out keep their values; the slug never changes, so links to the person keep working.',
  fields: (t) => ({
    person: t.id({ required: true, description: 'The person’s global ID.' }),
    name: t.string({
      required: false,
      description: 'Full name, without titles: 1 to 200 characters.',
    }),
    description: t.string({
      required: false,
      description: 'A short editorial description; null or empty removes it.',
    }),
    aliases: t.stringList({
      required: false,
      description: 'Every other form of the name, replacing the present set.',
    }),
    expectedVersion: t.int({
      required: false,
      description:
        'The person’s `version` as last read; if it has changed since, the write is a CONFLICT carrying `currentVersion`.',
    }),
  }),
});

const MergePeopleInput = builder.inputType('MergePeopleInput', {
  description: 'Two records of one person, to become one.',
  fields: (t) => ({
    from: t.id({
      required: true,
      description:
        'The global ID of the record that goes; its old ID and slug then lead to `into`.',
    }),
    into: t.id({ required: true, description: 'The global ID of the record that stays.' }),
    expectedVersion: t.int({
      required: false,
      description:
        '`into`’s `version` as last read; if it has changed since, the write is a CONFLICT carrying `currentVersion`.',
    }),
  }),
});

builder.mutationFields((t) => ({
  updatePerson: t.prismaField({
    type: 'Person',
    description:
      'Corrects a person’s name, description or aliases; re-importing their articles keeps the correction.',
    args: {
      input: t.arg({ type: UpdatePersonInput, required: true, description: 'The correction.' }),
    },
    authScopes: { editor: true },
    resolve: async (query, _root, { input }, context) => {
      const id = await updatePerson(db, authorOf(context), {
        person: String(input.person),
        name: input.name,
        description: input.description,
        aliases: input.aliases,
        expectedVersion: input.expectedVersion,
      });
      return db.person.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  mergePeople: t.prismaField({
    type: 'Person',
    description:
      'Merges two records of one person: bylines, mentions, quotes, photo credits and aliases move to `into`, `from`’s name becomes an alias, and `from`’s old ID and slug resolve to `into` from then on, re-imports included.',
    args: {
      input: t.arg({ type: MergePeopleInput, required: true, description: 'Who goes into whom.' }),
    },
    authScopes: { editor: true },
    resolve: async (query, _root, { input }, context) => {
      const id = await mergePeople(db, authorOf(context), {
        from: String(input.from),
        into: String(input.into),
        expectedVersion: input.expectedVersion,
      });
      return db.person.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
