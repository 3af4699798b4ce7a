"""Runs two commands in turn, round after round, and writes the CPU time (user + system, as
wait4 reports it) of every run as JSON. A slow spell of a shared machine lands on both
commands of a round, so the ratio within each round is steadier than the ratio of two
series run one after the other (hyperfine's way). The order alternates between rounds, so
neither command always runs on the other's warm caches.

    oneshot_pairs.py OUT.json ROUNDS WARMUP NAME_A "COMMAND A" NAME_B "COMMAND B"
"""
import json
import os
import shlex
import sys


def cpu_ms(argv):
    """Runs argv (output discarded) and returns its CPU time in ms; fails on a non-zero exit."""
    devnull = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=devnull)
    _, status, usage = os.wait4(pid, 0)
    exit_code = os.waitstatus_to_exitcode(status)
    if exit_code != 0:
        sys.exit(f"oneshot_pairs.py: {' '.join(argv)} exited {exit_code}")
    return (usage.ru_utime + usage.ru_stime) * 1000.0


def main():
    out, rounds, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    names = [sys.argv[4], sys.argv[6]]
    commands = [shlex.split(sys.argv[5]), shlex.split(sys.argv[7])]
    for _ in range(warmup):
        for command in commands:
            cpu_ms(command)
    times = {name: [] for name in names}
    for round_number in range(rounds):
        order = (0, 1) if round_number % 2 == 0 else (1, 0)
        for index in order:
            times[names[index]].append(cpu_ms(commands[index]))
    with open(out, "w") as result:
        json.dump({"rounds": rounds, "cpu_ms": times}, result)


if __name__ == "__main__":
    main()
