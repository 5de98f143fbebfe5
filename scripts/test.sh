#!/usr/bin/env bash
# README's second command: the whole test suite. Fails on any compiler warning or failing test.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
swift build --build-tests 2>&1 | tee "$log" | grep -vE '^\[[0-9]+/[0-9]+\]' || true
if grep -q "error:" "$log"; then echo "build failed" >&2; exit 1; fi
if grep -E "^/.*warning:" "$log" | grep -v "/.build" ; then echo "the build has warnings (see above)" >&2; exit 1; fi
swift test --skip-build 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]|^Test Case .* (started|passed)|^.* Test .* started' 
