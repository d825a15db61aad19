#!/usr/bin/python3
"""Build the curated gazetteer files from their sources in tools/gazetteer_src/.

Development-time tool, not run at build time.  Python 3 stdlib only.

  gazetteer_src/countries.override.txt  -> data/gazetteer/countries.override.json
  gazetteer_src/titles.py               -> data/gazetteer/titles.json
  gazetteer_src/places.txt, venues.txt  -> data/gazetteer/places.json
  gazetteer_src/groups.py               -> data/gazetteer/groups.json
  gazetteer_src/officials/*.txt         -> data/gazetteer/officials.json

countries.json itself is generated from iso-codes and CLDR by
gen_gazetteer.py.  Edit the sources, run this script, then run
check_gazetteer.py; commit sources and JSON together.

Text formats (fields separated by '|', lists by ';', '#' starts a comment):
  countries.override.txt  code|demonyms|long_zh|aliases_zh|aliases_zh_hant|aliases_en|abbr_zh
  places.txt              country|name_en|name_zh|aliases_en|aliases_zh|aliases_zh_hant
                          (the first city listed for a country is its capital)
  venues.txt              country|city_en|name_en|name_zh|aliases_en|aliases_zh|aliases_zh_hant
  officials/*.txt         @country|name_en|name_zh|aliases_en|aliases_zh|aliases_zh_hant
                          followed by one office per line:  KEY|from|to
                          KEY is a key of officials_titles.py or "title_en/title_zh";
                          dates YYYY-MM-DD, YYYY-MM or YYYY, empty when open/unknown.

Usage: /usr/bin/python3 tools/build_gazetteer_data.py
"""
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "gazetteer_src")
OUT = os.path.join(HERE, "..", "data", "gazetteer")


def slug(s):
    s = s.replace("ı", "i").replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def split_list(s):
    return [x for x in s.split(";") if x]


def rows(path, nfields):
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("|")
        if len(f) != nfields:
            sys.exit("%s:%d: expected %d fields: %s" % (path, n, nfields, line))
        yield n, f


def write(name, key, entries):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"%s":[\n' % key)
        f.write(",\n".join(" " + json.dumps(e, ensure_ascii=False) for e in entries))
        f.write("\n]}\n")
    print("%-26s %d" % (name, len(entries)), file=sys.stderr)


def load_module(name):
    ns = {"__name__": name}
    path = os.path.join(SRC, name + ".py")
    exec(compile(open(path, encoding="utf-8").read(), path, "exec"), ns)
    return ns


def countries_override():
    out = []
    for _, (code, dem, lz, az, ah, ae, ab) in rows(os.path.join(SRC, "countries.override.txt"), 7):
        e = {"code": code}
        if dem:
            e["demonyms"] = split_list(dem)
        if lz:
            e["long_zh"] = lz
        if az:
            e["aliases_zh"] = split_list(az)
        if ah:
            e["aliases_zh_hant"] = split_list(ah)
        if ae:
            e["aliases_en"] = split_list(ae)
        if ab:
            e["abbr_zh"] = ab
        out.append(e)
    out.sort(key=lambda e: e["code"])
    write("countries.override.json", "countries", out)


def titles():
    T = load_module("titles")["T"]
    T.sort(key=lambda e: e["id"])
    write("titles.json", "titles", T)


def places():
    P = []
    for _, (cc, en, zh, ae, az, ah) in rows(os.path.join(SRC, "places.txt"), 6):
        P.append({"id": slug(en), "name_en": en, "name_zh": zh, "country": cc,
                  "aliases_en": split_list(ae), "aliases_zh": split_list(az),
                  "aliases_zh_hant": split_list(ah), "kind": "city"})
    for _, (cc, city, en, zh, ae, az, ah) in rows(os.path.join(SRC, "venues.txt"), 7):
        P.append({"id": slug(en), "name_en": en, "name_zh": zh, "country": cc,
                  "kind": "venue", "city": city, "aliases_en": split_list(ae),
                  "aliases_zh": split_list(az), "aliases_zh_hant": split_list(ah)})
    P.sort(key=lambda e: e["id"])
    write("places.json", "places", P)


def groups():
    G = load_module("groups")["G"]
    G.sort(key=lambda e: e["id"])
    write("groups.json", "groups", G)


def officials():
    K = load_module("officials_titles")["K"]
    O = []
    cur = None
    for path in sorted(glob.glob(os.path.join(SRC, "officials", "*.txt"))):
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            f = line.split("|")
            if line.startswith("@"):
                if len(f) != 6:
                    sys.exit("%s:%d: expected 6 fields: %s" % (path, n, line))
                cc, en, zh, ae, az, ah = f
                cur = {"id": slug(en), "name_en": en, "name_zh": zh, "country": cc[1:],
                       "aliases_en": [x for x in split_list(ae) if x != en],
                       "aliases_zh": [x for x in split_list(az) if x != zh],
                       "aliases_zh_hant": [x for x in split_list(ah) if x != zh],
                       "offices": []}
                O.append(cur)
                continue
            if len(f) != 3 or cur is None:
                sys.exit("%s:%d: expected KEY|from|to: %s" % (path, n, line))
            key, frm, to = f
            if key in K:
                te, tz = K[key]
            elif "/" in key:
                te, tz = key.split("/", 1)
            else:
                sys.exit("%s:%d: unknown title key %s" % (path, n, key))
            o = {"title_en": te, "title_zh": tz}
            if frm:
                o["from"] = frm
            if to:
                o["to"] = to
            cur["offices"].append(o)
    for o in O:
        o["offices"].sort(key=lambda x: (x.get("from", ""), x["title_en"]))
    O.sort(key=lambda e: e["id"])
    write("officials.json", "officials", O)


def main():
    countries_override()
    titles()
    places()
    groups()
    officials()


if __name__ == "__main__":
    main()
