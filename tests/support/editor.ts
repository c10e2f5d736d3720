// What editorial tests share: a server in process with its own clock and bootstrap token, the
// header that signs a request with a token, and the global ID of a stored row.
import { readEnv } from '../../src/env.js';
import { encodeGlobalID } from '../../src/global-id.js';
import { createNewsgraphYoga, yogaOptionsFrom } from '../../src/yoga.js';

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const idOf = (typename: string, row: { id: number }) => encodeGlobalID(typename, row.id);

/** The app with `EDITOR_TOKEN` set to `token`, read by the clock `now`, and `env` on top. */
export function editorialServer(
  token: string,
  now: () => number,
  env: Record<string, string> = {},
) {
  return createNewsgraphYoga({
    ...yogaOptionsFrom(readEnv({ NODE_ENV: 'test', EDITOR_TOKEN: token, ...env })),
    now,
  });
}
