# Seed 000's make targets. Each delegates to a pnpm script (package.json holds the logic);
# targets the seed names that are not built yet print what to run instead and exit 2.
# Apps are read from apps/*/src/main.ts, so `make run-<app>` works for every app that lands.
APPS := $(sort $(patsubst apps/%/src/main.ts,%,$(wildcard apps/*/src/main.ts)))
ARGS ?=

.PHONY: help guard test build contract contract-check lint typecheck format-check e2e-smoke \
	e2e-auth-smoke e2e-admin-smoke compose-smoke compose-validate migrate-db outbox-replay \
	kube-validate staging-deploy-dry-run launch-preflight launch-readiness-gate \
	launch-decision-packet today-ready staging-soak launch-go-nogo launch-stage staging-deploy \
	staging-rollback

help:
	@echo "make guard | test | build | contract | contract-check | migrate-db | run-<app> | e2e-smoke"
	@echo "     compose-validate | compose-smoke | kube-validate | staging-deploy-dry-run | outbox-replay ARGS=..."
	@echo "apps: $(APPS)"

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

# The through-the-gateway family flow (apps/e2e): starts the apps itself on a throwaway database.
e2e-smoke:
	pnpm run e2e-smoke

migrate-db:
	pnpm run migrate $(ARGS)

# make run-identity: one app on the host with hot reload (memory stores unless DATABASE_URL/REDIS_URL are exported).
run-%:
	@$(if $(filter $*,$(APPS)),pnpm run dev:local $*,echo "make run-$*: there is no app $* in apps/ (apps: $(APPS))" >&2; exit 2)

# make outbox-replay ARGS="-mode=list-failed -limit=20"
outbox-replay:
	pnpm run outbox-replay $(ARGS)

compose-validate:
	pnpm run compose:validate

# Builds and starts the production-like compose stack (env.prod: strict persistence, AUTH_MODE=enforce), then checks every app's /ready (needs Docker Compose V2).
compose-smoke:
	@docker compose version >/dev/null 2>&1 || { echo "make compose-smoke: needs Docker with the compose plugin (docker compose version failed); without Docker run: pnpm run compose:validate && pnpm run e2e-smoke" >&2; exit 2; }
	pnpm run compose:validate
	pnpm run compose:prod:all
	pnpm run docker:dev:health --wait 180

kube-validate:
	pnpm run kube-validate

# Renders and checks the staging overlay without a cluster.
staging-deploy-dry-run:
	pnpm run kube-validate --overlay staging

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

e2e-auth-smoke e2e-admin-smoke launch-preflight launch-decision-packet today-ready \
staging-soak staging-deploy staging-rollback:
	@echo "make $@: not built yet (issue 17). Run instead: pnpm run guard && pnpm run test && pnpm run build && pnpm run e2e-smoke && pnpm run kube-validate; deploy with kubectl apply -k infra/kubernetes/overlays/staging (RUNBOOK.md \"Kubernetes\")." >&2
	@exit 2
