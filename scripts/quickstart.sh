#!/usr/bin/env bash
# README's first command: installs what is missing (LAPACK and BLAS), builds relmodel in release mode
# and fits the bundled NIST 8.4.1.3 example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
swift build -c release --product relmodel 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
exec "$(swift build -c release --show-bin-path)/relmodel" fit datasets/lifetime/nist_8_4_1_3_weibull_example.csv "$@"
