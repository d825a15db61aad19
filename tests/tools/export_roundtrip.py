#!/usr/bin/python3
"""Reads the files test_export writes from the small fixture graph
(tests/unit/graph_fixture.h: fx_small) back with the clients analysts use,
and checks every attribute arrives with its type.

usage: export_roundtrip.py DIR   (DIR holds graph.graphml, graph.gexf,
graph.json, nodes.csv, edges.csv). Exit 0 when all checks pass."""
import csv
import json
import math
import sys

import igraph
import networkx as nx
from networkx.readwrite import gexf as nx_gexf

NODE_STR = ["label", "name", "name_zh", "type", "country", "title", "title_zh",
            "first_date", "last_date"]
NODE_INT = ["meetings", "degree", "community", "leiden", "component"]
NODE_FLOAT = ["strength", "betweenness", "closeness", "harmonic", "eigenvector",
              "pagerank", "hub", "authority"]
KINDS = ["meet", "talks", "call", "video_call", "cochair", "multilateral", "visit"]
EDGE_INT = ["meetings", "sources"] + ["count_" + k for k in KINDS]
EDGE_FLOAT = ["weight"]
EDGE_STR = ["type"]

IDS = ["country:CN", "country:PH", "org:A&B<C>", "person:PH:洛钦",
       "person:back\\slash", "person:wang-yi"]
WANG = "person:wang-yi"
LUOQIN = "person:PH:洛钦"
BACKSLASH = "person:back\\slash"
BACKSLASH_NAME = "Back\\slash \ufffdCtl\ufffd"

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def check_node_types(data, where, ints=int):
    for k in NODE_STR:
        if k in data:
            check(isinstance(data[k], str), f"{where}: {k} is {type(data[k])}")
    for k in NODE_INT:
        check(k in data, f"{where}: {k} missing")
        check(isinstance(data.get(k), ints), f"{where}: {k} is {type(data.get(k))}")
    for k in NODE_FLOAT:
        check(k in data, f"{where}: {k} missing")
        check(isinstance(data.get(k), float) or data.get(k) is None,
              f"{where}: {k} is {type(data.get(k))}")


def check_wang(d, where):
    check(d["name"] == "Wang Yi", f"{where}: name {d.get('name')!r}")
    check(d["name_zh"] == "王毅", f"{where}: name_zh {d.get('name_zh')!r}")
    check(d["title_zh"] == "国务委员兼外长", f"{where}: title_zh")
    check(d["degree"] == 4, f"{where}: degree {d.get('degree')!r}")
    check(close(d["pagerank"], 0.1 + 0.0123456789 * 5), f"{where}: pagerank {d.get('pagerank')}")
    check(close(d["closeness"], 1 / 6), f"{where}: closeness")
    check(d["community"] == 2, f"{where}: community")
    check(d["first_date"] == "2021-06-07", f"{where}: first_date")


def graphml_networkx(path):
    g = nx.read_graphml(path)
    check(not g.is_directed(), "graphml/networkx: directed")
    check(sorted(g.nodes) == IDS, f"graphml/networkx: nodes {sorted(g.nodes)}")
    check(g.number_of_edges() == 5, "graphml/networkx: edges")
    check(g.graph.get("layer") == "full", f"graphml/networkx: graph {g.graph}")
    check(close(g.graph.get("density", 0), 1 / 3), "graphml/networkx: density")
    for n, d in g.nodes(data=True):
        check_node_types(d, f"graphml/networkx {n}")
    check_wang(g.nodes[WANG], "graphml/networkx")
    check("name" not in g.nodes[LUOQIN], "graphml/networkx: absent name written")
    check(g.nodes["org:A&B<C>"]["label"] == 'A&B <C> "Group"', "graphml/networkx: escaping")
    check(g.nodes[BACKSLASH]["name"] == BACKSLASH_NAME,
          f"graphml/networkx: {g.nodes[BACKSLASH]['name']!r}")
    check(g.nodes["person:back\\slash"]["title"] == "Envoy\tof <x> & 'y'",
          "graphml/networkx: tab in title")
    check(math.isnan(g.nodes["person:back\\slash"]["closeness"]), "graphml/networkx: NaN")
    e = g.edges[LUOQIN, WANG]
    for k in EDGE_INT:
        check(isinstance(e.get(k), int), f"graphml/networkx edge: {k} {e.get(k)!r}")
    check(isinstance(e["weight"], float) and e["weight"] == 2.0, "graphml/networkx: weight")
    check(e["count_talks"] == 1 and e["sources"] == 3, "graphml/networkx: counts")
    check(e["type"] == "meeting" and e["last_date"] == "2021-07", "graphml/networkx: edge strings")
    check(close(g.edges["org:A&B<C>", WANG]["weight"], 1 / 3), "graphml/networkx: 1/3")


def graphml_igraph(path):
    g = igraph.Graph.Read_GraphML(path)
    check(not g.is_directed(), "graphml/igraph: directed")
    check(g.vcount() == 6 and g.ecount() == 5, "graphml/igraph: counts")
    names = set(g.vs.attributes())
    for k in NODE_STR + NODE_INT + NODE_FLOAT:
        check(k in names, f"graphml/igraph: vertex attribute {k} missing")
    check(set(g.es.attributes()) >= set(EDGE_INT + EDGE_FLOAT + EDGE_STR +
                                        ["first_date", "last_date"]),
          f"graphml/igraph: edge attributes {g.es.attributes()}")
    v = g.vs.find(id=WANG)
    check(v["name_zh"] == "王毅", "graphml/igraph: name_zh")
    check(isinstance(v["pagerank"], float) and close(v["pagerank"], 0.161728395),
          "graphml/igraph: pagerank")
    check(v["degree"] == 4, "graphml/igraph: degree")
    e = g.es[g.get_eid(g.vs.find(id=LUOQIN).index, v.index)]
    check(e["weight"] == 2.0 and e["count_talks"] == 1, "graphml/igraph: edge")
    check(g["layer"] == "full", "graphml/igraph: graph attribute")


def gexf_networkx(path):
    # networkx 2.8 knows GEXF 1.1draft and 1.2draft only: its reader finds
    # no <graph> under the 1.3 namespace. Registering 1.3's namespaces (the
    # element names are the same) lets its parser read our file.
    try:
        nx.read_gexf(path)
        failures.append("gexf: networkx 2.8 read 1.3 without help (update the test)")
    except nx.NetworkXError:
        pass
    reader = nx_gexf.GEXFReader
    reader.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    }
    g = nx.read_gexf(path, version="1.3")
    check(sorted(g.nodes) == IDS, f"gexf/networkx: nodes {sorted(g.nodes)}")
    check(g.number_of_edges() == 5, "gexf/networkx: edges")
    check(g.graph.get("mode") == "dynamic", "gexf/networkx: mode")
    for n, d in g.nodes(data=True):
        check_node_types(d, f"gexf/networkx {n}")
    w = g.nodes[WANG]
    check_wang(w, "gexf/networkx")
    check(w["label"] == "Wang Yi", "gexf/networkx: label")
    check(w["spells"] == [("2021-06-07", "2022-01-15")], f"gexf/networkx: spells {w.get('spells')}")
    check(w["viz"]["color"]["r"] == 44 and w["viz"]["size"] == 40.0,
          f"gexf/networkx: viz {w.get('viz')}")
    e = g.get_edge_data(LUOQIN, WANG)
    e = list(e.values())[0] if e and 0 in e else e
    check(e["spells"] == [("2021-06-07", "2021-06-07"), ("2021-07-01", "2021-07-31")],
          f"gexf/networkx: edge spells {e.get('spells')}")
    check(e["weight"] == 2.0 and e["count_meet"] == 1, f"gexf/networkx: edge {e}")


def json_networkx(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.node_link_graph(data)
    check(not g.is_directed() and not g.is_multigraph(), "json/networkx: kind")
    check(sorted(g.nodes) == IDS, "json/networkx: nodes")
    check(g.number_of_edges() == 5, "json/networkx: edges")
    for n, d in g.nodes(data=True):
        check_node_types(d, f"json/networkx {n}")
    check_wang(g.nodes[WANG], "json/networkx")
    check(g.nodes["person:back\\slash"]["closeness"] is None, "json/networkx: NaN as null")
    e = g.edges[LUOQIN, WANG]
    check(e["dates"] == ["2021-06-07", "2021-07"] and e["weight"] == 2, "json/networkx: edge")


def csv_reader(dir):
    with open(f"{dir}/nodes.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    check([r["Id"] for r in rows] == IDS, "csv: node ids")
    org = rows[2]
    check(org["Label"] == 'A&B <C> "Group"' and org["Type"] == "organisation", f"csv: {org}")
    check(rows[5]["name_zh"] == "王毅" and rows[5]["degree"] == "4", "csv: wang")
    check(rows[5]["Time Interval"] == "<[2021-06-07, 2022-01-15]>", "csv: node interval")
    check(rows[4]["title"] == "Envoy\tof <x> & 'y'", "csv: tab")
    with open(f"{dir}/edges.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    check(len(rows) == 5, "csv: edges")
    e = rows[3]
    check(e["Source"] == LUOQIN and e["Target"] == WANG and e["Type"] == "Undirected"
          and e["Weight"] == "2" and e["Kind"] == "meeting", f"csv: edge {e}")
    check(e["Time Interval"] == "<[2021-06-07, 2021-06-07]; [2021-07-01, 2021-07-31]>",
          "csv: edge interval")


def main():
    dir = sys.argv[1]
    graphml_networkx(f"{dir}/graph.graphml")
    graphml_igraph(f"{dir}/graph.graphml")
    gexf_networkx(f"{dir}/graph.gexf")
    json_networkx(f"{dir}/graph.json")
    csv_reader(dir)
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
