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
  // 0: one node per event. N >= 1: in each thread, every run of at least N consecutive
  // events that are neither on the highlighted path nor the end of a cross-thread edge
  // becomes one node ("37 events: read x20, write x17"), so big traces stay viewable.
  std::size_t collapse_min_run = 0;
};

void write_dot(std::ostream& out, const CausalGraph& graph, const DotOptions& options = {});

}  // namespace golden
