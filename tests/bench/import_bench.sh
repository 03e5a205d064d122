#!/usr/bin/env bash
# Import benchmark (issue 3): how fast `loa import` measures and stores an hour of
# 48 kHz stereo FLAC on one core, its peak memory, and the same file through
# ffmpeg's ebur128 filter (Debian's ffmpeg) for time and integrated loudness.
# Prints its figures; fails only if something does not run or the loudness figures
# disagree by more than 0.1 LU (speed and memory are reported, not enforced here).
#
#   bash tests/bench/import_bench.sh LOA SOURCE_DIR [MINUTES]
set -euo pipefail
(($# >= 2)) || { echo "usage: $0 LOA SOURCE_DIR [MINUTES]" >&2; exit 2; }
loa=$1
src=$2
minutes=${3:-60}
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-bench-import.XXXXXX")
trap 'rm -rf "$work"' EXIT
seconds=$((minutes * 60))
one_core=(taskset -c 0)

# Real speech (the bundled samples, spoken by espeak-ng) looped to the length, as
# 48 kHz stereo 16-bit FLAC: compresses like a real announcement, not like noise.
file="$work/mot-gio.flac"
ffmpeg -nostdin -loglevel error -stream_loop -1 -i "$src/audio/thu-doan-lua-dao.ogg" -t "$seconds" \
    -ar 48000 -ac 2 -sample_fmt s16 -c:a flac "$file"
size_mb=$(($(stat -c %s "$file") / 1000000))

"$loa" --home "$work/home" init --code BENCH >/dev/null
/usr/bin/time -f '%e %M' -o "$work/loa.time" "${one_core[@]}" "$loa" --home "$work/home" import "$file" >/dev/null
read -r loa_s loa_kb <"$work/loa.time"
loa_lufs=$("$loa" --home "$work/home" show mot-gio --json | grep -o '"loudness_lufs":[-0-9.]*' | cut -d: -f2)

/usr/bin/time -f '%e %M' -o "$work/ffmpeg.time" "${one_core[@]}" ffmpeg -nostdin -hide_banner -nostats -threads 1 \
    -i "$file" -af ebur128=peak=true:metadata=1,ametadata=mode=print:key=lavfi.r128.I:file="$work/ffmpeg.meta" \
    -f null - 2>/dev/null
read -r ffmpeg_s ffmpeg_kb <"$work/ffmpeg.time"
ffmpeg_lufs=$(grep -o 'lavfi.r128.I=.*' "$work/ffmpeg.meta" | tail -n 1 | cut -d= -f2)

awk -v s="$seconds" -v size="$size_mb" -v ls="$loa_s" -v lkb="$loa_kb" -v fs="$ffmpeg_s" -v fkb="$ffmpeg_kb" \
    -v ll="$loa_lufs" -v fl="$ffmpeg_lufs" 'BEGIN {
    d = ll - fl; if (d < 0) d = -d
    printf "file:            %d min of 48 kHz stereo FLAC, %d MB\n", s / 60, size
    printf "loa import:      %.2f s = %.0fx real time on one core (target >= 100x), peak RSS %.1f MB (target < 50 MB)\n", ls, s / ls, lkb / 1024
    printf "ffmpeg ebur128:  %.2f s = %.0fx real time on one core, peak RSS %.1f MB\n", fs, s / fs, fkb / 1024
    printf "ratio:           loa takes %.2f of ffmpeg'"'"'s time (%.2fx as fast)\n", ls / fs, fs / ls
    printf "loudness:        loa %.2f LUFS, ffmpeg %.2f LUFS, difference %.3f LU (limit 0.1)\n", ll, fl, d
    exit (d <= 0.1 ? 0 : 1)
}'
