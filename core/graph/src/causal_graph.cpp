#include "golden/graph/causal_graph.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <numeric>
#include <queue>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "cycle_report.hpp"
#include "golden/graph/happens_before.hpp"
#include "graph_impl.hpp"

namespace golden {
namespace {

std::string lamport_error(const Trace& t, Seq from, Seq to, CausalEdgeKind kind) {
  return fmt::format("{} edge #{} -> #{} goes backwards in Lamport time ({} -> {})",
                     to_string(kind), from, to, t.events[from].lamport, t.events[to].lamport);
}

// Clocks are optional (renacer imports have none): 0 means "not assigned".
bool lamport_backwards(const Trace& t, Seq from, Seq to) {
  LamportTime a = t.events[from].lamport, b = t.events[to].lamport;
  return a != 0 && b != 0 && a >= b;
}

// The topological order over the built graph (happens_before.hpp); fewer than V
// vertices on a cycle. `indegree` is left with what the cycle kept (cycle_report).
std::vector<Seq> kahn_order(const BoostGraph& g, std::vector<std::size_t>& indegree) {
  const Vertex n = static_cast<Vertex>(boost::num_vertices(g));
  std::vector<std::uint32_t> in(n);
  for (Vertex v = 0; v < n; ++v) in[v] = static_cast<std::uint32_t>(boost::in_degree(v, g));
  std::vector<Seq> order = causal_order(in, [&](Seq v, auto&& visit) {
    for (auto [it, end] = boost::out_edges(static_cast<Vertex>(v), g); it != end; ++it)
      visit(static_cast<Seq>(boost::target(*it, g)));
  });
  // What is left of each in-degree once the order stopped: the cycle's vertices keep some.
  indegree.assign(n, 0);
  std::vector<bool> placed(n, false);
  for (Seq v : order) placed[v] = true;
  for (Vertex v = 0; v < n; ++v)
    if (!placed[v])
      for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) ++indegree[boost::target(*it, g)];
  return order;
}

// Which of the trace's edges repeat an earlier one (same ends, same kind). Sorting their
// indices costs one allocation; a hash set of the edges cost one per edge.
std::vector<bool> repeated_edges(const std::vector<Edge>& edges) {
  std::vector<std::uint32_t> order(edges.size());
  std::iota(order.begin(), order.end(), 0u);
  auto key = [&](std::uint32_t k) { return std::tuple(edges[k].from, edges[k].to, edges[k].kind); };
  // Ties by index: the first of a group is the original, the rest are repeats.
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::pair(key(a), a) < std::pair(key(b), b);
  });
  std::vector<bool> repeated(edges.size(), false);
  for (std::size_t i = 1; i < order.size(); ++i)
    if (key(order[i]) == key(order[i - 1])) repeated[order[i]] = true;
  return repeated;
}

}  // namespace

std::string_view to_string(CausalEdgeKind kind) {
  switch (kind) {
    case CausalEdgeKind::Program:
      return "program";
    case CausalEdgeKind::Spawn:
      return "spawn";
    case CausalEdgeKind::Reap:
      return "reap";
    case CausalEdgeKind::Data:
      return "data";
    case CausalEdgeKind::Signal:
      return "signal";
  }
  return "?";
}

CausalEdgeKind causal_kind(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::Spawn:
      return CausalEdgeKind::Spawn;
    case EdgeKind::Reap:
      return CausalEdgeKind::Reap;
    case EdgeKind::Data:
      return CausalEdgeKind::Data;
    case EdgeKind::Signal:
      return CausalEdgeKind::Signal;
  }
  return CausalEdgeKind::Data;
}

Result<CausalGraph> CausalGraph::build(const Trace& trace, const GraphOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->trace = &trace;
  const std::size_t n = trace.events.size();
  Counters& counters = impl->counters;
  // 32-bit vertex and edge ids (graph_impl.hpp); a trace this large would not fit in
  // memory anyway.
  if (n >= UINT32_MAX || trace.edges.size() >= UINT32_MAX - n)
    return Error{fmt::format("the run has {} events and {} edges: more than the causal graph "
                             "can index",
                             n, trace.edges.size()),
                 ""};

  // Called only for an edge that goes backwards (lamport_backwards), so the loops below
  // keep the common case inline.
  auto lamport_violation = [&](Seq from, Seq to, CausalEdgeKind kind) -> std::optional<Error> {
    if (options.reject_lamport_violations) return Error{lamport_error(trace, from, to, kind), ""};
    ++counters[std::string(kCounterLamportBackward)];
    return std::nullopt;
  };

  // The edges in insertion order, for the CSR constructor; their index is their rank.
  std::vector<std::pair<Vertex, Vertex>> ends;
  std::vector<EdgeData> data;
  ends.reserve(n + trace.edges.size());
  data.reserve(n + trace.edges.size());
  auto add_edge = [&](Seq from, Seq to, CausalEdgeKind kind) {
    data.push_back({kind, static_cast<std::uint32_t>(ends.size())});
    ends.emplace_back(static_cast<Vertex>(from), static_cast<Vertex>(to));
  };

  for (Seq i = 0; i < n; ++i) {
    const Event& e = trace.events[i];
    if (e.seq != i)
      return Error{
          fmt::format("event at index {} has seq {} (events must be numbered densely)", i, e.seq),
          ""};
    if (e.duration.count() < 0) ++counters[std::string(kCounterNegativeDuration)];
  }
  // Program order (happens_before.hpp).
  const std::vector<Seq> previous = previous_in_thread(trace);
  for (Seq i = 0; i < n; ++i) {
    const Seq before = previous[i];
    if (before == kNoEvent) continue;
    if (lamport_backwards(trace, before, i)) [[unlikely]] {
      if (auto err = lamport_violation(before, i, CausalEdgeKind::Program)) return *err;
    }
    add_edge(before, i, CausalEdgeKind::Program);
  }

  const std::vector<bool> repeated = repeated_edges(trace.edges);
  for (std::size_t k = 0; k < trace.edges.size(); ++k) {
    const Edge& edge = trace.edges[k];
    const CausalEdgeKind kind = causal_kind(edge.kind);
    if (edge.from >= n || edge.to >= n)
      return Error{fmt::format("{} edge #{} -> #{} names an event that does not exist "
                               "(the run has {} events)",
                               to_string(kind), edge.from, edge.to, n),
                   ""};
    if (edge.from == edge.to)
      return Error{fmt::format("cycle in the causal graph: {} edge #{} -> #{} is a self-loop",
                               to_string(kind), edge.from, edge.to),
                   ""};
    if (repeated[k]) {
      ++counters[std::string(kCounterDuplicateEdges)];
      continue;
    }
    if (lamport_backwards(trace, edge.from, edge.to)) [[unlikely]] {
      if (auto err = lamport_violation(edge.from, edge.to, kind)) return *err;
    }
    add_edge(edge.from, edge.to, kind);
  }

  impl->graph = BoostGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(),
                           data.begin(), static_cast<Vertex>(n));
  const BoostGraph& g = impl->graph;
  std::vector<std::size_t> remaining;
  impl->topo = kahn_order(g, remaining);
  if (impl->topo.size() != n) return Error{describe_cycle(g, remaining), ""};
  return CausalGraph(std::move(impl));
}

CausalGraph::CausalGraph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CausalGraph::CausalGraph(CausalGraph&&) noexcept = default;
CausalGraph& CausalGraph::operator=(CausalGraph&&) noexcept = default;
CausalGraph::~CausalGraph() = default;

const Trace& CausalGraph::trace() const {
  return *impl_->trace;
}
std::size_t CausalGraph::vertex_count() const {
  return boost::num_vertices(impl_->graph);
}
std::size_t CausalGraph::edge_count() const {
  return boost::num_edges(impl_->graph);
}
const std::vector<Seq>& CausalGraph::topological_order() const {
  return impl_->topo;
}
const Counters& CausalGraph::counters() const {
  return impl_->counters;
}

std::vector<CausalEdge> CausalGraph::edges() const {
  const BoostGraph& g = impl_->graph;
  // The CSR stores edges by source; each goes back to its place in insertion order.
  std::vector<CausalEdge> out(boost::num_edges(g));
  for (auto [it, end] = boost::edges(g); it != end; ++it)
    out[g[*it].rank] = {boost::source(*it, g), boost::target(*it, g), g[*it].kind};
  return out;
}

std::vector<CausalEdge> CausalGraph::in_edges(Seq seq) const {
  const BoostGraph& g = impl_->graph;
  GOLDEN_CHECK(seq < boost::num_vertices(g));
  // The CSR keeps in-edges by source: sort them back into insertion order.
  std::vector<std::pair<std::uint32_t, CausalEdge>> ranked;
  for (auto [it, end] = boost::in_edges(static_cast<Vertex>(seq), g); it != end; ++it)
    ranked.push_back({g[*it].rank, {boost::source(*it, g), seq, g[*it].kind}});
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<CausalEdge> out;
  out.reserve(ranked.size());
  for (const auto& [rank, edge] : ranked) out.push_back(edge);
  return out;
}

std::vector<CausalEdge> CausalGraph::out_edges(Seq seq) const {
  const BoostGraph& g = impl_->graph;
  GOLDEN_CHECK(seq < boost::num_vertices(g));
  // Out-edges are already in insertion order: the CSR's counting sort by source is stable.
  std::vector<CausalEdge> out;
  for (auto [it, end] = boost::out_edges(static_cast<Vertex>(seq), g); it != end; ++it)
    out.push_back({seq, boost::target(*it, g), g[*it].kind});
  return out;
}

}  // namespace golden
