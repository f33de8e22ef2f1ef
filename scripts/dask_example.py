"""Runs the analysis on Dask distributed and builds the site from its record shards.

Usage (through scripts/dask-example.sh):
    scripts/dask-example.sh [--scheduler tcp://host:8786] [--corpus corpus.jsonl] [--shards 8] [--copies 40]
                            [--records <folder>] [--site <folder>] [--check] [--keep]

One task per shard runs `npm run analyze -- <corpus> --shard K/N --out <records>/part-K.jsonl` on a worker:
the worker writes the shard and its manifest (part-K.manifest.json) to the records folder, which every
worker and this machine must see at the same path (a shared file system on a cluster; a local folder here),
and hands back only a few numbers, so the client never holds a record. Then `RECORDS=<records> npm run
build` publishes the site from the shards, after checking their manifests (every shard there once, of one
corpus, made by this checkout). With --check, the shards are also merged (`npm run merge-records`) and
compared byte for byte with one local `npm run analyze` of the whole corpus.

Without --scheduler it starts a scheduler and two single-threaded workers on 127.0.0.1 and stops them at the
end; with one it uses that cluster (every worker needs this checkout, the corpus and the records folder at
the same paths). Without --corpus it writes a corpus of `--copies` renamed copies of
test/fixtures/small-corpus.jsonl. Without --records the shards go to a temporary folder, removed at the end
with the site unless --keep. Each stage's time and peak RSS (of the processes it ran, from wait4) is printed.
Needs Debian's python3-distributed (apt-get install -y python3-distributed).
"""
import argparse
import filecmp
import hashlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

from distributed import Client

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_measured(command, cwd, env=None, stdout=subprocess.DEVNULL):
    """Runs `command`; returns (exit status, seconds, peak RSS in MB of it and its children, CPU seconds, stderr)."""
    started = time.time()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=stdout, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return process.returncode, time.time() - started, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, stderr


def analyze_shard(root, corpus, records, index, count):
    """One task: shard index/count of the corpus, written with its manifest to the records folder by the worker."""
    env = dict(os.environ, RECORD_CACHE="off", WORKERS="1")
    out = os.path.join(records, f"part-{index:04d}.jsonl")
    status, seconds, rss, cpu, stderr = run_measured(
        ["npm", "run", "--silent", "analyze", "--", corpus, "--shard", f"{index}/{count}", "--out", out], root, env)
    if status != 0:
        raise RuntimeError(f"shard {index}/{count} failed: {stderr}")
    with open(os.path.join(records, f"part-{index:04d}.manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    return {"index": index, "records": manifest["records"]["count"], "seconds": seconds, "rss_mb": rss, "cpu": cpu}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_copies(corpus, copies):
    """A corpus of `copies` renamed copies of the small test corpus."""
    with open(os.path.join(ROOT, "test", "fixtures", "small-corpus.jsonl"), encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    with open(corpus, "w", encoding="utf-8") as out:
        for copy in range(copies):
            for article in articles:
                out.write(json.dumps({**article, "id": f"{article['id']}-{copy:04d}"}, ensure_ascii=False) + "\n")


def stage(name, seconds, rss_mb, detail=""):
    print(f"dask: {name}: {seconds:.1f} s, peak RSS {rss_mb:,.0f} MB{detail}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scheduler")
    parser.add_argument("--corpus")
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--records", help="folder the workers write the shards to (shared by them); default a temporary one")
    parser.add_argument("--site", help="where the site goes (BUILD_OUTPUT); default a temporary folder")
    parser.add_argument("--check", action="store_true", help="also compare the merged shards with one local run")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (shards and site)")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="dask-example-")
    records = os.path.abspath(args.records or os.path.join(work, "records"))
    if os.path.isdir(records) and any(name.endswith(".jsonl") for name in os.listdir(records)):
        print(f"dask: {records} already holds record shards; give an empty or new folder", file=sys.stderr)
        return 2
    os.makedirs(records, exist_ok=True)
    site = os.path.abspath(args.site or os.path.join(work, "site"))
    corpus = args.corpus and os.path.abspath(args.corpus)
    if not corpus:
        corpus = os.path.join(work, "corpus.jsonl")
        write_copies(corpus, args.copies)
    processes = []
    address = args.scheduler
    try:
        if not address:
            port = free_port()
            address = f"tcp://127.0.0.1:{port}"
            processes.append(subprocess.Popen(["dask-scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            processes.append(subprocess.Popen(["dask-worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard",
                                               "--local-directory", work], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        client = Client(address, timeout=60)
        client.wait_for_workers(1 if args.scheduler else 2, timeout=120)
        workers = len(client.scheduler_info()["workers"])
        started = time.time()
        futures = [client.submit(analyze_shard, ROOT, corpus, records, k, args.shards, pure=False) for k in range(1, args.shards + 1)]
        tasks = client.gather(futures)
        client.close()
        analysed = sum(task["records"] for task in tasks)
        stage(f"analysis on {workers} Dask workers at {address}", time.time() - started, max(t["rss_mb"] for t in tasks),
              f" per task; {args.shards} shards, {analysed} records in {records}; "
              f"per task {min(t['seconds'] for t in tasks):.1f}-{max(t['seconds'] for t in tasks):.1f} s, "
              f"{sum(t['cpu'] for t in tasks) / len(tasks):.1f} CPU-s on average")
        status, seconds, rss, _, stderr = run_measured(["npm", "run", "--silent", "build"], ROOT,
                                                       dict(os.environ, RECORDS=records, BUILD_OUTPUT=site))
        if status != 0:
            print(stderr, file=sys.stderr)
            print("dask: the build from the shards failed", file=sys.stderr)
            return 1
        last = stderr.strip().splitlines()[-1] if stderr.strip() else ""
        stage("site from the shards (RECORDS=… npm run build)", seconds, rss, f"; {site}\n      {last}")
        if not args.check:
            return 0
        merged_file = os.path.join(work, "merged.jsonl")
        status, seconds, rss, _, stderr = run_measured(["npm", "run", "--silent", "merge-records", "--", records, "--out", merged_file], ROOT)
        if status != 0:
            print(stderr, file=sys.stderr)
            return 1
        stage("merge-records", seconds, rss)
        local_file = os.path.join(work, "local.jsonl")
        status, seconds, rss, _, stderr = run_measured(["npm", "run", "--silent", "analyze", "--", corpus, "--out", local_file], ROOT,
                                                       dict(os.environ, RECORD_CACHE="off"))
        if status != 0:
            print(stderr, file=sys.stderr)
            return 1
        stage("one local run (--check)", seconds, rss)
        same = filecmp.cmp(merged_file, local_file, shallow=False)
        size = os.path.getsize(merged_file)
        digest = hashlib.sha256()
        with open(merged_file, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        digest = digest.hexdigest()
        print(f"dask: merged shards {'are byte-identical to' if same else 'DIFFER from'} the local run "
              f"({size:,} bytes, sha256 {digest[:16]}…)")
        return 0 if same else 1
    finally:
        for p in reversed(processes):
            p.terminate()
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        if not args.keep:
            subprocess.run(["rm", "-rf", work], check=False)
        else:
            print(f"dask: kept {work}")


if __name__ == "__main__":
    sys.exit(main())
