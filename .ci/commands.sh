#!/usr/bin/env bash
# .ci/commands.sh CLONE_DIR: the short forms of the long commands, each through its make target,
# in the given clone (a fresh one in CI): the benchmark at scale 0.01, the soak for one minute,
# the three fault drills in a short form, and the screenshot. Each prepares what it needs
# itself (services, Debian's tools, its database, its static files under var/). Every one runs;
# the summary prints each one's result and duration; any failure fails the script.
#
# Overridable, so that runs on a shared machine keep to their own databases and ports:
#   SMOKE_BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/portal_bench_smoke; the soak
#   reuses it), SMOKE_REDIS_URL (redis://127.0.0.1:6379/13), SMOKE_PORT (8760: bench; +1 soak,
#   +2 drills, +3 screenshot), SMOKE_FRESH=1 drops the smoke and drill databases first (a first
#   run's time).
set -uo pipefail

clone=$(cd "${1:?usage: .ci/commands.sh CLONE_DIR}" && pwd) || exit 2
cd "$clone" || exit 2

bench_url=${SMOKE_BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_bench_smoke}
port=${SMOKE_PORT:-8760}
export REDIS_URL=${SMOKE_REDIS_URL:-redis://127.0.0.1:6379/13}
export CACHE_KEY_PREFIX=smoke
unset DATABASE_URL SOAK_DATABASE_URL

summary=()
failed=0
step() {
  local name=$1 started rc
  shift
  echo
  echo "== $name: $*"
  started=$(date +%s)
  "$@"
  rc=$?
  local seconds=$(($(date +%s) - started))
  if [ "$rc" -eq 0 ]; then
    summary+=("$(printf '%-10s passed  %4d s' "$name" "$seconds")")
  else
    summary+=("$(printf '%-10s FAILED  %4d s  (exit %d)' "$name" "$seconds" "$rc")")
    failed=1
  fi
  echo "== $name: exit $rc after $seconds s"
}

# The bench's table must show every page answered under load, without an error.
bench_smoke() {
  DATABASE_URL=$bench_url BENCH_PORT=$port \
    make bench BENCH_ARGS="--scale 0.01 --duration 2 --rounds 5 --label smoke" || return $?
  .venv/bin/python - <<'EOF'
import json, sys
report = json.load(open("bench/results/run-smoke.json"))
problems = []
for section in ("job_search", "matching", "site_search", "pages_under_load"):
    if not report.get(section):
        problems.append(f"no rows in {section}")
for row in report.get("pages_under_load", []):
    if not row["requests"] or row["errors"]:
        problems.append(f"{row['name']}: {row['requests']} requests, {row['errors']} errors")
if not report.get("home_first_load", {}).get("total_bytes"):
    problems.append("no first-load bytes")
print("bench smoke:", "; ".join(problems) or "every section measured, every page answered without an error")
sys.exit(1 if problems else 0)
EOF
}

if [ "${SMOKE_FRESH:-0}" = 1 ]; then
  make services >/dev/null
  psql "${bench_url%/*}/postgres" -qc "DROP DATABASE IF EXISTS \"${bench_url##*/}\" WITH (FORCE)"
  # The drills' own cluster (port 5433, bench/faults.py), when it exists.
  if pg_isready -q -h 127.0.0.1 -p 5433; then
    psql "postgres://postgres@127.0.0.1:5433/postgres" -qc "DROP DATABASE IF EXISTS portal_faults WITH (FORCE)"
  fi
fi

all_started=$(date +%s)
step services make services
step bench bench_smoke
step soak make soak SOAK_ARGS="--minutes 1 --database-url $bench_url --port $((port + 1)) --sample-seconds 20"
step faults make faults FAULTS_ARGS="--seconds 6 --down-seconds 5 --port $((port + 2))"
step screenshot env SCREENSHOT_PORT=$((port + 3)) make screenshot SCREENSHOT_ARGS="--out var/screenshot/home.png"

echo
echo "== short forms of the long commands, in $clone"
printf '  %s\n' "${summary[@]}"
echo "  total $(($(date +%s) - all_started)) s"
exit "$failed"
