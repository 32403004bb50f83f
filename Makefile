# Seed 000's make targets. Each delegates to a pnpm script (package.json holds the logic).
# Apps are read from apps/*/src/main.ts, so `make run-<app>` works for every app that lands.
APPS := $(sort $(patsubst apps/%/src/main.ts,%,$(wildcard apps/*/src/main.ts)))
# Web apps (Next.js, apps/*/next.config.ts): `make run-web` runs `next dev` through dev:local.
WEB_APPS := $(sort $(patsubst apps/%/next.config.ts,%,$(wildcard apps/*/next.config.ts)))
ARGS ?=

.PHONY: help guard test build contract contract-check lint typecheck format-check e2e-smoke \
	e2e-auth-smoke e2e-admin-smoke stack-phase-b smoke-phase-b compose-smoke compose-validate migrate-db outbox-replay \
	kube-validate staging-deploy-dry-run perf-smoke launch-preflight launch-readiness-gate \
	launch-decision-packet today-ready staging-soak launch-go-nogo launch-stage staging-deploy \
	staging-rollback

help:
	@echo "make guard | test | build | contract | contract-check | migrate-db | run-<app> | e2e-smoke"
	@echo "     e2e-auth-smoke | e2e-admin-smoke | stack-phase-b | smoke-phase-b | perf-smoke | compose-validate | compose-smoke | kube-validate | outbox-replay ARGS=..."
	@echo "launch: launch-preflight | launch-readiness-gate | launch-decision-packet | today-ready | staging-soak"
	@echo "        launch-go-nogo ARGS=... | launch-stage ARGS=... | staging-deploy | staging-rollback | staging-deploy-dry-run"
	@echo "apps: $(APPS) | web apps: $(WEB_APPS)"

guard:
	pnpm run guard

test:
	pnpm run test

build:
	pnpm run build

contract:
	pnpm run contract

contract-check:
	pnpm run contract-check

lint:
	pnpm run lint

typecheck:
	pnpm run typecheck

format-check:
	pnpm run format:check

# Seed 000's smokes through the gateway at GATEWAY_URL (default http://localhost:8080); each starts
# the stack in memory mode (AUTH_MODE=enforce) when no gateway answers there, and stops it after.
e2e-smoke:
	@pnpm run --silent e2e-smoke

e2e-auth-smoke:
	@pnpm run --silent e2e-auth-smoke

e2e-admin-smoke:
	@pnpm run --silent e2e-admin-smoke

# Seed 000's phase-B demo (scripts/run_phase_b_stack.sh, scripts/smoke_phase_b.sh): the stack on the
# apps' own ports until Ctrl-C; the smoke uploads a generated clip and follows it to a playable episode.
stack-phase-b:
	@pnpm run --silent stack:phase-b

smoke-phase-b:
	@pnpm run --silent smoke:phase-b

migrate-db:
	pnpm run migrate $(ARGS)

# make run-identity: one app on the host with hot reload (memory stores unless DATABASE_URL/REDIS_URL are exported);
# make run-web: the web app's `next dev` on WEB_PORT (3000) against the local gateway.
run-%:
	@$(if $(filter $*,$(APPS) $(WEB_APPS)),pnpm run dev:local $*,echo "make run-$*: there is no app $* in apps/ (apps: $(APPS) $(WEB_APPS))" >&2; exit 2)

# make outbox-replay ARGS="-mode=list-failed -limit=20"
outbox-replay:
	pnpm run outbox-replay $(ARGS)

compose-validate:
	pnpm run compose:validate

# Builds and starts docker-compose.prod.yml + docker-compose.smoke.yml (env.prod: strict persistence, AUTH_MODE=enforce;
# identity mails its codes to the smoke-mail capture server), waits for every app's /ready, runs the family and auth
# smoke flows through the gateway, then takes the stack down (tools/launch/src/compose-smoke). Without Docker: exit 2.
compose-smoke:
	@pnpm run --silent compose-smoke $(ARGS)

kube-validate:
	pnpm run kube-validate

# Renders and validates the staging overlay without a cluster (tools/launch/src/staging).
staging-deploy-dry-run:
	@pnpm run --silent staging-deploy-dry-run

# kubectl apply -k infra/kubernetes/overlays/staging (Secret from DATABASE_URL + AUTH_JWT_SECRET), then a rollout wait per Deployment.
staging-deploy:
	@pnpm run --silent staging-deploy

# kubectl rollout undo of every staging Deployment, then a rollout wait for each.
staging-rollback:
	@pnpm run --silent staging-rollback

# Autocannon through the gateway: p50/p95/p99 and 5xx % per route, JSON artifact; P95_BUDGET_MS / P99_BUDGET_MS.
perf-smoke:
	@pnpm run --silent perf-smoke

# Launch tooling (tools/launch; RUNBOOK.md "Launch"): each CLI has --help; ARGS passes options through.
# make launch-go-nogo ARGS="--stage 10 --read-p95-ms 285 --write-p95-ms 430 --error-5xx-percent 0.22"
launch-go-nogo:
	@pnpm run --silent launch-go-nogo $(ARGS)

# make launch-stage ARGS="… --owner sre-oncall --notes rollout-window-2": evidence under tmp/launch/evidence, rollback on STOP.
launch-stage:
	@pnpm run --silent launch-stage $(ARGS)

# Deadline (LAUNCH_DEADLINE) and kube context; LAUNCH_REQUIRE_EXTERNAL_CLUSTER=false for local drills.
launch-readiness-gate:
	@pnpm run --silent launch-readiness-gate $(ARGS)

# guard, test, build, contract-check, e2e-smoke, kube-validate; LAUNCH_PREFLIGHT_TIMEOUT_SECONDS (1800) bounds it.
launch-preflight:
	@pnpm run --silent launch-preflight $(ARGS)

# preflight + perf-smoke + readiness into tmp/launch/decision-<time>/ with summary.md (GO/NO-GO).
launch-decision-packet:
	@pnpm run --silent launch-decision-packet $(ARGS)

# local readiness, a soak (SOAK_HOURS=1, SOAK_INTERVAL_MINUTES=60), then the decision packet.
today-ready:
	@pnpm run --silent today-ready

# SOAK_TARGET_URL=https://… SOAK_HOURS=24 SOAK_INTERVAL_MINUTES=60 make staging-soak
staging-soak:
	@pnpm run --silent staging-soak
