#!/usr/bin/env bash
# The audit step of action.yml: runs `apigw-audit scan` on INPUT_PATHS with the action's
# inputs, prints the report in INPUT_FORMAT, writes SARIF to INPUT_SARIF_FILE, sets the step's
# outputs (sarif-file, exit-code) and exits with the CLI's exit code.
set -uo pipefail
cli="$GITHUB_ACTION_PATH/bin/apigw-audit.cjs"

# Paths are separated by spaces or new lines (a path with a space in it needs a folder above it).
read -r -a paths <<< "$(printf '%s' "$INPUT_PATHS" | tr '\n' ' ')"
options=(--fail-on "$INPUT_FAIL_ON" --min-severity "$INPUT_MIN_SEVERITY")
[ -n "$INPUT_CONFIG" ] && options+=(--config "$INPUT_CONFIG")
[ -n "$INPUT_SUPPRESSIONS" ] && options+=(--suppressions "$INPUT_SUPPRESSIONS")
[ -n "$INPUT_BASELINE" ] && options+=(--baseline "$INPUT_BASELINE")

status=0
node "$cli" scan "${paths[@]}" "${options[@]}" --format sarif > "$INPUT_SARIF_FILE" || status=$?
if [ "$status" = 2 ]; then
  : # Bad input or usage (a wrong path or input): the CLI said what on stderr; a rerun would say it twice.
elif [ "$INPUT_FORMAT" != sarif ]; then
  # The same scan again, for the log: the exit code is the SARIF run's.
  node "$cli" scan "${paths[@]}" "${options[@]}" --format "$INPUT_FORMAT" || true
else
  cat "$INPUT_SARIF_FILE"
fi

{
  echo "sarif-file=$INPUT_SARIF_FILE"
  echo "exit-code=$status"
} >> "$GITHUB_OUTPUT"
exit "$status"
