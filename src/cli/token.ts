// `npm run token -- create --name <name> --role editor|admin | list | revoke --name <name>`:
// manage the stored API tokens that editors and tools send as `Authorization: Bearer <token>`.
import { roleFrom } from '../auth/viewer.js';
import { databaseTarget, db } from '../db/index.js';
import { migrateToLatest } from '../db/migrator.js';
import { CodedError } from '../errors.js';
import { VERIFIED_TOKEN_TTL_MS } from '../limits.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/api-token.js';
import { parseCommandLine, runCommand, type Say, usageError } from './run-command.js';
import { table } from './table.js';

const usage = `usage: npm run token -- create --name <name> --role editor|admin | list [--json] | revoke --name <name>

API tokens for writing over GraphQL (Authorization: Bearer <token>). Only a hash of each token is
stored: create prints the token once, and it cannot be shown again.

  create --name <n> --role <r>  make a token for <n> (letters, digits, . _ - @) with the role
                                editor (writes content) or admin (also manages access)
  list [--json]                 every token: name, role, created, last used, revoked (no secrets)
  revoke --name <n>             stop the token: running servers refuse it within
                                ${VERIFIED_TOKEN_TTL_MS / 1000} seconds
  -h, --help                    print this help

Exit codes: 0 done, 1 refused (CONFLICT: the name is taken; NOT_FOUND: no such name), 2 usage.`;

runCommand(
  async (say) => {
    let command: string | undefined;
    let values: { name?: string; role?: string; json?: boolean };
    try {
      const parsed = parseCommandLine(usage, {
        name: { type: 'string' },
        role: { type: 'string' },
        json: { type: 'boolean' },
      });
      values = parsed.values;
      if (parsed.positionals.length !== 1) throw usageError(usage, 'name one command');
      command = parsed.positionals[0];
    } catch (error) {
      return refuseUsage(error);
    }
    try {
      await migrateToLatest(databaseTarget);
      switch (command) {
        case 'create':
          return await create(say, values);
        case 'list':
          return await list(say, values.json === true);
        case 'revoke':
          return await revoke(say, values);
        default:
          return refuseUsage(usageError(usage, `unknown command ${JSON.stringify(command)}`));
      }
    } catch (error) {
      // Refusals a user can act on: one line with the code, exit 1. Anything else is runCommand's.
      if (!(error instanceof CodedError)) throw error;
      process.stderr.write(`error: ${error.code}: ${error.message}\n`);
      return 1;
    } finally {
      await db.$disconnect();
    }
  },
  { usage },
);

function refuseUsage(error: unknown): number {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 2;
}

async function create(say: Say, values: { name?: string; role?: string }): Promise<number> {
  if (!values.name) return refuseUsage(usageError(usage, 'create needs --name'));
  const role = values.role === undefined ? undefined : roleFrom(values.role);
  if (!role) return refuseUsage(usageError(usage, 'create needs --role editor or --role admin'));
  const { secret, token } = await createApiToken(db, { name: values.name, role });
  // The secret alone on stdout, so `$(npm run -s token -- create …)` captures it; the rest on stderr.
  process.stderr.write(
    `created ${token.role} token "${token.name}". Store it now; it cannot be shown again:\n`,
  );
  say(secret);
  return 0;
}

async function list(say: Say, json: boolean): Promise<number> {
  const tokens = await listApiTokens(db);
  if (json) {
    say(JSON.stringify(tokens, null, 2));
    return 0;
  }
  if (tokens.length === 0) {
    say('no tokens; create one with: npm run token -- create --name <name> --role editor');
    return 0;
  }
  const time = (date: Date | null) => date?.toISOString().replace(/\.\d+Z$/, 'Z');
  say(
    table(
      ['name', 'role', 'created', 'last used', 'revoked'],
      tokens.map((t) => [t.name, t.role, time(t.createdAt), time(t.lastUsedAt), time(t.revokedAt)]),
    ),
  );
  return 0;
}

async function revoke(say: Say, values: { name?: string }): Promise<number> {
  if (!values.name) return refuseUsage(usageError(usage, 'revoke needs --name'));
  const token = await revokeApiToken(db, values.name);
  say(
    `revoked "${token.name}" (${token.role}); servers refuse it within ${VERIFIED_TOKEN_TTL_MS / 1000} seconds`,
  );
  return 0;
}
