// Properties of the critical path over random DAGs with arbitrary timing (sources
// ending after their targets, targets starting before their sources, nesting):
//  - its length never exceeds the run's wall time (nor the span of its own events);
//  - the steps form a real path whose recomputed length is the reported total;
//  - on small graphs it equals the maximum over every path, found by brute force;
//  - process shares sum to 1.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <set>
#include <tuple>

#include "golden/graph/critical_path.hpp"

namespace golden {
namespace {

struct RandomDag {
  Trace trace;
  std::vector<CausalEdge> edges;  // every causal edge, program order included
};

// `n` events over `threads` threads. A random causal order is drawn first; seqs are
// then dealt out so that each thread's seqs increase along it (program order) while
// cross edges may point to smaller seqs, as spawn edges do in real traces.
RandomDag random_dag(std::mt19937_64& rng, std::size_t n, int threads, double edge_p,
                     std::int64_t horizon) {
  std::uniform_int_distribution<int> pick_thread(1, threads);
  std::uniform_int_distribution<std::int64_t> pick_time(0, horizon);
  std::bernoulli_distribution has_edge(edge_p);
  std::uniform_int_distribution<int> pick_kind(0, 3);

  std::vector<int> thread_of(n);  // by causal position
  for (auto& t : thread_of) t = pick_thread(rng);
  std::vector<Seq> perm(n);
  for (Seq i = 0; i < n; ++i) perm[i] = i;
  std::shuffle(perm.begin(), perm.end(), rng);
  std::vector<Seq> seq_of(n);
  for (int t = 1; t <= threads; ++t) {
    std::vector<std::size_t> pos;
    for (std::size_t i = 0; i < n; ++i)
      if (thread_of[i] == t) pos.push_back(i);
    std::vector<Seq> labels;
    for (std::size_t i : pos) labels.push_back(perm[i]);
    std::sort(labels.begin(), labels.end());
    for (std::size_t k = 0; k < pos.size(); ++k) seq_of[pos[k]] = labels[k];
  }

  RandomDag dag;
  dag.trace.events.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    Event& e = dag.trace.events[seq_of[i]];
    e.seq = seq_of[i];
    e.pid = Pid{thread_of[i]};
    e.tid = Tid{thread_of[i]};
    e.name = "call";
    // Some signal deliveries and some calls interrupted by a signal, so the rule for
    // blocked time ("woken by the delivery that follows") gets exercised.
    if (rng() % 7 == 0) e.kind = EventKind::Signal;
    if (e.kind == EventKind::Syscall && rng() % 5 == 0) e.err = rng() % 2 ? 4 : 514;
    std::int64_t a = pick_time(rng), b = pick_time(rng);
    e.start = Nanos(std::min(a, b));
    e.duration = Nanos(std::max(a, b) - std::min(a, b));
  }
  for (int t = 1; t <= threads; ++t) {
    ProcessInfo p;
    p.pid = Pid{t};
    p.execs.push_back({0, "/bin/p" + std::to_string(t), {"p" + std::to_string(t)}, "/"});
    dag.trace.processes.push_back(p);
  }
  std::vector<std::optional<std::size_t>> last(threads + 1);
  for (std::size_t j = 0; j < n; ++j) {
    if (auto prev = last[thread_of[j]])
      dag.edges.push_back({seq_of[*prev], seq_of[j], CausalEdgeKind::Program});
    last[thread_of[j]] = j;
    for (std::size_t i = 0; i < j; ++i) {
      if (thread_of[i] == thread_of[j] || !has_edge(rng)) continue;
      auto kind = static_cast<EdgeKind>(pick_kind(rng));
      dag.trace.edges.push_back({seq_of[i], seq_of[j], kind});
      dag.edges.push_back({seq_of[i], seq_of[j], causal_kind(kind)});
    }
  }
  std::int64_t wall = 0;
  for (const Event& e : dag.trace.events) wall = std::max(wall, e.end().count());
  dag.trace.run.wall_time = Nanos(wall);
  return dag;
}

// When each event was released (critical_path.hpp), computed from the edge list.
std::vector<std::int64_t> wake_of(const RandomDag& dag) {
  const Trace& t = dag.trace;
  auto wakers = [&](Seq v) {
    std::int64_t w = INT64_MIN;
    for (const CausalEdge& e : dag.edges)
      if (e.to == v && e.kind != CausalEdgeKind::Program && e.kind != CausalEdgeKind::Spawn)
        w = std::max(w, t.events[e.from].end().count());
    return w;
  };
  std::vector<std::int64_t> wake(t.events.size());
  for (Seq v = 0; v < t.events.size(); ++v) {
    wake[v] = wakers(v);
    const Event& e = t.events[v];
    if (e.kind != EventKind::Syscall || (e.err != 4 && e.err != 514)) continue;
    for (const CausalEdge& pe : dag.edges)
      if (pe.from == v && pe.kind == CausalEdgeKind::Program &&
          t.events[pe.to].kind == EventKind::Signal)
        wake[v] = std::max(wake[v], wakers(pe.to));
  }
  return wake;
}

// Length of one path as critical_path.hpp defines it, edge kinds given per step.
std::int64_t path_length(const Trace& t, const std::vector<std::int64_t>& wake,
                         const std::vector<Seq>& path, const std::vector<CausalEdgeKind>& via,
                         bool user_time) {
  auto piece = [](std::int64_t from, std::int64_t to, std::int64_t floor) {
    return std::max<std::int64_t>(0, to - std::max(from, floor));
  };
  std::int64_t len = 0, max_end = 0;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const Event& e = t.events[path[i]];
    const std::int64_t s = e.start.count(), end = e.end().count();
    const std::int64_t own = std::clamp(wake[path[i]], s, end);
    if (i == 0) {
      len = end - own;
      max_end = end;
      continue;
    }
    len += piece(own, end, max_end);
    if (user_time && (via[i] == CausalEdgeKind::Program || via[i] == CausalEdgeKind::Spawn))
      len += piece(t.events[path[i - 1]].end().count(), s, max_end);
    max_end = std::max(max_end, end);
  }
  return len;
}

// Maximum over every path (every start, every edge choice): exponential, small n only.
std::int64_t brute_force(const RandomDag& dag, bool user_time) {
  const std::size_t n = dag.trace.events.size();
  const std::vector<std::int64_t> wake = wake_of(dag);
  std::int64_t best = 0;
  std::vector<Seq> path;
  std::vector<CausalEdgeKind> via;
  std::function<void()> extend = [&] {
    best = std::max(best, path_length(dag.trace, wake, path, via, user_time));
    for (const CausalEdge& e : dag.edges) {
      if (e.from != path.back()) continue;
      path.push_back(e.to);
      via.push_back(e.kind);
      extend();
      path.pop_back();
      via.pop_back();
    }
  };
  for (Seq s = 0; s < n; ++s) {
    path = {s};
    via = {CausalEdgeKind::Program};
    extend();
  }
  return best;
}

void check_invariants(const RandomDag& dag, const CriticalPath& p, bool user_time) {
  const Trace& t = dag.trace;
  ASSERT_LE(p.total, p.wall_time);
  std::int64_t sum = 0;
  std::vector<Seq> path;
  std::vector<CausalEdgeKind> via;
  std::set<std::tuple<Seq, Seq, CausalEdgeKind>> edges;
  for (const CausalEdge& e : dag.edges) edges.insert({e.from, e.to, e.kind});
  std::int64_t lo = INT64_MAX, hi = 0;
  for (std::size_t i = 0; i < p.steps.size(); ++i) {
    const PathStep& s = p.steps[i];
    ASSERT_GE(s.contribution.count(), 0);
    sum += s.contribution.count();
    path.push_back(s.seq);
    via.push_back(s.via.value_or(CausalEdgeKind::Program));
    ASSERT_EQ(s.via.has_value(), i > 0);
    if (i > 0) {
      ASSERT_TRUE(edges.count({p.steps[i - 1].seq, s.seq, *s.via})) << "not an edge";
    }
    lo = std::min(lo, t.events[s.seq].start.count());
    hi = std::max(hi, t.events[s.seq].end().count());
  }
  ASSERT_EQ(sum, p.total.count());
  ASSERT_EQ(path_length(t, wake_of(dag), path, via, user_time), p.total.count());
  if (!p.steps.empty()) {
    ASSERT_LE(p.total.count(), hi - lo);
  }
  if (p.total.count() > 0) {
    double fractions = 0;
    for (const ProcessShare& s : p.shares) fractions += s.fraction;
    ASSERT_NEAR(fractions, 1.0, 1e-9);
  }
}

class RandomDags : public ::testing::TestWithParam<bool> {};  // count_user_time

TEST_P(RandomDags, SmallGraphsMatchBruteForce) {
  const bool user_time = GetParam();
  std::mt19937_64 rng(20240611);
  for (int round = 0; round < 4000; ++round) {
    const std::size_t n = 1 + rng() % 10;
    RandomDag dag = random_dag(rng, n, 1 + static_cast<int>(rng() % 4), 0.35, 1000);
    auto p = critical_path(dag.trace, {.count_user_time = user_time});
    ASSERT_TRUE(p) << p.error().to_string();
    ASSERT_NO_FATAL_FAILURE(check_invariants(dag, *p, user_time)) << "round " << round;
    ASSERT_EQ(p->total.count(), brute_force(dag, user_time)) << "round " << round;
    ASSERT_TRUE(p->exact);
  }
}

TEST_P(RandomDags, LargeGraphsStayWithinWallTime) {
  const bool user_time = GetParam();
  std::mt19937_64 rng(7);
  for (int round = 0; round < 20; ++round) {
    RandomDag dag = random_dag(rng, 400, 1 + static_cast<int>(rng() % 30), 0.01, 1'000'000);
    auto p = critical_path(dag.trace, {.count_user_time = user_time});
    ASSERT_TRUE(p) << p.error().to_string();
    ASSERT_NO_FATAL_FAILURE(check_invariants(dag, *p, user_time)) << "round " << round;
  }
}

INSTANTIATE_TEST_SUITE_P(CriticalPath, RandomDags, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "UserTime" : "SyscallTime"; });

}  // namespace
}  // namespace golden
