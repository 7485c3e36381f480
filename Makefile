# Two commands: `make serve` and `make test`. Each installs what it needs first.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

RECEIVER_PORT ?= 8787
FUZZ_SECONDS ?= 300

.PHONY: serve test test-native test-components test-e2e test-ghost build publish setup setup-test bench fuzz test-fuzz

# A release build: Trunk (the app shell, widget.js, the policy), then the publish step
# (story pages, home page, feed, sitemap; natively, in the profile the native tests share),
# then every text file and the wasm precompressed. One shell line, so that settings
# exported before it reach every step.
PUBLISH := cargo run --locked --quiet --features ssr --bin storyline-publish -- dist && node tools/precompress.mjs dist
RELEASE := trunk build --release && $(PUBLISH)

## serve: the app on http://127.0.0.1:8080 with the sample stories, plus the newsletter receiver
# Its dev build goes to its own folder so it never replaces the release build in dist/, and
# its signup form posts to the local receiver unless index.html names another endpoint.
serve: setup
	@PORT=$(RECEIVER_PORT) node tools/newsletter-receiver.mjs & receiver=$$!; \
	trap 'kill $$receiver 2>/dev/null' EXIT INT TERM; \
	STORYLINE_NEWSLETTER_ENDPOINT=http://127.0.0.1:$(RECEIVER_PORT)/subscribe trunk serve --dist target/dev-dist

## test: native model tests, component tests in headless Chromium, end-to-end tests (a real Ghost among their servers), 30 s of fuzzing
test: setup-test test-native test-components test-e2e test-fuzz

test-native:
	cargo test --locked --features ssr --lib

# wasm-bindgen-test drives Chromium through ChromeDriver; webdriver.json holds the flags.
test-components:
	CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	cargo test --locked --features app --target wasm32-unknown-unknown --test components

# The signup and network-fault tests point the page at local servers, so the policy must
# let the app reach the test receiver, the faulty story server and Ghost: this build names
# them, which `make build` never does, and its pages name the address the tests serve them
# at. The run's ports are chosen first, free ones (or from STORYLINE_TEST_PORT_BASE), so
# that suites can run side by side and leftover servers get in no one's way.
E2E_BUILD = ports=$$(node tools/test-ports.mjs) && eval "$$ports" && $(RELEASE)

# The suite includes its Ghost stage: a real Ghost 5 on loopback (tools/ghost.sh).
test-e2e: setup-test
	$(E2E_BUILD) && playwright test

## test-ghost: the end-to-end tests' Ghost stage alone, the signup against a real Ghost 5
test-ghost: setup-test
	$(E2E_BUILD) && playwright test --project ghost

# Half a minute from a fixed seed, so that CI's runs differ only in how far they get.
test-fuzz:
	tools/fuzz.sh 30 -seed=1

## fuzz: libFuzzer on story parsing, validation and citation numbering for FUZZ_SECONDS (300)
fuzz:
	tools/fuzz.sh $(FUZZ_SECONDS)

## bench: code weight, time to article vs static HTML, a 1,000-fact story, Lighthouse, in one table
bench: setup-test build
	node tools/bench.mjs

## build: the release build in dist/ (STORYLINE_SITE_URL: the site's public address)
build: setup
	$(RELEASE)

## publish: the publish step alone, over the current dist/ (after editing its stories)
publish: setup
	$(PUBLISH)

setup:
	tools/setup.sh build

setup-test:
	tools/setup.sh test
