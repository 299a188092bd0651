// The critical path of a run (SPEC §5, §6 `critical_path`, GodProcess): the longest
// chain of causally dependent events, weighted by time, where time that is nested in
// or concurrent with time already on the chain is counted once. docs/critical-path.md
// has the worked examples.
//
// Definition. Each event v occupies [s(v), e(v)], e = s + duration. Its own time is
// [a(v), e(v)] with a(v) = s(v), except for a call another thread released - a wait4
// reaping a child, a read consuming a write (an incoming reap/data/signal edge), a
// call interrupted (EINTR, ERESTART*) by the signal delivered next in its thread: then
// a(v) = min(e(v), max(s(v), latest end of those sources)), because until then it was
// blocked on them, and that time belongs to their chain. A path is v1 -> ... -> vk along
// edges of the causal DAG (any start, any end). Along it, carry the running maximum end
// M_i = max(e(v1), ..., e(vi)):
//
//   contribution(v1) = e(v1) - a(v1)
//   contribution(vi) = max(0, e(vi) - max(a(vi), M_{i-1}))          for i > 1
//   length(path)     = sum of contributions
//
// and the critical path is a path of maximum length. Each contribution is a part of
// [a(vi), e(vi)] after M_{i-1}, i.e. inside (M_{i-1}, M_i]; these pieces are disjoint
// and lie in [s(v1), M_k], so length <= M_k - s(v1) <= the run's wall time. Using the
// running max rather than just e(v_{i-1}) matters when an edge's source ends after its
// target ends (fork returning in the parent after the child's first call, a large
// write still blocked after the reader returned): with e(v_{i-1}) alone, the time
// between e(vi) and e(v_{i-1}) would be counted a second time by v_{i+1}.
//
// Consequences: consecutive syscalls of one thread add their durations (the user-space
// gaps between them are not syscall time, unless count_user_time); a parent's wait4
// adds only the time after the child's exit, whichever way the path reaches it, so
// `sh -c 'sleep 0.3 & sleep 0.3 & wait'` has a critical path of ~0.3 s (not 0.6 s)
// that runs through a child, and the per-process shares say so.
//
// Solving. The contribution depends on the path's history (M), so a single best value
// per vertex is not enough. Writing a path's state as (L, K) with K = L - M, extending
// it by v adds |P ∩ (M, inf)| for v's own-time set P within (-inf, e(v)], which is
// non-increasing and 1-Lipschitz in M; so L' and K' = L' - max(M, e(v)) are both
// non-decreasing in (L, K), and each vertex keeps the Pareto frontier of (L, K) over
// the paths ending there, processed in topological order: O((V + E) * F), where F is
// the frontier size (1 in almost every real trace: it grows only under a late-ending
// edge source). Frontiers are capped at kMaxFrontier points; if a cap ever drops a
// point the result is still a real path but maybe not the longest: `exact` is false and
// the counter "critical_path.frontier_truncated" says how often.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "golden/graph/causal_graph.hpp"
#include "golden/model/result.hpp"
#include "golden/model/trace.hpp"

namespace golden {

struct CriticalPathOptions {
  // renacer's `trace_name_pattern`: when not empty, only events of processes whose
  // name matches (ECMAScript regex, std::regex_search: anchor with ^...$ for a whole
  // name) take part, over the subgraph they induce. A process's name is that of its
  // last exec, or its nearest named ancestor's for a fork that never exec'd.
  std::string process_name_pattern;
  // Also count the user-space time between a thread's consecutive events (and between
  // a thread's creation and its first event), [e(prev), s(v)], when the path reaches v
  // by a program or spawn edge: the path then measures elapsed time along the chain
  // rather than time spent inside syscalls. The wall-time bound still holds.
  bool count_user_time = false;
};

inline constexpr std::size_t kMaxFrontier = 64;
static_assert(kMaxFrontier >= 2, "the cap keeps both ends of a frontier");
inline constexpr std::string_view kCounterFrontierTruncated = "critical_path.frontier_truncated";

struct PathStep {
  Seq seq = 0;
  Pid pid;
  Tid tid;
  Nanos contribution{0};
  // How the path reached this event from the previous step; nullopt for the first.
  std::optional<CausalEdgeKind> via;
};

struct ProcessShare {
  Pid pid;
  std::string name;     // as in CriticalPathOptions; "" when unknown
  Nanos time{0};        // sum of the contributions of this process's events on the path
  double fraction = 0;  // time / total (0 when total is 0); the shares sum to 1
};

struct CriticalPath {
  Nanos total{0};                    // path length as defined above
  Nanos wall_time{0};                // the run's wall time (from the trace; else the events' span)
  std::vector<PathStep> steps;       // causes first
  std::vector<ProcessShare> shares;  // largest first, then by pid
  bool exact = true;                 // false only if a frontier cap dropped a point
  Counters counters;                 // the graph's anomaly counters plus the solver's
};

// Computes the critical path of a built graph. Errors: a malformed pattern.
Result<CriticalPath> critical_path(const CausalGraph& graph,
                                   const CriticalPathOptions& options = {});
// Builds the graph, then computes. Errors: as CausalGraph::build, plus the above.
Result<CriticalPath> critical_path(const Trace& trace, const CriticalPathOptions& options = {},
                                   const GraphOptions& graph_options = {});

}  // namespace golden
