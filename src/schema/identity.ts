// Who is asking (`viewer`, for everyone) and the stored API tokens (`apiTokens`, admins only).
import { builder } from '../builder.js';
import { db } from '../db/index.js';
import { type ApiTokenSummary, listApiTokens } from '../services/api-token.js';

const ViewerKind = builder.enumType('ViewerKind', {
  description: 'How the request authenticated.',
  values: {
    ANONYMOUS: { description: 'No credentials: a public reader.' },
    TOKEN: { description: 'A stored API token (`npm run token -- create`).' },
    JWT: { description: 'A JWT from single sign-on, verified with the configured key.' },
    BOOTSTRAP: { description: 'The EDITOR_TOKEN setting, which acts as an admin.' },
  },
});

const Role = builder.enumType('Role', {
  description: 'What a credential may do.',
  values: {
    EDITOR: { description: 'Writes content.' },
    ADMIN: { description: 'Writes content and manages access.' },
  },
});

const Viewer = builder.objectRef<{ kind: string; name?: string; role?: 'EDITOR' | 'ADMIN' }>(
  'Viewer',
);
Viewer.implement({
  description: 'The caller of this request. Embedded in its query (no ID of its own).',
  fields: (t) => ({
    kind: t.field({
      type: ViewerKind,
      description: 'How the request authenticated.',
      resolve: (viewer) => viewer.kind.toUpperCase() as 'ANONYMOUS',
    }),
    name: t.string({
      nullable: true,
      description: 'The token’s name, the JWT’s subject, or EDITOR_TOKEN; null when anonymous.',
      resolve: (viewer) => viewer.name ?? null,
    }),
    role: t.field({
      type: Role,
      nullable: true,
      description: 'The role the request acts with; null when anonymous.',
      resolve: (viewer) => viewer.role ?? null,
    }),
  }),
});

const ApiToken = builder.objectRef<ApiTokenSummary>('ApiToken');
ApiToken.implement({
  description: 'A stored API token, without its secret. Admins only.',
  // On the type, so no field of it can be exposed elsewhere without the same check.
  authScopes: { admin: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Unique name, chosen at creation.' }),
    role: t.field({ type: Role, description: 'What it may do.', resolve: (token) => token.role }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When it was created.',
      resolve: (token) => token.createdAt,
    }),
    lastUsedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When a request last used it (to the minute); null if never.',
      resolve: (token) => token.lastUsedAt,
    }),
    revokedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked; null while it works.',
      resolve: (token) => token.revokedAt,
    }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: Viewer,
    description: 'Who this request authenticated as. Never cached for credentials.',
    resolve: (_root, _args, context) => context.viewer,
  }),
  apiTokens: t.field({
    type: [ApiToken],
    description: 'Every stored API token, revoked ones included, oldest first. Admins only.',
    authScopes: { admin: true },
    resolve: () => listApiTokens(db),
  }),
}));
