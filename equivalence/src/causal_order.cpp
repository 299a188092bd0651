#include "causal_order.hpp"

#include <algorithm>
#include <functional>
#include <queue>

namespace golden::eqv {

bool happens_before(const CausalStamp& a, const CausalStamp& b) {
  if (a.thread == b.thread) return a.index < b.index;
  return b.known && a.thread < b.known->size() && (*b.known)[a.thread] >= a.index;
}

CausalOrder::CausalOrder(const Trace& trace, Counters& counters) {
  const std::size_t n = trace.events.size();
  position_.assign(n, 0);
  is_source_.assign(n, false);

  // Program order: each event's successor in its thread.
  std::vector<std::int64_t> next(n, -1);
  std::vector<std::uint32_t> indegree(n, 0);
  {
    std::unordered_map<std::int32_t, Seq> last;
    for (Seq s = 0; s < n; ++s) {
      auto [it, fresh] = last.try_emplace(trace.events[s].tid.value, s);
      if (!fresh) {
        next[it->second] = static_cast<std::int64_t>(s);
        ++indegree[s];
        it->second = s;
      }
    }
  }
  std::vector<std::vector<Seq>> out(n);
  for (const Edge& e : trace.edges) {
    if (e.from >= n || e.to >= n || e.from == e.to) {
      ++counters["equivalence.bad_edges"];
      continue;
    }
    out[e.from].push_back(e.to);
    ++indegree[e.to];
    if (e.kind == EdgeKind::Spawn || e.kind == EdgeKind::Reap) {
      in_edges_.emplace_back(e.to, e.from);
      is_source_[e.from] = true;
    }
  }
  std::sort(in_edges_.begin(), in_edges_.end());

  // Kahn's algorithm, smallest seq first among the ready ones: deterministic, and the
  // recorded order wherever causality allows it.
  std::priority_queue<Seq, std::vector<Seq>, std::greater<>> ready;
  for (Seq s = 0; s < n; ++s)
    if (indegree[s] == 0) ready.push(s);
  std::vector<bool> done(n, false);
  order_.reserve(n);
  Seq scan = 0;
  auto release = [&](Seq t) {
    if (--indegree[t] == 0) ready.push(t);
  };
  while (order_.size() < n) {
    if (ready.empty()) {
      // A cycle (a damaged trace): break it at the earliest remaining event.
      while (done[scan]) ++scan;
      ++counters["equivalence.causal_cycles_broken"];
      indegree[scan] = 0;
      ready.push(scan);
    }
    Seq s = ready.top();
    ready.pop();
    if (done[s]) continue;
    done[s] = true;
    position_[s] = order_.size();
    order_.push_back(s);
    if (next[s] >= 0 && !done[static_cast<Seq>(next[s])]) release(static_cast<Seq>(next[s]));
    for (Seq t : out[s])
      if (!done[t]) release(t);
  }
}

CausalStamp CausalOrder::advance(const Event& event) {
  auto [it, fresh] =
      thread_index_.try_emplace(event.tid.value, static_cast<std::uint32_t>(threads_.size()));
  if (fresh) threads_.emplace_back();
  const std::uint32_t t = it->second;
  ThreadClock& clock = threads_[t];
  ++clock.index;

  auto lo = std::lower_bound(in_edges_.begin(), in_edges_.end(), std::make_pair(event.seq, Seq{0}));
  for (; lo != in_edges_.end() && lo->first == event.seq; ++lo) {
    auto src = source_stamps_.find(lo->second);
    if (src == source_stamps_.end()) continue;  // source not walked yet: a broken cycle
    const CausalStamp& s = src->second;
    if (s.thread == t) continue;
    // Copy on write: stamps already handed out keep their own view.
    std::size_t size = std::max<std::size_t>(
        {clock.known ? clock.known->size() : 0, s.known ? s.known->size() : 0,
         static_cast<std::size_t>(s.thread) + 1});
    auto merged = std::make_shared<std::vector<std::uint32_t>>(size, 0);
    if (clock.known) std::copy(clock.known->begin(), clock.known->end(), merged->begin());
    if (s.known)
      for (std::size_t i = 0; i < s.known->size(); ++i)
        (*merged)[i] = std::max((*merged)[i], (*s.known)[i]);
    (*merged)[s.thread] = std::max((*merged)[s.thread], s.index);
    clock.known = std::move(merged);
  }

  CausalStamp stamp{t, clock.index, clock.known};
  if (event.seq < is_source_.size() && is_source_[event.seq]) source_stamps_[event.seq] = stamp;
  return stamp;
}

}  // namespace golden::eqv
