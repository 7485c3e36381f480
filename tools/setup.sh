#!/usr/bin/env bash
# Installs what the build (and, with `test`, the test suite) needs, skipping whatever is
# already installed at the right version. Safe to run any number of times.
#   tools/setup.sh build   wasm target, Trunk, wasm-bindgen CLI, npm packages, crates
#   tools/setup.sh test    all of the above plus Chromium and ChromeDriver
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14
step() { printf '==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  # Newer Trunk needs a newer rustc than this toolchain; about 6 minutes on 2 cores.
  step "installing Trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# The CLI must match the wasm-bindgen crate exactly, so read the version from Cargo.lock.
bindgen_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  step "installing wasm-bindgen-cli $bindgen_version"
  # --locked has failed on a lock entry the registry no longer serves; the plain install works.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --locked ||
    cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# npm records the installed tree in node_modules/.package-lock.json; newer than the
# project's lockfile means nothing changed since the last install.
if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
  step "installing npm packages (wasm-opt, Playwright, axe-core)"
  npm ci --no-audit --no-fund
fi

# Trunk builds offline (Trunk.toml), so the crates must be here first.
cargo fetch --locked --quiet

if [ "${1:-build}" = test ] && ! { command -v chromium && command -v chromedriver; } >/dev/null; then
  step "installing Chromium and ChromeDriver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

# The deploy test (tests/e2e/deploy.spec.mjs) runs Debian's nginx on deploy/nginx.conf.
if [ "${1:-build}" = test ] && ! [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
  step "installing nginx and its brotli_static module"
  # The test starts its own nginx on a free port. Docker images already forbid service
  # starts; elsewhere, stop the package from starting a system nginx, whose install fails
  # when port 80 is taken.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
    as_root chmod +x /usr/sbin/policy-rc.d
    trap 'as_root rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static
fi

# The Ghost stage of the end-to-end tests (tests/e2e/ghost.spec.mjs) runs a real Ghost 5,
# installed outside the repository so that every clone shares it.
if [ "${1:-build}" = test ]; then
  tools/ghost.sh install
fi
