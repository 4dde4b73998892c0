#!/usr/bin/env bash
# Installs the package as a user would, and checks that it runs: `npm pack` (which builds the
# CLI through prepack), then the tarball into an empty project with the network refused (its
# one runtime dependency ships inside it), then `npx apigw-audit` --version, rules, audit and
# scan there. Run by .ci/run; any failure fails it.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { printf 'check-package: %s\n' "$*" >&2; exit 1; }

cd "$repo"
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
[ -f "$work/$tarball" ] || fail "npm pack wrote no tarball"

mkdir "$work/project" && cd "$work/project"
printf '{ "name": "infra", "version": "1.0.0", "private": true }\n' > package.json
npm install --offline --no-audit --no-fund --save-dev "$work/$tarball" > install.log 2>&1 || { cat install.log; fail "the tarball did not install offline"; }

version=$(npx --no-install apigw-audit --version)
[ "$version" = "$(node -p 'require(process.argv[1]).version' "$repo/package.json")" ] || fail "--version printed \"$version\""

npx --no-install apigw-audit rules | tail -n 1 | grep -Eq '^[0-9]+ rules\.$' || fail "rules did not list the rules"

# The demo account has findings at and above high: exit 1, and a complete audit.
status=0
npx --no-install apigw-audit audit --snapshot "$repo/examples/demo-account.json" > audit.txt || status=$?
[ "$status" -eq 1 ] || { cat audit.txt; fail "audit --snapshot exited $status, not 1"; }
grep -q 'audit complete' audit.txt || { cat audit.txt; fail "audit --snapshot did not complete"; }

# A template with a misspelt response header key: scan names it at its file:line:column.
mkdir templates && cp "$repo/test/fixtures/iac/cloudformation/mock-default-route-mistakes.yaml" templates/
status=0
npx --no-install apigw-audit scan templates > scan.txt || status=$?
[ "$status" -eq 1 ] || { cat scan.txt; fail "scan exited $status, not 1"; }
grep -Eq '^templates/mock-default-route-mistakes\.yaml:46:9 +HIGH +IR004 ' scan.txt || { cat scan.txt; fail "scan did not report IR004 at templates/mock-default-route-mistakes.yaml:46:9"; }

echo "check-package: $tarball installs offline; --version, rules, audit and scan work"
