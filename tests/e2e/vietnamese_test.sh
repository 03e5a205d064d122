#!/usr/bin/env bash
# The command line in Vietnamese: its refusals under LANGUAGE=vi (C.UTF-8) and under a
# real vi_VN.UTF-8 locale generated here into a private LOCPATH (localedef, package
# `locales`), the same refusals in English under LANGUAGE=en, schedule check keeping
# its FILE:LINE:COL prefix, station.toml's `language` (written by init, refused when
# unknown, and the language of what `loa run` writes whatever the environment says).
#
#   bash tests/e2e/vietnamese_test.sh LOA SOURCE_DIR LOCALEDIR
set -uo pipefail
(($# == 3)) || { echo "usage: $0 LOA SOURCE_DIR LOCALEDIR" >&2; exit 2; }
loa=$1
src=$2
export LOA_LOCALEDIR=$3
unset LC_ALL LC_MESSAGES LANG LANGUAGE
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-e2e-vi.XXXXXX") || exit 1
player=
cleanup() {
    [[ -n $player ]] && kill "$player" 2>/dev/null && wait "$player" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
home="$work/home"
passed=0
failures=()
ok() { passed=$((passed + 1)); printf 'ok: %s\n' "$1"; }
bad() { failures+=("$1"); printf 'FAIL: %s\n' "$1"; }
# expect CODE WHAT -- ENV... -- COMMAND...: runs COMMAND under env ENV, output in out/err.
expect() {
    local code=$1 what=$2
    shift 3
    local environment=()
    while [[ $1 != -- ]]; do environment+=("$1"); shift; done
    shift
    env "${environment[@]}" "$@" >"$work/out" 2>"$work/err"
    local got=$?
    ((got == code)) && ok "$what (exit $got)" || { bad "$what: exit $got, wanted $code"; cat "$work/out" "$work/err"; }
}
contains() {
    grep -qF -- "$2" "$1" && ok "$3" || { bad "$3: '$2' not in:"; sed 's/^/  /' "$1"; }
}
vi=(LC_ALL=C.UTF-8 LANGUAGE=vi)
en=(LC_ALL=C.UTF-8 LANGUAGE=en)

expect 2 "an unknown command, in Vietnamese" -- "${vi[@]}" -- "$loa" --home "$home" frobnicate
contains "$work/err" "loa: không có lệnh 'frobnicate'; 'loa --help' liệt kê các lệnh" "... says so in Vietnamese"
expect 2 "the same, LANGUAGE=en" -- "${en[@]}" -- "$loa" --home "$home" frobnicate
contains "$work/err" "loa: unknown command 'frobnicate'; 'loa --help' lists the commands" "... in English"

expect 1 "no station yet, in Vietnamese" -- "${vi[@]}" -- "$loa" --home "$home" list
contains "$work/err" "không có đài ở đây" "... names the missing station in Vietnamese"

expect 0 "init, in Vietnamese" -- "${vi[@]}" -- "$loa" --home "$home" init --code VI-01
contains "$work/out" "đã tạo đài VI-01" "... says what it created"
contains "$home/station.toml" 'language = "vi"' "init writes language = \"vi\""
grep -B1 '^language = ' "$home/station.toml" | grep -q '^#' && ok "... with a comment" || bad "language has no comment"

expect 2 "an unknown option, in Vietnamese" -- "${vi[@]}" -- "$loa" --home "$home" log --days 3
contains "$work/err" "loa: log: không có tùy chọn --days; 'loa log --help' liệt kê các tùy chọn" "... names the option"
expect 1 "an unknown announcement, in Vietnamese" -- "${vi[@]}" -- "$loa" --home "$home" remove khong-co
contains "$work/err" "không có bản tin 'khong-co' trong thư viện" "... names the announcement"
expect 3 "status with no player, in Vietnamese" -- "${vi[@]}" -- "$loa" --home "$home" status
contains "$work/out" "lịch phát:   chưa nạp; xin nạp bằng 'loa schedule load TỆP'" "... the schedule line"
contains "$work/out" "sự cố:       không có" "... the problems line"

# schedule check: the FILE:LINE:COL prefix stays as it is, the message is Vietnamese.
cat >"$work/bad.toml" <<'TOML'
version = 1

[[slot]]
id = "sang"
days = ["daily"]
at = ["06:00"]
play = ["khong-co"]
TOML
expect 1 "schedule check, in Vietnamese" -- "${vi[@]}" -- "$loa" --home "$home" schedule check "$work/bad.toml"
contains "$work/err" "$work/bad.toml:7:9: lỗi: khung giờ 'sang' phát 'khong-co', nhưng bản tin này không có trong thư viện" "... FILE:LINE:COL, then Vietnamese"
expect 1 "schedule check, LANGUAGE=en" -- "${en[@]}" -- "$loa" --home "$home" schedule check "$work/bad.toml"
contains "$work/err" "$work/bad.toml:7:9: error: slot 'sang' plays 'khong-co', which is not in the library" "... in English"

# A real vi_VN.UTF-8 locale, generated here (no root, no system locale needed).
mkdir -p "$work/locales"
if localedef -i vi_VN -f UTF-8 "$work/locales/vi_VN.UTF-8" 2>"$work/localedef"; then
    expect 2 "LANG=vi_VN.UTF-8" -- LOCPATH="$work/locales" LANG=vi_VN.UTF-8 -- "$loa" --home "$home" frobnicate
    contains "$work/err" "không có lệnh 'frobnicate'" "... Vietnamese from the locale alone"
    expect 2 "LANG=vi_VN.UTF-8 with LANGUAGE=en" -- LOCPATH="$work/locales" LANG=vi_VN.UTF-8 LANGUAGE=en -- "$loa" --home "$home" frobnicate
    contains "$work/err" "unknown command 'frobnicate'" "... LANGUAGE=en gives English"
else
    bad "localedef cannot make vi_VN.UTF-8 (package locales): $(cat "$work/localedef")"
fi

# station.toml's language: an unknown one is refused at its line.
cp "$home/station.toml" "$work/station.toml.good"
sed -i 's/^language = .*/language = "fr"/' "$home/station.toml"
line=$(grep -n '^language = ' "$home/station.toml" | cut -d: -f1)
expect 1 "language = \"fr\" is refused" -- "${en[@]}" -- "$loa" --home "$home" status
contains "$work/err" "station.toml:$line:12: unknown language 'fr': write \"vi\" (Vietnamese) or \"en\" (English)" "... at its line"
cp "$work/station.toml.good" "$home/station.toml"

# loa run writes in the station's language, whatever LANGUAGE says.
# run_briefly ENV...: starts the player under env ENV, lets it say what it does, stops it.
run_briefly() {
    env "$@" "$loa" --home "$home" run --output null >"$work/run" 2>&1 &
    player=$!
    for _ in $(seq 100); do grep -q 'loa: ' "$work/run" && break; sleep 0.1; done
    sleep 0.5
    kill -TERM "$player"
    wait "$player"
    player=
}
run_briefly "${en[@]}"
contains "$work/run" "loa: đài VI-01 đang phát ra" "loa run follows station.toml's language = \"vi\""
contains "$work/run" "loa: chưa nạp lịch phát nào; xin nạp bằng 'loa schedule load TỆP'" "... for all it writes"
# The player's own lines (its engine) are the station's language too.
"$loa" --home "$home" import "$src/audio/chuong.flac" >/dev/null
printf 'version = 1\n[[slot]]\nid = "sang"\ndays = ["daily"]\nat = ["06:00"]\nplay = ["chuong"]\n' >"$work/s.toml"
"$loa" --home "$home" schedule load "$work/s.toml" >/dev/null
run_briefly "${en[@]}"
contains "$work/run" "lịch phát s.toml (phiên bản 1) đang được dùng" "... and the engine says which schedule plays, in Vietnamese"
sed -i 's/^language = .*/language = "en"/' "$home/station.toml"
run_briefly "${vi[@]}"
contains "$work/run" "loa: station VI-01 playing to" "language = \"en\": loa run writes English under LANGUAGE=vi"

printf '%d passed, %d failed\n' "$passed" "${#failures[@]}"
((${#failures[@]} == 0)) || printf 'FAIL: %s\n' "${failures[@]}"
((${#failures[@]} == 0))
