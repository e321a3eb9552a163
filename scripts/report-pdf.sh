#!/usr/bin/env bash
# Converts a workbook to PDF with LibreOffice, then each PDF page to a PNG, for a human look at
# the printed report (page size, one page wide, repeated header rows, footer, charts).
# Not run by the tests (LibreOffice is large and slow to start).
#
#   scripts/report-pdf.sh <file.xlsx> <outdir> [dpi]
#
# Needs: soffice (libreoffice-calc), pdftoppm (poppler-utils); a CJK font (fonts-noto-cjk) for
# Chinese text. Output: <outdir>/<name>.pdf and <outdir>/<name>-<page>.png. LibreOffice prints
# every sheet; the report is the sheet with print settings, the data sheet follows it.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 <file.xlsx> <outdir> [dpi]" >&2
  exit 2
fi
in="$1"
out="$2"
dpi="${3:-80}"
[ -f "$in" ] || { echo "no such file: $in" >&2; exit 2; }
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-calc" >&2; exit 2; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install -y poppler-utils" >&2; exit 2; }

mkdir -p "$out"
name="$(basename "${in%.*}")"
# A private profile: a second soffice (or a colleague's) would otherwise lock the shared one
# and the conversion silently does nothing.
profile="$(mktemp -d "${TMPDIR:-/tmp}/lossdesk-lo-XXXXXX")"
trap 'rm -rf "$profile"' EXIT

soffice -env:UserInstallation="file://$profile" --headless --norestore \
  --convert-to pdf --outdir "$out" "$in" >/dev/null
pdf="$out/$name.pdf"
[ -s "$pdf" ] || { echo "LibreOffice wrote no PDF for $in" >&2; exit 1; }

rm -f "$out/$name"-*.png
pdftoppm -png -r "$dpi" "$pdf" "$out/$name"
if command -v pdfinfo >/dev/null; then
  pdfinfo "$pdf" | grep -E '^(Pages|Page size)' || true
fi
ls "$out/$name"-*.png
