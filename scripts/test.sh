#!/usr/bin/env bash
# Every test: prepare the infrastructure downloads (cached), type-check, then unit, workflow
# (time-skipping) and integration (real PostgreSQL, Kafka, Temporal) tests.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent infra -- prepare
npm run --silent typecheck
# docker-compose.yml must stay valid; Debian's docker-compose validates it without an engine.
if command -v docker-compose >/dev/null; then docker-compose config -q && echo 'docker-compose.yml: valid'; fi
npx jest --selectProjects unit
npx jest --selectProjects workflows --runInBand --passWithNoTests
npx jest --selectProjects integration --runInBand
