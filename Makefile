# The two commands: `make run` and `make test`. Both set up what is missing first.
SWIFT ?= swift
SWIFT_SOURCES = Sources Tests Package.swift

.PHONY: setup models testdata build run test lint format clean install uninstall

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

# An optimized `minutes` as a tool: the program, its themes and personas, shell completions
# and a manual page under $(DESTDIR)$(PREFIX); `make uninstall` removes exactly those files.
PREFIX ?= /usr/local
DESTDIR ?=
CONFIGURATION ?= release
install: setup
	$(SWIFT) build -c $(CONFIGURATION) --product minutes
	$(SWIFT) package generate-manual --configuration $(CONFIGURATION)
	scripts/install --binary "$$($(SWIFT) build -c $(CONFIGURATION) --show-bin-path)/minutes" \
		--manual .build/plugins/GenerateManual/outputs/minutes/minutes.1 --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

uninstall:
	scripts/install --uninstall --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

# The storage tests run against SQLite and a throwaway PostgreSQL server started around them.
# The console's end-to-end tests and the demo's live replay run meetings at real-time pace,
# so they run afterwards, on their own: beside 450 other tests on two cores the console falls
# minutes behind, which is not what they test (`minutes bench live` measures that).
# The refine commands' tests start several whole `minutes` processes at once (a console
# replay, refines, a background refine); they run last, so they load neither group.
REAL_TIME_TESTS = ConsoleCLITests|LiveDemoMeetingTests|LiveMeetingTests|RefineReplayedMeetingTests
PROCESS_TESTS = RefineCLITests
test: setup testdata
	scripts/with-postgres $(SWIFT) test --skip '$(REAL_TIME_TESTS)|$(PROCESS_TESTS)'
	$(SWIFT) test --skip-build --filter '$(REAL_TIME_TESTS)'
	$(SWIFT) test --skip-build --filter '$(PROCESS_TESTS)'

lint:
	$(SWIFT) format lint --strict --recursive $(SWIFT_SOURCES)

format:
	$(SWIFT) format format --in-place --recursive $(SWIFT_SOURCES)
	$(SWIFT) format lint --strict --recursive $(SWIFT_SOURCES)

clean:
	rm -rf .build
