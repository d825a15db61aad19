#!/usr/bin/env python3
"""Writes one document a line that names a country or an official in a
meeting sentence, for every UN member and observer (English name, demonym,
simplified and traditional Chinese names) and every official (English and
Chinese names), with the expected party next to it; then checks
diplograph's extraction of those lines. Used by the gazetteer-coverage
end-to-end test.

  gazetteer_coverage_docs.py write DATA_DIR OUT_DIR
  gazetteer_coverage_docs.py check OUT_DIR MEETINGS.jsonl
"""
import json
import sys


def load(data):
    countries = {}
    for name in ("countries.json", "countries.override.json"):
        for c in json.load(open(f"{data}/{name}", encoding="utf-8"))["countries"]:
            d = countries.setdefault(c["code"], {})
            for k, v in c.items():
                if isinstance(v, list):
                    d.setdefault(k, [])
                    d[k] += [x for x in v if x not in d[k]]
                else:
                    d[k] = v
    officials = json.load(open(f"{data}/officials.json", encoding="utf-8"))["officials"]
    return countries, officials


def write(data, out):
    countries, officials = load(data)
    docs, expect = [], []
    for code, c in sorted(countries.items()):
        if c.get("status") not in ("un_member", "observer"):
            continue
        forms = []
        if c.get("name_en"):
            forms.append(("en-name", f"Wang Yi met with the Foreign Minister of {c['name_en']} "
                                     f"John Quincy Smith in Beijing on June 7, 2021."))
        for dem in c.get("demonyms", [])[:1]:
            forms.append(("en-demonym", f"Wang Yi met with {dem} Foreign Minister "
                                        f"John Quincy Smith in Beijing on June 7, 2021."))
        if c.get("name_zh"):
            forms.append(("zh-Hans", f"2021年6月7日，王毅在北京会见{c['name_zh']}外长张三丰。"))
        if c.get("name_zh_hant"):
            forms.append(("zh-Hant", f"2021年6月7日，王毅在北京會見{c['name_zh_hant']}外長張三豐。"))
        for kind, text in forms:
            docs.append(text)
            expect.append({"what": f"country {code} {kind}", "country": code})
    for o in officials:
        if o["country"] == "CN":
            other_zh, other_en = "拉夫罗夫", "Sergey Lavrov"
        else:
            other_zh, other_en = "王毅", "Wang Yi"
        pid = "person:" + o["id"]
        if o.get("name_en"):
            docs.append(f"{o['name_en']} met with {other_en} in Geneva on June 7, 2021.")
            expect.append({"what": f"official {o['id']} en", "id": pid})
        if o.get("name_zh"):
            docs.append(f"2021年6月7日，{o['name_zh']}在日内瓦会见{other_zh}。")
            expect.append({"what": f"official {o['id']} zh", "id": pid})
    with open(f"{out}/docs.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(docs) + "\n")
    with open(f"{out}/expect.jsonl", "w", encoding="utf-8") as f:
        for e in expect:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")


def check(out, meetings):
    expect = [json.loads(l) for l in open(f"{out}/expect.jsonl", encoding="utf-8")]
    found = {}
    for l in open(meetings, encoding="utf-8"):
        m = json.loads(l)
        found.setdefault(m["source"]["doc"], []).append(m)
    bad = []
    for i, e in enumerate(expect):
        parties = [p for m in found.get(i, []) for p in m["parties"]]
        if "country" in e:
            ok = any(p.get("country") == e["country"] for p in parties
                     if not p["id"].startswith("person:wang-yi"))
        else:
            ok = any(p["id"] == e["id"] for p in parties)
        if not ok:
            bad.append(e["what"])
    for b in bad:
        print("not resolved:", b)
    print(f"{len(expect) - len(bad)} of {len(expect)} resolved")
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3])
    else:
        sys.exit(check(sys.argv[2], sys.argv[3]))
