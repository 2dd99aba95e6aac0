#!/usr/bin/env bash
# Installs the Debian packages crace needs, only those that are missing, and
# Microsoft's SARIF Multitool (npm) into build/, where the tests validate
# crace-gate's SARIF with it. Idempotent: a machine that has everything does
# nothing and prints nothing.
set -euo pipefail

repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
SARIF_TOOL_VERSION=5.7.0
SARIF_TOOL_DIR="$repo/build/sarif-multitool"

PKGS=(clang-14 llvm-14-dev llvm-14-tools libunwind-dev uthash-dev libdw-dev
      libelf-dev python3 cmake time valgrind binutils)

die() { echo "deps.sh: $*" >&2; exit 1; }

command -v dpkg >/dev/null 2>&1 ||
	die "dpkg not found: crace's set-up needs Debian or Ubuntu; install by hand: ${PKGS[*]}"

# npm brings node; a node install that has its own npm (nodesource) is fine.
command -v npm >/dev/null 2>&1 || PKGS+=(npm)

# The SARIF Multitool, project-local (no global npm install, no root).
install_sarif_tool() {
	local bin="$SARIF_TOOL_DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
	[ -x "$bin" ] && return 0
	mkdir -p "$SARIF_TOOL_DIR"
	local nlog
	nlog=$(mktemp)
	if ! timeout 600 npm install --prefix "$SARIF_TOOL_DIR" --no-audit --no-fund \
		--no-save "@microsoft/sarif-multitool@$SARIF_TOOL_VERSION" >"$nlog" 2>&1; then
		tail -n 5 "$nlog" >&2
		rm -f "$nlog"
		echo "deps.sh: WARNING: npm could not install @microsoft/sarif-multitool (is the npm registry reachable?); the SARIF validation test (tests/lit/gate/sarif_valid.c) will fail until 'make deps' succeeds" >&2
		return 0
	fi
	rm -f "$nlog"
	chmod u+x "$bin"
	echo "deps.sh: installed @microsoft/sarif-multitool $SARIF_TOOL_VERSION in build/sarif-multitool"
}

missing=()
for p in "${PKGS[@]}"; do
	# dpkg -s succeeds for removed-but-configured packages too: check Status.
	if ! dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed'; then
		missing+=("$p")
	fi
done
if [ ${#missing[@]} -eq 0 ]; then
	install_sarif_tool
	exit 0
fi

SUDO=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null 2>&1 ||
		die "missing packages (${missing[*]}) and not root and no sudo: run 'apt-get install ${missing[*]}' as root"
	SUDO=sudo
fi

echo "deps.sh: installing ${missing[*]}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq >"$log" 2>&1; then
	tail -n 5 "$log" >&2
	die "'apt-get update' failed (see above); cannot install ${missing[*]}"
fi
if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
	tail -n 5 "$log" >&2
	die "'apt-get install ${missing[*]}' failed (see above)"
fi
echo "deps.sh: installed ${missing[*]}"
install_sarif_tool
