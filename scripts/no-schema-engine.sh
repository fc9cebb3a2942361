#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on our machines.
# Migrations run through the WASM engine instead: see docs/decisions/002-migrations-without-native-engine.md
echo "Prisma's native schema engine is not used in Passerelle: run npm run db:migrate / db:deploy / db:reset / db:status." >&2
exit 1
