// Names one cycle of a graph whose topological sort stalled, so the error points at
// the edges to look at instead of just saying "not a DAG".
#pragma once

#include <string>
#include <vector>

#include "graph_impl.hpp"

namespace golden {

// `remaining[v]` > 0 for exactly the vertices Kahn's algorithm could not emit; each of
// them has an in-edge from another such vertex, so walking in-edges must close a cycle.
std::string describe_cycle(const BoostGraph& g, const std::vector<std::size_t>& remaining);

}  // namespace golden
