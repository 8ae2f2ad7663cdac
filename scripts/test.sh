#!/usr/bin/env bash
# Every test: prepare the infrastructure downloads (cached), type-check, module boundaries, then unit,
# workflow (time-skipping) and integration (real PostgreSQL, Kafka, Temporal) tests, and the
# smallest fault-injection scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent infra -- prepare
npm run --silent typecheck
npm run --silent lint
npm run --silent format:check
# docker-compose.yml must stay valid; Debian's docker-compose validates it without an engine. It
# requires a signing key and a database password from the environment: placeholders, to validate only.
if command -v docker-compose >/dev/null; then
  JWT_SECRET=placeholder-to-validate-the-compose-file POSTGRES_PASSWORD=placeholder docker-compose config -q && echo 'docker-compose.yml: valid'
fi
mkdir -p test-artifacts
npx jest --selectProjects unit --json --outputFile=test-artifacts/unit.json
npx jest --selectProjects workflows --runInBand --json --outputFile=test-artifacts/workflows.json
npx jest --selectProjects integration --runInBand --json --outputFile=test-artifacts/integration.json
# The fault suite's smallest scenario (the whole suite: npm run faults): kill -9 between publishing
# an event and marking it sent, under a stream of approval actions; nothing lost, nothing doubled.
npm run --silent faults -- --scenario approval-kill-before-mark --projects 2 --rate 20
node -e '
  const runs = ["unit", "workflows", "integration"].map((kind) => require(`./test-artifacts/${kind}.json`));
  const sum = (field) => runs.reduce((total, run) => total + run[field], 0);
  console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
'
