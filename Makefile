.PHONY: check lint types test bench demo

PY ?= python

check: lint types test  ## lint, types and tests: run before every commit

lint:
	ruff check .
	ruff format --check .

types:
	mypy

test:
	pytest

bench:  ## speed and memory, each beside its baseline (about 3 minutes)
	$(PY) -m bench

demo:
	piptui demo
