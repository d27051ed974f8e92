#!/usr/bin/env python3
"""Times whole processes interleaved: each round runs every command once, so a change in the
machine's load hits all of them alike. Reports, per command, the median wall-clock time and the
median CPU time (user + system of the child, from wait4), and each median as a ratio of the first
command's.

    python3 Benchmarks/interleaved.py --runs 30 --warmup 3 \\
        '.build/release/myco --version' \\
        '.build/release/myco advise --no-cache --variety shiitake --elevation 1200 --date 2026-09-01'

Commands are split with shlex and run without a shell; their output is discarded. A command that
exits non-zero stops the run (a benchmark of a failing command measures nothing).
"""

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"exit status {child.returncode}: {shlex.join(argv)}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("commands", nargs="+")
    options = parser.parse_args()
    commands = [shlex.split(command) for command in options.commands]
    for _ in range(options.warmup):
        for argv in commands:
            run_once(argv)
    walls = [[] for _ in commands]
    cpus = [[] for _ in commands]
    for _ in range(options.runs):
        for index, argv in enumerate(commands):
            wall, cpu = run_once(argv)
            walls[index].append(wall)
            cpus[index].append(cpu)
    base_wall = statistics.median(walls[0])
    base_cpu = statistics.median(cpus[0])
    print(f"{options.runs} interleaved rounds after {options.warmup} warm-up rounds; medians")
    print(f"{'wall ms':>9} {'cpu ms':>9} {'wall ×':>7} {'cpu ×':>7}  command")
    for index, command in enumerate(options.commands):
        wall = statistics.median(walls[index])
        cpu = statistics.median(cpus[index])
        print(f"{wall * 1000:9.1f} {cpu * 1000:9.1f} {wall / base_wall:7.2f} {cpu / base_cpu:7.2f}  {command}")


if __name__ == "__main__":
    main()
