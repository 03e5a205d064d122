#!/usr/bin/env python3
"""Where a process's peak resident memory goes, sampled until it exits.

    peak_memory.py PID OUT

Every 0.5 s reads /proc/PID/status; whenever VmRSS reaches a new high it also reads
/proc/PID/smaps and splits that peak into
  anon    private memory (heap, stacks, buffers): the program's own,
  linked  file pages of the program and the libraries it was linked with (ldd),
  loaded  file pages of libraries loaded at run time (ALSA plugins that a device scan
          opens, the ALSA jack plugin, and their dependencies),
  shmem   shared memory mapped from other processes (the JACK server's segments).
Writes one line to OUT when PID ends:
  peak_kb=.. anon_kb=.. linked_kb=.. loaded_kb=.. shmem_kb=..
(VmHWM, the kernel's own peak, is also kept: peak_kb is the larger of the two.)
"""
import os
import re
import subprocess
import sys
import time


def linked_paths(pid):
    exe = os.readlink(f"/proc/{pid}/exe")
    paths = {os.path.realpath(exe)}
    out = subprocess.run(["ldd", exe], capture_output=True, text=True).stdout
    for match in re.finditer(r"(/\S+) \(0x", out):
        paths.add(os.path.realpath(match.group(1)))
    return paths


def status(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"):
                fields[key] = int(value.split()[0])
    return fields


def split_files(pid, linked):
    """kB of file-backed resident pages: (linked, loaded at run time)."""
    mine = other = 0
    path = None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                parts = line.split(maxsplit=5)
                path = parts[5].strip() if len(parts) > 5 else ""
            elif line.startswith("Rss:") and path and path.startswith("/") \
                    and not path.startswith(("/dev/shm/", "/memfd:", "/SYSV")):
                kb = int(line.split()[1])
                if os.path.realpath(path) in linked:
                    mine += kb
                else:
                    other += kb
    return mine, other


def main():
    pid, out = int(sys.argv[1]), sys.argv[2]
    peak = {"peak_kb": 0, "anon_kb": 0, "linked_kb": 0, "loaded_kb": 0, "shmem_kb": 0}
    hwm = 0
    try:
        linked = linked_paths(pid)
        while True:
            s = status(pid)
            hwm = max(hwm, s.get("VmHWM", 0))
            if s.get("VmRSS", 0) > peak["peak_kb"]:
                mine, other = split_files(pid, linked)
                peak = {"peak_kb": s["VmRSS"], "anon_kb": s.get("RssAnon", 0),
                        "linked_kb": mine, "loaded_kb": other,
                        "shmem_kb": s.get("RssShmem", 0)}
            time.sleep(0.5)
    except OSError:
        pass  # it ended
    peak["peak_kb"] = max(peak["peak_kb"], hwm)
    with open(out, "w") as f:
        f.write(" ".join(f"{k}={v}" for k, v in peak.items()) + "\n")


if __name__ == "__main__":
    main()
