# Seed 000's make targets; each calls the pnpm script of the same name.
.PHONY: contract contract-check

contract:
	pnpm run contract

contract-check:
	pnpm run contract-check
