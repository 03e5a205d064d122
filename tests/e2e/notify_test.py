#!/usr/bin/env python3
"""systemd notifications of `loa run` (Type=notify), with a datagram socket standing
in for systemd: READY=1 only once the output is open and a schedule is loaded,
STOPPING=1 on SIGTERM (and exit 0), WATCHDOG=1 when WATCHDOG_USEC asks for it, and a
STATUS= line (and console line) when the play log cannot be written and when it is again.

    python3 tests/e2e/notify_test.py LOA SOURCE_DIR [--engine-control]

--engine-control adds the watchdog check, which needs the engine's heartbeat wired
into `loa run` (src/cli/engine_control.cpp).
"""
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

loa, src = sys.argv[1], sys.argv[2]
live = len(sys.argv) > 3 and sys.argv[3] == "--engine-control"
passed = failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
        print("ok:", what)
    else:
        failed += 1
        print("FAIL:", what)


def midday_zone():
    """A zone whose local time is about midday, so quiet hours never get in the way."""
    offset = 12 - time.gmtime().tm_hour
    return "Etc/GMT" if offset == 0 else ("Etc/GMT-%d" % offset if offset > 0 else "Etc/GMT+%d" % -offset)


class FakeSystemd:
    def __init__(self, path):
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.bind(path)
        self.messages = []  # (seconds since start, text)
        self.start = time.monotonic()

    def collect(self, seconds, until=None):
        """Receives for `seconds`, or until a message containing `until` arrives."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.socket.settimeout(max(deadline - time.monotonic(), 0.001))
            try:
                text = self.socket.recv(4096).decode()
            except socket.timeout:
                break
            self.messages.append((time.monotonic() - self.start, text))
            if until and until in text:
                return True
        return False

    def has(self, field):
        return any(field in text.split("\n") for _, text in self.messages)


work = tempfile.mkdtemp(prefix="loa-e2e-notify.")
player = None
try:
    home = os.path.join(work, "home")
    run = lambda *args, **kw: subprocess.run([loa, "--home", home, *args], capture_output=True, text=True, **kw)
    assert run("init", "--code", "NTF-01", "--timezone", midday_zone()).returncode == 0
    assert run("import", os.path.join(src, "audio", "chuong.flac")).returncode == 0
    schedule = os.path.join(work, "s.toml")
    with open(schedule, "w") as f:
        f.write('version = 1\n[[slot]]\nid = "sang"\ndays = ["daily"]\nat = ["06:00"]\nplay = ["chuong"]\n')

    systemd = FakeSystemd(os.path.join(work, "notify"))
    env = dict(os.environ, NOTIFY_SOCKET=os.path.join(work, "notify"), WATCHDOG_USEC="1000000")
    env.pop("WATCHDOG_PID", None)
    player = subprocess.Popen([loa, "--home", home, "run", "--output", "null"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    systemd.collect(1.5)
    check(not systemd.has("READY=1"), "no READY=1 while no schedule is loaded")
    check(any("waiting for a schedule" in text for _, text in systemd.messages),
          "a STATUS= line says it waits for a schedule")

    loaded_at = time.monotonic() - systemd.start
    check(run("schedule", "load", schedule).returncode == 0, "a schedule loads")
    got_ready = systemd.collect(3, until="READY=1")
    check(got_ready, "READY=1 once a schedule is loaded")
    if got_ready:
        ready_at = [at for at, text in systemd.messages if "READY=1" in text.split("\n")][0]
        print("measured: READY=1 %.0f ms after the schedule was loaded" % ((ready_at - loaded_at) * 1000))
        check(ready_at - loaded_at < 1.5, "... within 1.5 s of the load")
        check(any("STATUS=playing s.toml" in text for _, text in systemd.messages), "... with a STATUS= naming it")

    if live:
        systemd.messages.clear()
        systemd.collect(1.6)
        pings = sum(1 for _, text in systemd.messages if "WATCHDOG=1" in text.split("\n"))
        check(pings >= 2, "WATCHDOG=1 every half WatchdogSec (%d in 1.6 s with WATCHDOG_USEC=1 s)" % pings)
    else:
        print("skip: WATCHDOG=1 needs the engine's heartbeat (--engine-control)")

    began = time.monotonic()
    player.send_signal(signal.SIGTERM)
    code = player.wait(timeout=10)
    took = time.monotonic() - began
    print("measured: SIGTERM to exit %.0f ms" % (took * 1000))
    check(code == 0 and took < 2, "SIGTERM: exit 0 within 2 s")
    systemd.collect(0.2)
    check(systemd.has("STOPPING=1"), "STOPPING=1 on SIGTERM")
    output = player.stdout.read()
    player = None

    # With a schedule already active, READY=1 comes as soon as the output is open.
    systemd.messages.clear()
    systemd.start = time.monotonic()
    player = subprocess.Popen([loa, "--home", home, "run", "--output", "null"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    got_ready = systemd.collect(3, until="READY=1")
    check(got_ready, "READY=1 at start when a schedule is already active")
    if got_ready:
        print("measured: start to READY=1 %.0f ms" % (systemd.messages[-1][0] * 1000))
    player.send_signal(signal.SIGTERM)
    check(player.wait(timeout=10) == 0, "... and it stops cleanly")
    player = None

    # A play log that cannot be written: another program holds the database's write
    # lock (root ignores chmod, a lock does not), so the play's rows wait. systemd's
    # status and the console say so from the first row, and again when they are written;
    # rows still waiting at exit are named in the journal by the last line.
    systemd.messages.clear()
    player = subprocess.Popen([loa, "--home", home, "run", "--output", "null"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    check(systemd.collect(3, until="READY=1"), "READY=1 before the log is locked")
    locker = sqlite3.connect(os.path.join(home, "loa.db"), isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    check(run("play", "chuong").returncode == 0, "a play is asked for while the log is locked")
    said = systemd.collect(5, until="STATUS=play log cannot be written")
    check(said, "a STATUS= line says the play log cannot be written")
    check(any("plays.journal" in text for _, text in systemd.messages if "cannot be written" in text),
          "... and names the journal the rows wait in")
    locker.execute("COMMIT")
    player.send_signal(signal.SIGHUP)  # the engine looks at the log again at once
    check(systemd.collect(5, until="STATUS=play log written again"),
          "a STATUS= line says the play log is written again")
    locker.execute("BEGIN EXCLUSIVE")
    check(run("play", "chuong").returncode == 0, "another play while the log is locked")
    systemd.collect(5, until="STATUS=play log cannot be written")
    player.send_signal(signal.SIGTERM)
    check(player.wait(timeout=10) == 0, "... and it stops cleanly with rows waiting")
    locker.execute("COMMIT")
    locker.close()
    console = player.stdout.read()
    player = None
    check("the play log cannot be written" in console, "the console says the play log cannot be written")
    check("the play log is written again" in console, "... and that it is written again")
    last = console.strip().splitlines()[-1] if console.strip() else ""
    check(last.startswith("loa: stopped; ") and "plays.journal" in last,
          "the exit line says rows still wait and names the journal (%s)" % last)
    output += console
    if failed:
        print(output)
finally:
    if player:
        player.kill()
    shutil.rmtree(work, ignore_errors=True)

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
