// Graphviz DOT for the causal DAG (`golden graph FILE --dot`, SPEC §5, §10): one
// cluster per process, a node per event labelled with its syscall, program order as
// thin grey edges, cross-thread edges styled by kind (spawn bold blue, reap dashed
// green, data orange, signal dotted purple), the critical path in red.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "golden/graph/causal_graph.hpp"
#include "golden/graph/critical_path.hpp"

namespace golden {

struct DotOptions {
  // Path to highlight (computed on the same graph); nullptr for none.
  const CriticalPath* highlight = nullptr;
  // 0: one node per event. N >= 2: in each thread, every run of at least N consecutive
  // events off the highlighted path becomes one node ("37 events #4..#80", its most
  // frequent calls); cross-thread edges then attach to the run, and parallel edges of
  // one kind between two nodes are drawn once, labelled "xN". Big traces stay viewable.
  std::size_t collapse_min_run = 0;
};

void write_dot(std::ostream& out, const CausalGraph& graph, const DotOptions& options = {});

}  // namespace golden
