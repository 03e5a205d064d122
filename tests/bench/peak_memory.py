#!/usr/bin/env python3
"""Where a process's peak resident memory goes, sampled until it exits.

    peak_memory.py PID OUT

Every 0.5 s reads /proc/PID/smaps and splits the resident pages into
  anon    private memory (heap, stacks, buffers): the program's own,
  linked  file pages of the program and the libraries it was linked with (ldd),
  loaded  file pages of libraries loaded at run time (ALSA plugins that a device scan
          opens, the ALSA jack plugin, and their dependencies),
  shmem   shared memory mapped from other processes (the JACK server's segments).
Writes the sample with the largest sum as one line to OUT when PID ends:
  peak_kb=.. anon_kb=.. linked_kb=.. loaded_kb=.. shmem_kb=.. hwm_kb=..
where peak_kb is the sum of the four, and hwm_kb the kernel's VmHWM (its own peak,
between samples too; counted per thread in batches, so it can differ by a few hundred kB).
"""
import functools
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


@functools.lru_cache(maxsize=None)
def real_path(path):
    return os.path.realpath(path.removesuffix(" (deleted)"))


def split(pid, linked):
    """kB of resident pages from /proc/PID/smaps: anon, linked, loaded, shmem."""
    kb = {"anon_kb": 0, "linked_kb": 0, "loaded_kb": 0, "shmem_kb": 0}
    kind = "anon_kb"
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                parts = line.split(maxsplit=5)
                path = parts[5].strip() if len(parts) > 5 else ""
                if path.startswith(("/dev/shm/", "/memfd:", "/SYSV")):
                    kind = "shmem_kb"
                elif not path.startswith("/"):
                    kind = "anon_kb"  # heap, stacks, anonymous maps, [vdso]
                elif real_path(path) in linked:
                    kind = "linked_kb"
                else:
                    kind = "loaded_kb"
            elif line.startswith("Rss:"):
                kb[kind] += int(line.split()[1])
    return kb


def main():
    pid, out = int(sys.argv[1]), sys.argv[2]
    peak = {"peak_kb": 0, "anon_kb": 0, "linked_kb": 0, "loaded_kb": 0, "shmem_kb": 0}
    hwm = 0
    try:
        linked = linked_paths(pid)
        while True:
            sample = split(pid, linked)
            total = sum(sample.values())
            if total > peak["peak_kb"]:
                peak = {"peak_kb": total, **sample}
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        hwm = max(hwm, int(line.split()[1]))
            time.sleep(0.5)
    except OSError:
        pass  # it ended
    peak["hwm_kb"] = hwm
    with open(out, "w") as f:
        f.write(" ".join(f"{k}={v}" for k, v in peak.items()) + "\n")


if __name__ == "__main__":
    main()
