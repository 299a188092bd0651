// The Boost.Graph side of CausalGraph, shared by the algorithms in src/ only: public
// headers never include this file, so Boost stays out of consumers' builds.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <vector>

#include "golden/graph/causal_graph.hpp"

namespace golden {

struct EdgeData {
  CausalEdgeKind kind = CausalEdgeKind::Program;
  // Position in insertion order (program order first, then the trace's edges as
  // listed), 0..E-1. The CSR keeps in-edges by source, but every order the graph
  // exposes (edges(), in_edges(), the critical path's tie-breaks, the cycle reported)
  // was defined by insertion order, so it is kept to restore it.
  std::uint32_t rank = 0;
};

// The graph is built once and never changed, so it is a compressed sparse row graph:
// a few flat arrays filled in O(V + E), instead of an adjacency_list's two vectors per
// vertex and a list node per edge (one allocation each, and as many frees on teardown).
// 32-bit ids halve the arrays; build() checks the trace fits. Vertex == event seq.
// bidirectionalS: the critical path walks in-edges, the DOT writer out-edges.
using BoostGraph =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeData,
                                       boost::no_property, std::uint32_t, std::uint32_t>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;

struct CausalGraph::Impl {
  const Trace* trace = nullptr;
  BoostGraph graph;
  std::vector<Seq> topo;
  Counters counters;
};

// Effective interval of an event: a negative duration counts as zero (and is counted
// by the builder).
inline std::int64_t start_ns(const Event& e) {
  return e.start.count();
}
inline std::int64_t end_ns(const Event& e) {
  return e.start.count() + (e.duration.count() > 0 ? e.duration.count() : 0);
}

}  // namespace golden
