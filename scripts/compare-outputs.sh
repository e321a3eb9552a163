#!/bin/sh
# Structure-only changes must not change any output. Usage, from the repository root:
#   scripts/compare-outputs.sh save    [DIR]   # before the change, on the current build
#   scripts/compare-outputs.sh compare [DIR]   # after `npx tsc -p tsconfig.build.json`
# For each fixture it runs `analyze --json --out` with a fixed --generated-at and keeps stdout,
# stderr, the exit code, the JSON and the result workbook. `compare` wants stdout/stderr/JSON
# byte-identical and every part inside the .xlsx byte-identical (zip entries compared one by one,
# so zip timestamps do not count but any change to a sheet, style or chart does).
MODE=${1:-compare}
DIR=${2:-/tmp/sweep-ref}
FILES="assets/sample-lossdesk.xlsx test/fixtures/graft/openpyxl-rich.xlsx test/fixtures/graft/libreoffice-rich.xlsx
test/fixtures/workbooks/messy-wide.xlsx test/fixtures/workbooks/missing-shares.xlsx
test/fixtures/xlsx/dates-1904-cjk.xlsx test/fixtures/xlsx/dates-1900.xlsx test/fixtures/xlsx/exceljs.xlsx
test/fixtures/xlsx/libreoffice.xlsx test/fixtures/xlsx/table.xlsx test/fixtures/xlsx/dotnet-prefixed.xlsx
test/fixtures/xlsx/streaming-inline.xlsx test/fixtures/xlsx/rich-phonetic.xlsx test/fixtures/xlsx/legacy.xls
test/fixtures/xlsx/opendocument.ods"
if [ "$MODE" = save ]; then OUT=$DIR; else OUT=$DIR.new; fi
rm -rf "$OUT"; mkdir -p "$OUT"
fail=0
for f in $FILES; do
  n=$(basename "$f" | sed 's/\.[a-z]*$//')
  node bin/lossdesk.js analyze "$f" --generated-at 2026-12-02T09:30 --json "$OUT/$n.json" --out "$OUT/$n.xlsx" \
    > "$OUT/$n.stdout" 2> "$OUT/$n.stderr"
  echo $? > "$OUT/$n.rc"
  # The paths of the outputs appear in stdout/stderr; make them independent of DIR.
  sed -i "s#$OUT#DIR#g" "$OUT/$n.stdout" "$OUT/$n.stderr"
  [ "$MODE" = save ] && continue
  for k in stdout stderr rc json; do
    if [ -e "$DIR/$n.$k" ] || [ -e "$OUT/$n.$k" ]; then
      cmp -s "$DIR/$n.$k" "$OUT/$n.$k" || { echo "DIFFERS: $f ($k)"; fail=1; }
    fi
  done
  if [ -e "$DIR/$n.xlsx" ] || [ -e "$OUT/$n.xlsx" ]; then
    /usr/bin/python3 - "$DIR/$n.xlsx" "$OUT/$n.xlsx" <<'PY' || { echo "DIFFERS: $f (xlsx parts)"; fail=1; }
import sys, zipfile
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:3])
na, nb = sorted(a.namelist()), sorted(b.namelist())
if na != nb:
    print("  parts differ:", sorted(set(na) ^ set(nb))); sys.exit(1)
bad = [n for n in na if a.read(n) != b.read(n)]
if bad:
    print("  changed parts:", bad); sys.exit(1)
PY
  fi
done
# The other writers (drill, event, sample) and a reader of LossDesk's own workbooks (drill score).
# Their docProps/core.xml carries the time of writing, so that one part is left out for them.
# Their drill logs stamp the wall clock, so they run with a clock frozen at 2026-12-02 09:30 (UTC+8).
CLOCK=$OUT/.fixed-clock.js
cat > "$CLOCK" <<'JS'
const Real = Date, T = Real.UTC(2026, 11, 2, 1, 30);
globalThis.Date = class extends Real { constructor(...a) { if (a.length) super(...a); else super(T); } static now() { return T; } };
JS
x() { name=$1; shift; node --require "$CLOCK" bin/lossdesk.js "$@" > "$OUT/$name.stdout" 2> "$OUT/$name.stderr"; echo $? > "$OUT/$name.rc"; sed -i "s#$OUT#DIR#g" "$OUT/$name.stdout" "$OUT/$name.stderr"; }
x drill-new drill new --seed 3 --force --out "$OUT/drill-new.xlsx"
x drill-new-en drill new --scenario live-event --locale en-US --seed 4 --force --out "$OUT/drill-new-en.xlsx"
x event-new event new assets/sample-lossdesk.xlsx --discovered "2026-11-30 09:15" --force --out "$OUT/event-new.xlsx"
x sample sample --clients 40 --products 3 --seed 5 --as-of 2026-11-27 --out "$OUT/sample.xlsx"
x drill-score drill score "$OUT/drill-new.xlsx" --json "$OUT/drill-score.json"
sed -i "s#$OUT#DIR#g" "$OUT/drill-score.json"
x complaints complaints "$OUT/event-new.xlsx" --as-of 2026-12-01 --json "$OUT/complaints.json"
if [ "$MODE" != save ]; then
  for n in drill-new drill-new-en event-new sample drill-score complaints; do
    for k in stdout stderr rc json; do
      if [ -e "$DIR/$n.$k" ] || [ -e "$OUT/$n.$k" ]; then
        cmp -s "$DIR/$n.$k" "$OUT/$n.$k" || { echo "DIFFERS: $n ($k)"; fail=1; }
      fi
    done
    if [ -e "$DIR/$n.xlsx" ]; then
      /usr/bin/python3 - "$DIR/$n.xlsx" "$OUT/$n.xlsx" <<'PY' || { echo "DIFFERS: $n (xlsx parts)"; fail=1; }
import sys, zipfile
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:3])
na, nb = sorted(a.namelist()), sorted(b.namelist())
if na != nb:
    print("  parts differ:", sorted(set(na) ^ set(nb))); sys.exit(1)
bad = [n for n in na if n != "docProps/core.xml" and a.read(n) != b.read(n)]
if bad:
    print("  changed parts:", bad); sys.exit(1)
PY
    fi
  done
fi
[ "$MODE" = save ] && { echo "saved $(ls "$OUT" | wc -l) files in $OUT"; exit 0; }
[ $fail = 0 ] && echo "all outputs identical ($(echo $FILES | wc -w) analyze inputs + 6 other commands)"
exit $fail
