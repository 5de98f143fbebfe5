#!/usr/bin/env bash
# The whole test suite (README's second command).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -Xswiftc -warnings-as-errors 2>&1 | tail -n 20
swift test 2>&1 | tee /tmp/relmodel-test.log | grep -vE '^\[[0-9]+/[0-9]+\]' 
