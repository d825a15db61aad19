#!/usr/bin/python3
"""Generate data/gazetteer/countries.json from maintained Debian data.

Development-time tool, not run at build time.  Python 3 stdlib only.

Sources:
  /usr/share/iso-codes/json/iso_3166-1.json   alpha-2, alpha-3, official names
  /usr/share/unicode/cldr/common/main/{en,zh,zh_Hant,zh_Hant_HK}.xml
      localeDisplayNames/territories/territory (incl. alt="short"/"variant")
  /usr/share/unicode/cldr/common/supplemental/supplementalData.xml
      territoryContainment (UN M49 regions)

CLDR zh.xml is preferred over iso-codes zh_CN (which has errors such as
柬埔塞 for 柬埔寨), so iso-codes is used for codes and English official
names only.  Curated data (demonyms, PRC long forms, abbreviations, press
variants) lives in data/gazetteer/countries.override.json, which the loader
applies on top of this file.

Usage: /usr/bin/python3 tools/gen_gazetteer.py [--out data/gazetteer/countries.json]
"""
import argparse
import json
import os
import sys
import xml.etree.ElementTree as ET

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
CLDR = "/usr/share/unicode/cldr/common"

# The 193 UN member states (alpha-2).
UN_MEMBERS = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN
BG BF BI CV KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO
EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU
IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI
LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ
NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST
SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO
TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW
""".split()

# UN General Assembly non-member observer states.
OBSERVERS = ["VA", "PS"]

# Territories that news names as parties or that are members of groups we
# list (APEC, Pacific Islands Forum, ...).
TERRITORIES = """
TW HK MO XK PR GL FO NC PF GU CK NU EH BM AW CW KY VG AS MP GI
""".split()

# Codes absent from iso-codes (Kosovo uses the user-assigned XK).
EXTRA_ISO = {
    "XK": {"alpha_3": "XKX", "name": "Kosovo", "official_name": "Republic of Kosovo"},
}

# English names as news uses them, where CLDR's display name is a UI form.
NAME_EN_FIX = {
    "BA": "Bosnia and Herzegovina",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "AG": "Antigua and Barbuda",
    "KN": "Saint Kitts and Nevis",
    "LC": "Saint Lucia",
    "VC": "Saint Vincent and the Grenadines",
    "ST": "Sao Tome and Principe",
    "TT": "Trinidad and Tobago",
    "HK": "Hong Kong",
    "MO": "Macao",
    "MM": "Myanmar",
    "PS": "Palestine",
    "VA": "Vatican",
    "FM": "Micronesia",
    "VG": "British Virgin Islands",
    "TC": "Turks and Caicos Islands",
}

# Long English forms where iso-codes has none or an unsuitable one.
LONG_EN_FIX = {
    "KR": "Republic of Korea",
    "TW": None,
    "HK": "Hong Kong Special Administrative Region of the People's Republic of China",
    "MO": "Macao Special Administrative Region of the People's Republic of China",
    "PS": "State of Palestine",
    "VA": "Holy See",
    "GB": "United Kingdom of Great Britain and Northern Ireland",
    "US": "United States of America",
    "RU": "Russian Federation",
    "LA": "Lao People's Democratic Republic",
    "SY": "Syrian Arab Republic",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CZ": "Czech Republic",
    "MK": "Republic of North Macedonia",
    "MM": "Republic of the Union of Myanmar",
    "BA": None,
    "LY": "State of Libya",
}

# M49 top-level regions by code.
REGION_NAMES = {"002": "Africa", "019": "Americas", "142": "Asia",
                "150": "Europe", "009": "Oceania"}


def territory_names(path):
    """Return {code: {'': name, 'short': name, 'variant': name}}."""
    out = {}
    root = ET.parse(path).getroot()
    node = root.find("localeDisplayNames/territories")
    if node is None:
        return out
    for t in node.findall("territory"):
        code = t.get("type")
        if not (len(code) == 2 and code.isalpha()):
            continue
        out.setdefault(code, {})[t.get("alt") or ""] = t.text
    return out


def regions():
    root = ET.parse(os.path.join(CLDR, "supplemental/supplementalData.xml")).getroot()
    contains = {}
    for g in root.find("territoryContainment").findall("group"):
        if g.get("status") in ("deprecated", "grouping") or g.get("grouping") == "true":
            continue
        contains.setdefault(g.get("type"), []).extend(g.get("contains").split())
    region = {}

    def walk(node, top):
        for c in contains.get(node, []):
            if len(c) == 2 and c.isalpha():
                region.setdefault(c, top)
            else:
                walk(c, top)
    for code, name in REGION_NAMES.items():
        walk(code, name)
    return region


def uniq(seq, exclude=()):
    seen = set(exclude)
    out = []
    for s in seq:
        if s and s not in seen:
            seen.add(s)
            out.append(s)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(here, "..", "data", "gazetteer", "countries.json"))
    args = ap.parse_args()

    iso = {c["alpha_2"]: c for c in json.load(open(ISO, encoding="utf-8"))["3166-1"]}
    iso.update({k: dict(v, alpha_2=k) for k, v in EXTRA_ISO.items()})
    en = territory_names(os.path.join(CLDR, "main/en.xml"))
    zh = territory_names(os.path.join(CLDR, "main/zh.xml"))
    hant = territory_names(os.path.join(CLDR, "main/zh_Hant.xml"))
    hant_hk = territory_names(os.path.join(CLDR, "main/zh_Hant_HK.xml"))
    reg = regions()

    assert len(UN_MEMBERS) == 193 and len(set(UN_MEMBERS)) == 193, len(UN_MEMBERS)
    status = {c: "un_member" for c in UN_MEMBERS}
    status.update({c: "observer" for c in OBSERVERS})
    status.update({c: "territory" for c in TERRITORIES})

    countries = []
    for code in sorted(status):
        i = iso[code]
        e, z, h, hk = en.get(code, {}), zh.get(code, {}), hant.get(code, {}), hant_hk.get(code, {})
        cldr_en = e.get("short") if e.get("short") and len(e["short"]) > 3 else e.get("")
        name_en = NAME_EN_FIX.get(code) or cldr_en.replace(" & ", " and ").replace("\u2019", "'")
        long_en = LONG_EN_FIX[code] if code in LONG_EN_FIX else (i.get("official_name") or None)
        if long_en and long_en.startswith("the "):
            long_en = long_en[4:]
        if long_en == name_en:
            long_en = None
        aliases_en = uniq([e.get(""), e.get("short"), e.get("variant"),
                           i.get("common_name"), i.get("name") if "," not in i.get("name") else None],
                          exclude=[name_en, long_en])
        name_zh = z.get("short") or z.get("")
        aliases_zh = uniq([z.get(""), z.get("variant")], exclude=[name_zh])
        name_hant = h.get("short") or h.get("")
        aliases_hant = uniq([h.get(""), h.get("variant"), hk.get(""), hk.get("short"), hk.get("variant")],
                            exclude=[name_hant])
        region = reg.get(code)
        if region is None:
            sys.exit("no region for %s" % code)
        entry = {"code": code, "alpha3": i["alpha_3"], "status": status[code], "region": region,
                 "name_en": name_en}
        if long_en:   # omitted rather than null when there is no distinct long form
            entry["long_en"] = long_en
        entry.update({"aliases_en": aliases_en, "name_zh": name_zh, "aliases_zh": aliases_zh,
                      "name_zh_hant": name_hant, "aliases_zh_hant": aliases_hant})
        countries.append(entry)

    with open(args.out, "w", encoding="utf-8") as f:
        f.write('{"countries":[\n')
        f.write(",\n".join(" " + json.dumps(c, ensure_ascii=False) for c in countries))
        f.write("\n]}\n")
    print("%s: %d countries" % (args.out, len(countries)), file=sys.stderr)


if __name__ == "__main__":
    main()
