#!/usr/bin/env python3
"""Runs paperdex and SQLite FTS5 side by side on the same corpora and queries; called by scripts/benchmark.sh.

Usage: bench_run.py ROOT WORK_DIR RESULTS_DIR --sizes 25000 ... all --runs 3 --query-runs 3 --search-runs 5

Expects WORK_DIR/corpus-SIZE/ and WORK_DIR/queries.tsv from bench_prepare.py, a built paperdex (ROOT/paperdex finds
its JDK and jar) and the bench module's classes. Every figure is the median of its runs; wall time and peak
resident memory of each indexing process come from the kernel (os.wait4), as /usr/bin/time -v reports them.
Writes RESULTS_DIR/results.json and results.csv, and prints the table with the ratio paperdex/FTS5.
"""

import argparse
import csv
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

ALL_ARXIV = 2_900_000


def run(command, stdout=subprocess.PIPE, env=None):
    """Runs a command; returns (wall seconds, peak RSS in bytes, stdout text, CPU seconds). Fails on a non-zero exit."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, env=env)
    out = process.stdout.read() if stdout == subprocess.PIPE else b""
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("benchmark: %s failed:\n%s" % (" ".join(command), err.decode(errors="replace")[-2000:]))
    return wall, usage.ru_maxrss * 1024, out.decode(errors="replace"), usage.ru_utime + usage.ru_stime


def tree_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)


def median(values):
    return statistics.median(values)


def index_figures(args, size):
    corpus = os.path.join(args.work, "corpus-%s" % size)
    input_bytes = tree_bytes(corpus)
    figures = {}
    for engine in ("paperdex", "fts5"):
        walls, cpus, peaks, sizes = [], [], [], []
        papers = records = None
        for _ in range(args.runs):
            if engine == "paperdex":
                target = os.path.join(args.work, "paperdex-%s" % size)
                shutil.rmtree(target, ignore_errors=True)
                wall, peak, out, cpu = run([os.path.join(args.root, "paperdex"), "index", "--index", target, corpus])
                match = re.search(r"(\d+) records: .*?; (\d+) papers in the index", out)
                records, papers = int(match.group(1)), int(match.group(2))
            else:
                target = os.path.join(args.work, "fts5-%s.db" % size)
                wall, peak, out, cpu = run(["python3", os.path.join(args.root, "scripts", "bench_fts5.py"), "index",
                                            corpus, target])
                result = json.loads(out)
                records, papers = result["records"], result["papers"]
            walls.append(wall)
            cpus.append(cpu)
            peaks.append(peak)
            sizes.append(tree_bytes(target))
        seconds = median(walls)
        figures[engine] = {"records": records, "papers": papers, "input_bytes": input_bytes,
                           "index_seconds": seconds, "index_seconds_runs": walls, "cpu_seconds": median(cpus),
                           "papers_per_s": records / seconds, "mb_per_s": input_bytes / 1e6 / seconds,
                           "index_bytes": median(sizes), "peak_rss_bytes": median(peaks)}
        print("  %-8s %8s records: %6.1f s (CPU %6.1f s), %7.0f records/s, %6.1f MB on disk, peak %6.0f MB" % (
            engine, records, seconds, median(cpus), records / seconds, median(sizes) / 1e6, median(peaks) / 1e6),
            flush=True)
    return figures


def query_figures(args, size):
    queries = os.path.join(args.work, "queries.tsv")
    jdk = os.path.join(os.environ["JAVA_HOME"], "bin", "java")
    classpath = os.pathsep.join([os.path.join(args.root, "bench", "target", "classes"),
                                 os.path.join(args.root, "bench", "target", "lib", "*")])
    out = run([jdk, "--enable-native-access=ALL-UNNAMED", "-cp", classpath, "dev.paperdex.bench.QueryLatency",
                     os.path.join(args.work, "paperdex-%s" % size), queries, str(args.query_runs)])[2]
    paperdex = json.loads(out.strip().splitlines()[-1])
    out = run(["python3", os.path.join(args.root, "scripts", "bench_fts5.py"), "query",
               os.path.join(args.work, "fts5-%s.db" % size), queries, str(args.query_runs)])[2]
    fts5 = json.loads(out)
    return paperdex, fts5


def search_figures(args, size):
    """Whole-process time of one search: the first few queries of the set, each run as its own process."""
    with open(os.path.join(args.work, "queries.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        queries = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f][:args.search_runs]
    env = dict(os.environ, NO_COLOR="1")
    paperdex, fts5 = [], []
    for q in queries:
        query = q["paperdex"]
        paperdex.append(run([os.path.join(args.root, "paperdex"), "search", "--index",
                             os.path.join(args.work, "paperdex-%s" % size), "--", query], env=env)[0])
        fts5.append(run(["python3", os.path.join(args.root, "scripts", "bench_fts5.py"), "search",
                         os.path.join(args.work, "fts5-%s.db" % size), q["fts5"], q["since"], q["until"]])[0])
    return ({"search_process_ms": 1000 * median(paperdex), "search_process_ms_runs": [1000 * x for x in paperdex]},
            {"search_process_ms": 1000 * median(fts5), "search_process_ms_runs": [1000 * x for x in fts5]})


def extrapolate(curve, engine):
    """Seconds to index ALL_ARXIV papers: a least-squares line through (records, seconds) of the curve."""
    xs = [point[engine]["records"] for point in curve.values()]
    ys = [point[engine]["index_seconds"] for point in curve.values()]
    if len(xs) < 2:
        return ys[0] * ALL_ARXIV / xs[0]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)
    return mean_y + slope * (ALL_ARXIV - mean_x)


def machine():
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    load = os.getloadavg()[0]
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(memory, 1), "os": platform.platform(),
            "python": platform.python_version(), "load_average_at_start": load}


def table(results):
    rows = []
    largest = results["largest"]
    top = results["indexing"][largest]
    p, f = top["paperdex"], top["fts5"]
    rows.append(("indexing throughput, papers/s (%s records)" % p["records"], p["papers_per_s"], f["papers_per_s"]))
    rows.append(("indexing throughput, MB/s of input JSON", p["mb_per_s"], f["mb_per_s"]))
    rows.append(("indexing time, s", p["index_seconds"], f["index_seconds"]))
    rows.append(("indexing CPU time (all threads), s", p["cpu_seconds"], f["cpu_seconds"]))
    rows.append(("index size on disk, MB", p["index_bytes"] / 1e6, f["index_bytes"] / 1e6))
    rows.append(("peak memory of the indexer, MB", p["peak_rss_bytes"] / 1e6, f["peak_rss_bytes"] / 1e6))
    qp, qf = results["queries"]["paperdex"], results["queries"]["fts5"]
    for name in ("p50", "p95", "p99"):
        rows.append(("warm query latency %s, ms (with highlighting)" % name, qp[name + "_ms"], qf[name + "_ms"]))
    for name in ("p50", "p95", "p99"):
        rows.append(("… its CPU time %s, ms" % name, qp["cpu_" + name + "_ms"], qf["cpu_" + name + "_ms"]))
    sp, sf = results["search_process"]["paperdex"], results["search_process"]["fts5"]
    rows.append(("one search as a whole process, ms", sp["search_process_ms"], sf["search_process_ms"]))
    for size, point in results["indexing"].items():
        if size != largest:
            rows.append(("indexing time at %s records, s" % point["paperdex"]["records"],
                         point["paperdex"]["index_seconds"], point["fts5"]["index_seconds"]))
    for size, point in results["indexing"].items():
        if size != largest:
            rows.append(("index size at %s records, MB" % point["paperdex"]["records"],
                         point["paperdex"]["index_bytes"] / 1e6, point["fts5"]["index_bytes"] / 1e6))
    ep, ef = results["all_arxiv_seconds"]["paperdex"], results["all_arxiv_seconds"]["fts5"]
    rows.append(("all of arXiv (2.9M papers), extrapolated, min", ep / 60, ef / 60))
    lines = ["| figure | paperdex | FTS5 | paperdex/FTS5 |", "| --- | ---: | ---: | ---: |"]
    for name, a, b in rows:
        lines.append("| %s | %s | %s | %.2f |" % (name, fmt(a), fmt(b), a / b if b else float("nan")))
    return rows, "\n".join(lines)


def fmt(value):
    if value >= 100:
        return "%.0f" % value
    if value >= 10:
        return "%.1f" % value
    return "%.2f" % value


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("work")
    parser.add_argument("results")
    parser.add_argument("--sizes", nargs="+", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query-runs", type=int, default=3)
    parser.add_argument("--search-runs", type=int, default=5)
    args = parser.parse_args(argv)
    results = {"machine": machine(), "runs": args.runs, "query_runs": args.query_runs, "indexing": {}}
    print("machine: %(cpu)s, %(cores)s cores, %(memory_gib)s GiB; load average %(load_average_at_start).2f"
          % results["machine"], flush=True)
    for size in args.sizes:
        print("indexing corpus-%s (%d runs each)" % (size, args.runs), flush=True)
        results["indexing"][size] = index_figures(args, size)
    largest = args.sizes[-1]
    results["largest"] = largest
    print("warm queries on corpus-%s (%d timed passes each)" % (largest, args.query_runs), flush=True)
    paperdex, fts5 = query_figures(args, largest)
    results["queries"] = {"paperdex": paperdex, "fts5": fts5}
    print("whole-process searches on corpus-%s" % largest, flush=True)
    sp, sf = search_figures(args, largest)
    results["search_process"] = {"paperdex": sp, "fts5": sf}
    results["all_arxiv_seconds"] = {engine: extrapolate(results["indexing"], engine) for engine in ("paperdex", "fts5")}
    results["machine"]["load_average_at_end"] = os.getloadavg()[0]
    rows, text = table(results)
    os.makedirs(args.results, exist_ok=True)
    with open(os.path.join(args.results, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    with open(os.path.join(args.results, "results.csv"), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["figure", "paperdex", "fts5", "ratio"])
        for name, a, b in rows:
            writer.writerow([name, a, b, a / b if b else ""])
    print()
    print(text)
    print()
    print("load average %.2f at the start, %.2f at the end; raw numbers in %s" % (
        results["machine"]["load_average_at_start"], results["machine"]["load_average_at_end"], args.results))


if __name__ == "__main__":
    main(sys.argv[1:])
