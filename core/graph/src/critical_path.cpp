// The frontier dynamic programme described in critical_path.hpp.
#include "golden/graph/critical_path.hpp"

#include <algorithm>
#include <cstdint>
#include <regex>
#include <unordered_map>

#include "graph_impl.hpp"
#include "process_names.hpp"
#include "wake_times.hpp"

namespace golden {
namespace {

constexpr std::uint32_t kNoPrev = UINT32_MAX;

// One path ending at `vertex`: its length L and running max end M (K = L - M).
struct State {
  std::int64_t len;
  std::int64_t max_end;
  std::uint32_t prev;  // index in the states array, kNoPrev when the path starts here
  std::uint32_t vertex;
  CausalEdgeKind via;
  // Rank of the edge `via` (graph_impl.hpp), kNoPrev when the path starts here: with
  // `prev`, it orders candidates as the in-edges were inserted, which settles ties.
  std::uint32_t rank;
  std::int64_t k() const { return len - max_end; }
};

// Length of [from, to] after `floor`: the part of an interval not yet on the path.
std::int64_t after(std::int64_t from, std::int64_t to, std::int64_t floor) {
  return std::max<std::int64_t>(0, to - std::max(from, floor));
}

struct Range {
  std::uint32_t begin = 0, end = 0;
};

// Keeps the Pareto frontier of (L, K), both maximised, in place; then caps it.
// Returns true when the cap dropped points.
bool prune(std::vector<State>& cands) {
  // Equal (L, K) go by in-edge insertion order, then by frontier position: the order
  // they were generated in before the CSR, which keeps in-edges by source.
  auto before = [](const State& a, const State& b) {
    if (a.len != b.len) return a.len > b.len;
    if (a.k() != b.k()) return a.k() > b.k();
    return a.rank != b.rank ? a.rank < b.rank : a.prev < b.prev;
  };
  // Almost always two candidates (the program-order predecessor's one state and
  // starting here): a plain insertion sort, without std::sort's dispatch.
  if (cands.size() <= 16) {
    for (std::size_t i = 1; i < cands.size(); ++i) {
      const State c = cands[i];
      std::size_t j = i;
      for (; j > 0 && before(c, cands[j - 1]); --j) cands[j] = cands[j - 1];
      cands[j] = c;
    }
  } else {
    std::sort(cands.begin(), cands.end(), before);
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < cands.size(); ++i)
    if (kept == 0 || cands[i].k() > cands[kept - 1].k()) cands[kept++] = cands[i];
  cands.resize(kept);
  if (cands.size() <= kMaxFrontier) return false;
  // Evenly spaced survivors, keeping both ends (the longest path and the one with the
  // most room left): whatever is kept is a real path, so the result stays a lower bound.
  std::vector<State> capped;
  capped.reserve(kMaxFrontier);
  for (std::size_t i = 0; i < kMaxFrontier; ++i)
    capped.push_back(cands[i * (cands.size() - 1) / (kMaxFrontier - 1)]);
  cands.swap(capped);
  return true;
}

// Which events take part: all, or those of processes matching the pattern.
Result<std::vector<std::uint8_t>> select_events(const Trace& trace, const ProcessNames& names,
                                                const std::string& pattern) {
  std::vector<std::uint8_t> keep(trace.events.size(), 1);  // bytes: read per edge, no bit masks
  if (pattern.empty()) return keep;
  std::regex re;
  try {
    re = std::regex(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    return Error{"invalid process name pattern '" + pattern + "': " + e.what(), ""};
  }
  std::unordered_map<Pid, bool> match;
  for (const Event& e : trace.events) {
    auto [it, fresh] = match.try_emplace(e.pid, false);
    if (fresh) it->second = std::regex_search(names.name(e.pid), re);
    keep[e.seq] = it->second;
  }
  return keep;
}

Nanos wall_time_of(const Trace& trace) {
  if (trace.run.wall_time.count() > 0 || trace.events.empty()) return trace.run.wall_time;
  std::int64_t lo = INT64_MAX, hi = INT64_MIN;
  for (const Event& e : trace.events) {
    lo = std::min(lo, start_ns(e));
    hi = std::max(hi, end_ns(e));
  }
  return Nanos(hi - lo);
}

void fill_shares(CriticalPath& path, const ProcessNames& names) {
  std::unordered_map<Pid, std::size_t> index;
  for (const PathStep& step : path.steps) {
    auto [it, fresh] = index.try_emplace(step.pid, path.shares.size());
    if (fresh) path.shares.push_back({step.pid, names.name(step.pid), Nanos(0), 0.0});
    path.shares[it->second].time += step.contribution;
  }
  for (ProcessShare& s : path.shares)
    s.fraction = path.total.count() > 0
                     ? static_cast<double>(s.time.count()) / static_cast<double>(path.total.count())
                     : 0.0;
  std::sort(path.shares.begin(), path.shares.end(),
            [](const ProcessShare& a, const ProcessShare& b) {
              return a.time != b.time ? a.time > b.time : a.pid < b.pid;
            });
}

}  // namespace

Result<CriticalPath> critical_path(const CausalGraph& graph, const CriticalPathOptions& options) {
  const Trace& trace = graph.trace();
  const BoostGraph& g = graph.impl().graph;
  const ProcessNames names(trace);
  auto keep = select_events(trace, names, options.process_name_pattern);
  if (!keep) return keep.error();

  CriticalPath result;
  result.wall_time = wall_time_of(trace);
  result.counters = graph.counters();

  const std::size_t n = trace.events.size();
  std::vector<Range> frontier(n);
  std::vector<State> states;
  states.reserve(n + n / 8);
  std::vector<State> cands;
  std::uint64_t truncated = 0;
  std::uint32_t best = kNoPrev;

  const std::vector<std::int64_t> wake = wake_times(graph, *keep);
  for (Seq v : graph.topological_order()) {
    if (!(*keep)[v]) continue;
    const Event& ev = trace.events[v];
    const std::int64_t s = start_ns(ev), e = end_ns(ev);
    // The event's own time is [own, e]: before `own` it was blocked on another thread.
    const std::int64_t own = std::clamp(wake[v], s, e);
    cands.clear();
    for (auto [it, end] = boost::in_edges(static_cast<Vertex>(v), g); it != end; ++it) {
      const Vertex u = boost::source(*it, g);
      if (!(*keep)[u]) continue;
      const CausalEdgeKind kind = g[*it].kind;
      const std::uint32_t rank = g[*it].rank;
      // With user time, the thread ran its own code since its previous event (or since
      // it was created): [e(u), s] is on the chain too.
      const bool gap_counts = options.count_user_time &&
                              (kind == CausalEdgeKind::Program || kind == CausalEdgeKind::Spawn);
      const std::int64_t gap_from = gap_counts ? end_ns(trace.events[u]) : s;
      for (std::uint32_t i = frontier[u].begin; i < frontier[u].end; ++i) {
        const State& from = states[i];
        const std::int64_t gain = after(own, e, from.max_end) + after(gap_from, s, from.max_end);
        cands.push_back({from.len + gain, std::max(from.max_end, e), i,
                         static_cast<std::uint32_t>(v), kind, rank});
      }
    }
    // Starting here can beat every extension: prepending an event that ended late can
    // hide more of this one than it adds.
    cands.push_back(
        {e - own, e, kNoPrev, static_cast<std::uint32_t>(v), CausalEdgeKind::Program, kNoPrev});
    if (prune(cands)) ++truncated;

    GOLDEN_CHECK(states.size() + cands.size() < kNoPrev);
    frontier[v].begin = static_cast<std::uint32_t>(states.size());
    for (const State& c : cands) {
      // Ties go to the later vertex in topological order, so a path runs on through
      // zero-length tails (a thread's exit) rather than stopping just before them.
      if (best == kNoPrev || c.len >= states[best].len)
        best = static_cast<std::uint32_t>(states.size());
      states.push_back(c);
    }
    frontier[v].end = static_cast<std::uint32_t>(states.size());
  }

  if (truncated) {
    result.exact = false;
    result.counters[std::string(kCounterFrontierTruncated)] = truncated;
  }
  if (best == kNoPrev) return result;

  result.total = Nanos(states[best].len);
  std::size_t length = 0;
  for (std::uint32_t i = best; i != kNoPrev; i = states[i].prev) ++length;
  result.steps.reserve(length);
  for (std::uint32_t i = best; i != kNoPrev; i = states[i].prev) {
    const State& st = states[i];
    const Event& ev = trace.events[st.vertex];
    const bool first = st.prev == kNoPrev;
    result.steps.push_back({ev.seq, ev.pid, ev.tid,
                            Nanos(first ? st.len : st.len - states[st.prev].len),
                            first ? std::nullopt : std::optional<CausalEdgeKind>(st.via)});
  }
  std::reverse(result.steps.begin(), result.steps.end());
  fill_shares(result, names);
  return result;
}

Result<CriticalPath> critical_path(const Trace& trace, const CriticalPathOptions& options,
                                   const GraphOptions& graph_options) {
  auto graph = CausalGraph::build(trace, graph_options);
  if (!graph) return graph.error();
  return critical_path(*graph, options);
}

}  // namespace golden
