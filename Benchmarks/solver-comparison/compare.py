#!/usr/bin/env python3
"""Compare allocate's own solve with HiGHS and glpsol on the same model (issue 3).

For each size: generate a scenario with `allocate generate`, write its model as
free MPS with `allocate --write-model`, then run, one after another and each
alone, (a) allocate itself, (b) HiGHS (highspy) on the MPS and (c) glpsol on
the MPS, each with the same time limit. For each run it records the wall time
(since the solver process was launched) of the first decision and of the first
moment the proven gap (bound - objective) / |objective| is at most 1% and 0.1%,
the gap at the end, and the peak resident memory of the process. It prints a
Markdown table and writes the raw numbers as JSON. See README.md beside it.

Python 3.8+ standard library, plus highspy for the HiGHS runs.
"""
import argparse
import codecs
import datetime
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

THRESHOLDS = (0.01, 0.001)
SOLVERS = ("allocate", "highs", "glpsol")
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def finite(x):
    return x is not None and isinstance(x, (int, float)) and math.isfinite(x)


def proven_gap(objective, bound):
    """allocate's definition (AllocationResult.gap): max(0, bound - objective) / |objective| (maximisation)."""
    if not (finite(objective) and finite(bound)):
        return None
    return max(0.0, bound - objective) / max(1e-9, abs(objective))


class Trajectory:
    """Observations (seconds since launch, objective, bound) of one run, reduced to its milestones.

    The best objective is the largest seen so far and the bound the smallest:
    both are proven facts once observed, whichever message carried them.
    """

    def __init__(self):
        self.objective = None
        self.bound = None
        self.first_decision = None
        self.reached = {t: None for t in THRESHOLDS}
        self.points = []

    def observe(self, t, objective=None, bound=None):
        changed = False
        if finite(objective) and (self.objective is None or objective > self.objective):
            self.objective = objective
            changed = True
        if finite(bound) and (self.bound is None or bound < self.bound):
            self.bound = bound
            changed = True
        if self.objective is not None and self.first_decision is None:
            self.first_decision = t
        g = proven_gap(self.objective, self.bound)
        for threshold in THRESHOLDS:
            if g is not None and g <= threshold and self.reached[threshold] is None:
                self.reached[threshold] = t
        if changed:
            self.points.append([round(t, 3), self.objective, self.bound])

    def summary(self):
        return {
            "firstDecision": self.first_decision,
            "gap1pct": self.reached[0.01],
            "gap01pct": self.reached[0.001],
            "objective": self.objective,
            "bound": self.bound,
            "gap": proven_gap(self.objective, self.bound),
            "trajectory": self.points,
        }


GNU_TIME = "/usr/bin/time"


def memory_method():
    if os.access(GNU_TIME, os.X_OK):
        return "/usr/bin/time -v (Maximum resident set size)"
    return "wait4 ru_maxrss (includes this harness's own RSS at spawn as a floor)"


def run_measured(cmd, *, stdout, stderr, hard_limit, on_start=None):
    """Runs cmd in its own process group and returns (exit status, wall
    seconds, peak RSS in KiB, killed, launch time (monotonic), launch time
    (epoch)). The group is killed if it outlives hard_limit seconds.

    Peak RSS comes from GNU time when present: Linux carries the spawning
    process's peak RSS over into the child's ru_maxrss, so wait4 on a child of
    this Python process would report at least this process's own size.
    """
    measured = os.access(GNU_TIME, os.X_OK)
    memory_file = None
    if measured:
        fd, memory_file = tempfile.mkstemp(prefix="peak-rss-", suffix=".txt")
        os.close(fd)
        cmd = [GNU_TIME, "-v", "-o", memory_file] + list(cmd)
    launch_epoch = time.time()
    launch = time.monotonic()
    process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr, start_new_session=True)
    if on_start:
        on_start(process, launch)
    killed = []

    def watchdog():
        killed.append(True)
        try:
            os.killpg(process.pid, 9)
        except ProcessLookupError:
            pass

    timer = threading.Timer(hard_limit, watchdog)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - launch
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status
    rss = usage.ru_maxrss
    if measured:
        rss = None
        with open(memory_file) as f:
            for line in f:
                if "Maximum resident set size" in line:
                    rss = int(line.rsplit(":", 1)[1])
        os.remove(memory_file)
    return process.returncode, wall, rss, bool(killed), launch, launch_epoch


def check(cmd, **kw):
    result = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, **kw)
    if result.returncode != 0:
        sys.exit(f"compare.py: {' '.join(cmd)} failed ({result.returncode}):\n{result.stderr}")
    return result


# --- allocate ---------------------------------------------------------------

PROGRESS = re.compile(
    r"solving\s+([\d,.]+)\s*s\s+best\s+(none yet|-?[\d,.]+)"
    r"(?:\s+bound\s+(-?[\d,.]+|-?inf))?(?:\s+gap\s+([\d,.]+)%)?\s*$")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def number(text):
    if text is None or text == "none yet":
        return None
    if text in ("inf", "-inf"):
        return float(text)
    return float(text.replace(",", ""))


def run_allocate(allocate, scenario, time_limit, work):
    """allocate SCENARIO with stderr on a pseudo-terminal, so it prints its
    progress line (elapsed, best, bound, gap, about once a second after the LP
    relaxation); each line is timed as it arrives."""
    result_path = os.path.join(work, "allocate-result.json")
    log_path = os.path.join(work, "allocate-progress.log")
    cmd = [allocate, scenario, "--time-limit", repr(float(time_limit)), "--gap", "0", "--output", result_path]
    trajectory = Trajectory()
    master, slave = os.openpty()
    lines = []
    state = {}

    def reader():
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        current, started = "", None

        def finish(text, t):
            text = ANSI.sub("", text).strip()
            if not text:
                return
            lines.append(f"{t:9.3f} {text}")
            m = PROGRESS.search(text)
            if m:
                trajectory.observe(t, number(m.group(2)), number(m.group(3)))

        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            now = time.monotonic() - state["launch"]
            for ch in decoder.decode(data):
                if ch in "\r\n":
                    if started is not None:
                        finish(current, started)
                    current, started = "", None
                else:
                    if started is None:
                        started = now
                    current += ch
        if started is not None:
            finish(current, started)

    thread = threading.Thread(target=reader, daemon=True)

    def on_start(process, launch):
        state["launch"] = launch
        os.close(slave)
        thread.start()

    with open(os.path.join(work, "allocate-summary.txt"), "w") as out:
        status, wall, rss, killed, _, _ = run_measured(
            cmd, stdout=out, stderr=slave, hard_limit=3 * time_limit + 120, on_start=on_start)
    thread.join(10)
    os.close(master)
    with open(log_path, "w") as f:
        f.write("\n".join(lines) + "\n")
    result = {}
    if os.path.exists(result_path):
        with open(result_path) as f:
            doc = json.load(f)
        result = {k: doc.get(k) for k in ("status", "termination", "objective", "bound", "gap", "timings")}
        result["model"] = doc.get("summary", {}).get("model")
        trajectory.observe(wall, doc.get("objective"), doc.get("bound"))
    run = trajectory.summary()
    run.update(exit=status, wall=wall, peakRSSKiB=rss, killed=killed, command=cmd, result=result,
               progressLines=sum(1 for line in lines if PROGRESS.search(line)))
    # The final figures are allocate's own (objective recomputed from the decision).
    if result.get("objective") is not None:
        run["objective"], run["bound"], run["gap"] = result["objective"], result["bound"], result["gap"]
    return run


# --- HiGHS (in a child Python process, so its memory is its own) ------------

def highs_child(mps, time_limit, out):
    started = time.time()
    import highspy

    imported = time.time()
    h = highspy.Highs()
    h.setOptionValue("log_to_console", False)
    h.setOptionValue("log_file", out + ".log")
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", 0.0)
    if h.readModel(mps) not in (highspy.HighsStatus.kOk, highspy.HighsStatus.kWarning):
        sys.exit(f"highs: cannot read {mps}")
    # glp_write_mps writes no OBJSENSE section, so the file reads as a minimisation.
    sense_in_file = str(h.getLp().sense_)
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    read = time.time()
    events = []
    last = [None, None]

    def callback(event):
        d = event.data_out
        p, b = d.mip_primal_bound, d.mip_dual_bound
        if [p, b] != last:
            last[0], last[1] = p, b
            events.append([time.time(), p if math.isfinite(p) else None, b if math.isfinite(b) else None])

    for cb in (h.cbMipImprovingSolution, h.cbMipInterrupt, h.cbMipLogging):
        cb.subscribe(callback)
    h.run()
    finished = time.time()
    info = h.getInfo()
    status = h.modelStatusToString(h.getModelStatus())
    objective = info.objective_function_value if info.primal_solution_status == 2 else None
    bound = info.mip_dual_bound
    if status == "Optimal" and objective is not None:
        bound = min(bound, objective) if math.isfinite(bound) else objective
    doc = {
        "version": h.version(), "status": status, "senseInFile": sense_in_file,
        "objective": objective, "bound": bound if math.isfinite(bound) else None,
        "highsGap": info.mip_gap if math.isfinite(info.mip_gap) else None,
        "nodes": info.mip_node_count, "runTime": h.getRunTime(),
        "columns": h.getNumCol(), "rows": h.getNumRow(), "nonzeros": h.getNumNz(),
        "started": started, "imported": imported, "read": read, "finished": finished, "events": events,
    }
    with open(out, "w") as f:
        json.dump(doc, f)


def run_highs(mps, time_limit, work):
    out = os.path.join(work, "highs-run.json")
    if os.path.exists(out):
        os.remove(out)
    cmd = [sys.executable, os.path.abspath(__file__), "--highs-child", mps, repr(float(time_limit)), out]
    with open(os.path.join(work, "highs-stdout.txt"), "w") as log:
        status, wall, rss, killed, _, launch_epoch = run_measured(
            cmd, stdout=log, stderr=subprocess.STDOUT, hard_limit=3 * time_limit + 120)
    trajectory = Trajectory()
    doc = {}
    if status == 0 and os.path.exists(out):
        with open(out) as f:
            doc = json.load(f)
        for t, p, b in doc.pop("events"):
            trajectory.observe(t - launch_epoch, p, b)
        trajectory.observe(doc["finished"] - launch_epoch, doc["objective"], doc["bound"])
        for key in ("started", "imported", "read", "finished"):
            doc[key] = round(doc[key] - launch_epoch, 3)
    run = trajectory.summary()
    run.update(exit=status, wall=wall, peakRSSKiB=rss, killed=killed, command=cmd, result=doc)
    return run


# --- glpsol -----------------------------------------------------------------

GLPSOL_PROGRESS = re.compile(r"^[+*]\s*\d+:\s+mip\s*=\s*(not found yet|\S+)\s+[<>]=\s+(tree is empty|\S+)")
GLPSOL_HEURISTIC = re.compile(r"Solution found by heuristic:\s+(\S+)")
GLPSOL_SIMPLEX = re.compile(r"^[* ]\s*\d+:\s+obj\s*=\s*(\S+)\s+inf\s*=")
GLPSOL_OBJECTIVE = re.compile(r"^Objective:\s+\S+\s+=\s+(\S+)")
GLPSOL_STATUS = re.compile(r"^Status:\s+(.+?)\s*$")


def glpsol_version():
    try:
        out = subprocess.run(["glpsol", "--version"], capture_output=True, text=True).stdout
        return out.splitlines()[0].strip()
    except (OSError, IndexError):
        return None


def run_glpsol(mps, time_limit, work):
    """glpsol --max on the free MPS; its log is timed line by line as read.
    '+'/'*' lines carry incumbent and bound (every 5 s, and on new incumbents),
    'Solution found by heuristic' lines an incumbent, the root LP's optimum a bound."""
    solution = os.path.join(work, "glpsol-solution.txt")
    cmd = ["glpsol", "--freemps", mps, "--max", "--cuts", "--fpump",
           "--tmlim", str(int(math.ceil(time_limit))), "-o", solution]
    trajectory = Trajectory()
    lines = []
    state = {}

    def reader(process):
        last_simplex = None
        for raw in process.stdout:
            t = time.monotonic() - state["launch"]
            line = raw.decode("utf-8", "replace").rstrip("\n")
            lines.append(f"{t:9.3f} {line}")
            m = GLPSOL_PROGRESS.match(line)
            if m:
                objective = None if m.group(1) == "not found yet" else float(m.group(1))
                bound = objective if m.group(2) == "tree is empty" else float(m.group(2))
                trajectory.observe(t, objective, bound)
                continue
            m = GLPSOL_HEURISTIC.search(line)
            if m:
                trajectory.observe(t, float(m.group(1)), None)
                continue
            m = GLPSOL_SIMPLEX.match(line)
            if m:
                last_simplex = float(m.group(1))
                continue
            if line.startswith("OPTIMAL LP SOLUTION FOUND") and last_simplex is not None:
                trajectory.observe(t, None, last_simplex)

    thread = None

    def on_start(process, launch):
        nonlocal thread
        state["launch"] = launch
        thread = threading.Thread(target=reader, args=(process,), daemon=True)
        thread.start()

    if os.path.exists(solution):
        os.remove(solution)
    status, wall, rss, killed, _, _ = run_measured(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, hard_limit=3 * time_limit + 120, on_start=on_start)
    thread.join(10)
    with open(os.path.join(work, "glpsol.log"), "w") as f:
        f.write("\n".join(lines) + "\n")
    result = {"log": [line[10:] for line in lines if "LIMIT EXCEEDED" in line or "SOLUTION FOUND" in line
                      or line[10:].startswith("Time used") or line[10:].startswith("Memory used")]}
    if os.path.exists(solution):
        with open(solution) as f:
            for line in f:
                m = GLPSOL_STATUS.match(line)
                if m:
                    result["status"] = m.group(1)
                m = GLPSOL_OBJECTIVE.match(line)
                if m:
                    result["objective"] = float(m.group(1))
                    break
        objective = result.get("objective") if result.get("status") != "INTEGER UNDEFINED" else None
        bound = objective if result.get("status") == "INTEGER OPTIMAL" else None
        trajectory.observe(wall, objective, bound)
    run = trajectory.summary()
    run.update(exit=status, wall=wall, peakRSSKiB=rss, killed=killed, command=cmd, result=result)
    return run


# --- report -----------------------------------------------------------------

def machine():
    model = None
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    memory = round(int(line.split()[1]) / 1048576, 1)
    except OSError:
        pass
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"cpu": model or platform.processor(), "cpus": cpus, "memoryGiB": memory,
            "system": platform.platform(), "python": platform.python_version()}


def seconds(x):
    return "—" if x is None else f"{x:.1f}"


def percent(x):
    return "—" if x is None else f"{100 * x:.3f}%"


def value(x):
    return "—" if x is None else f"{x:,.3f}"


def mebibytes(kib):
    return "—" if kib is None else f"{kib / 1024:,.0f}"


def table(report):
    m = report["machine"]
    out = [f"Solver comparison, {report['date']}, time limit {report['timeLimit']:g} s, seed {report['seed']}",
           "",
           f"Machine: {m['cpu']}, {m['cpus']} CPUs, {m['memoryGiB']} GiB; {m['system']}",
           f"Solvers: allocate {report['versions']['allocate']}; HiGHS {report['versions']['highs']} (highspy); "
           f"{report['versions']['glpsol']}",
           ""]
    for size in report["sizes"]:
        mo = size.get("model") or {}
        out.append(f"* {size['projects']:,} projects: {mo.get('columns', 0):,} columns, "
                   f"{mo.get('rows', 0):,} rows, {mo.get('nonzeros', 0):,} nonzeros"
                   + ("" if size["consistent"] else " — INCONSISTENT: some objective exceeds another solver's bound"))
    out += ["",
            "| projects | solver | first decision (s) | 1% gap (s) | 0.1% gap (s) | gap at end | end (s) "
            "| objective | bound | peak RSS (MiB) |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size in report["sizes"]:
        for name in SOLVERS:
            r = size["runs"].get(name)
            if r is None:
                continue
            ok = r["exit"] in ((0, 1) if name == "allocate" else (0,))
            note = " (killed)" if r["killed"] else ("" if ok else f" (exit {r['exit']})")
            out.append(
                f"| {size['projects']:,} | {name}{note} | {seconds(r['firstDecision'])} | {seconds(r['gap1pct'])} "
                f"| {seconds(r['gap01pct'])} | {percent(r['gap'])} | {r['wall']:.1f} | {value(r['objective'])} "
                f"| {value(r['bound'])} | {mebibytes(r['peakRSSKiB'])} |")
    out += ["",
            "Times are wall-clock seconds since the solver's process was launched (reading the input included); "
            "— means not reached. Gap = (bound − objective) / |objective|, the bound being the solver's own proven bound. "
            f"Peak RSS: {report['memory']}."]
    if report.get("highsBaselineRSSKiB"):
        out.append(f"HiGHS runs in a Python process: its peak RSS includes Python and highspy, "
                   f"{report['highsBaselineRSSKiB'] / 1024:,.0f} MiB before any model is read.")
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--highs-child":
        highs_child(sys.argv[2], float(sys.argv[3]), sys.argv[4])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--allocate", default=os.path.join(REPO_ROOT, ".build", "release", "allocate"),
                        help="allocate binary (default: .build/release/allocate of the repository)")
    parser.add_argument("--sizes", default="1000,12000,200000", help="comma-separated project counts")
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds per solver run (default 60)")
    parser.add_argument("--seed", type=int, default=2570, help="allocate generate --seed (default 2570)")
    parser.add_argument("--workdir", help="where scenarios, models, logs and results go (default: a new temporary directory, kept)")
    parser.add_argument("--solvers", default=",".join(SOLVERS), help="comma-separated subset of " + ", ".join(SOLVERS))
    parser.add_argument("--json", help="raw results file (default: WORKDIR/results.json)")
    args = parser.parse_args()

    allocate = os.path.abspath(args.allocate)
    if not os.access(allocate, os.X_OK):
        sys.exit(f"compare.py: no allocate binary at {allocate}; build it with "
                 f"`swift build -c release` or pass --allocate PATH")
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    solvers = [s.strip() for s in args.solvers.split(",") if s.strip()]
    unknown = set(solvers) - set(SOLVERS)
    if unknown:
        sys.exit(f"compare.py: unknown solver(s) {', '.join(sorted(unknown))}")
    if "glpsol" in solvers and shutil.which("glpsol") is None:
        sys.exit("compare.py: glpsol not found (apt-get install glpk-utils)")
    highs_version = highs_baseline = None
    if "highs" in solvers:
        import importlib.metadata
        import importlib.util
        if importlib.util.find_spec("highspy") is None:
            sys.exit("compare.py: highspy not installed (pip install highspy)")
        highs_version = importlib.metadata.version("highspy")
        # The HiGHS runs are a Python process: its interpreter and highspy alone take this much.
        highs_baseline = run_measured([sys.executable, "-c", "import highspy; highspy.Highs()"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, hard_limit=120)[2]
    work = os.path.abspath(args.workdir or tempfile.mkdtemp(prefix="solver-comparison-"))
    os.makedirs(work, exist_ok=True)
    print(f"working in {work}", file=sys.stderr)

    report = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "timeLimit": args.time_limit, "seed": args.seed, "machine": machine(),
        "versions": {"allocate": check([allocate, "--version"]).stdout.strip(), "highs": highs_version,
                     "glpsol": glpsol_version()},
        "memory": memory_method(), "highsBaselineRSSKiB": highs_baseline, "workdir": work, "sizes": [],
    }
    for n in sizes:
        size_dir = os.path.join(work, f"{n}")
        os.makedirs(size_dir, exist_ok=True)
        scenario = os.path.join(size_dir, "scenario.json")
        mps = os.path.join(size_dir, "model.mps")
        print(f"[{n}] generate", file=sys.stderr)
        check([allocate, "generate", "--projects", str(n), "--seed", str(args.seed), "--output", scenario])
        print(f"[{n}] write model", file=sys.stderr)
        probe = os.path.join(size_dir, "write-model-result.json")
        subprocess.run([allocate, scenario, "--write-model", mps, "--time-limit", "1", "--output", probe],
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not os.path.exists(mps):
            sys.exit(f"compare.py: allocate wrote no model for {n} projects")
        model = None
        if os.path.exists(probe):
            with open(probe) as f:
                model = json.load(f).get("summary", {}).get("model")
        entry = {"projects": n, "scenario": scenario, "mps": mps, "mpsBytes": os.path.getsize(mps),
                 "model": model, "runs": {}}
        for name in solvers:
            print(f"[{n}] {name}, {args.time_limit:g} s", file=sys.stderr)
            run_dir = os.path.join(size_dir, name)
            os.makedirs(run_dir, exist_ok=True)
            if name == "allocate":
                entry["runs"][name] = run_allocate(allocate, scenario, args.time_limit, run_dir)
            elif name == "highs":
                entry["runs"][name] = run_highs(mps, args.time_limit, run_dir)
            else:
                entry["runs"][name] = run_glpsol(mps, args.time_limit, run_dir)
        # Same model, same optimum: no solver's decision may beat another's proven bound.
        objectives = [r["objective"] for r in entry["runs"].values() if finite(r["objective"])]
        bounds = [r["bound"] for r in entry["runs"].values() if finite(r["bound"])]
        entry["consistent"] = not (objectives and bounds and
                                   max(objectives) > min(bounds) + 1e-6 * max(1.0, abs(min(bounds))))
        report["sizes"].append(entry)

    text = table(report)
    json_path = args.json or os.path.join(work, "results.json")
    with open(json_path, "w") as f:
        json.dump(report, f, indent=1)
    with open(os.path.join(work, "results.md"), "w") as f:
        f.write(text)
    print(text)
    print(f"raw results: {json_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
