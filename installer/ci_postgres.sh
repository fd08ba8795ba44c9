#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the test suite's PostgreSQL run (CI, or a developer's
# Debian machine; run as root). Installs Debian's postgresql packages if missing, creates and starts the
# cluster "banshou_ci" (localhost only; port 5433 unless BANSHOU_CI_PG_PORT says otherwise) with a role
# that may CREATE DATABASE, and prints the URL for BANSHOU_TEST_DATABASE_URL as the only line on stdout:
#
#   export BANSHOU_TEST_DATABASE_URL="$(bash installer/ci_postgres.sh)"
#
# Running it again reuses the cluster. The cluster holds nothing but test databases, so it runs without
# fsync and synchronous commit (a crash loses nothing of value and the suite's thousands of short
# transactions do not wait for the disk) and without autovacuum (each database lives for one test).
set -euo pipefail

PORT="${BANSHOU_CI_PG_PORT:-5433}"
CLUSTER=banshou_ci
ROLE=banshou_ci
PASSWORD=ci-only-3f9a  # differs from the role's name, so tests that look for the password find only it

if ! command -v pg_createcluster >/dev/null; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >&2
fi
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"

if ! pg_lsclusters -h | awk -v c="$CLUSTER" '$2 == c { found = 1 } END { exit !found }'; then
  pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" \
    -o fsync=off -o synchronous_commit=off -o full_page_writes=off -o autovacuum=off \
    -o max_connections=200 >&2
fi
# Debian's pg_ctlcluster fails with status 2 when the cluster already runs.
pg_ctlcluster "$VERSION" "$CLUSTER" start >&2 || [ "$?" -eq 2 ]
PORT="$(pg_lsclusters -h | awk -v c="$CLUSTER" '$2 == c { print $3 }')"

runuser -u postgres -- psql -q -p "$PORT" -v ON_ERROR_STOP=1 >&2 <<SQL
SELECT 'CREATE ROLE $ROLE' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE')\gexec
ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
SELECT 'CREATE DATABASE $ROLE OWNER $ROLE'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$ROLE')\gexec
SQL

echo "postgresql+psycopg://$ROLE:$PASSWORD@127.0.0.1:$PORT/$ROLE"
