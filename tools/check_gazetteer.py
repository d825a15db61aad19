#!/usr/bin/python3
"""Check data/gazetteer/*.json: valid UTF-8 JSON, schema fields, unique ids,
no alias naming two entities within a file, cross references (countries of
officials, places, groups; venue cities).  Prints counts per file.

Countries are checked after applying countries.override.json on top of
countries.json the way the loader does (fields replace, alias lists append).

Usage: /usr/bin/python3 tools/check_gazetteer.py [DIR]   (exit 1 on errors)
"""
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REGIONS = {"Africa", "Americas", "Asia", "Europe", "Oceania"}
STATUSES = {"un_member", "observer", "territory"}
RANKS = {"head_of_state", "head_of_government", "deputy_head", "minister",
         "deputy_minister", "diplomat", "party", "legislature", "organisation", "other"}
HAN = re.compile(r"[\u3400-\u9fff]")

errors = []
warnings = []
FOLD = {}   # traditional -> simplified, filled by prefold() when opencc is installed
SIMPLIFIED_FIELDS = ("name_zh", "aliases_zh", "long_zh", "forms_zh", "zh", "abbr_zh", "title_zh")


def strings(obj):
    """Every string inside a JSON value, with the key it was found under."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            for key, s in strings(v):
                yield (key or k), s
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)
    elif isinstance(obj, str):
        yield None, obj


def prefold(docs):
    """Fold all Chinese strings with OpenCC t2s, as the matcher will, so that
    alias clashes after folding are found; and flag traditional characters
    in fields that must be simplified."""
    exe = shutil.which("opencc")
    if not exe:
        warnings.append("opencc not installed: traditional/simplified checks skipped")
        return
    found = []
    for name, doc in docs:
        for key, s in strings(doc):
            if HAN.search(s):
                found.append((name, key, s))
    text = "\n".join(s for _, _, s in found) + "\n"
    out = subprocess.run([exe, "-c", "t2s.json"], input=text, capture_output=True,
                         text=True, check=True).stdout.split("\n")
    for (name, key, s), t in zip(found, out):
        FOLD[s] = t
        if key in SIMPLIFIED_FIELDS and t != s:
            err(name, "traditional characters in simplified field %s: %s (t2s: %s)" % (key, s, t))


def err(f, msg):
    errors.append("%s: %s" % (f, msg))


def norm(s):
    s = FOLD.get(s, s)
    s = unicodedata.normalize("NFKC", s).casefold().replace("\u2019", "'")
    for d in "—–-一·・. ":
        s = s.replace(d, "")
    return s


def load(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(path, "not UTF-8: %s" % e)
        return {}
    def no_dups(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            err(path, "duplicate key in object: %s" % keys)
        return dict(pairs)
    try:
        return json.loads(text, object_pairs_hook=no_dups)
    except json.JSONDecodeError as e:
        err(path, "invalid JSON: %s" % e)
        return {}


def check_fields(f, e, required, optional, key):
    allowed = set(required) | set(optional)
    for k in required:
        if k not in e:
            err(f, "%s: missing %s" % (e.get(key), k))
    for k in e:
        if k not in allowed:
            err(f, "%s: unknown field %s" % (e.get(key), k))
    for k, v in e.items():
        if k.startswith("aliases") or k in ("demonyms", "forms_en", "forms_zh"):
            if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() == x and x for x in v):
                err(f, "%s: %s must be a list of non-empty trimmed strings" % (e.get(key), k))
            elif len(v) != len(set(v)):
                err(f, "%s: duplicate entries in %s" % (e.get(key), k))
        elif isinstance(v, str) and (v.strip() != v or not v):
            err(f, "%s: %s is empty or untrimmed" % (e.get(key), k))
    for k, v in e.items():
        if k.endswith("_en") or k == "aliases_en" or k == "demonyms":
            for s in ([v] if isinstance(v, str) else v if isinstance(v, list) else []):
                if HAN.search(s):
                    err(f, "%s: Chinese text in %s: %s" % (e.get(key), k, s))


def check_aliases(f, entries, key, fields):
    """No normalised name may name two different entries."""
    seen = {}
    for e in entries:
        for fld in fields:
            v = e.get(fld)
            for s in ([v] if isinstance(v, str) else v or []):
                n = norm(s)
                other = seen.get(n)
                if other is not None and other != e[key]:
                    err(f, "alias %r names both %s and %s" % (s, other, e[key]))
                seen.setdefault(n, e[key])


def check_sorted_unique(f, entries, key):
    keys = [e.get(key) for e in entries]
    dup = {k for k in keys if keys.count(k) > 1}
    if dup:
        err(f, "duplicate %s: %s" % (key, sorted(dup)))
    if keys != sorted(keys):
        err(f, "entries not sorted by %s" % key)


def check_date(f, who, d):
    if d is not None and not (isinstance(d, str) and DATE.match(d)):
        err(f, "%s: bad date %r" % (who, d))


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteer")
    counts = {}
    docs = []
    for fn in sorted(os.listdir(d)):
        if fn.endswith(".json"):
            docs.append((fn, load(os.path.join(d, fn))))
    prefold(docs)

    # countries
    base = load(os.path.join(d, "countries.json")).get("countries", [])
    check_sorted_unique("countries.json", base, "code")
    merged = {c["code"]: dict(c) for c in base}
    ovp = os.path.join(d, "countries.override.json")
    over = load(ovp).get("countries", []) if os.path.exists(ovp) else []
    check_sorted_unique("countries.override.json", over, "code")
    for o in over:
        if o.get("code") not in merged:
            err("countries.override.json", "%s not in countries.json" % o.get("code"))
            continue
        m = merged[o["code"]]
        for k, v in o.items():
            if isinstance(v, list) and isinstance(m.get(k), list):
                m[k] = m[k] + [x for x in v if x not in m[k]]
            else:
                m[k] = v
    CFIELDS = ["code", "alpha3", "status", "region", "name_en", "aliases_en", "name_zh",
               "aliases_zh", "name_zh_hant", "aliases_zh_hant"]
    for c in merged.values():
        check_fields("countries", c, CFIELDS, ["long_en", "demonyms", "long_zh", "abbr_zh"], "code")
        if c.get("status") not in STATUSES:
            err("countries", "%s: bad status" % c["code"])
        if c.get("region") not in REGIONS:
            err("countries", "%s: bad region" % c["code"])
        a = c.get("abbr_zh")
        if a is not None and not (1 <= len(a) <= 2 and HAN.match(a)):
            err("countries", "%s: bad abbr_zh %r" % (c["code"], a))
    cl = sorted(merged.values(), key=lambda c: c["code"])
    check_aliases("countries", cl, "code", ["name_en", "long_en", "aliases_en", "name_zh", "long_zh",
                                            "aliases_zh", "name_zh_hant", "aliases_zh_hant"])
    check_aliases("countries(demonyms)", cl, "code", ["demonyms"])
    check_aliases("countries(abbr_zh)", cl, "code", ["abbr_zh"])
    codes = set(merged)
    counts["countries"] = len(merged)
    counts["countries.un_member"] = sum(c["status"] == "un_member" for c in cl)
    counts["countries.with_demonyms"] = sum(bool(c.get("demonyms")) for c in cl)
    counts["countries.with_long_zh"] = sum(bool(c.get("long_zh")) for c in cl)
    counts["countries.with_abbr_zh"] = sum(bool(c.get("abbr_zh")) for c in cl)

    # titles
    p = os.path.join(d, "titles.json")
    title_forms = set()
    if os.path.exists(p):
        ts = load(p).get("titles", [])
        for t in ts:
            title_forms.update(norm(x) for x in t.get("forms_en", []) + t.get("forms_zh", []))
        check_sorted_unique("titles.json", ts, "id")
        for t in ts:
            check_fields("titles.json", t, ["id", "en", "zh", "rank", "forms_en", "forms_zh"], ["country"], "id")
            if t.get("rank") not in RANKS:
                err("titles.json", "%s: bad rank %r" % (t.get("id"), t.get("rank")))
            if t.get("country") is not None and t["country"] not in codes:
                err("titles.json", "%s: unknown country %s" % (t.get("id"), t["country"]))
            if t.get("zh") not in t.get("forms_zh", []):
                err("titles.json", "%s: zh not among forms_zh" % t.get("id"))
        check_aliases("titles.json", ts, "id", ["forms_en", "forms_zh"])
        counts["titles"] = len(ts)
        counts["title forms"] = sum(len(t["forms_en"]) + len(t["forms_zh"]) for t in ts)

    # places
    p = os.path.join(d, "places.json")
    if os.path.exists(p):
        ps = load(p).get("places", [])
        check_sorted_unique("places.json", ps, "id")
        cities = {x["name_en"] for x in ps if x.get("kind", "city") == "city"}
        for x in ps:
            check_fields("places.json", x, ["id", "name_en", "name_zh", "country"],
                         ["aliases_en", "aliases_zh", "aliases_zh_hant", "kind", "city"], "id")
            if x.get("country") not in codes:
                err("places.json", "%s: unknown country %s" % (x["id"], x.get("country")))
            if x.get("kind", "city") not in ("city", "venue"):
                err("places.json", "%s: bad kind" % x["id"])
            if x.get("kind") == "venue" and x.get("city") not in cities:
                err("places.json", "%s: venue city %r is not a city entry" % (x["id"], x.get("city")))
        check_aliases("places.json", ps, "id", ["name_en", "name_zh", "aliases_en", "aliases_zh", "aliases_zh_hant"])
        counts["places"] = len(ps)
        counts["places.cities"] = sum(x.get("kind", "city") == "city" for x in ps)
        counts["places.venues"] = sum(x.get("kind") == "venue" for x in ps)
        counts["places.countries_with_city"] = len({x["country"] for x in ps})

    # groups
    p = os.path.join(d, "groups.json")
    if os.path.exists(p):
        gs = load(p).get("groups", [])
        check_sorted_unique("groups.json", gs, "id")
        for g in gs:
            check_fields("groups.json", g, ["id", "name_en", "name_zh", "members"],
                         ["aliases_en", "aliases_zh", "aliases_zh_hant"], "id")
            seen = set()
            for m in g.get("members", []):
                if m.get("country") not in codes:
                    err("groups.json", "%s: unknown member %s" % (g["id"], m.get("country")))
                if set(m) - {"country", "from", "to"}:
                    err("groups.json", "%s: bad member fields %s" % (g["id"], m))
                check_date("groups.json", g["id"], m.get("from"))
                check_date("groups.json", g["id"], m.get("to"))
                if m.get("country") in seen:
                    err("groups.json", "%s: member %s listed twice" % (g["id"], m.get("country")))
                seen.add(m.get("country"))
        check_aliases("groups.json", gs, "id", ["name_en", "name_zh", "aliases_en", "aliases_zh", "aliases_zh_hant"])
        counts["groups"] = len(gs)

    # officials
    p = os.path.join(d, "officials.json")
    if os.path.exists(p):
        os_ = load(p).get("officials", [])
        check_sorted_unique("officials.json", os_, "id")
        for o in os_:
            check_fields("officials.json", o, ["id", "name_en", "name_zh", "country", "offices"],
                         ["aliases_en", "aliases_zh", "aliases_zh_hant"], "id")
            if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", o.get("id", "")):
                err("officials.json", "bad id %r" % o.get("id"))
            if o.get("country") not in codes:
                err("officials.json", "%s: unknown country %s" % (o["id"], o.get("country")))
            for off in o.get("offices", []):
                if set(off) - {"title_en", "title_zh", "from", "to", "country"}:
                    err("officials.json", "%s: bad office fields %s" % (o["id"], off))
                if not off.get("title_en") or not off.get("title_zh"):
                    err("officials.json", "%s: office without title" % o["id"])
                    continue
                for k in ("title_en", "title_zh"):
                    if title_forms and norm(off[k]) not in title_forms:
                        warnings.append("officials.json: %s: %s %r is not a form in titles.json" % (o["id"], k, off[k]))
                check_date("officials.json", o["id"], off.get("from"))
                check_date("officials.json", o["id"], off.get("to"))
                if off.get("from") and off.get("to") and off["to"] < off["from"][:len(off["to"])]:
                    err("officials.json", "%s: office ends before it starts %s" % (o["id"], off))
        check_aliases("officials.json", os_, "id", ["name_en", "name_zh", "aliases_en", "aliases_zh", "aliases_zh_hant"])
        counts["officials"] = len(os_)
        counts["officials.offices"] = sum(len(o["offices"]) for o in os_)
        counts["officials.countries"] = len({o["country"] for o in os_})

    for k, v in counts.items():
        print("%-32s %d" % (k, v))
    for w in warnings:
        print("WARNING", w, file=sys.stderr)
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    print("%d error(s)" % len(errors), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
