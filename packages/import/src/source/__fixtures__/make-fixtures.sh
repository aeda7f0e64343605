#!/usr/bin/env bash
# Remakes service-contract.docx and service-contract.pdf from service-contract.html with
# LibreOffice (a Word file and a text PDF written by a real office program, not by qiyue).
# Run from this folder: bash make-fixtures.sh
set -euo pipefail
soffice --headless --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" service-contract.html
soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export service-contract.html
