#!/usr/bin/env bash
# Builds the DocC documentation of every library module with swift-docc-plugin and fails on any
# DocC warning (unresolved symbol links, documented parameters that don't exist, malformed
# articles, ...). The archives land in .build-docc/plugins/Swift-DocC/outputs/<Module>.doccarchive.
#
#   bash scripts/build-docs.sh            # all modules
#   bash scripts/build-docs.sh SPC Report # some of them
set -euo pipefail
cd "$(dirname "$0")/.."

modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
    modules=(LinearAlgebra RelmodelNumerics Ingest RelmodelJSON Lifetime Qualification SPC LimitRegistry Report)
fi
targets=()
for module in "${modules[@]}"; do targets+=(--target "$module"); done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Its own scratch path, so the symbol-graph build doesn't disturb the ordinary .build.
# --disable-sandbox: the plugin writes its archives under the scratch path.
# Not --warnings-as-errors: with it the plugin stops at the first target whose `docc convert` fails
# and the other targets' warnings go unseen. Every target is converted instead, and any diagnostic
# line (DocC prints `warning:` and `error:` at the start of each) fails the script below.
status=0
swift package --scratch-path .build-docc --disable-sandbox \
    generate-documentation "${targets[@]}" 2>&1 | tee "$log" || status=$?
count=$(grep -cE '(^|[^a-z])(warning|error):' "$log" || true)
if [ "$status" -ne 0 ] || [ "$count" -ne 0 ]; then
    echo "build-docs: DocC reported $count warning/error line(s); exit status $status" >&2
    exit 1
fi
echo "build-docs: ${#modules[@]} module(s) documented without warnings"
