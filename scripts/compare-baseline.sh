#!/bin/sh
# Compares `lossdesk analyze <f> --json -` (stdout and stderr, exit code) on every fixture with the
# outputs saved before the streaming path went in (test/fixtures/baseline-json, made by the same
# loop on the build of commit cf617e5). Run from the repository root after `npm run build:cli`.
BASE=${1:-test/fixtures/baseline-json}
fail=0
for f in $(find test/fixtures -name '*.xlsx' -o -name '*.xls' -o -name '*.ods' | sort) assets/sample-lossdesk.xlsx; do
  n=$(echo $f | tr '/' '_')
  for mode in "" asof; do
    if [ -n "$mode" ]; then ext=".asof"; extra="--as-of 2026-01-01"; else ext=""; extra=""; fi
    node bin/lossdesk.js analyze $f --json - $extra > /tmp/cmp.json 2>/tmp/cmp.err
    cmp -s /tmp/cmp.json $BASE/$n$ext.json && cmp -s /tmp/cmp.err $BASE/$n$ext.err || { echo "DIFFERS: $f $mode"; fail=1; }
  done
done
exit $fail
