#!/usr/bin/env bash
# bench:fences — the platform's geofence checks against PostGIS in the same run. Installs Debian's
# postgresql-15-postgis-3 when missing (as root), starts a throwaway PostgreSQL 15 unless DATABASE_URL is set,
# runs bench/tracking-fences.ts with the given arguments, and stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DATABASE_URL:-}" ]; then
  if [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "PostGIS is missing: apt-get install postgresql-15-postgis-3 (as root)" >&2
      exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-15-postgis-3 >/dev/null ||
      { apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-15-postgis-3 >/dev/null; }
  fi
  # shellcheck source=../scripts/ci/postgres.sh
  source scripts/ci/postgres.sh
  trap pg_throwaway_stop EXIT
  pg_throwaway_start
  export DATABASE_URL="$TEST_DATABASE_URL"
fi
node --import tsx bench/tracking-fences.ts "$@"
