// The happens-before relation every analysis walks, defined once: program order (each
// event after the previous event of its thread) plus the trace's cross-thread edges,
// and the deterministic topological order over it. CausalGraph (Boost.Graph, critical
// path) and equivalence's causal walk both use these.
#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

#include "golden/model/trace.hpp"

namespace golden {

inline constexpr Seq kNoEvent = ~Seq{0};

// Program order: for each event, the previous event of its thread, or kNoEvent. A thread
// is a (pid, tid) until its Exit event: a tid the kernel recycles afterwards starts a new
// thread.
std::vector<Seq> previous_in_thread(const Trace& trace);

// Kahn's algorithm with the smallest ready seq first: deterministic, and equal to seq
// order whenever seq order is itself causal. `indegree[v]` counts v's incoming edges;
// `for_each_successor(v, visit)` calls visit(w) for each edge v -> w.
//
// On a cycle, with `cycles_broken` null the order stops short (fewer than V vertices);
// otherwise each cycle is broken at its earliest remaining vertex and counted there.
//
// Events come in completion order, so nearly every edge goes up in seq: a cursor walks
// seq order and takes the first ready vertex at or after it; only a vertex that becomes
// ready behind the cursor waits in a heap. Same order as one heap of all ready vertices,
// in O(V + E) plus a heap that stays small.
template <typename ForEachSuccessor>
std::vector<Seq> causal_order(std::vector<std::uint32_t> indegree,
                              ForEachSuccessor&& for_each_successor,
                              std::uint64_t* cycles_broken = nullptr) {
  const Seq n = indegree.size();
  std::priority_queue<Seq, std::vector<Seq>, std::greater<>> behind;
  std::vector<bool> done(cycles_broken != nullptr ? n : 0, false);
  std::vector<Seq> order;
  order.reserve(n);
  Seq cursor = 0, scan = 0;
  auto release = [&](Seq w) {
    if (indegree[w] > 0 && --indegree[w] == 0 && w < cursor) behind.push(w);
  };
  for (;;) {
    while (cursor < n && indegree[cursor] != 0) ++cursor;
    Seq v;
    if (!behind.empty() && (cursor == n || behind.top() < cursor)) {
      v = behind.top();
      behind.pop();
    } else if (cursor < n) {
      v = cursor++;
    } else if (cycles_broken != nullptr && order.size() < n) {
      while (done[scan]) ++scan;
      ++*cycles_broken;
      v = scan;
    } else {
      break;
    }
    if (cycles_broken != nullptr) {
      if (done[v]) continue;
      done[v] = true;
    }
    order.push_back(v);
    for_each_successor(v, release);
  }
  return order;
}

}  // namespace golden
