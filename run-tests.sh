#!/usr/bin/env bash
# Runs every test of every module: unit tests, Camel tests against the simulator over loopback, and the
# one-million-object summary test in its own 64 MB JVM.
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${BLACKPEARL_TEST_PG_URL:-}" ]; then
    echo "BLACKPEARL_TEST_PG_URL is not set: the cluster tests run on an H2 server, not PostgreSQL" \
         "(.ci/start-postgres starts one; see README.md)" >&2
fi
exec mvn -B -ntp verify "$@"
