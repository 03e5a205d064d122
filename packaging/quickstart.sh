#!/usr/bin/env bash
# Quick start on a fresh Debian 12 machine: installs what loa needs, builds it,
# makes a demo station in ./demo-station, imports the sample announcements from
# audio/, loads the example schedule from schedules/ with one extra slot ten
# seconds from now, and runs the player. Without a sound card it plays into a
# WAV file and says where. Stop it with Ctrl-C.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

# say STEP: what the quick start does now, with the time it took so far.
started=$SECONDS
say() { printf '\n== quickstart (%d s so far): %s\n' "$((SECONDS - started))" "$*"; }

say "1/4 installing the Debian packages loa needs (packaging/install-deps.sh;" \
    "about 5 minutes on a fresh machine, more on a slow mirror; nothing to do if they are there)"
bash packaging/install-deps.sh
say "2/4 building the program loa in build/release (about 4 minutes on 2 cores the first time," \
    "seconds afterwards; ninja counts the files it compiles)"
cmake --preset release >/dev/null
cmake --build --preset release --target loa
loa="$repo/build/release/src/cli/loa"
say "3/4 making the demo station, importing the samples and loading the example schedule (a few seconds)"

station="${LOA_DEMO_HOME:-$repo/demo-station}"
"$loa" --home "$station" init --code DEMO-01 --name "Đài Truyền thanh (thử nghiệm)"
# The demo station has no quiet hours, so the demo slot plays whatever the hour.
sed -i 's/^quiet_hours = .*/quiet_hours = []/' "$station/station.toml"
"$loa" --home "$station" import audio/*.flac audio/*.ogg

# The example schedule, without its 2020 date limits, plus a slot that plays the
# morning programme 10 seconds from now (station time: Asia/Ho_Chi_Minh).
zone=Asia/Ho_Chi_Minh
start=$(($(date +%s) + 10))
first_play=$(grep -m1 '^play = ' schedules/chong-lua-dao-2020.toml)
demo="$station/demo-schedule.toml"
{
    sed -e '/^valid_from/d' -e '/^valid_until/d' schedules/chong-lua-dao-2020.toml
    cat <<TOML

# Added by packaging/quickstart.sh: the morning programme, once, right now.
[[slot]]
id = "demo"
title = "Demo"
dates = [$(TZ=$zone date -d "@$start" +%F)]
at = ["$(TZ=$zone date -d "@$start" +%T)"]
$first_play
TOML
} >"$demo"
"$loa" --home "$station" schedule load "$demo"

output="device:default"
if [ "$("$loa" devices --json 2>/dev/null)" = "[]" ]; then
    wav="$station/demo-output.wav"
    echo "No sound card found on this machine: playing into the file $wav instead."
    output="wav:$wav"
fi
say "4/4 running the player (Ctrl-C stops it)"
echo "The first item plays at $(TZ=$zone date -d "@$start" +%T) station time (in about 10 seconds)."
exec "$loa" --home "$station" run --output "$output"
