#!/usr/bin/env python3
"""Where a search's wall time goes, per thread: on a CPU, runnable but waiting for one (the run
queue), or neither (sleeping or blocked: locks, reads, an idle walker). Answers "why is wall time
above CPU time / threads?" on a shared machine, where `time` alone cannot tell our idling from
other processes holding the cores.

    scripts/buildroot.sh run bench/run-queue-share.py [--label L] -- CMD ARGS...

Runs CMD with its output counted (like `| wc -l`), reads /proc/PID/task/*/schedstat (run time,
run-queue delay) and stat (state, CPU) every 10 ms (POLL=seconds to change), and prints per thread
its life, run, wait-for-CPU and the rest, then one summary line: wall, user+sys (rusage), the share
of a CPU the process got (run / wall) and how often its two busiest threads were both runnable on
the SAME CPU's run queue (a 2-thread search then gets one core at most). Lives are measured from
the first poll that sees a thread, so short sleeps at start-up are within one poll interval.
"""
import os
import sys
import threading
import time

args = sys.argv[1:]
label = ""
if args[:1] == ["--label"]:
    label, args = args[1], args[2:]
if args[:1] == ["--"]:
    args = args[1:]
if not args:
    sys.exit(__doc__)
interval = float(os.environ.get("POLL", "0.01"))

read_end, write_end = os.pipe()
started = time.monotonic()
pid = os.fork()
if pid == 0:
    os.dup2(write_end, 1)
    os.close(read_end)
    os.close(write_end)
    os.execvp(args[0], args)
os.close(write_end)
lines = 0


def count_lines():
    global lines
    while chunk := os.read(read_end, 1 << 16):
        lines += chunk.count(b"\n")


counter = threading.Thread(target=count_lines)
counter.start()

threads = {}   # tid -> {"comm", "first", "last", "run", "delay", "migrations"}
timeline = []  # per poll: {tid: (state, cpu)}
status = rusage = None
while True:
    done, status, rusage = os.wait4(pid, os.WNOHANG)
    if done:
        break
    now = time.monotonic()
    snapshot = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        tids = []
    for tid in tids:
        base = f"/proc/{pid}/task/{tid}"
        try:
            with open(f"{base}/schedstat") as f:
                run, delay, _ = map(int, f.read().split())
            with open(f"{base}/stat") as f:
                stat = f.read()
            with open(f"{base}/sched") as f:
                migrations = next((int(l.split()[-1]) for l in f if l.startswith("se.nr_migrations")), 0)
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        t = threads.setdefault(tid, {"comm": stat[stat.index("(") + 1:stat.rindex(")")], "first": now})
        t.update(last=now, run=run / 1e9, delay=delay / 1e9, migrations=migrations)
        snapshot[tid] = (fields[0], int(fields[36]))
    timeline.append(snapshot)
    time.sleep(interval)
counter.join()
wall = time.monotonic() - started
cpu = rusage.ru_utime + rusage.ru_stime

total_run = 0.0
for tid, t in sorted(threads.items(), key=lambda kv: int(kv[0])):
    life = t["last"] - t["first"]
    rest = max(0.0, life - t["run"] - t["delay"])
    total_run += t["run"]
    print(f"  {tid:>7} {t['comm']:<16} life {life:5.2f} s  run {t['run']:5.2f}  wait-for-CPU {t['delay']:5.2f}  "
          f"sleep/blocked {rest:5.2f}  migrations {t['migrations']}", file=sys.stderr)
busiest = sorted(threads, key=lambda tid: -threads[tid]["run"])[:2]
both = same = 0
for snapshot in timeline:
    if len(busiest) == 2 and all(snapshot.get(tid, ("S",))[0] == "R" for tid in busiest):
        both += 1
        same += snapshot[busiest[0]][1] == snapshot[busiest[1]][1]
load = open("/proc/loadavg").read().split()[0]
print(f"{label or os.path.basename(args[0])}: lines {lines} wall {wall:.2f} cpu {cpu:.2f} share {total_run / wall:.2f} "
      f"same-runqueue {same / max(1, both):.2f} threads {len(threads)} load {load}", file=sys.stderr)
