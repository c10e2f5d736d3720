// A real HTTP request to a test server, with the SQL statements it caused.
import { captureSql } from './db.js';

/** A raw POST to `url` (the GraphQL endpoint), with the SQL statements it caused. */
export async function postCountingSql(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string; statements: number }> {
  const { result, sql } = await captureSql(async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { response, text: await response.text() };
  });
  const { response, text } = result;
  return { status: response.status, headers: response.headers, text, statements: sql.length };
}
