# shellcheck shell=bash
# Shared by the playout benchmarks: a station whose local time is about midday, ALSA's
# jack plugin for aplay (the baseline), and sleeping until an instant before exec'ing a
# command (how a cron-like launcher would start aplay on time).

# bench_timezone: a fixed-offset zone where it is about 12:00 now.
bench_timezone() {
    local utc_hour offset
    utc_hour=$(date -u +%H)
    offset=$((12 - 10#$utc_hour))
    if ((offset > 0)); then echo "Etc/GMT-$offset"; elif ((offset < 0)); then echo "Etc/GMT+$((-offset))"; else echo "Etc/GMT"; fi
}

# bench_alsa_config FILE: an ALSA configuration whose "default" plays into rec:in_1/in_2.
bench_alsa_config() {
    cat >"$1" <<EOT
pcm.!default { type plug slave.pcm "loajack" }
pcm.loajack { type jack playback_ports { 0 rec:in_1 1 rec:in_2 } }
EOT
}

# bench_at EPOCH_SECONDS COMMAND...: sleep until the instant, then exec COMMAND.
bench_at() {
    python3 -c 'import os, sys, time
t = float(sys.argv[1])
time.sleep(max(0.0, t - time.time()))
os.execvp(sys.argv[2], sys.argv[2:])' "$@"
}

# bench_one_play FILE TZ EPOCH ITEM: a schedule that plays ITEM once, at EPOCH.
bench_one_play() {
    cat >"$1" <<EOT
version = 1
title = "bench"
[[slot]]
id = "bench"
dates = [$(TZ=$2 date -d "@$3" +%F)]
at = ["$(TZ=$2 date -d "@$3" +%H:%M:%S)"]
play = ["$4"]
priority = "normal"
EOT
}

# bench_wait_completed OUT ITEM SECONDS: until the player printed ITEM's completion into
# OUT (returns 0) or SECONDS passed (returns 1).
bench_wait_completed() {
    local end=$(($(date +%s) + $3))
    while (($(date +%s) < end)); do
        grep -q " completed $2" "$1" && return 0
        sleep 1
    done
    return 1
}

# bench_stats: reads numbers (one a line), prints "n=.. median=.. p99=.. max=..".
bench_stats() {
    sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "n=0"; exit }
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        i = int(0.99 * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR
        printf "n=%d median=%.3f p99=%.3f max=%.3f\n", NR, m, v[i], v[NR] }'
}

# bench_memory_split PREFIX LABEL FILE: prints the peak that peak_memory.py wrote to FILE.
bench_memory_split() {
    awk -v prefix="$1" -v who="$2" '{ for (i = 1; i <= NF; ++i) { split($i, kv, "="); v[kv[1]] = kv[2] / 1024 } }
        END { printf "%s: %s peak RSS %.1f MB (kernel'"'"'s VmHWM); largest sample %.1f MB = own %.1f + program and linked libraries %.1f + loaded at run time %.1f + shared memory (JACK'"'"'s) %.1f; without JACK'"'"'s %.1f MB\n",
              prefix, who, v["hwm_kb"], v["peak_kb"], v["anon_kb"], v["linked_kb"], v["loaded_kb"], v["shmem_kb"], v["peak_kb"] - v["shmem_kb"] }' "$3"
}
