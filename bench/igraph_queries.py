"""igraph side of bench/compare: reads the exported graph and queries, prints 'i cost ms' per query and HEAP mb.
Usage: python3 bench/igraph_queries.py GRAPH_FILE > RESULTS_FILE  (needs the igraph module; installs nothing)."""
import resource
import sys
import time

import igraph

with open(sys.argv[1]) as f:
    n, m, nq = map(int, f.readline().split())
    edges, weights = [], []
    for _ in range(m):
        a, b, c = f.readline().split()
        edges.append((int(a), int(b)))
        weights.append(float(c))
    queries = [tuple(map(int, f.readline().split())) for _ in range(nq)]
g = igraph.Graph(n=n, edges=edges, directed=True)
g.es["weight"] = weights
del edges, weights
for s, t in queries[:20]:
    g.distances(source=s, target=t, weights="weight")
for i, (s, t) in enumerate(queries):
    t0 = time.perf_counter()
    d = g.distances(source=s, target=t, weights="weight")[0][0]
    ms = (time.perf_counter() - t0) * 1000
    print(i, d, ms)
print("HEAP", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000.0)
