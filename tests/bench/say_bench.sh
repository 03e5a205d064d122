#!/usr/bin/env bash
# Text-to-speech benchmark (issue 23): how long `loa say` takes, on one core, to make
# a bulletin of about a minute (a storm warning with dates, times, numbers and
# abbreviations) into a stored announcement, and how much of that is the import
# (measuring, hashing, storing) rather than the synthesis. Goal: synthesis <= 2 s.
# Prints the figures and the bulletin's measured length and loudness; fails only if
# something does not run or the bulletin is not 45-90 s long.
#
#   bash tests/bench/say_bench.sh LOA
set -euo pipefail
(($# == 1)) || { echo "usage: $0 LOA" >&2; exit 2; }
loa=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-bench-say.XXXXXX")
trap 'rm -rf "$work"' EXIT
one_core=(taskset -c 0)

cat >"$work/bao-so-2.txt" <<'TEXT'
Thông báo khẩn của UBND xã Hòa Bình về cơn bão số 2.
Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, hồi 06:15 sáng nay, ngày 17/7/2020,
tâm bão ở cách bờ biển khoảng 150 km, sức gió mạnh nhất 90 km/h, giật cấp 12.
Dự báo trong 24 giờ tới, bão di chuyển theo hướng Tây Tây Bắc, mỗi giờ đi được 15 km,
và sẽ đổ bộ vào đất liền trong đêm nay. Lượng mưa có thể đạt 200 mm, nguy cơ ngập lụt
ở vùng trũng lên tới 80%.
UBND xã yêu cầu bà con: không ra khơi, đưa tàu thuyền vào nơi neo đậu an toàn;
chằng chống nhà cửa, chặt tỉa cây cao; chuẩn bị lương thực, nước uống, đèn pin cho
ít nhất 3 ngày. Các hộ ở ven sông và 2.019 hộ ở vùng trũng di chuyển đến nhà văn hóa
thôn trước 17:00 hôm nay.
Mọi trường hợp khẩn cấp xin gọi số 0912345678 hoặc báo cho trưởng thôn.
Ban chỉ huy phòng chống thiên tai xã trực 24/24 giờ.
TEXT

"$loa" --home "$work/home" init --code BENCH >/dev/null
/usr/bin/time -f '%e %M' -o "$work/say.time" "${one_core[@]}" \
    "$loa" --home "$work/home" say --file "$work/bao-so-2.txt" --id bao-so-2 >/dev/null
read -r say_s say_kb <"$work/say.time"
"$loa" --home "$work/home" show bao-so-2 --json >"$work/show.json"
read -r duration_ms lufs peak stored < <(python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
print(a["duration_ms"], a["loudness_lufs"], a["true_peak_dbtp"], a["sha256"][:2] + "/" + a["sha256"] + ".wav")
' "$work/show.json")
# The import alone, of the same WAV, into a second station: what say spent beyond synthesis.
"$loa" --home "$work/import" init --code BENCH >/dev/null
/usr/bin/time -f '%e' -o "$work/import.time" "${one_core[@]}" \
    "$loa" --home "$work/import" import "$work/home/library/$stored" --id bao-so-2 >/dev/null
read -r import_s <"$work/import.time"

awk -v ss="$say_s" -v skb="$say_kb" -v is="$import_s" -v ms="$duration_ms" -v l="$lufs" -v p="$peak" 'BEGIN {
    synth = ss - is; if (synth < 0) synth = 0
    printf "bulletin:        %.1f s of speech, %.1f LUFS, true peak %.1f dBTP (station target -16 LUFS)\n", ms / 1000, l, p
    printf "loa say:         %.2f s on one core, peak RSS %.1f MB\n", ss, skb / 1024
    printf "of which import: %.2f s (the same WAV through loa import)\n", is
    printf "synthesis:       %.2f s (goal <= 2 s: %s)\n", synth, synth <= 2 ? "met" : "NOT met"
    exit (ms >= 45000 && ms <= 90000 ? 0 : 1)
}'
