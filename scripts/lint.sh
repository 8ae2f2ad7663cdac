#!/usr/bin/env bash
# Lint (module boundaries, workflow entry points, data access). Nx's boundary rule reads the
# project graph from Nx's cache and skips itself, exit 0, when there is none (a fresh clone): build
# the graph first, so the walls are checked everywhere. Paths default to the whole tree.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false
npx nx show projects >/dev/null
npx eslint --max-warnings 0 "${@:-.}"
