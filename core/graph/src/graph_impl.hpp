// The Boost.Graph side of CausalGraph, shared by the algorithms in src/ only: public
// headers never include this file, so Boost stays out of consumers' builds.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <vector>

#include "golden/graph/causal_graph.hpp"

namespace golden {

struct EdgeData {
  CausalEdgeKind kind = CausalEdgeKind::Program;
};

// vecS vertices: vertex descriptor == event seq. bidirectionalS: the critical path
// walks in-edges, the DOT writer out-edges.
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         boost::no_property, EdgeData>;
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
