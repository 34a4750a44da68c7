#!/usr/bin/env bash
# Regenerates assets/fonts/NotoSansCJKkr-Subset.otf, the font embedded in the charts.
#
# Source: Debian package `fonts-noto-cjk` (Noto Sans CJK, SIL Open Font License 1.1),
# face 1 of NotoSansCJK-Regular.ttc ("Noto Sans CJK KR"; 0 JP, 1 KR, 2 SC, 3 TC, 4 HK).
# Subset: ASCII + Latin-1, general punctuation, won/euro signs, arrows, U+2212 MINUS SIGN,
# ▲△▼▽, CJK symbols, Hangul compatibility jamo, all 11,172 Hangul syllables, full-width forms.
# Noto CJK's only Reserved Font Name is "Source" (Adobe), so the subset may keep its name.
#
# Needs: apt-get (Debian/Ubuntu), python3 with venv; fonttools is installed into a temp venv.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out_dir="$root/assets/fonts"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
apt-get download fonts-noto-cjk
dpkg-deb -x fonts-noto-cjk_*.deb x
python3 -m venv venv
venv/bin/pip install --quiet fonttools

mkdir -p "$out_dir"
venv/bin/pyftsubset x/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc --font-number=1 \
  --unicodes="U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030,U+2032-2033,U+20A9,U+20AC,U+2190-2193,U+2212,U+25B2,U+25B3,U+25BC,U+25BD,U+3000-303F,U+3131-318E,U+AC00-D7A3,U+FF01-FF5E" \
  --no-hinting --output-file="$out_dir/NotoSansCJKkr-Subset.otf.tmp"
mv "$out_dir/NotoSansCJKkr-Subset.otf.tmp" "$out_dir/NotoSansCJKkr-Subset.otf"

# The licence travels with the font: the upstream copyright notice (Reserved Font Name
# "Source", as in googlefonts/noto-cjk's LICENSE) followed by the OFL 1.1 text that Debian
# ships in the package's copyright file.
{
  echo "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."
  echo
  echo "This Font Software is licensed under the SIL Open Font License, Version 1.1."
  echo "This license is copied below, and is also available with a FAQ at:"
  echo "https://openfontlicense.org"
  echo
  awk '/^License: SIL-1.1$/ {on=1; next}
       on && !/^ / {if (n) exit; on=0; next}
       on {sub(/^ /, ""); if ($0 == ".") $0 = ""; print; n++}' \
    x/usr/share/doc/fonts-noto-cjk/copyright
} > "$out_dir/OFL.txt"
grep -q "SIL OPEN FONT LICENSE Version 1.1" "$out_dir/OFL.txt"

ls -l "$out_dir"
