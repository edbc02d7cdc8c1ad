#!/usr/bin/env bash
# Runs every test of every module: unit tests, Camel tests against the simulator over loopback, and the
# one-million-object summary test in its own 64 MB JVM.
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B -ntp verify "$@"
