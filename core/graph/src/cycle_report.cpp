#include "cycle_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>

namespace golden {

std::string describe_cycle(const BoostGraph& g, const std::vector<std::size_t>& remaining) {
  const std::size_t n = boost::num_vertices(g);
  Vertex start = 0;
  while (start < n && remaining[start] == 0) ++start;
  GOLDEN_CHECK(start < n);

  // Walk backwards along in-edges that stay among the stuck vertices until one repeats.
  // `pos` remembers where each vertex was first seen on the walk.
  std::vector<std::size_t> pos(n, SIZE_MAX);
  std::vector<BoostGraph::edge_descriptor> walk;  // walk[i] enters the i-th vertex seen
  Vertex v = start;
  std::size_t step = 0;
  while (pos[v] == SIZE_MAX) {
    pos[v] = step++;
    // The first such in-edge in insertion order (the CSR keeps them by source), so the
    // cycle reported does not depend on the storage.
    std::optional<BoostGraph::edge_descriptor> first;
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
      if (remaining[boost::source(*it, g)] > 0 && (!first || g[*it].rank < g[*first].rank))
        first = *it;
    GOLDEN_CHECK(first.has_value());
    walk.push_back(*first);
    v = boost::source(*first, g);
  }
  // walk[pos[v]..] is the cycle, traversed backwards.
  std::vector<BoostGraph::edge_descriptor> cycle(walk.begin() + static_cast<std::ptrdiff_t>(pos[v]),
                                                 walk.end());
  std::reverse(cycle.begin(), cycle.end());

  constexpr std::size_t kShown = 8;
  std::string text = fmt::format("#{}", boost::source(cycle.front(), g));
  for (std::size_t i = 0; i < cycle.size() && i < kShown; ++i)
    text += fmt::format(" -{}-> #{}", to_string(g[cycle[i]].kind), boost::target(cycle[i], g));
  if (cycle.size() > kShown) text += fmt::format(" ... ({} edges in all)", cycle.size());
  return "cycle in the causal graph: " + text;
}

}  // namespace golden
