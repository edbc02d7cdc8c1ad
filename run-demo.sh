#!/usr/bin/env bash
# Builds the project (tests skipped) and runs the sample application. Without a configured appliance it
# starts the embedded BlackPearl simulator, so it works on a fresh machine; it stops by itself.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -ntp -Dstyle.color=never -DskipTests install 2>&1 | sed "s/\x1b\[[0-9;]*m//g"
exec java -jar sample-routes/target/blackpearl-sample-routes.jar "$@"
