#!/usr/bin/env bash
# One-command, reproducible calibration of the default cost model on the shipped observations (issue #13 §4).
#
#   data-build/calibrate.sh            # writes data/calibration/fitted.yaml and data/calibration/report.txt
#
# Fits speeds, dwell, waits and rates with `caravan calibrate` (robust least squares on log ratios, Huber loss,
# a prior toward the defaults whose weight is chosen by 3-fold cross-validation on the fitted rows, parameters
# touched by fewer than 3 fitted rows pooled by kind or left at their defaults; seeded coordinate pattern search;
# docs/OBSERVATIONS.md), holding back 30 % of the rows with seed 42, so the split and the fit are the same on every
# run of the same inputs. The inputs are recorded in the header of both outputs:
# the observations file and its SHA-256, the embedded network and cost tables (SHA-256 of each), the git commit,
# the settings and the date. Nothing random is left: the search is deterministic and the split is seeded.
#
# The output is a normal --costs override (`./caravan route A B --costs data/calibration/fitted.yaml`) whose
# entries say `calibrated on published.csv (N observations)`. It is NOT merged into the
# defaults automatically: accept it only when the held-back rows improve (report.txt, "held back"), then copy
# values into core/src/main/resources/org/caravan/cost/*.yaml with their calibrated sources and regenerate
# docs/VALIDATION.md with data-build/validation-report.sh. After the network or the cost model changes, re-run.
# Extra arguments go to `caravan calibrate` (e.g. --max-evaluations 500 for a quick look).
#   --quick   halves the search budgets (CV fits 150, final fit 750 evaluations) for a loaded machine.
# Wall time on the 2-core project machine under load 7 (2026-12-03): about 9 minutes for the full budgets.
set -euo pipefail
cd "$(dirname "$0")/.."
obs=data/observations/published.csv
holdout=0.3
seed=42
fit=speeds,dwell,waits,rates
evals=1500
cv_evals=300
folds=3
min_support=3
weights=0.02,0.1,0.5,2
if [ "${1:-}" = "--quick" ]; then shift; evals=750; cv_evals=150; fi
out=data/calibration
mkdir -p "$out"
sha() { sha256sum "$1" | cut -c1-16; }
header() {
  echo "# Calibration of the Caravan default cost model (data-build/calibrate.sh)"
  echo "# date: $(date -u +%Y-%m-%dT%H:%MZ); git commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (uncommitted changes)')"
  echo "# observations: $obs (sha256 $(sha "$obs")); fit: $fit; holdout: $holdout; seed: $seed; max evaluations: $evals; prior weights: $weights by $folds-fold CV ($cv_evals evaluations each); min support: $min_support"
  for f in core/src/main/resources/org/caravan/data/nodes.csv core/src/main/resources/org/caravan/data/links.csv \
           core/src/main/resources/org/caravan/cost/defaults.yaml core/src/main/resources/org/caravan/cost/crossings.yaml \
           core/src/main/resources/org/caravan/cost/services.yaml core/src/main/resources/org/caravan/cost/tariffs.yaml \
           core/src/main/resources/org/caravan/validation/parameters.yaml; do
    [ -f "$f" ] && echo "# input: $f (sha256 $(sha "$f"))"
  done
}
# The header is taken before anything is written, so the git state is that of the inputs.
head_text="$(header)"
start=$(date +%s)
./caravan calibrate "$obs" --fit "$fit" --holdout "$holdout" --seed "$seed" --max-evaluations "$evals" \
    --prior-weights "$weights" --folds "$folds" --cv-max-evaluations "$cv_evals" --min-support "$min_support" \
    -o "$out/fitted.yaml.tmp" "$@" > "$out/report.txt.tmp"
wall=$(( $(date +%s) - start ))
{ echo "$head_text"; echo "#"; cat "$out/fitted.yaml.tmp"; } > "$out/fitted.yaml"
{ echo "$head_text" | sed "s/^# //"; echo "wall time: ${wall} s"; echo; sed "s/fitted.yaml.tmp/fitted.yaml/" "$out/report.txt.tmp"; } > "$out/report.txt"
rm -f "$out/fitted.yaml.tmp" "$out/report.txt.tmp"
sed -n '1,30p' "$out/report.txt"
echo "wrote $out/fitted.yaml and $out/report.txt (holdout $holdout, seed $seed)"
