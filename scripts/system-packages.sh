#!/usr/bin/env bash
# `make install` and `make install-test` run this: the Debian packages the portal needs at run time,
# installed when missing. WeasyPrint (the certificate PDF, employers/certificates.py) needs Pango
# >= 1.44 with HarfBuzz's subsetter and fontconfig; fonts-noto-cjk gives the PDF glyphs for
# Chinese, Japanese and Korean names (Latin, Greek, Cyrillic, Arabic and Hebrew come from the
# DejaVu fonts shipped in employers/fonts/); poppler-utils (pdffonts, pdfinfo) lets people look
# into a PDF; gettext's xgettext and msgmerge let `make messages` extract new interface strings (and
# the catalogue test check that none is missing); the catalogues themselves compile without it
# (Babel, `manage.py compile_catalogues`). Idempotent and quiet when everything is there; apt-get update only when something is
# missing. On a machine without dpkg/apt-get it says what to install and carries on.
set -euo pipefail

packages=(
  libpango-1.0-0
  libpangoft2-1.0-0
  libharfbuzz0b
  libharfbuzz-subset0
  libfontconfig1
  fontconfig
  fonts-noto-cjk
  poppler-utils
  gettext
)

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-packages: no apt-get here; install Pango (>= 1.44), HarfBuzz, fontconfig and a CJK" \
    "font (Noto Sans CJK) with your package manager for the certificate PDF"
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "system-packages: installing ${missing[*]} from Debian's packages"
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
