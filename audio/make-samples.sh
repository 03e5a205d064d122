#!/usr/bin/env bash
# make-samples.sh — regenerate the bundled sample announcements for loa.
#
# Writes into the directory this script lives in (audio/), whatever the
# current directory is. Needs: espeak-ng (with the Vietnamese voice "vi"),
# sox and the sox FLAC/Ogg Vorbis handlers (Debian/Ubuntu: libsox-fmt-all).
#
# The spoken texts are short adaptations of Official Letter
# 498/STTTT-TTBCBC of 17/07/2020 from Sở Thông tin và Truyền thông tỉnh
# Kiên Giang (information campaign against online fraud, and Cambodia
# lifting entry/exit restrictions). They are written out below so that the
# script needs nothing but the tools above.
#
# Output is repeatable: espeak-ng is deterministic, sox runs with -R
# (fixed seeds for dither and the Ogg stream serial) and --comment ""
# (no "Processed by SoX" comment tag). Encoder versions may still change the bytes.

set -euo pipefail

OUT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"

for tool in espeak-ng sox; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "make-samples.sh: '$tool' not found (apt-get install espeak-ng sox libsox-fmt-all)" >&2
        exit 1
    }
done

TMP_DIR="$(mktemp -d)"
trap 'rm -rf -- "$TMP_DIR"' EXIT

VOICE="vi"     # espeak-ng Vietnamese (Northern) voice
SPEED=140      # words per minute; gives 10-12 s per announcement

# sox: repeatable mode, quiet. NOTAG goes just before an output file name.
SOX=(sox -R -q)
NOTAG=(--comment "")

# --- announcement texts -----------------------------------------------------

# Fraud methods and tricks, especially online.
TEXT_LUA_DAO_QUA_MANG="Sở Thông tin và Truyền thông tỉnh Kiên Giang thông báo. \
Bà con hãy cảnh giác với phương thức, thủ đoạn lừa đảo chiếm đoạt tài sản, \
nhất là lừa đảo trên không gian mạng."

# Consequences, and how to report.
TEXT_THU_DOAN_LUA_DAO="Lừa đảo chiếm đoạt tài sản là tội phạm, gây hậu quả nghiêm trọng. \
Khi phát hiện, bà con hãy kịp thời cung cấp thông tin, tố giác hành vi lừa đảo \
với cơ quan chức năng."

# Cambodia lifts entry/exit restrictions.
TEXT_CAMPUCHIA_MO_CUA="Theo thông báo của Sở Ngoại vụ, phía Campuchia đã bãi bỏ \
việc hạn chế xuất cảnh, nhập cảnh đối với công dân hai nước Việt Nam và Campuchia."

# Closing line from the station.
TEXT_BAO_CAO_KET_QUA="Đài truyền thanh vừa phát nội dung tuyên truyền theo \
Công văn số 498 của Sở Thông tin và Truyền thông tỉnh Kiên Giang. \
Cảm ơn bà con đã lắng nghe."

# --- helpers ----------------------------------------------------------------

# speak ID TEXT -> $TMP_DIR/ID.wav (22050 Hz, mono, 16-bit, as espeak-ng writes it)
speak() {
    espeak-ng -v "$VOICE" -s "$SPEED" -w "$TMP_DIR/$1.wav" -- "$2"
}

# encode ID EXT RATE CHANNELS [sox output options...]
# Normalises to -3 dBFS peak and adds a little silence at the start.
encode() {
    local id="$1" ext="$2" rate="$3" channels="$4"
    shift 4
    local out="$OUT_DIR/$id.$ext"
    rm -f -- "$out"
    "${SOX[@]}" "$TMP_DIR/$id.wav" "$@" "${NOTAG[@]}" "$out" \
        pad 0.2 0 gain -n -3 rate -v "$rate" channels "$channels" gain -n -3
    echo "wrote $out"
}

# --- chime: "chuong" --------------------------------------------------------
# Three descending bell tones (G5, E5, C5), each a fundamental plus a soft
# inharmonic partial, with a fast attack and an exponential-like decay,
# struck 0.4 s apart, with a little reverb; 2.2 s, 48 kHz stereo FLAC.

bell() {  # bell NAME FREQ_HZ DELAY_S
    local name="$1" f="$2" delay="$3"
    local p; p="$(awk -v f="$f" 'BEGIN { printf "%.2f", f * 2.76 }')"
    "${SOX[@]}" -n -r 48000 -c 1 -b 16 "${NOTAG[@]}" "$TMP_DIR/$name-f.wav" synth 3 sine "$f" vol 0.6
    "${SOX[@]}" -n -r 48000 -c 1 -b 16 "${NOTAG[@]}" "$TMP_DIR/$name-p.wav" synth 3 sine "$p" vol 0.12 fade l 0 3 2.5
    # The log fade is laid over 3 s but the note is cut at 1.6 s (about -35 dB).
    "${SOX[@]}" -m "$TMP_DIR/$name-f.wav" "$TMP_DIR/$name-p.wav" "${NOTAG[@]}" "$TMP_DIR/$name.wav" \
        fade l 0.005 3 2.99 trim 0 1.6 pad "$delay" 0
}

bell b1 783.99 0
bell b2 659.25 0.4
bell b3 523.25 0.8
rm -f -- "$OUT_DIR/chuong.flac"
"${SOX[@]}" -m "$TMP_DIR/b1.wav" "$TMP_DIR/b2.wav" "$TMP_DIR/b3.wav" \
    -b 16 -c 2 "${NOTAG[@]}" "$OUT_DIR/chuong.flac" \
    channels 2 reverb 30 50 60 100 10 trim 0 2.2 fade q 0.01 2.2 0.5 gain -n -3
echo "wrote $OUT_DIR/chuong.flac"

# --- announcements ----------------------------------------------------------

speak lua-dao-qua-mang "$TEXT_LUA_DAO_QUA_MANG"
speak thu-doan-lua-dao "$TEXT_THU_DOAN_LUA_DAO"
speak campuchia-mo-cua "$TEXT_CAMPUCHIA_MO_CUA"
speak bao-cao-ket-qua  "$TEXT_BAO_CAO_KET_QUA"

#      id                ext   rate  ch  output options
encode lua-dao-qua-mang  flac 22050  1   -b 16 -C 8
encode thu-doan-lua-dao  ogg  44100  2   -C 3
encode campuchia-mo-cua  ogg  48000  1   -C 3
encode bao-cao-ket-qua   flac 48000  1   -b 16 -C 8
