#!/usr/bin/env python3
"""The bulk import benchmark's work (run by bench/run-bulk-import against a running suite):

    bulk_import.py PROTOCOLS GATEWAY FOLDER SEED_TEXT

Generates PROTOCOLS protocols from the seed text into FOLDER, each with its own date (one a week from
2001) and its own § numbers (running on through each year), and imports them with bin/import. In the
same run: the seed protocol imported alone (the anchor), a 2 000-§ text import, and a PDF bomb (120
pages sharing one stream of 1 MB decompressed) that must be refused. Prints the figures.
"""
import datetime
import json
import pathlib
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bin"))
from radhus_api import Client  # noqa: E402

SEED_DATE = re.compile("2024[\u2010-]05[\u2010-]21")
PARAGRAPH = re.compile("(§[\\s\u00a0]*)(\\d{3})(?:([\u2010-])(\\d{3}))?")


def protocol(seed, day, first):
    """The seed text as the protocol of another day, its § 177-190 renumbered from `first`."""
    def renumber(m):
        a = int(m.group(2)) - 177 + first
        out = m.group(1) + str(a)
        if m.group(4):
            out += m.group(3) + str(int(m.group(4)) - 177 + first)
        return out
    return PARAGRAPH.sub(renumber, SEED_DATE.sub(day.isoformat().replace("-", "\u2010"), seed))


def post(base, token, path, data, content_type):
    req = urllib.request.Request(base + path, data=data, method="POST",
                                 headers={"Content-Type": content_type, "Authorization": "Bearer " + token})
    began = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        e.read()
        status = e.code
    return status, time.perf_counter() - began


def pdf_bomb(pages=120, megabytes=1):
    """A small PDF whose pages all draw one content stream of `megabytes` MB once decompressed."""
    content = zlib.compress(b"0 0 m 1 1 l S\n" * (megabytes * 1024 * 1024 // 14), 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               ("<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, " ".join("%d 0 R" % (4 + i) for i in range(pages)))).encode(),
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def many_paragraphs(n, day):
    lines = [f"Byggnadsnämnden {day} Sida 1 av 1", ""]
    for i in range(1, n + 1):
        lines += [f"§ {i}", "", f"Dnr BN-2024/{i:05d}", "", f"Bygglov nummer {i}", "", "Byggnadsnämnden beslutar", "",
                  "att bevilja bygglov.", ""]
    return "\n".join(lines).encode("utf-8")


def main(argv):
    n, base, folder, seed_path = int(argv[1]), argv[2].rstrip("/"), pathlib.Path(argv[3]), pathlib.Path(argv[4])
    seed = seed_path.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        year, week = 2001 + i // 52, i % 52
        day = datetime.date(year, 1, 2) + datetime.timedelta(days=7 * week)
        (folder / f"bench-nau-{day.isoformat()}.txt").write_text(protocol(seed, day, 1 + 14 * week), encoding="utf-8")
    token = Client(base, "bench", ["admin"]).token()
    for body, prefix in (("bench-nau", "KS"), ("anchor", "KS"), ("warm", "KS"), ("many", "BN"), ("bomb", "BN")):
        Client(base, "bench", ["admin"]).call("POST", "/api/bodies", {"id": body, "name": "Bänknämnden", "diariumPrefix": prefix})
    seed_bytes = seed.encode("utf-8")
    post(base, token, "/api/imports?bodyId=warm", seed_bytes, "text/plain; charset=utf-8")
    status, anchor = post(base, token, "/api/imports?bodyId=anchor", seed_bytes, "text/plain; charset=utf-8")
    assert status == 201, status

    began = time.perf_counter()
    run = subprocess.run([sys.executable, str(ROOT / "bin/import"), "bench-nau", str(folder), base],
                         capture_output=True, text=True)
    total = time.perf_counter() - began
    report = json.loads((folder / "import-report.json").read_text(encoding="utf-8"))
    ms = [i["ms"] for i in report["imported"]]
    first, last = sum(ms[:50]) / 1000, sum(ms[-50:]) / 1000

    status_many, many = post(base, token, "/api/imports?bodyId=many", many_paragraphs(2000, "2024-03-01"), "text/plain")
    bomb = pdf_bomb()
    status_bomb, refused = post(base, token, "/api/imports?bodyId=bomb&date=2024-03-01", bomb, "application/pdf")

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = [f"Rådhus bulk import through the gateway, {now}, {n} protocols generated from the seed (14 § each)",
           f"anchor: the seed protocol imported alone: {anchor * 1000:.0f} ms",
           f"bin/import of {n} protocols: {total:.1f} s wall ({report['seconds']} s in bin/import),"
           f" {len(report['imported'])} imported, {len(report['refused'])} refused, {len(report['failed'])} failed"
           f"   target <= 60 s",
           f"first 50: {first:.2f} s, last 50: {last:.2f} s, last/first = {last / first:.2f}   target <= 1.20",
           f"per protocol: median {statistics.median(ms):.0f} ms = {statistics.median(ms) / (anchor * 1000):.2f}x the anchor",
           f"2 000-§ text import: {status_many} in {many:.2f} s   target < 5 s",
           f"PDF bomb ({len(bomb) // 1024} KB, 120 pages sharing one 1 MB stream): {status_bomb} in {refused:.2f} s"
           f"   target: refused within 2 s"]
    print("\n".join(out))
    if run.returncode != 0:
        print(run.stdout[-2000:], file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
