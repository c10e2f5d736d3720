/** A failure of a migration command, with a message fit to print as is. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}
