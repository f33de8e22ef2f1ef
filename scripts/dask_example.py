"""Runs the analysis on Dask distributed: one task per shard, each piping `npm run analyze -- --shard K/N`.

Usage (through scripts/dask-example.sh):
    scripts/dask-example.sh [--scheduler tcp://host:8786] [--corpus corpus.jsonl] [--shards 8] [--copies 40]

Without --scheduler it starts a scheduler and two single-threaded workers on 127.0.0.1 and stops them at the
end; with one it uses that cluster (every worker needs this checkout and the corpus at the same paths). Without
--corpus it writes a corpus of `--copies` renamed copies of test/fixtures/small-corpus.jsonl. The shards'
records are merged by `npm run merge-records` and compared byte for byte with one local `npm run analyze`.
Needs Debian's python3-distributed (apt-get install -y python3-distributed).
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

from distributed import Client

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def analyze_shard(root, corpus, index, count):
    """One task: the records of shard index/count, as the CLI prints them (one worker thread per task)."""
    env = dict(os.environ, RECORD_CACHE="off", WORKERS="1")
    result = subprocess.run(
        ["npm", "run", "--silent", "analyze", "--", corpus, "--shard", f"{index}/{count}"],
        cwd=root, env=env, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"shard {index}/{count} failed: {result.stderr}")
    return index, result.stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scheduler")
    parser.add_argument("--corpus")
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--copies", type=int, default=40)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="dask-example-")
    corpus = args.corpus and os.path.abspath(args.corpus)
    if not corpus:
        corpus = os.path.join(work, "corpus.jsonl")
        with open(os.path.join(ROOT, "test", "fixtures", "small-corpus.jsonl"), encoding="utf-8") as f:
            articles = [json.loads(line) for line in f if line.strip()]
        with open(corpus, "w", encoding="utf-8") as out:
            for copy in range(args.copies):
                for article in articles:
                    out.write(json.dumps({**article, "id": f"{article['id']}-{copy:04d}"}, ensure_ascii=False) + "\n")
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
        futures = [client.submit(analyze_shard, ROOT, corpus, k, args.shards, pure=False) for k in range(1, args.shards + 1)]
        shards = os.path.join(work, "records")
        os.makedirs(shards)
        for index, records in client.gather(futures):
            with open(os.path.join(shards, f"part-{index:04d}.jsonl"), "w", encoding="utf-8") as f:
                f.write(records)
        distributed_seconds = time.time() - started
        client.close()
        merged = subprocess.run(["npm", "run", "--silent", "merge-records", "--", shards], cwd=ROOT, capture_output=True, check=True).stdout
        started = time.time()
        local = subprocess.run(["npm", "run", "--silent", "analyze", "--", corpus], cwd=ROOT, capture_output=True, check=True,
                               env=dict(os.environ, RECORD_CACHE="off")).stdout
        local_seconds = time.time() - started
        records = merged.count(b"\n")
        same = merged == local
        print(f"dask: {workers} workers at {address}, {args.shards} shards, {records} records in {distributed_seconds:.1f} s "
              f"(one local run: {local_seconds:.1f} s)")
        print(f"dask: merged shards {'are byte-identical to' if same else 'DIFFER from'} the local run "
              f"({len(merged):,} bytes, sha256 {__import__('hashlib').sha256(merged).hexdigest()[:16]}…)")
        return 0 if same else 1
    finally:
        for p in reversed(processes):
            p.terminate()
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        subprocess.run(["rm", "-rf", work], check=False)


if __name__ == "__main__":
    sys.exit(main())
