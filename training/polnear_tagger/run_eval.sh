#!/usr/bin/env bash
# Score an assembled pipeline on the held-out train slice and (final measurement only) dev.
#   ./run_eval.sh PIPELINE_DIR TAG [holdout|dev|both]
# Needs /work/polnear_exp/data (convert.py output). Writes /work/polnear_exp/pred_TAG_{holdout,dev}.jsonl
set -euo pipefail
PIPE=$1; TAG=$2; WHICH=${3:-holdout}
HERE=$(cd "$(dirname "$0")" && pwd)
PY=/work/main/.venv/bin/python
EXP=/work/polnear_exp
SCORER=/work/shared/eval/polnear.py
cd "$EXP"
[ -f holdout.jsonl ] || $PY $SCORER inputs data/holdout_data holdout holdout.jsonl
[ -f dev.jsonl ] || $PY $SCORER inputs /work/shared/corpus/polnear dev dev.jsonl
if [ "$WHICH" = holdout ] || [ "$WHICH" = both ]; then
  $PY "$HERE/decode.py" "$PIPE" holdout.jsonl "pred_${TAG}_holdout.jsonl"
  echo "== $TAG held-out train slice (80 articles)"
  $PY $SCORER score data/holdout_data holdout "pred_${TAG}_holdout.jsonl" || true
fi
if [ "$WHICH" = dev ] || [ "$WHICH" = both ]; then
  $PY "$HERE/decode.py" "$PIPE" dev.jsonl "pred_${TAG}_dev.jsonl"
  echo "== $TAG dev (84 articles)"
  $PY $SCORER score /work/shared/corpus/polnear dev "pred_${TAG}_dev.jsonl" || true
fi
