#include "wake_times.hpp"

#include <algorithm>
#include <optional>

#include "graph_impl.hpp"

namespace golden {
namespace {

// The call returned because a signal arrived: EINTR, or the kernel-internal restart
// codes a tracer sees (ERESTARTSYS 512, ERESTARTNOINTR 513, ERESTARTNOHAND 514,
// ERESTART_RESTARTBLOCK 516).
bool interrupted(const Event& e) {
  return e.kind == EventKind::Syscall &&
         (e.err == 4 || e.err == 512 || e.err == 513 || e.err == 514 || e.err == 516);
}

bool is_wake(CausalEdgeKind kind) {
  return kind == CausalEdgeKind::Reap || kind == CausalEdgeKind::Data ||
         kind == CausalEdgeKind::Signal;
}

// Latest end among the kept sources of v's wake-up in-edges.
std::int64_t wakers_end(const BoostGraph& g, const Trace& t, const std::vector<std::uint8_t>& keep,
                        Vertex v) {
  std::int64_t latest = kNoWake;
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
    const Vertex u = boost::source(*it, g);
    if (is_wake(g[*it].kind) && keep[u]) latest = std::max(latest, end_ns(t.events[u]));
  }
  return latest;
}

std::optional<Vertex> next_in_thread(const BoostGraph& g, Vertex v) {
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
    if (g[*it].kind == CausalEdgeKind::Program) return boost::target(*it, g);
  return std::nullopt;
}

}  // namespace

std::vector<std::int64_t> wake_times(const CausalGraph& graph,
                                     const std::vector<std::uint8_t>& keep) {
  const BoostGraph& g = graph.impl().graph;
  const Trace& t = graph.trace();
  std::vector<std::int64_t> wake(t.events.size(), kNoWake);
  for (Vertex v = 0; v < boost::num_vertices(g); ++v) {
    if (!keep[v]) continue;
    wake[v] = wakers_end(g, t, keep, v);
    if (!interrupted(t.events[v])) continue;
    // The delivery is recorded as the thread's next event, after the call returned.
    if (auto d = next_in_thread(g, v); d && keep[*d] && t.events[*d].kind == EventKind::Signal)
      wake[v] = std::max(wake[v], wakers_end(g, t, keep, *d));
  }
  return wake;
}

}  // namespace golden
