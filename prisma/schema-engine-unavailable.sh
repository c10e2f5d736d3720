#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on offline machines.
# `prisma generate` only checks that a binary exists; anything that would really run it must fail
# loudly rather than report success. Migrations go through `npm run db:*` (the WASM engine) instead.
echo "newsgraph: Prisma's native schema engine is not installed; use npm run db:migrate / db:migration / db:status / db:reset" >&2
exit 1
