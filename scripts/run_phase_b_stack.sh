#!/usr/bin/env sh
# Seed 000's phase-B stack: delegates to `pnpm run stack:phase-b` (tools/launch/src/smoke/smoke.cli.ts --serve --flow phase-b).
set -e
cd "$(dirname "$0")/.."
exec pnpm run --silent stack:phase-b "$@"
