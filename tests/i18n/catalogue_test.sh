#!/usr/bin/env bash
# Fails when a message marked in the source is not translated in po/vi.po: extracts
# the messages again (as the `pot` target does, with the same xgettext options) and
# compares them with po/vi.po and the committed po/loa.pot; vi.po must have no
# untranslated, fuzzy or obsolete entry.
#
#   bash tests/i18n/catalogue_test.sh SOURCE_DIR SOURCES_FILE XGETTEXT [OPTIONS...]
set -uo pipefail
(($# >= 3)) || { echo "usage: $0 SOURCE_DIR SOURCES_FILE XGETTEXT [OPTIONS...]" >&2; exit 2; }
src=$1
sources=$2
shift 2
export LC_ALL=C.UTF-8
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-catalogue.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
failures=()
ok() { printf 'ok: %s\n' "$1"; }
bad() { failures+=("$1"); printf 'FAIL: %s\n' "$1"; }

cd "$src" || exit 1
"$@" --files-from="$sources" --output="$work/loa.pot" || { echo "FAIL: xgettext" >&2; exit 1; }
count=$(grep -c '^msgid ' "$work/loa.pot")
((count > 250)) && ok "the source marks $((count - 1)) messages" || bad "only $((count - 1)) messages marked"

# Every message in the source has a translation (msgcmp counts an untranslated or fuzzy
# entry as missing).
msgcmp po/vi.po "$work/loa.pot" 2>"$work/msgcmp" && ok "po/vi.po translates every message" ||
    bad "po/vi.po lacks translations ('cmake --build --preset ci --target pot', then translate): $(head -c 2000 "$work/msgcmp")"
# The committed template is the source's: no message missing, none left over.
msgcmp --use-untranslated po/loa.pot "$work/loa.pot" 2>"$work/missing" &&
    msgcmp --use-untranslated "$work/loa.pot" po/loa.pot 2>"$work/extra" &&
    ok "po/loa.pot is up to date" ||
    bad "po/loa.pot is out of date (run the pot target): $(head -c 1000 "$work/missing" "$work/extra")"

statistics=$(msgfmt --check --statistics --output-file=/dev/null po/vi.po 2>&1) ||
    bad "msgfmt --check refuses po/vi.po: $statistics"
printf 'msgfmt: %s\n' "$statistics"
grep -q 'untranslated\|fuzzy' <<<"$statistics" && bad "po/vi.po has untranslated or fuzzy entries: $statistics" ||
    ok "no untranslated or fuzzy entry"
obsolete=$(msgattrib --only-obsolete po/vi.po)
[[ -z $obsolete ]] && ok "no obsolete entry" || bad "po/vi.po keeps obsolete entries (#~): remove them"
# A translation keeps the numbered places of its message ({1}, {2}...).
msgexec -i po/vi.po sh -c '[ -z "$MSGEXEC_MSGID" ] && exit 0
    want=$(printf %s "$MSGEXEC_MSGID" | grep -o "{[0-9]*}" | sort -u | tr -d "\n")
    got=$(cat | grep -o "{[0-9]*}" | sort -u | tr -d "\n")
    [ "$want" = "$got" ] || { printf "%s\n" "$MSGEXEC_MSGID"; exit 1; }' >"$work/places" 2>&1 &&
    ok "every translation keeps its message's {N} places" ||
    bad "translations that lose or add a {N} place: $(head -c 1000 "$work/places")"

printf '%d failed\n' "${#failures[@]}"
((${#failures[@]} == 0)) || printf 'FAIL: %s\n' "${failures[@]}"
((${#failures[@]} == 0))
