# The two commands: `make run` and `make test`. Both set up what is missing first.
SWIFT ?= swift
SWIFT_SOURCES = Sources Tests Package.swift

.PHONY: setup models testdata build run test lint format clean

setup:
	@scripts/setup

# Whisper and voice-activity models into MINUTES_MODELS_DIR; MODEL=base adds ggml-base.bin.
models:
	@scripts/models/provision-models

# Real recordings the tests use (jfk.wav, LibriVox clips).
testdata:
	@scripts/testdata

build: setup
	$(SWIFT) build

run: build
	@.build/debug/minutes $(ARGS)

# The storage tests run against SQLite and a throwaway PostgreSQL server started around them.
test: setup testdata
	scripts/with-postgres $(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive $(SWIFT_SOURCES)

format:
	$(SWIFT) format format --in-place --recursive $(SWIFT_SOURCES)
	$(SWIFT) format lint --strict --recursive $(SWIFT_SOURCES)

clean:
	rm -rf .build
