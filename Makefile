# The two commands: `make run` and `make test`. Both set up what is missing first.
SWIFT ?= swift
SWIFT_SOURCES = Sources Tests Package.swift

.PHONY: setup build run test lint format clean

setup:
	@scripts/setup

build: setup
	$(SWIFT) build

run: build
	@.build/debug/minutes $(ARGS)

test: setup
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive $(SWIFT_SOURCES)

format:
	$(SWIFT) format format --in-place --recursive $(SWIFT_SOURCES)
	$(SWIFT) format lint --strict --recursive $(SWIFT_SOURCES)

clean:
	rm -rf .build
