# Shared by the check scripts: run from the repository root, one timed step per command.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# npm's own notices are not part of a check's result.
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# check "title" command...: prints the title, runs the command, and its time; stops the script on failure.
check() {
  local title=$1 start end status=0
  shift
  printf '\n== %s\n' "$title"
  start=$(date +%s%N)
  "$@" || status=$?
  end=$(date +%s%N)
  if [ "$status" -ne 0 ]; then
    printf -- '-- FAILED (exit %d) after %d ms: %s\n' "$status" $(((end - start) / 1000000)) "$title"
    exit "$status"
  fi
  printf -- '-- ok in %d ms\n' $(((end - start) / 1000000))
}

TSC_5=(node node_modules/typescript/bin/tsc)
TSC_6=(node node_modules/typescript-6/bin/tsc)
TSC_7=(node node_modules/typescript-7/bin/tsc)
