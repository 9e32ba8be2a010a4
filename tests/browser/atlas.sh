#!/usr/bin/env bash
# Browser test of the PL atlas (issue 14): build the atlas of a small survey, open it in
# headless Chromium (Debian's `chromium`, installed when missing) and check that
#   1. the index renders: every row is present after the script ran, the filter box shows;
#   2. filtering works, from `?filter=` and from `#filter=`;
#   3. every link and image of every page resolves to a file (and every #anchor exists);
#   4. every SVG loads as an image in the browser;
# and take screenshots of the index, one group page and one module page into the artefacts directory
# ($ATLAS_ARTEFACTS, default target/atlas-browser; not committed).
set -euo pipefail
cd "$(dirname "$0")/../.."
ART="${ATLAS_ARTEFACTS:-target/atlas-browser}"

fail() { echo "atlas browser test: FAIL: $*" >&2; exit 1; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "atlas browser test: installing Debian's chromium" >&2
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

cargo build --release --quiet
PLREP="$PWD/target/release/plrep"
rm -rf "$ART"
mkdir -p "$ART"
ART="$(cd "$ART" && pwd)"
GROUPS_="C4 S3 A4 SG8_3"
# shellcheck disable=SC2086
"$PLREP" survey $GROUPS_ --actions transitive --out "$ART/relu" --quiet
# shellcheck disable=SC2086
"$PLREP" survey $GROUPS_ --actions transitive --activation abs --out "$ART/abs" --quiet
"$PLREP" atlas "$ART/relu" "$ART/abs" --out "$ART/site" >/dev/null
SITE="$ART/site"

PROFILES="$(mktemp -d)"
trap 'rm -rf "$PROFILES"' EXIT
chrome() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$PROFILES")" --virtual-time-budget=5000 "$@" 2>/dev/null
}

# 1. The index renders with every row, the script ran (sort buttons, filter box shown).
chrome --dump-dom "file://$SITE/index.html" >"$ART/index.dom.html"
ROWS=$(grep -o 'data-rows="[0-9]*"' "$ART/index.dom.html" | grep -o '[0-9]*')
[ "$ROWS" = 8 ] || fail "index: expected 8 rows, got '$ROWS'"
[ "$(grep -o '<tr><th scope="row" class="l"><a href="groups/' "$ART/index.dom.html" | wc -l)" = 8 ] || fail "index: rows missing in the DOM"
grep -q 'data-shown="8"' "$ART/index.dom.html" || fail "index: the script did not count 8 shown rows"
grep -q '8 of 8 rows shown' "$ART/index.dom.html" || fail "index: no row count"
grep -q '<div id="filter-box">' "$ART/index.dom.html" || fail "index: the filter box stayed hidden"
grep -q '<button type="button">Order</button>' "$ART/index.dom.html" || fail "index: no sort buttons"

# 2. Filtering: by a column (query string) and by a word and a comparison (hash).
chrome --dump-dom "file://$SITE/index.html?filter=order%3D12" >"$ART/filter1.dom.html"
grep -q 'data-shown="2"' "$ART/filter1.dom.html" || fail "filter order=12: expected 2 rows"
[ "$(grep -o '<tr hidden=""' "$ART/filter1.dom.html" | wc -l)" = 6 ] || fail "filter order=12: expected 6 hidden rows"
chrome --dump-dom "file://$SITE/index.html#filter=abs%20beyond%3E0" >"$ART/filter2.dom.html"
grep -q 'data-shown="1"' "$ART/filter2.dom.html" || fail "filter 'abs beyond>0': expected 1 row"
grep -q '1 of 8 rows shown' "$ART/filter2.dom.html" || fail "filter 'abs beyond>0': no count"

# 3. Every link and image of every page resolves (relative to the page), anchors included.
LINKS=0
while IFS= read -r page; do
  dir="$(dirname "$page")"
  while IFS= read -r target; do
    case "$target" in
      *://*) fail "$page links outside the site: $target" ;;
    esac
    path="${target%%#*}"
    frag=""
    [ "$path" = "$target" ] || frag="${target#*#}"
    if [ -z "$path" ]; then file="$page"; else file="$dir/$path"; fi
    [ -f "$file" ] || fail "$page: $target does not resolve"
    if [ -n "$frag" ]; then
      grep -q "id=\"$frag\"" "$file" || fail "$page: anchor $target missing"
    fi
    LINKS=$((LINKS + 1))
  done < <(grep -o -E '(href|src)="[^"]*"' "$page" | sed -E 's/^(href|src)="//; s/"$//')
done < <(find "$SITE" -name '*.html' | sort)
[ "$LINKS" -gt 100 ] || fail "only $LINKS links checked"

# 4. Every SVG loads in the browser: one page with every drawing as an <img>, checked by
#    a script after the loads.
CHECK="$ART/svg-check.html"
{
  echo '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>svg check</title></head><body>'
  find "$SITE" -name '*.svg' | sort | while IFS= read -r f; do
    echo "<img alt=\"\" src=\"file://$f\">"
  done
  cat <<'JS'
<p id="result">pending</p>
<script>
window.addEventListener('load', function () {
  var imgs = Array.prototype.slice.call(document.images);
  var bad = imgs.filter(function (i) { return !(i.complete && i.naturalWidth > 0); });
  document.getElementById('result').textContent = 'loaded ' + (imgs.length - bad.length) + ' of ' + imgs.length +
    (bad.length ? ' failed: ' + bad.map(function (i) { return i.src; }).join(' ') : '');
});
</script></body></html>
JS
} >"$CHECK"
NSVG=$(find "$SITE" -name '*.svg' | wc -l)
chrome --allow-file-access-from-files --dump-dom "file://$CHECK" >"$ART/svg-check.dom.html"
grep -q "loaded $NSVG of $NSVG</p>" "$ART/svg-check.dom.html" \
  || fail "SVGs: $(grep -o 'loaded[^<]*' "$ART/svg-check.dom.html" || echo 'no result')"

# Screenshots (CI artefacts).
chrome --window-size=1400,1000 --screenshot="$ART/index.png" "file://$SITE/index.html" >/dev/null
chrome --window-size=1400,2400 --screenshot="$ART/group-A4.png" "file://$SITE/groups/A4.html" >/dev/null
chrome --window-size=1400,2400 --screenshot="$ART/module-A4-H2.png" "file://$SITE/groups/A4/H2.html" >/dev/null
[ -s "$ART/index.png" ] && [ -s "$ART/group-A4.png" ] && [ -s "$ART/module-A4-H2.png" ] || fail "no screenshots"

echo "atlas browser test: ok ($ROWS index rows, $LINKS links, $NSVG SVGs; screenshots in $ART)"
