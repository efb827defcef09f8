# Shared by .ci/fresh-clone-run and .ci/production-run (sourced, not run).
# CI_CHECKOUT: the checkout CI runs in; CI_PYTHON: its .venv (make install-test) with Playwright.
CI_CHECKOUT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CI_PYTHON="$CI_CHECKOUT/.venv/bin/python"
CI_CHECK="$CI_CHECKOUT/.ci/product_check.py"

# The first free port on loopback from CI_PORT_BASE (default 8100) on.
free_port() {
  "$CI_PYTHON" - "${CI_PORT_BASE:-8100}" <<'PY'
import socket, sys
base = int(sys.argv[1])
for port in range(base, base + 100):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(port)
        break
else:
    sys.exit(f"no free port in {base}-{base + 99}")
PY
}

# A clone of the commit CI runs at, in $1/portal, with none of this machine's leftovers.
clone_commit() {
  local into=$1 commit
  commit=$(git -C "$CI_CHECKOUT" rev-parse HEAD)
  git clone --quiet --no-checkout "$CI_CHECKOUT" "$into/portal"
  git -C "$into/portal" checkout --quiet --detach "$commit"
  echo "cloned $commit into $into/portal"
}

# Stop a process group started with setsid (the leader's pid is the group id), then wait for it.
stop_group() {
  local pgid=$1
  [ -n "$pgid" ] || return 0
  kill -TERM -- "-$pgid" 2>/dev/null || return 0
  for _ in $(seq 1 40); do kill -0 -- "-$pgid" 2>/dev/null || return 0; sleep 0.25; done
  kill -KILL -- "-$pgid" 2>/dev/null || true
}
