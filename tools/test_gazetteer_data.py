#!/usr/bin/python3
"""Spot checks of data/gazetteer/*.json beyond the schema checks of
check_gazetteer.py.  Run: /usr/bin/python3 -m unittest tools/test_gazetteer_data.py
(or /usr/bin/python3 tools/test_gazetteer_data.py)."""
import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "gazetteer")


def load(name, key, idkey="id"):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return {e[idkey]: e for e in json.load(f)[key]}


def merged_countries():
    base = load("countries.json", "countries", "code")
    for code, o in load("countries.override.json", "countries", "code").items():
        for k, v in o.items():
            if isinstance(v, list):
                base[code][k] = base[code].get(k, []) + [x for x in v if x not in base[code].get(k, [])]
            else:
                base[code][k] = v
    return base


class GazetteerData(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.countries = merged_countries()
        cls.titles = load("titles.json", "titles")
        cls.places = load("places.json", "places")
        cls.groups = load("groups.json", "groups")
        cls.officials = load("officials.json", "officials")

    def test_checker_passes(self):
        r = subprocess.run([sys.executable, os.path.join(HERE, "check_gazetteer.py"), DATA],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_countries(self):
        c = self.countries
        self.assertEqual(sum(x["status"] == "un_member" for x in c.values()), 193)
        self.assertEqual({k for k, x in c.items() if x["status"] == "observer"}, {"VA", "PS"})
        for code in ("TW", "HK", "MO", "XK"):
            self.assertEqual(c[code]["status"], "territory")
        self.assertEqual(c["KH"]["name_zh"], "柬埔寨")          # not iso-codes' 柬埔塞
        self.assertEqual(c["KH"]["long_zh"], "柬埔寨王国")
        self.assertEqual(c["PH"]["long_zh"], "菲律宾共和国")
        self.assertEqual(c["LA"]["name_zh_hant"], "寮國")
        self.assertEqual(c["BN"]["abbr_zh"], "文")
        self.assertEqual(c["ID"]["abbr_zh"], "印尼")
        self.assertIn("Philippine", c["PH"]["demonyms"])
        self.assertIn("Emirati", c["AE"]["demonyms"])
        self.assertIn("Burma", c["MM"]["aliases_en"])
        self.assertEqual(c["CN"]["region"], "Asia")
        self.assertEqual(c["MX"]["region"], "Americas")
        self.assertEqual(c["FJ"]["region"], "Oceania")
        abbrs = [x.get("abbr_zh") for x in c.values() if x.get("abbr_zh")]
        self.assertEqual(len(abbrs), len(set(abbrs)))
        for ambiguous in ("南", "非", "乌", "伊"):
            self.assertNotIn(ambiguous, abbrs)

    def test_titles(self):
        forms = sum(len(t["forms_en"]) + len(t["forms_zh"]) for t in self.titles.values())
        self.assertGreaterEqual(forms, 150)
        self.assertEqual(self.titles["secretary-of-state-us"]["country"], "US")
        self.assertIn("国务委员兼外交部长", self.titles["state-councilor-and-foreign-minister"]["forms_zh"])
        self.assertIn("外交主管部长", self.titles["foreign-minister-ii-brunei"]["forms_zh"])

    def test_places(self):
        p = self.places
        self.assertEqual(p["great-hall-of-the-people"]["city"], "Beijing")
        self.assertEqual(p["white-house"]["city"], "Washington")
        self.assertIn("Washington, DC", p["washington"]["aliases_en"])
        cities_by_country = {x["country"] for x in p.values() if x["kind"] == "city"}
        missing = {c for c, x in self.countries.items() if x["status"] != "territory"} - cities_by_country
        self.assertLessEqual(missing, {"VC"})   # Kingstown: 金斯敦 is Kingston's name

    def test_groups(self):
        g = self.groups
        self.assertEqual({m["country"] for m in g["LMC"]["members"]}, {"CN", "KH", "LA", "MM", "TH", "VN"})
        uk = [m for m in g["EU"]["members"] if m["country"] == "GB"][0]
        self.assertEqual(uk["to"], "2020-01-31")
        sco = {m["country"]: m["from"] for m in g["SCO"]["members"]}
        self.assertEqual(sco["IN"], "2017-06-09")
        self.assertEqual(sco["IR"], "2023-07-04")
        self.assertEqual(sco["BY"], "2024-07-04")
        for form in ("中国—东盟", "中国–东盟", "中国-东盟", "中国一东盟"):
            self.assertTrue(form == g["ASEAN-CHINA"]["name_zh"] or form in g["ASEAN-CHINA"]["aliases_zh"], form)

    def test_officials(self):
        o = self.officials
        self.assertGreaterEqual(len(o), 300)
        self.assertEqual(o["teodoro-locsin-jr"]["name_zh"], "洛钦")
        self.assertEqual(o["sergey-lavrov"]["name_zh"], "拉夫罗夫")
        self.assertIn("川普", o["donald-trump"]["aliases_zh_hant"])
        wang = [x for x in o["wang-yi"]["offices"] if x["title_en"] == "Foreign Minister"]
        self.assertEqual(wang[0]["from"], "2013-03-16")
        # heads of state/government and foreign ministers exist for these
        need = set("AR AU BR CA CN FR DE IN ID IT JP KR MX RU SA ZA TR GB US".split()) | \
            set("BN KH ID LA MY MM PH SG TH VN".split())
        have = {x["country"] for x in o.values()}
        self.assertLessEqual(need, have)


if __name__ == "__main__":
    unittest.main()
