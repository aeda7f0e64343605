#!/usr/bin/env bash
# Installs the system tools that the reports tests use to read rendered files
# the way a person's software would:
#   - poppler-utils: pdftotext, pdffonts, pdfinfo, pdftoppm (PDF checks)
#   - libreoffice-writer-nogui: soffice (opens the DOCX output and converts it)
#   - libreoffice-calc-nogui: LibreOffice Calc (opens the appendix workbooks)
#   - fonts-noto-cjk: CJK fonts so LibreOffice lays out Chinese text faithfully
#   - fonts-liberation2: Liberation Serif and Sans, metric-compatible with Times New Roman and
#     Arial (the Latin fonts the DOCX names), so digits and Latin words take in LibreOffice the
#     width they take in Word; without them LibreOffice falls back to the wider DejaVu faces
# Idempotent: does nothing when every tool is already present.
set -euo pipefail

log() { printf '[install-system-deps] %s\n' "$*"; }

have() { command -v "$1" >/dev/null 2>&1; }

missing=()
if ! have pdftotext || ! have pdffonts || ! have pdfinfo || ! have pdftoppm; then
  missing+=(poppler-utils)
fi
if ! have soffice && ! have libreoffice; then
  missing+=(libreoffice-writer-nogui)
fi
# Calc comes in its own package, with or without the GUI.
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
if have dpkg-query && ! installed libreoffice-calc-nogui && ! installed libreoffice-calc; then
  missing+=(libreoffice-calc-nogui)
fi
# (fc-list's output is read whole: `grep -q` closing the pipe early fails the pipeline under pipefail.)
fonts="$(fc-list 2>/dev/null || true)"
if ! grep -qi 'Noto Sans CJK\|Noto Serif CJK' <<<"$fonts"; then
  missing+=(fonts-noto-cjk)
fi
if ! grep -qi 'Liberation Serif' <<<"$fonts"; then
  missing+=(fonts-liberation2)
fi

if [ "${#missing[@]}" -eq 0 ]; then
  log "all tools present (pdftotext, pdffonts, pdfinfo, pdftoppm, soffice with Calc, CJK and Liberation fonts); nothing to do"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if have sudo; then
    SUDO="sudo"
  else
    log "not root and sudo is not available; please install: ${missing[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
log "running: ${SUDO:+$SUDO }apt-get update"
$SUDO apt-get update -q
log "running: ${SUDO:+$SUDO }apt-get install -y --no-install-recommends ${missing[*]}"
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
log "done"
