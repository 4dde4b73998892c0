#!/usr/bin/env bash
# Installs the package as a user would, and checks that it runs: `npm pack` (which builds the
# CLI through prepack), then the tarball into an empty project with the network refused (its
# one runtime dependency ships inside it), then `npx apigw-audit` --version, rules, audit and
# scan there, on the machine's Node (20) and on Node 22. Run by .ci/run; any failure fails it.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { printf 'check-package: %s\n' "$*" >&2; exit 1; }

cd "$repo"
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
[ -f "$work/$tarball" ] || fail "npm pack wrote no tarball"

# The Node 22 release the CLI is also checked on (and the Lambda bundle measured on, bench/lambda-node.ts).
NODE22_VERSION=$(node -p 'require(process.argv[1]).config.lambdaNodeVersion' "$repo/package.json")

mkdir "$work/project" && cd "$work/project"
printf '{ "name": "infra", "version": "1.0.0", "private": true }\n' > package.json
npm install --offline --no-audit --no-fund --save-dev "$work/$tarball" > install.log 2>&1 || { cat install.log; fail "the tarball did not install offline"; }

# The same checks under each Node version given: the CLI, as installed, on that Node.
check_cli() {
  local node_version
  node_version=$(node --version)
  version=$(npx --no-install apigw-audit --version)
  [ "$version" = "$(node -p 'require(process.argv[1]).version' "$repo/package.json")" ] || fail "node $node_version: --version printed \"$version\""

  npx --no-install apigw-audit rules | tail -n 1 | grep -Eq '^[0-9]+ rules\.$' || fail "node $node_version: rules did not list the rules"

  # The demo account has findings at and above high: exit 1, and a complete audit.
  local status=0
  npx --no-install apigw-audit audit --snapshot "$repo/examples/demo-account.json" > audit.txt 2> audit.err || status=$?
  [ "$status" -eq 1 ] || { cat audit.txt audit.err; fail "node $node_version: audit --snapshot exited $status, not 1"; }
  grep -q 'audit complete' audit.txt || { cat audit.txt; fail "node $node_version: audit --snapshot did not complete"; }
  [ ! -s audit.err ] || { cat audit.err; fail "node $node_version: audit --snapshot printed on stderr"; }

  # A template with a misspelt response header key: scan names it at its file:line:column.
  status=0
  npx --no-install apigw-audit scan templates > scan.txt || status=$?
  [ "$status" -eq 1 ] || { cat scan.txt; fail "node $node_version: scan exited $status, not 1"; }
  grep -Eq '^templates/mock-default-route-mistakes\.yaml:46:9 +HIGH +IR004 ' scan.txt || { cat scan.txt; fail "node $node_version: scan did not report IR004 at templates/mock-default-route-mistakes.yaml:46:9"; }
  echo "check-package: node $node_version: --version, rules, audit and scan work"
}

mkdir templates && cp "$repo/test/fixtures/iac/cloudformation/mock-default-route-mistakes.yaml" templates/
check_cli

# Node 22 (Lambda's runtime, and the SDK's minimum from 2027) as the npm registry ships it, in
# a package with the binary: about 10 s, no other download.
node22="$work/node22"
npm install --prefix "$node22" --no-save --no-audit --no-fund --no-package-lock "node-linux-$(node -p process.arch)@$NODE22_VERSION" > "$node22.log" 2>&1 || { cat "$node22.log"; fail "could not install Node $NODE22_VERSION from the npm registry"; }
PATH="$node22/node_modules/node-linux-$(node -p process.arch)/bin:$PATH" check_cli

echo "check-package: $tarball installs offline and runs on Node 20 and 22"
