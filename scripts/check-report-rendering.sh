#!/usr/bin/env bash
# Renders one `relmodel report` page of each kind in headless Chromium (Debian's chromium) and fails
# when a page is blank or a chart has no axis labels (scripts/check_rendering.py). The screenshots
# are left in $REPORT_DIR (default .build/report-rendering) to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${RELMODEL:-$(swift build -c release -Xswiftc -enable-testing --show-bin-path)/relmodel}"
out="${REPORT_DIR:-.build/report-rendering}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
    echo "check-report-rendering: chromium is not installed (scripts/setup-system.sh installs it)" >&2
    exit 1
fi
rm -rf "$out" && mkdir -p "$out" && out="$(cd "$out" && pwd)"

screenshot() {  # screenshot PAGE.html PNG
    # --no-sandbox: CI runs as root in a container; --virtual-time-budget lets the page settle.
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=2000 \
        --window-size=1200,2600 --screenshot="$2" "file://$1" > /dev/null 2>&1
}

report() {
    local name="$1"; shift
    "$bin" report --out "$out/$name.html" "$@" > /dev/null
    python3 scripts/check_rendering.py blank "$out/$name.html" "$out/$name-blank.html"
    screenshot "$out/$name.html" "$out/$name.png"
    screenshot "$out/$name-blank.html" "$out/$name-blank.png"
    python3 scripts/check_rendering.py check "$out/$name.html" "$out/$name.png" "$out/$name-blank.png"
}

report fit fit datasets/lifetime/lieblein_zelen_ball_bearings.csv --dist weibull2p --b-life 10
report competing-modes fit datasets/lifetime/doganaksoy_voltage_two_modes.csv --mode mode --b-life 10
report bathtub bathtub datasets/lifetime/doganaksoy_voltage_two_modes.csv --ignore-column mode --bounds fisher
report alt alt datasets/lifetime/device_a_hooper_amster.csv --stress temp_c --relationship arrhenius --dist lognormal2p --use-stress 10
report fitrate fitrate --units 300 --hours 2000 --failures 0 --stress-temp 85 --use-temp 25 --ea 0.65
report burnin burnin datasets/lifetime/doganaksoy_voltage_two_modes.csv --model bathtub --until-useful-life --acceleration-factor 20 --ignore-column mode
report xbar-r spc xbar-r datasets/spc/piston_rings.csv --value diameter --subgroup sample --phase phase --rules 1,2,5
report p-chart spc p datasets/spc/orange_juice.csv --value nonconforming --size size --subgroup sample --phase phase
report capability spc capability datasets/spc/piston_rings.csv --value diameter --subgroup sample --lsl 73.95 --usl 74.05
report baseline spc baseline datasets/spc/orange_juice.csv --chart p --value nonconforming --size size --phase phase
report components spc components datasets/spc/pastes_nested.csv --value strength --levels batch,cask,rownum
report between-within spc between-within datasets/spc/hardbake_flow_width.csv --value flow_width --subgroup sample --lsl 1 --usl 2
report load-size study load-size --arrival-rate 1 --service-mean 2 --capacity 4
report subgroup-size study subgroup-size --sizes 2,3,4,5,6 --interval 1 --shift 1
echo "check-report-rendering: every page rendered with labelled charts; screenshots in $out"
