// `npm run db:<command>`: migrate (apply pending), migration <name> (create from the schema diff),
// status, reset and drift, all through the WASM schema engine.
import path from 'node:path';
import { Migrator, resetDatabase } from '../db/migrator.js';
import { parseDatabaseUrl } from '../db/url.js';
import { projectRoot } from '../env.js';
import { parseCommandLine, runCommand } from './run-command.js';

const usage = `usage: npm run db:migrate | db:migration -- <name> | db:status | db:reset | db:drift

Prisma migrations for the database in DATABASE_URL (SQLite or PostgreSQL), without the native engine.

  db:migrate            apply the pending migrations in prisma/migrations (or prisma/postgres/)
  db:migration <name>   write a new migration from the difference between schema.prisma and them
  db:status             list applied, pending, failed and edited migrations; exit 1 unless up to date
  db:reset              delete every table and re-apply every migration (the data is lost)
  db:drift              exit 1 and print the SQL if schema.prisma has changes with no migration
  -h, --help            print this help`;

runCommand(
  async (say) => {
    const [command, ...args] = parseCommandLine(usage, {}).positionals;
    const target = parseDatabaseUrl();
    if (command === 'reset') {
      const applied = await resetDatabase(target);
      say(`reset ${target.url}; applied ${applied.length} migration(s)`);
      return 0;
    }
    const migrator = await Migrator.open(target);
    try {
      switch (command) {
        case 'migrate': {
          const applied = await migrator.deploy();
          say(
            applied.length
              ? `applied ${applied.length} migration(s): ${applied.join(', ')}`
              : 'database is up to date; no migration to apply',
          );
          return 0;
        }
        case 'migration': {
          const name = args.join(' ');
          const created = await migrator.createMigration(name);
          say(
            created
              ? `created ${path.relative(projectRoot, path.join(migrator.migrationsDir, created, 'migration.sql'))}`
              : 'schema.prisma matches the migrations; nothing to create',
          );
          return 0;
        }
        case 'status': {
          const status = await migrator.status();
          say(`database: ${target.url}`);
          say(`applied: ${status.applied.length}, pending: ${status.pending.length}`);
          for (const name of status.pending) say(`  pending  ${name}`);
          for (const name of status.failed) say(`  FAILED   ${name}`);
          for (const name of status.edited)
            say(`  EDITED   ${name} (changed after it was applied)`);
          for (const name of status.unknown)
            say(`  UNKNOWN  ${name} (applied, but missing from prisma/migrations)`);
          const healthy =
            status.pending.length +
              status.failed.length +
              status.edited.length +
              status.unknown.length ===
            0;
          if (healthy) say('database is up to date');
          return healthy ? 0 : 1;
        }
        case 'drift': {
          const sql = await migrator.drift();
          if (!sql) {
            say('prisma/migrations matches prisma/schema.prisma');
            return 0;
          }
          say(
            `prisma/schema.prisma has changes with no migration. Run: npm run db:migration -- <name>\n${sql}`,
          );
          return 1;
        }
        default:
          say(usage);
          return 2;
      }
    } finally {
      await migrator.close();
    }
  },
  { usage },
);
