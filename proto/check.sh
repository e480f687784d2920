#!/usr/bin/env bash
# Checks the contracts: buf lint, and buf breaking against the previous commit that had them
# (BUF_AGAINST_REF overrides, e.g. origin/main on a branch). buf comes from npm (.ci/tools).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUF="$ROOT/.ci/tools/node_modules/.bin/buf"
if [ ! -x "$BUF" ]; then
  echo "Installing buf from npm ..."
  (cd "$ROOT/.ci/tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
cd "$ROOT/proto"
"$BUF" lint
echo "buf lint: ok"
against="${BUF_AGAINST_REF:-HEAD~1}"
if git -C "$ROOT" rev-parse --verify -q "$against^{commit}" >/dev/null \
   && git -C "$ROOT" cat-file -e "$against:proto/buf.yaml" 2>/dev/null; then
  "$BUF" breaking --against "$ROOT/.git#ref=$(git -C "$ROOT" rev-parse "$against"),subdir=proto"
  echo "buf breaking against $against: ok"
else
  echo "buf breaking: skipped ($against has no proto/buf.yaml)"
fi
