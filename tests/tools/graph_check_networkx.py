#!/usr/bin/python3
"""Independent check of `diplograph stats` against networkx.

Usage: graph_check_networkx.py MEETINGS.jsonl NODES.csv STATS.json [--tol 1e-6]

MEETINGS.jsonl must hold meetings that are all distinct events (made with
bench/gen_meetings.py --distinct, persons only): the full layer is then
rebuilt here from the file with DESIGN.md's rules, without diplograph's
code:
  - every pair of the n parties of a meeting is joined with weight 1/(n-1)
    (1 for a bilateral meeting), summed over meetings;
  - each person is joined to its country node by a `represents` edge of
    weight 1;
  - shortest-path measures use distance = 1/weight.
NODES.csv is `diplograph stats --format csv` and STATS.json `--format json`
on the same file. Compared, each within --tol (absolute):
  - PageRank (damping 0.85, weighted)      nx.pagerank
  - betweenness, unnormalised, distance 1/w nx.betweenness_centrality(normalized=False)
    (undirected: both count each pair once, no halving needed). The one
    defined difference: igraph treats paths whose lengths agree within a
    relative 1e-10 as ties, networkx compares floats exactly, so rounding
    ((a+b)+c != a+(b+c)) splits ties at random. The check therefore gives
    networkx exact rational distances (fractions.Fraction): exact ties.
  - closeness (1/mean distance to reachable nodes), harmonic / (n-1)
  - eigenvector centrality (weighted, max = 1)
  - degree and strength (exact)
  - the modularity of diplograph's Louvain partition, recomputed with
    nx.community.modularity, against stats.json's graph.modularity (which
    has 6 decimals, so that one is checked within max(tol, 1e-6))
Prints the largest difference of each and exits 1 if one is over --tol.
"""
import csv
import json
import math
import sys
from fractions import Fraction

import networkx as nx


def main():
    args = sys.argv[1:]
    tol = 1e-6
    if "--tol" in args:
        i = args.index("--tol")
        tol = float(args[i + 1])
        del args[i:i + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    meetings_path, nodes_path, stats_path = args

    G = nx.Graph()
    n_meetings = 0
    with open(meetings_path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            m = json.loads(line)
            n_meetings += 1
            ids = []
            for p in m["parties"]:
                pid = p["id"]
                if pid not in ids:
                    ids.append(pid)
                G.add_node(pid)
                cc = p.get("country")
                if cc:
                    G.add_edge(pid, "country:" + cc, weight=1.0, kind="represents")
            n = len(ids)
            for i in range(n):
                for j in range(i + 1, n):
                    a, b = ids[i], ids[j]
                    if G.has_edge(a, b):
                        G[a][b]["exact"] += Fraction(1, n - 1)
                    else:
                        G.add_edge(a, b, exact=Fraction(1, n - 1), kind="meeting")
    for a, b, d in G.edges(data=True):
        if "exact" not in d:
            d["exact"] = Fraction(d["weight"])
        d["weight"] = float(d["exact"])
        d["dist"] = 1.0 / d["weight"]

    rows = {}
    with open(nodes_path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            rows[r["id"]] = r
    with open(stats_path, encoding="utf-8") as f:
        stats = json.load(f)

    failures = []

    def check(name, ours, theirs, t=tol):
        worst, where = 0.0, None
        for k in theirs:
            d = abs(float(ours[k]) - float(theirs[k]))
            if d > worst:
                worst, where = d, k
        status = "ok" if worst <= t else "FAIL"
        print("%-12s max |diplograph - networkx| = %.3g%s  %s"
              % (name, worst, (" at " + where) if where else "", status))
        if worst > t:
            failures.append(name)

    n = G.number_of_nodes()
    print("graph: %d meetings, %d nodes, %d edges (rebuilt by networkx)"
          % (n_meetings, n, G.number_of_edges()))
    if set(rows) != set(G.nodes()):
        print("node sets differ: %d in diplograph, %d in networkx"
              % (len(rows), n))
        sys.exit(1)
    if stats["graph"]["edges"] != G.number_of_edges():
        print("edge counts differ: %d in diplograph, %d in networkx"
              % (stats["graph"]["edges"], G.number_of_edges()))
        sys.exit(1)
    if stats["interactions"]["events"] != n_meetings:
        print("the resolver merged meetings: %d events of %d meetings"
              % (stats["interactions"]["events"], n_meetings))
        sys.exit(1)

    col = lambda c: {k: r[c] for k, r in rows.items()}
    check("degree", col("degree"), dict(G.degree()), 0)
    check("strength", col("strength"), dict(G.degree(weight="weight")), max(tol, 1e-9))
    pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)
    check("pagerank", col("pagerank"), pr)
    # exact rational distances: paths of equal length tie exactly, as igraph
    # ties them within a relative epsilon; with float sums networkx would
    # split ties by rounding order (a+b)+c != a+(b+c). Distances 1/w are
    # scaled to integers by the lcm of the weights' numerators over their
    # common denominator (much faster than Fraction arithmetic).
    den = 1
    for a, b, d in G.edges(data=True):
        den = math.lcm(den, d["exact"].denominator)
    num = 1
    for a, b, d in G.edges(data=True):
        num = math.lcm(num, (d["exact"] * den).numerator)
    for a, b, d in G.edges(data=True):
        d["int_dist"] = num * den // (d["exact"] * den).numerator  # = num / w, exact
    bc = nx.betweenness_centrality(G, weight="int_dist", normalized=False)
    bc = {k: float(v) for k, v in bc.items()}
    check("betweenness", col("betweenness"), bc)
    clo, har = {}, {}
    for v in G.nodes():
        dist = nx.single_source_dijkstra_path_length(G, v, weight="dist")
        others = [d for u, d in dist.items() if u != v]
        clo[v] = len(others) / sum(others) if others and sum(others) > 0 else 0.0
        har[v] = sum(1.0 / d for d in others if d > 0) / (n - 1) if n > 1 else 0.0
    check("closeness", col("closeness"), clo)
    check("harmonic", col("harmonic"), har)
    ev = nx.eigenvector_centrality_numpy(G, weight="weight")
    top = max(abs(x) for x in ev.values())
    check("eigenvector", col("eigenvector"), {k: abs(x) / top for k, x in ev.items()})

    comms = {}
    for k, r in rows.items():
        comms.setdefault(int(r["community"]), set()).add(k)
    q = nx.algorithms.community.modularity(G, comms.values(), weight="weight")
    ours = stats["graph"]["modularity"]
    d = abs(q - ours)
    t = max(tol, 1e-6)
    print("%-12s diplograph %.6f, networkx %.9f on the same partition (%d communities): %.3g  %s"
          % ("modularity", ours, q, len(comms), d, "ok" if d <= t else "FAIL"))
    if d > t:
        failures.append("modularity")
    lq = stats["graph"]["leiden_modularity"]
    print("%-12s Leiden modularity %.6f (Louvain %.6f)" % ("leiden", lq, ours))
    if failures:
        print("FAILED: " + ", ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
