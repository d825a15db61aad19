#!/usr/bin/env python3
"""Deterministic generator of meeting mentions (JSON Lines) for tests and
benchmarks: N meetings among K officials of C countries.

Activity is heavy-tailed (a few officials meet very often, most rarely),
most meetings are bilateral (meet, talks, call, visit; host and guest),
a share are multilateral meetings of a group with 3 to 8 participants.

--dup-rate makes that share of meetings reported twice (another file, the
same date or a day later, one party sometimes given as a bare country):
the resolver must merge them back. --distinct guarantees no two meetings
could merge (no shared parties within two days, group meetings on distinct
dates), so the events are exactly the meetings: the graph can then be
rebuilt independently from the file (tests/tools/graph_check_networkx.py).

Only the standard library; the same arguments always give the same bytes.
"""
import argparse
import datetime
import itertools
import json
import random
import sys

KINDS = ["meet", "talks", "call", "visit"]


def zipf_weights(n, s):
    return [1.0 / (i + 1) ** s for i in range(n)]


def country_codes(c):
    codes = []
    for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            codes.append(a + b)
    return codes[:c]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", "--meetings", type=int, default=10000)
    ap.add_argument("-k", "--officials", type=int, default=1000)
    ap.add_argument("-c", "--countries", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--multilateral", type=float, default=0.05,
                    help="share of multilateral meetings (0.05)")
    ap.add_argument("--dup-rate", type=float, default=0.0,
                    help="share of meetings reported twice (0)")
    ap.add_argument("--month-only", type=float, default=0.0,
                    help="share of mentions dated by month only (0)")
    ap.add_argument("--distinct", action="store_true",
                    help="no two meetings may merge into one event")
    ap.add_argument("--loyalty", type=float, default=0.0,
                    help="share of bilateral meetings with one of the official's"
                         " regular counterparts (0: partners drawn at random;"
                         " the benchmark uses 0.9, as ministers mostly meet the"
                         " same counterparts again)")
    ap.add_argument("--days", type=int, default=3650,
                    help="span of dates in days from 2015-01-01 (3650)")
    ap.add_argument("-o", "--output", default="-")
    a = ap.parse_args()

    rng = random.Random(a.seed)
    codes = country_codes(a.countries)
    ccum = list(itertools.accumulate(zipf_weights(len(codes), 1.0)))
    # officials: a country each (bigger countries have more officials)
    officials = []
    for i in range(a.officials):
        cc = rng.choices(codes, cum_weights=ccum)[0]
        officials.append(("person:o%06d" % i, cc, "Official %d" % i))
    oweights = zipf_weights(a.officials, 0.8)
    rng.shuffle(oweights)
    ocum = list(itertools.accumulate(oweights))
    pick = lambda: rng.choices(range(a.officials), cum_weights=ocum)[0]
    # regular counterparts: a list per official, longer for the more active
    counterparts = None
    if a.loyalty > 0:
        top = max(oweights)
        counterparts = []
        for i in range(a.officials):
            size = 3 + int(200 * (oweights[i] / top) ** 0.7)
            counterparts.append([pick() for _ in range(size)])
    groups = ["G%02d" % i for i in range(20)]
    start = datetime.date(2015, 1, 1)
    used_days = {}   # (family, sorted ids) -> set of days, for --distinct
    used_group = set()
    out = sys.stdout if a.output == "-" else open(a.output, "w", encoding="utf-8")
    doc = 0

    def party(o, role, bare=False):
        pid, cc, name = o
        if bare:
            return {"id": "country:" + cc, "type": "country", "name": None,
                    "name_zh": None, "country": cc, "title": None,
                    "title_zh": None, "role": role}
        return {"id": pid, "type": "person", "name": name, "name_zh": None,
                "country": cc, "title": None, "title_zh": None, "role": role}

    def emit(kind, date, group, parties, fname):
        nonlocal doc
        rec = {"v": 1, "kind": kind, "date": date, "place": None,
               "group": group, "parties": parties,
               "source": {"file": fname, "doc": doc, "line": doc + 1,
                          "byte": doc * 100, "length": 80, "lang": "en"},
               "evidence": "m%d" % doc, "confidence": 0.9}
        doc += 1
        out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")

    made = 0
    tries = 0
    while made < a.meetings:
        tries += 1
        if tries > a.meetings * 50:
            sys.exit("gen_meetings: cannot place %d distinct meetings" % a.meetings)
        day = rng.randrange(a.days)
        d = start + datetime.timedelta(days=day)
        date = d.isoformat()
        if rng.random() < a.multilateral:
            n = rng.randint(3, 8)
            members = set()
            while len(members) < n:
                members.add(pick())
            members = sorted(members)
            group = rng.choice(groups)
            if a.distinct:
                if (group, day) in used_group:
                    continue
                used_group.add((group, day))
            parties = [party(officials[m], "participant") for m in members]
            emit("multilateral", date, group, parties, "gen-a.txt")
            if rng.random() < a.dup_rate:
                emit("multilateral", date, group, parties[:1], "gen-b.txt")
            made += 1
            continue
        x = pick()
        if counterparts is not None and rng.random() < a.loyalty:
            y = rng.choice(counterparts[x])
        else:
            y = pick()
        if x == y:
            continue
        kind = rng.choice(KINDS)
        fam = "call" if kind == "call" else "meet"
        if a.distinct:
            ids = (fam, min(x, y), max(x, y))
            days = used_days.setdefault(ids, set())
            if any(day + k in days for k in range(-2, 3)):
                continue
            days.add(day)
        role_x, role_y = ("host", "guest") if kind != "call" else ("participant", "participant")
        parties = [party(officials[x], role_x), party(officials[y], role_y)]
        if rng.random() < a.month_only:
            emit(kind, date[:7], None, parties, "gen-a.txt")
        else:
            emit(kind, date, None, parties, "gen-a.txt")
        if rng.random() < a.dup_rate:
            d2 = (d + datetime.timedelta(days=rng.randint(0, 1))).isoformat()
            bare = rng.random() < 0.3 and officials[x][1] != officials[y][1]
            p2 = [party(officials[x], role_x, bare), party(officials[y], role_y)]
            emit("talks" if kind == "meet" else kind, d2, None, p2, "gen-b.txt")
        made += 1
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
