"""make bench: every program in bench/ built natively, with ThreadSanitizer
and with crace (all -O2 -g), run interleaved, timed (median wall seconds) and
measured (peak RSS of the process, from wait4), and checked for agreement on
races. Then the per-access instruction count of crace's hot path, from
callgrind on bench/micro/access_cost.c. See bench/run.sh for the knobs."""

import math
import os
import re
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH_DIR)
OUT = os.path.join(REPO, "build", "bench")
RUNTIME = os.path.join(REPO, "build", "libcrace.so")
PASS = os.path.join(REPO, "build", "libcrace-pass.so")
MODES = ("native", "tsan", "crace")
# Benchmarks that contain a race on purpose; all others are race-free.
RACY = {"racy_stats"}
RACE_WARNINGS = ("WARNING: ThreadSanitizer: data race", "WARNING: DATA RACE")
TIMEOUT = 900


def die(msg):
    print(f"bench: {msg}", file=sys.stderr)
    sys.exit(2)


def env_int(name, default, lo, hi):
    v = os.environ.get(name, "")
    if not v:
        return default
    if not v.isdigit() or not lo <= int(v) <= hi:
        die(f"{name} must be an integer in {lo}..{hi}, not '{v}'")
    return int(v)


def sources():
    srcs = {}
    for f in sorted(os.listdir(BENCH_DIR)):
        name, ext = os.path.splitext(f)
        if ext in (".c", ".cpp"):
            srcs[name] = os.path.join(BENCH_DIR, f)
    return srcs


def compile_cmd(mode, src, exe):
    cxx = src.endswith(".cpp")
    cc = "clang++-14" if cxx else "clang-14"
    flags = ["-O2", "-g", "-pthread", "-I", BENCH_DIR]
    if mode == "tsan":
        flags.append("-fsanitize=thread")
    if mode == "crace":
        flags.append(f"-fpass-plugin={PASS}")
    return [cc] + flags + [src, "-o", exe]


def build(names, srcs):
    """Builds what is out of date, two compilers at a time."""
    deps = [os.path.join(BENCH_DIR, "bench.h"), PASS]
    jobs = []
    for name in names:
        for mode in MODES:
            exe = os.path.join(OUT, mode, name)
            os.makedirs(os.path.dirname(exe), exist_ok=True)
            newest = max(os.path.getmtime(p) for p in deps + [srcs[name]])
            if os.path.exists(exe) and os.path.getmtime(exe) >= newest:
                continue
            jobs.append(compile_cmd(mode, srcs[name], exe))
    running = []
    while jobs or running:
        while jobs and len(running) < 2:
            cmd = jobs.pop(0)
            running.append((cmd, subprocess.Popen(cmd, stderr=subprocess.PIPE)))
        cmd, p = running.pop(0)
        _, err = p.communicate()
        if p.returncode:
            sys.stderr.write(err.decode(errors="replace"))
            die("build failed: " + " ".join(cmd))


def run_measured(mode, name, size):
    """One run: wall seconds, peak RSS KiB, stderr, exit status. Peak RSS
    comes from time(1): a child of this (large) python process would inherit
    its high-water mark in ru_maxrss."""
    exe = os.path.join(OUT, mode, name)
    env = dict(os.environ)
    if mode == "crace":
        env["LD_PRELOAD"] = RUNTIME
    err_path = os.path.join(OUT, f"{mode}-{name}.stderr")
    rss_path = os.path.join(OUT, f"{mode}-{name}.rss")
    cmd = ["/usr/bin/time", "-q", "-f", "%M", "-o", rss_path, exe, str(size)]
    with open(err_path, "wb") as errf:
        start = time.monotonic()
        p = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL,
                           stderr=errf, timeout=TIMEOUT)
        secs = time.monotonic() - start
    with open(err_path, errors="replace") as f:
        err = f.read()
    with open(rss_path) as f:
        kb = int(f.read().split()[-1])
    return secs, kb, err, p.returncode


def geomean(xs):
    xs = [x for x in xs if x > 0]
    return math.exp(sum(map(math.log, xs)) / len(xs)) if xs else float("nan")


def callgrind_instructions(cmd, env):
    p = subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes",
                        "--callgrind-out-file=/dev/null"] + cmd, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    found = re.findall(r"Collected : (\d+)", p.stderr.decode(errors="replace"))
    if p.returncode or not found:
        die("callgrind failed on " + " ".join(cmd))
    return int(found[-1])


def access_cost(n1, n2):
    """Instructions crace and TSan add per operation: callgrind counts the
    whole run at two sizes, so start-up cancels out, and the native build's
    count is subtracted. Valgrind cannot read clang-14's DWARF 5 in the
    runtime, so it runs a copy without debug info (same code)."""
    src = os.path.join(BENCH_DIR, "micro", "access_cost.c")
    exes = {}
    for mode in MODES:
        exes[mode] = os.path.join(OUT, mode, "access_cost")
        subprocess.run(compile_cmd(mode, src, exes[mode]), check=True)
    rt = os.path.join(OUT, "libcrace-nodebug.so")
    subprocess.run(["objcopy", "--strip-debug", RUNTIME, rt], check=True)
    print("\nInstructions per operation on the hot path (callgrind, "
          f"{n2 - n1} operations; added = minus native):")
    print(f"  {'case':<8} {'native':>8} {'tsan':>8} {'crace':>8} "
          f"{'tsan +':>8} {'crace +':>8}")
    for case, what in (("read", "same-epoch 8-byte read"),
                       ("write", "same-epoch 8-byte write"),
                       ("shared", "read of read-shared data (2 readers)"),
                       ("call", "call+return of an instrumented function"),
                       ("epoch", "first write of an epoch to own data"),
                       ("lock", "lock+unlock of an uncontended mutex")):
        per = {}
        for mode in MODES:
            env = dict(os.environ)
            cmd = [exes[mode], case]
            if mode == "crace":
                cmd = ["env", f"LD_PRELOAD={rt}"] + cmd
            a = callgrind_instructions(cmd + [str(n1)], env)
            b = callgrind_instructions(cmd + [str(n2)], env)
            per[mode] = (b - a) / (n2 - n1)
        print(f"  {case:<8} {per['native']:>8.1f} {per['tsan']:>8.1f} "
              f"{per['crace']:>8.1f} {per['tsan'] - per['native']:>8.1f} "
              f"{per['crace'] - per['native']:>8.1f}   {what}")


def main():
    quick = os.environ.get("BENCH_QUICK", "") not in ("", "0")
    size = env_int("BENCH_SIZE", 3 if quick else 100, 1, 100000)
    runs = env_int("BENCH_RUNS", 3, 1, 100)
    srcs = sources()
    names = list(srcs)
    if os.environ.get("BENCH"):
        names = os.environ["BENCH"].split(",")
        unknown = [n for n in names if n not in srcs]
        if unknown:
            die(f"unknown benchmark {', '.join(unknown)}; known: "
                + " ".join(srcs))
    for f in (RUNTIME, PASS):
        if not os.path.exists(f):
            die(f"{f} not found: run 'make' first")
    build(names, srcs)

    secs = {(n, m): [] for n in names for m in MODES}
    rss = {(n, m): [] for n in names for m in MODES}
    raced = {}
    problems = []
    print(f"bench: {len(names)} programs, size {size}%, {runs} runs each, "
          "interleaved native/tsan/crace", flush=True)
    for r in range(runs):
        for n in names:
            for m in MODES:
                t, kb, err, code = run_measured(m, n, size)
                racy = any(w in err for w in RACE_WARNINGS)
                if code not in (0, 66) or (code == 66) != racy:
                    problems.append(f"{n} ({m}) exited {code}; stderr in "
                                    f"build/bench/{m}-{n}.stderr")
                raced.setdefault((n, m), set()).add(racy)
                secs[(n, m)].append(t)
                rss[(n, m)].append(kb)
        print(f"  run {r + 1}/{runs} done", flush=True)

    hdr = (f"{'benchmark':<16} {'native s':>8} {'tsan x':>7} {'crace x':>7} "
           f"{'crace/tsan':>10} {'RSS MB nat':>10} {'tsan':>7} {'crace':>7} "
           f"{'mem c/t':>7}  races t/c")
    print()
    print(hdr)
    print("-" * len(hdr))
    cols = {"tsan": [], "crace": [], "ratio": [], "mem": []}
    for n in names:
        med = {m: statistics.median(secs[(n, m)]) for m in MODES}
        mem = {m: max(rss[(n, m)]) / 1024 for m in MODES}
        tx, cx = med["tsan"] / med["native"], med["crace"] / med["native"]
        ratio, memr = cx / tx, mem["crace"] / mem["tsan"]
        for k, v in (("tsan", tx), ("crace", cx), ("ratio", ratio),
                     ("mem", memr)):
            cols[k].append(v)
        verdict = {}
        for m in ("tsan", "crace"):
            seen = raced[(n, m)]
            verdict[m] = "yes" if seen == {True} else (
                "no" if seen == {False} else "flaky")
            if seen != {n in RACY}:
                problems.append(f"{n}: {m} race reports {sorted(seen)}, "
                                f"expected {'a race' if n in RACY else 'none'}")
        print(f"{n:<16} {med['native']:>8.3f} {tx:>7.2f} {cx:>7.2f} "
              f"{ratio:>10.2f} {mem['native']:>10.1f} {mem['tsan']:>7.1f} "
              f"{mem['crace']:>7.1f} {memr:>7.2f}  "
              f"{verdict['tsan']}/{verdict['crace']}")
    print("-" * len(hdr))
    print(f"{'geomean':<16} {'':>8} {geomean(cols['tsan']):>7.2f} "
          f"{geomean(cols['crace']):>7.2f} {geomean(cols['ratio']):>10.2f} "
          f"{'':>10} {'':>7} {'':>7} {geomean(cols['mem']):>7.2f}")
    print(f"worst crace/tsan: {max(cols['ratio']):.2f} "
          f"({names[cols['ratio'].index(max(cols['ratio']))]})")

    if not os.environ.get("BENCH"):
        access_cost(*((20000, 40000) if quick else (100000, 200000)))

    if problems:
        print("\nbench: detection problems:")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("\nbench: crace and ThreadSanitizer agree on every benchmark "
          f"({', '.join(sorted(RACY))} racy by design, the rest race-free)")


if __name__ == "__main__":
    main()
