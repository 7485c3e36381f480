#!/usr/bin/env bash
# Fuzzes story parsing, validation and citation numbering (fuzz/fuzz_targets/story.rs)
# with libFuzzer for a fixed time, installing cargo-fuzz first unless the pinned version is
# there. Safe to run any number of times; the inputs it finds interesting stay in
# fuzz/corpus/story and seed the next run, a failing input goes to fuzz/artifacts/story.
#   tools/fuzz.sh SECONDS [libFuzzer option ...]      e.g. tools/fuzz.sh 30 -seed=1
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_FUZZ_VERSION=0.13.2
seconds=${1:?usage: tools/fuzz.sh SECONDS [libFuzzer option ...]}
shift

if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  printf '==> installing cargo-fuzz %s\n' "$CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

# The machines have only the stable toolchain. cargo-fuzz's default AddressSanitizer needs
# the nightly-only -Zsanitizer; without a sanitizer it passes only flags that stable takes
# (coverage instrumentation, debug assertions, overflow checks). The model is safe Rust, so
# a panic is the failure to look for, and libFuzzer catches those without ASan.
fuzz=(--sanitizer none story)
# The app's lockfile pins what the fuzz build shares with the app, so that the fuzzer runs
# the serde_json the app ships; cargo adds only libFuzzer's own crates to the copy, which
# is then newer than the app's until that changes.
if [ ! fuzz/Cargo.lock -nt Cargo.lock ]; then
  cp Cargo.lock fuzz/Cargo.lock
fi
cargo fuzz build "${fuzz[@]}"

corpus=fuzz/corpus/story
mkdir -p "$corpus"
# The sample stories and the Verity-shaped fixtures are the seeds, copied afresh so that
# they are fuzzed as they are now.
cp public/stories/*.json tests/fixtures/verity/*.json "$corpus"/

log=fuzz/artifacts/story.log
mkdir -p "$(dirname "$log")"
printf '==> fuzzing the story target for %s s (log: %s)\n' "$seconds" "$log"
if ! cargo fuzz run "${fuzz[@]}" "$corpus" -- \
  -dict=fuzz/story.dict -max_total_time="$seconds" -timeout=10 -print_final_stats=1 "$@" \
  >"$log" 2>&1; then
  # From the panic (or libFuzzer's own error) to the command that reproduces it, with the
  # input's byte dump cut short; a failed build has neither, so its tail is shown instead.
  if grep -qE 'panicked at|ERROR: libFuzzer' "$log"; then
    awk '/panicked at|ERROR: libFuzzer/ { on = 1 }
         on && length($0) > 300 { $0 = substr($0, 1, 300) " …" }
         on { print }
         /^Error: / { exit }' "$log"
  else
    tail -n 40 "$log"
  fi
  # CI's clone may be gone by the time anyone looks, so the input travels in the log.
  input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
  if [ -n "$input" ] && [ -f "$input" ]; then
    printf 'failing input, base64 (decode with `base64 -d`):\n%s\n' "$(base64 -w 0 "$input")"
  fi
  exit 1
fi
grep '^Done [0-9]* runs' "$log"
read -r count secs < <(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 \2/p' "$log")
# libFuzzer keeps every input it ever found new on disk, even once a smaller one covers the
# same; left alone, the corpus grew to 24,000 files in a few runs, 3,500 after this.
cargo fuzz cmin "${fuzz[@]}" "$corpus" >fuzz/artifacts/story-cmin.log 2>&1 ||
  { tail -n 20 fuzz/artifacts/story-cmin.log; exit 1; }
printf 'fuzz: %s runs in %s s, %s runs/s, no failure; corpus: %s inputs\n' \
  "$count" "$secs" "$((count / (secs > 0 ? secs : 1)))" "$(find "$corpus" -type f | wc -l)"
