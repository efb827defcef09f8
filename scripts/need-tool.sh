#!/usr/bin/env bash
# `scripts/need-tool.sh COMMAND [PACKAGE]`: install Debian's PACKAGE (default: COMMAND) when
# COMMAND is missing, so that a make target needing it works on a new machine. Idempotent.
set -euo pipefail
command_name=$1
package=${2:-$1}
if command -v "$command_name" >/dev/null 2>&1 || [ -x "/usr/bin/$command_name" ]; then
  exit 0
fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "need-tool: installing Debian's $package (for $command_name)"
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
command -v "$command_name" >/dev/null 2>&1 || { echo "need-tool: $command_name still missing" >&2; exit 1; }
