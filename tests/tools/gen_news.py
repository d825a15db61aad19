#!/usr/bin/env python3
"""Writes a small deterministic corpus of short news documents (simplified
Chinese and English) that report meetings between officials of the bundled
gazetteer, for the end-to-end tests of sharded and parallel extraction.

Each meeting (a Chinese official receiving, holding talks or a phone call
with a foreign one, on a day both held office) is reported once or more:
in Chinese, in English, or both, sometimes twice in one language, the
reports spread over several files. Plain text files hold blank-line
separated documents of two or three lines; one JSON Lines file holds a
document per line. Same arguments, same bytes (standard library only).

usage: gen_news.py --gazetteer DIR --out DIR [--meetings N] [--seed S]
"""
import argparse
import datetime
import json
import os
import random

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

FILLER_ZH = [
    "双方就共同关心的国际和地区问题交换了意见。",
    "双方表示愿进一步深化各领域务实合作。",
    "会谈在友好气氛中进行。",
    "外交部发言人在例行记者会上介绍了有关情况。",
]
FILLER_EN = [
    "The two sides exchanged views on international and regional issues of common interest.",
    "Both sides agreed to deepen practical cooperation in various fields.",
    "The talks were held in a friendly atmosphere.",
    "A spokesperson briefed reporters on the visit at a regular press conference.",
]
HEAD_ZH = ["外交动态", "新闻稿", "双边关系"]
HEAD_EN = ["Diplomatic news", "Press release", "Bilateral relations"]

START = datetime.date(2019, 1, 1)
END = datetime.date(2022, 11, 30)


def load(gaz):
    def read(name):
        with open(os.path.join(gaz, name), encoding="utf-8") as f:
            return json.load(f)
    officials = read("officials.json")["officials"]
    countries = {c["code"]: c for c in read("countries.json")["countries"]}
    for c in read("countries.override.json")["countries"]:
        countries.setdefault(c["code"], {}).update(c)
    places = [p for p in read("places.json")["places"]
              if p.get("kind") == "city" and p.get("country") == "CN"
              and p.get("name_zh") and p.get("name_en")]
    places.sort(key=lambda p: p["id"])
    return officials, countries, places


def office_on(off, day):
    """The office held on day (ISO text compares by prefix), or None."""
    d = day.isoformat()
    for o in off["offices"]:
        if o.get("from", "0000") <= d and (not o.get("to") or d[:len(o["to"])] <= o["to"]):
            if o.get("title_zh") and o.get("title_en"):
                return o
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gazetteer", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--meetings", type=int, default=150)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    officials, countries, places = load(a.gazetteer)
    officials.sort(key=lambda o: o["id"])
    hosts = [o for o in officials if o["country"] == "CN"]
    guests = [o for o in officials if o["country"] != "CN" and o["country"] in countries
              and countries[o["country"]].get("demonyms") and o.get("name_zh")]
    days = (END - START).days

    reports = []  # (lang, text lines)
    made = 0
    while made < a.meetings:
        day = START + datetime.timedelta(days=rnd.randrange(days))
        h, g = rnd.choice(hosts), rnd.choice(guests)
        ho, go = office_on(h, day), office_on(g, day)
        if not ho or not go:
            continue
        made += 1
        c = countries[g["country"]]
        place = rnd.choice(places)
        kind = rnd.choice(["meet", "meet", "talks", "call"])

        def texts(day):
            zh_date = f"{day.year}年{day.month}月{day.day}日"
            en_date = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
            host_zh = ho["title_zh"] + h["name_zh"]
            guest_zh = c["name_zh"] + go["title_zh"] + g["name_zh"]
            host_en = f"{ho['title_en']} {h['name_en']}"
            guest_en = f"{c['demonyms'][0]} {go['title_en']} {g['name_en']}"
            if kind == "meet":
                return (f"{zh_date}，{host_zh}在{place['name_zh']}会见{guest_zh}。",
                        f"{host_en} met with {guest_en} in {place['name_en']} on {en_date}.")
            if kind == "talks":
                return (f"{zh_date}，{host_zh}在{place['name_zh']}同{guest_zh}举行会谈。",
                        f"{host_en} held talks with {guest_en} in {place['name_en']} on {en_date}.")
            return (f"{zh_date}，{host_zh}应约同{guest_zh}通电话。",
                    f"{host_en} held a phone call with {guest_en} on {en_date}.")
        r = rnd.random()
        langs = ["zh"] if r < 0.45 else ["en"] if r < 0.7 else ["zh", "en"]
        if rnd.random() < 0.15:
            langs.append(rnd.choice(["zh", "en"]))  # reported twice
        if rnd.random() < 0.1:
            langs.append("zh" if langs[0] == "en" else "en")
            langs.append(rnd.choice(["zh", "en"]))
        for n, lang in enumerate(langs):
            # later reports are sometimes dated a day or two after the
            # first: the resolver's "give or take a day" and its chains
            shift = n if n and rnd.random() < 0.3 else 0
            zh, en = texts(day + datetime.timedelta(days=shift))
            body = zh if lang == "zh" else en
            filler = FILLER_ZH if lang == "zh" else FILLER_EN
            lines = [body, rnd.choice(filler)]
            if rnd.random() < 0.4:
                lines.insert(0, rnd.choice(HEAD_ZH if lang == "zh" else HEAD_EN))
            reports.append((lang, lines))
    rnd.shuffle(reports)

    files = {}
    for i, (lang, lines) in enumerate(reports):
        if i % 9 == 8:
            name = "mixed.jsonl"
        else:
            name = f"{lang}-{rnd.randrange(1, 7 if lang == 'zh' else 5):02d}.txt"
        files.setdefault(name, []).append(lines)
    os.makedirs(a.out, exist_ok=True)
    for name in sorted(files):
        with open(os.path.join(a.out, name), "w", encoding="utf-8", newline="\n") as f:
            for k, lines in enumerate(files[name]):
                if name.endswith(".jsonl"):
                    f.write(json.dumps({"text": "\n".join(lines), "url": f"https://example.org/news/{k}"},
                                       ensure_ascii=False) + "\n")
                else:
                    f.write("\n".join(lines) + "\n\n")


if __name__ == "__main__":
    main()
