.PHONY: setup test demo lint bench eval
setup:
	bash scripts/setup.sh dev
test:
	bash scripts/test.sh
demo:
	bash scripts/demo.sh
lint:
	.venv/bin/ruff check src tests benchmarks && .venv/bin/mypy
bench:
	.venv/bin/python benchmarks/bench_extract.py
eval:
	.venv/bin/newsevents eval --gold ../shared/gold/seed.gold.jsonl ../shared/seeds/
