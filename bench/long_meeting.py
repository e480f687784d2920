#!/usr/bin/env python3
"""Enters an adjusted 30-§ meeting for the bench (P2) through the gateway: the seed's attendance, its 14
paragraphs' texts used again (without their effects, so nothing is granted or awarded twice) until there
are 30, with case numbers of their own, then the justering. Idempotent.

    bench/long_meeting.py GATEWAY_URL      prints the meeting's id
"""
import copy
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bin"))
from radhus_api import Client  # noqa: E402

BASE = sys.argv[1].rstrip("/")
CLIENT = Client(BASE, "bench-loader", ["admin"])
seed = json.loads((ROOT / "seed" / "ks-nau-2024-05-21.json").read_text(encoding="utf-8"))
meeting = copy.deepcopy(seed["meeting"])
meeting["date"] = "2024-06-11"
mid = f"{meeting['bodyId']}-{meeting['date']}"

s, existing = CLIENT.call("GET", f"/api/meetings/{mid}")
if s == 200 and existing.get("state") in ("ADJUSTED", "POSTED"):
    print(mid)
    sys.exit(0)
if s != 200:
    s, a = CLIENT.call("POST", "/api/meetings", meeting)
    if s != 201:
        sys.exit(f"bench: meeting refused ({s}): {a}")
    existing = {"paragraphs": []}
texts = seed["paragraphs"]
# § numbers run on through the body's year: ask for the next one each time
for i in range(len(existing.get("paragraphs", [])), 30):
    s, nxt = CLIENT.call("GET", f"/api/meetings/{mid}/paragraphs/next")
    if s != 200:
        sys.exit(f"bench: next § refused ({s}): {nxt}")
    n = nxt["next"]
    p = copy.deepcopy(texts[i % len(texts)])
    p["number"] = n
    p.pop("effects", None)
    if p.get("caseNumber"):
        p["caseNumber"] = f"KS-2024/{900 + i:05d}"
    s, a = CLIENT.call("POST", f"/api/meetings/{mid}/paragraphs", p)
    if s != 201:
        sys.exit(f"bench: § {n} refused ({s}): {a}")
justering = copy.deepcopy(seed["justering"])
justering["date"] = "2024-06-13"
s, a = CLIENT.call("POST", f"/api/meetings/{mid}/justering", justering)
if s != 200:
    sys.exit(f"bench: justering refused ({s}): {a}")
print(mid)
