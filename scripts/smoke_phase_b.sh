#!/usr/bin/env sh
# Seed 000's phase-B smoke: delegates to `pnpm run smoke:phase-b` (tools/launch/src/smoke/smoke.cli.ts --flow phase-b).
set -e
cd "$(dirname "$0")/.."
exec pnpm run --silent smoke:phase-b "$@"
