#!/usr/bin/env bash
# Wrapper the Temporal TypeScript SDK spawns as `test-server.sh <port> [args…]` for time-skipping
# tests. It must exec java (so the SDK's kill reaches the JVM) and pass every argument through.
# The classpath file is prepared by `npm run infra -- prepare` (or the test harness) beforehand.
set -euo pipefail
: "${BANJIE_TEMPORAL_TEST_SERVER_CLASSPATH:?set by the test harness: path of the resolved classpath file}"
exec java -Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
  -cp "$(cat "$BANJIE_TEMPORAL_TEST_SERVER_CLASSPATH")" io.temporal.testserver.TestServer "$@"
