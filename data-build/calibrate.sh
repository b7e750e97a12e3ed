#!/usr/bin/env bash
# One-command, reproducible calibration of the default cost model on the shipped observations (issue #13 §4).
# Fits speeds, dwell, waits and rates with `caravan calibrate`, holding back 30 % of the rows (seed 42, so the
# split is the same on every run) and prints before/after on the fitted and the held-back rows.
# Output: data-build/calibrated.yaml, a normal --costs override whose entries say
# `calibrated on data/observations/published.csv (N observations)`. Review it, then copy the fitted values
# into core/src/main/resources/org/caravan/cost/*.yaml with `confidence: calibrated` and regenerate
# docs/VALIDATION.md with data-build/validation-report.sh. Run from anywhere; needs only the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
obs=data/observations/published.csv
./caravan calibrate "$obs" --fit speeds,dwell,waits,rates --holdout 0.3 --seed 42 \
    -o data-build/calibrated.yaml "$@"
echo "wrote data-build/calibrated.yaml (holdout 0.3, seed 42)"
