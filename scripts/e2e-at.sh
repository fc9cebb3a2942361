#!/usr/bin/env bash
# Runs the Playwright suite as if it were another moment: the seed and the tests place sessions
# relative to "now", so a test that only holds on some days (a weekend, Paris past midnight, a
# session starting during the run, a DST change) shows up here before it shows up in CI.
#
#   bash scripts/e2e-at.sh "2026-12-05 22:58" [playwright args...]    (needs: npm run build)
#
# Needs Debian's faketime (apt-get install faketime). The clock is shifted by an offset rather
# than frozen, so the app server, the test runner and Chromium agree on the time and it runs on.
# Other ports and database than a plain `npm run test:e2e`, so both can run at once.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "usage: bash scripts/e2e-at.sh \"YYYY-MM-DD HH:MM\" (UTC) [playwright args...]" >&2
  exit 2
fi
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install faketime" >&2; exit 2; }
at="$1"
shift
offset=$(($(date -u -d "$at" +%s) - $(date -u +%s)))
export E2E_PORT="${E2E_PORT:-3400}" E2E_SMTP_PORT="${E2E_SMTP_PORT:-4400}"
export E2E_DB="${E2E_DB:-tests/.tmp/e2e-at.db}"
echo "Playwright at $at UTC (clock shifted by ${offset}s), app on port $E2E_PORT"
exec faketime -f "$(printf "%+d" "$offset")s" npx playwright test "$@"
