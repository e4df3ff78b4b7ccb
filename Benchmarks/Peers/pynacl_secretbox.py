#!/usr/bin/python3
"""PyNaCl SecretBox (XSalsa20-Poly1305) + json + base64url, timed with the protocol in README.md.

Usage: /usr/bin/python3 pynacl_secretbox.py CORPUS_DIR (Debian's python3, for python3-nacl).
"""
import base64
import json
import sys
import time

from nacl.secret import SecretBox
from nacl.utils import random

SAMPLES = ["tiny", "small", "medium", "large"]
WARMUP_NS = 200_000_000
BATCH_NS = 1_000_000
BATCHES = 300

box = SecretBox(random(SecretBox.KEY_SIZE))


def seal(session):
    # ensure_ascii=False: UTF-8 like the other peers, not \u escapes that lengthen the cookie.
    data = json.dumps(session, separators=(",", ":"), ensure_ascii=False).encode()
    # box.encrypt draws a fresh 24-byte nonce and prepends it; the padding is dropped, as cookies
    # in base64url usually do.
    return base64.urlsafe_b64encode(box.encrypt(data)).rstrip(b"=").decode("ascii")


def open_(cookie):
    sealed = base64.urlsafe_b64decode(cookie + "=" * (-len(cookie) % 4))
    return json.loads(box.decrypt(sealed))


def measure(op):
    """Warm up, size a batch to about BATCH_NS, then time BATCHES batches.

    Returns the fastest and the median batch's time per operation, in µs.
    """
    count = 0
    start = time.perf_counter_ns()
    while time.perf_counter_ns() - start < WARMUP_NS:
        op()
        count += 1
    size = max(1, BATCH_NS * count // (time.perf_counter_ns() - start))
    times = []
    for _ in range(BATCHES):
        batch_start = time.perf_counter_ns()
        for _ in range(size):
            op()
        times.append((time.perf_counter_ns() - batch_start) / size / 1000)
    times.sort()
    return times[0], times[len(times) // 2]


def main():
    corpus = sys.argv[1]
    sessions = {}
    for sample in SAMPLES:
        with open(f"{corpus}/{sample}.json", "rb") as file:
            sessions[sample] = json.load(file)
        if open_(seal(sessions[sample])) != sessions[sample]:
            sys.exit(f"pynacl: {sample} does not survive a round trip")
    for sample, session in sessions.items():
        cookie = seal(session)
        for name, op in [("seal", lambda: seal(session)), ("open", lambda: open_(cookie))]:
            p0, median = measure(op)
            print(f"peer=pynacl sample={sample} op={name} p0_us={p0:.2f} median_us={median:.2f} length={len(cookie)}",
                  flush=True)


main()
