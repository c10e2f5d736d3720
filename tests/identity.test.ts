// Identity: stored API tokens managed by the CLI (real child processes), JWTs from single sign-on
// (keys made here with node:crypto), the bootstrap EDITOR_TOKEN, and the scopes fields declare.
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, readEnv } from '../src/env.js';
import { VERIFIED_TOKEN_TTL_MS } from '../src/limits.js';
import { revokeApiToken } from '../src/services/api-token.js';
import { defaultSeedsDir } from '../src/services/seed.js';
import { createNewsgraphYoga, type YogaOptions, yogaOptionsFrom } from '../src/yoga.js';
import { clearDatabase, db } from './support/db.js';
import { post } from './support/http.js';
import { runTs } from './support/tmp.js';

const bootstrap = 'bootstrap-token-for-identity-tests';
const text = readFileSync(path.join(defaultSeedsDir, 'seed-article.txt'), 'utf8');
const ingestMutation = `mutation($input: IngestArticleInput!) {
  ingestArticle(input: $input) { outcome slug }
}`;
const viewerQuery = '{ viewer { kind name role } }';
const tokensQuery = '{ apiTokens { name role lastUsedAt revokedAt } }';

let clock = Date.parse('2026-12-01T12:00:00Z');
const now = () => clock;

/** A server in process with its own clock; `env` is read and validated as the environment is. */
function server(env: Record<string, string> = {}, overrides: Partial<YogaOptions> = {}) {
  return createNewsgraphYoga({
    ...yogaOptionsFrom(readEnv({ NODE_ENV: 'test', EDITOR_TOKEN: bootstrap, ...env })),
    now,
    ...overrides,
  });
}

const app = server();

async function send(
  query: string,
  token: string | undefined,
  to = app,
  variables?: Record<string, unknown>,
) {
  return post(query, {
    to,
    variables,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
}
const ingest = (token: string | undefined, to = app) =>
  send(ingestMutation, token, to, { input: { text, publishedAt: '2016-12-16T09:00:00Z' } });
const codeOf = (answer: Awaited<ReturnType<typeof send>>) => answer.errors?.[0]?.extensions?.code;
const reasonOf = (answer: Awaited<ReturnType<typeof send>>) =>
  answer.errors?.[0]?.extensions?.reason;

const token = (args: string[]) => runTs('src/cli/token.ts', args, {});

/** Creates a token through the CLI, as an operator would, and returns its secret. */
async function createToken(name: string, role: 'editor' | 'admin'): Promise<string> {
  const created = await token(['create', '--name', name, '--role', role]);
  expect(created.code, created.stderr).toBe(0);
  return created.stdout.trim();
}

beforeEach(clearDatabase);

describe('npm run token', () => {
  it('creates a token printed once and stored only as its hash, lists and revokes it', async () => {
    const secret = await createToken('desk-bot', 'editor');
    expect(secret).toMatch(/^ng_[\w-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { name: 'desk-bot' } });
    expect(row).toMatchObject({ role: 'EDITOR', revokedAt: null });
    expect(row.tokenHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret.slice(3));
    // A second token is a different secret.
    expect(await createToken('desk-bot-2', 'admin')).not.toBe(secret);

    const listed = await token(['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^desk-bot\s+EDITOR\s+\S+\s+—\s+—$/m);
    expect(listed.stdout).toMatch(/^desk-bot-2\s+ADMIN\s/m);
    expect(listed.stdout).not.toContain(secret.slice(3));
    expect(listed.stdout).not.toContain(row.tokenHash);

    const revoked = await token(['revoke', '--name', 'desk-bot']);
    expect(revoked).toMatchObject({ code: 0, stderr: '' });
    expect(revoked.stdout).toContain('revoked "desk-bot" (EDITOR)');
    const json = JSON.parse((await token(['list', '--json'])).stdout) as {
      name: string;
      revokedAt: string | null;
    }[];
    expect(json.map((t) => [t.name, t.revokedAt !== null])).toEqual([
      ['desk-bot', true],
      ['desk-bot-2', false],
    ]);
  }, 120_000);

  it('refuses duplicates and unknown names with a code, and bad command lines with exit 2', async () => {
    await createToken('night-desk', 'editor');
    const duplicate = await token(['create', '--name', 'night-desk', '--role', 'admin']);
    expect(duplicate).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'error: CONFLICT: a token named "night-desk" already exists\n',
    });
    const unknown = await token(['revoke', '--name', 'nobody']);
    expect(unknown).toMatchObject({
      code: 1,
      stderr: 'error: NOT_FOUND: no token is named "nobody"\n',
    });
    const wrongLines = [
      ['create', '--name', 'x'],
      ['create', '--name', 'x', '--role', 'owner'],
      ['revoke'],
      ['rotate'],
      [],
    ];
    const results = await Promise.all(wrongLines.map(token));
    for (const [index, result] of results.entries()) {
      expect(result.code, wrongLines[index]?.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^error: usage: npm run token -- create/);
    }
    const badName = await token(['create', '--name', 'two words', '--role', 'editor']);
    expect(badName.code).toBe(1);
    expect(badName.stderr).toMatch(/^error: BAD_USER_INPUT: a token name is/);
    expect(await db.apiToken.count()).toBe(1);
  }, 120_000);
});

describe('stored tokens over GraphQL', () => {
  it('an editor token ingests, and records when it was used', async () => {
    const secret = await createToken('desk-bot', 'editor');
    const written = await ingest(secret);
    expect(written.errors).toBeUndefined();
    expect(written.data).toMatchObject({ ingestArticle: { outcome: 'CREATED' } });
    expect((await send(viewerQuery, secret)).data).toEqual({
      viewer: { kind: 'TOKEN', name: 'desk-bot', role: 'EDITOR' },
    });
    const row = await db.apiToken.findUniqueOrThrow({ where: { name: 'desk-bot' } });
    expect(row.lastUsedAt?.getTime()).toBe(clock);
  });

  it('anonymous callers are UNAUTHENTICATED, editors FORBIDDEN where admins are required', async () => {
    const editor = await createToken('desk-bot', 'editor');
    const admin = await createToken('chief', 'admin');

    const anonymous = await ingest(undefined);
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.errors?.[0]?.path).toEqual(['ingestArticle']);
    expect(await db.article.count()).toBe(0);
    expect(codeOf(await send(tokensQuery, undefined))).toBe('UNAUTHENTICATED');
    expect((await send(viewerQuery, undefined)).data).toEqual({
      viewer: { kind: 'ANONYMOUS', name: null, role: null },
    });

    const forbidden = await send(tokensQuery, editor);
    expect(codeOf(forbidden)).toBe('FORBIDDEN');
    expect(forbidden.errors?.[0]?.extensions?.role).toBe('EDITOR');

    const listed = await send(tokensQuery, admin);
    expect(listed.errors).toBeUndefined();
    expect(listed.data).toMatchObject({
      apiTokens: [
        { name: 'desk-bot', role: 'EDITOR', revokedAt: null },
        { name: 'chief', role: 'ADMIN', revokedAt: null },
      ],
    });
    // Admins may do what editors may.
    expect((await ingest(admin)).data).toMatchObject({ ingestArticle: { outcome: 'CREATED' } });
  });

  it('a token revoked by the CLI is refused within the cache time, in this process at once', async () => {
    const secret = await createToken('desk-bot', 'editor');
    expect((await send(viewerQuery, secret)).data).toMatchObject({ viewer: { kind: 'TOKEN' } });

    // Another process revoked it: this server trusts its cached verification a few seconds more.
    expect((await token(['revoke', '--name', 'desk-bot'])).code).toBe(0);
    expect((await send(viewerQuery, secret)).data).toMatchObject({ viewer: { kind: 'TOKEN' } });
    clock += VERIFIED_TOKEN_TTL_MS;
    const refused = await ingest(secret);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(reasonOf(refused)).toBe('REVOKED');
    expect(await db.article.count()).toBe(0);

    // Revoked here: no cached verification survives, however fresh.
    const other = await createToken('desk-bot-2', 'editor');
    expect((await send(viewerQuery, other)).data).toMatchObject({ viewer: { kind: 'TOKEN' } });
    await revokeApiToken(db, 'desk-bot-2');
    const at = await send(viewerQuery, other);
    expect([at.status, codeOf(at), reasonOf(at)]).toEqual([401, 'UNAUTHENTICATED', 'REVOKED']);
  }, 120_000);

  it('an unknown token or a malformed header is UNAUTHENTICATED for reads too', async () => {
    const unknown = await send(viewerQuery, `ng_${'A'.repeat(43)}`);
    expect([unknown.status, codeOf(unknown), reasonOf(unknown)]).toEqual([
      401,
      'UNAUTHENTICATED',
      'UNKNOWN_TOKEN',
    ]);
    const basic = await post(viewerQuery, { to: app, headers: { authorization: 'Basic eDp5' } });
    expect([basic.status, codeOf(basic), reasonOf(basic)]).toEqual([
      401,
      'UNAUTHENTICATED',
      'MALFORMED',
    ]);
  });

  it('wrong stored tokens count against the guessing throttle, then even a right one waits', async () => {
    const secret = await createToken('desk-bot', 'editor');
    const guarded = server();
    for (let n = 0; n < 10; n++) {
      const guess = await send(viewerQuery, `ng_${String(n).repeat(43)}`, guarded);
      expect(codeOf(guess)).toBe('UNAUTHENTICATED');
    }
    const throttled = await send(viewerQuery, secret, guarded);
    expect([throttled.status, codeOf(throttled)]).toEqual([429, 'RATE_LIMITED']);
    // Reads without credentials are not held up.
    expect((await send(viewerQuery, undefined, guarded)).status).toBe(200);
    clock += 60_000;
    expect((await send(viewerQuery, secret, guarded)).data).toMatchObject({
      viewer: { name: 'desk-bot' },
    });
  });
});

describe('EDITOR_TOKEN', () => {
  it('still works, as a bootstrap admin', async () => {
    expect((await send(viewerQuery, bootstrap)).data).toEqual({
      viewer: { kind: 'BOOTSTRAP', name: 'EDITOR_TOKEN', role: 'ADMIN' },
    });
    expect((await send(tokensQuery, bootstrap)).data).toEqual({ apiTokens: [] });
    expect((await ingest(bootstrap)).data).toMatchObject({ ingestArticle: { outcome: 'CREATED' } });
  });
});

describe('JWTs', () => {
  const issuer = 'https://sso.newsroom.example';
  const audience = 'newsgraph';
  const seconds = () => Math.floor(clock / 1000);

  function jwt(
    key: KeyObject | Uint8Array,
    alg: string,
    claims: Record<string, unknown>,
    options: { expiresAt?: number; audience?: string; issuer?: string } = {},
  ): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg })
      .setSubject('j.doe@newsroom.example')
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? audience)
      .setIssuedAt(seconds())
      .setExpirationTime(options.expiresAt ?? seconds() + 600)
      .sign(key);
  }

  const secret = 'a-shared-secret-of-at-least-32-characters';
  const hsKey = new TextEncoder().encode(secret);
  const hs = server({
    AUTH_JWT_SECRET: secret,
    AUTH_JWT_ISSUER: issuer,
    AUTH_JWT_AUDIENCE: audience,
  });

  it('HS256: a valid token writes with the role from the claim', async () => {
    const editor = await jwt(hsKey, 'HS256', { role: 'editor' });
    expect((await send(viewerQuery, editor, hs)).data).toEqual({
      viewer: { kind: 'JWT', name: 'j.doe@newsroom.example', role: 'EDITOR' },
    });
    expect((await ingest(editor, hs)).data).toMatchObject({
      ingestArticle: { outcome: 'CREATED' },
    });
    expect(codeOf(await send(tokensQuery, editor, hs))).toBe('FORBIDDEN');
    const admin = await jwt(hsKey, 'HS256', { role: 'ADMIN' });
    expect((await send(tokensQuery, admin, hs)).data).toEqual({ apiTokens: [] });
  });

  it('refuses expired, wrong-audience, wrong-issuer, badly signed and role-less tokens', async () => {
    const cases: [string, Promise<string>, string][] = [
      ['expired', jwt(hsKey, 'HS256', { role: 'editor' }, { expiresAt: seconds() - 1 }), 'EXPIRED'],
      [
        'wrong audience',
        jwt(hsKey, 'HS256', { role: 'editor' }, { audience: 'another-app' }),
        'INVALID_JWT',
      ],
      [
        'wrong issuer',
        jwt(hsKey, 'HS256', { role: 'editor' }, { issuer: 'https://evil.example' }),
        'INVALID_JWT',
      ],
      [
        'another secret',
        jwt(new TextEncoder().encode(`${secret}-but-not-this-one`), 'HS256', { role: 'editor' }),
        'INVALID_JWT',
      ],
      ['no role', jwt(hsKey, 'HS256', { role: 'reader' }), 'NO_ROLE'],
      [
        'no expiry',
        new SignJWT({ role: 'editor' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(issuer)
          .setAudience(audience)
          .sign(hsKey),
        'INVALID_JWT',
      ],
    ];
    for (const [name, signed, reason] of cases) {
      const answer = await ingest(await signed, hs);
      expect([answer.status, codeOf(answer), reasonOf(answer)], name).toEqual([
        401,
        'UNAUTHENTICATED',
        reason,
      ]);
    }
    expect(await db.article.count()).toBe(0);
    // A server with no JWT key configured refuses every JWT.
    const refused = await send(viewerQuery, await jwt(hsKey, 'HS256', { role: 'editor' }));
    expect([refused.status, reasonOf(refused)]).toEqual([401, 'JWT_NOT_ACCEPTED']);
  });

  for (const [alg, pair] of [
    ['RS256', generateKeyPairSync('rsa', { modulusLength: 2048 })],
    ['ES256', generateKeyPairSync('ec', { namedCurve: 'prime256v1' })],
  ] as const) {
    it(`${alg}: verifies with the PEM public key, the role from a configured claim`, async () => {
      const pem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      // One-line environment files write the PEM's newlines as \n.
      const signed = server({
        AUTH_JWT_PUBLIC_KEY: pem.replaceAll('\n', '\\n'),
        AUTH_JWT_ROLE_CLAIM: 'https://newsroom.example/roles',
        AUTH_JWT_AUDIENCE: audience,
      });
      const claim = { 'https://newsroom.example/roles': ['reporters', 'editor'] };
      const editor = await jwt(pair.privateKey, alg, claim);
      expect((await send(viewerQuery, editor, signed)).data).toEqual({
        viewer: { kind: 'JWT', name: 'j.doe@newsroom.example', role: 'EDITOR' },
      });
      expect((await ingest(editor, signed)).data).toMatchObject({
        ingestArticle: { outcome: 'CREATED' },
      });
      const expired = await jwt(pair.privateKey, alg, claim, { expiresAt: seconds() - 60 });
      expect(reasonOf(await send(viewerQuery, expired, signed))).toBe('EXPIRED');
      const otherAudience = await jwt(pair.privateKey, alg, claim, { audience: 'elsewhere' });
      const refused = await send(viewerQuery, otherAudience, signed);
      expect([refused.status, codeOf(refused), reasonOf(refused)]).toEqual([
        401,
        'UNAUTHENTICATED',
        'INVALID_JWT',
      ]);
      // Algorithm confusion: the public key used as an HS256 secret must not verify.
      const confused = await jwt(new TextEncoder().encode(pem), 'HS256', claim);
      expect(reasonOf(await send(viewerQuery, confused, signed))).toBe('INVALID_JWT');
    });
  }

  it('settings are checked at startup', () => {
    const invalid = (env: Record<string, string>) => () => readEnv({ NODE_ENV: 'test', ...env });
    expect(invalid({ AUTH_JWT_SECRET: 'too-short' })).toThrow(ConfigError);
    expect(invalid({ AUTH_JWT_PUBLIC_KEY: 'not a key' })).toThrow(/AUTH_JWT_PUBLIC_KEY must be/);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(invalid({ AUTH_JWT_PUBLIC_KEY: p384 })).toThrow(/RSA or P-256/);
    expect(readEnv({ NODE_ENV: 'test' }).AUTH_JWT_ROLE_CLAIM).toBe('role');
  });
});
