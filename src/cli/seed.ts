// `npm run seed [-- <dir>]`: apply migrations, then ingest the article texts in seeds/ (idempotent).
import { databaseTarget, db } from '../db/index.js';
import { Migrator } from '../db/migrator.js';
import { defaultSeedsDir, seedDatabase } from '../services/seed.js';
import { runCommand } from './run-command.js';

runCommand(async (say) => {
  const dir = process.argv[2] ?? defaultSeedsDir;
  const migrator = await Migrator.open(databaseTarget);
  try {
    await migrator.deploy();
  } finally {
    await migrator.close();
  }
  try {
    const outcome = await seedDatabase(db, dir);
    say(
      `seed: ${outcome.created.length} created, ${outcome.updated.length} updated, ${outcome.unchanged.length} unchanged`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
});
