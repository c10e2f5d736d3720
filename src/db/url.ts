// Turns a DATABASE_URL into a concrete connection target, rejecting schemes we cannot serve.
import path from 'node:path';
import { ConfigError, defaultDatabaseUrl, projectRoot } from '../env.js';

export type DatabaseTarget =
  | { provider: 'sqlite'; url: string; file: string }
  | { provider: 'postgres'; url: string; database: string };

export function parseDatabaseUrl(
  url: string | undefined = process.env.DATABASE_URL,
): DatabaseTarget {
  const raw = url?.trim() || defaultDatabaseUrl;
  if (raw.startsWith('file:')) {
    const rest = raw.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (rest === '' || rest === '//') throw new ConfigError('DATABASE_URL "file:" needs a path');
    const file = rest === ':memory:' ? rest : path.resolve(projectRoot, rest);
    return { provider: 'sqlite', url: `file:${file}`, file };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new ConfigError('DATABASE_URL is not a valid postgresql:// URL');
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!database)
      throw new ConfigError('DATABASE_URL names no database (postgresql://host:port/<database>)');
    return { provider: 'postgres', url: raw, database };
  }
  const scheme = raw.split(':', 1)[0];
  throw new ConfigError(
    `DATABASE_URL scheme "${scheme}:" is not supported; use file:<path> (SQLite) or postgresql://… (PostgreSQL)`,
  );
}
