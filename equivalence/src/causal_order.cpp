#include "causal_order.hpp"

#include <algorithm>
#include <functional>
#include <queue>

namespace golden::eqv {

CausalOrder::CausalOrder(const Trace& trace, Counters& counters) {
  const std::size_t n = trace.events.size();
  position_.assign(n, 0);
  is_source_.assign(n, false);

  // Program order: each event's successor in its thread.
  std::vector<std::int64_t> next(n, -1);
  std::vector<std::uint32_t> indegree(n, 0);
  thread_of_.assign(n, 0);
  {
    std::unordered_map<std::int32_t, Seq> last;
    std::unordered_map<std::int32_t, std::uint32_t> index;
    for (Seq s = 0; s < n; ++s) {
      auto [ti, tnew] = index.try_emplace(trace.events[s].tid.value, threads_);
      if (tnew) ++threads_;
      thread_of_[s] = ti->second;
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

std::vector<bool> CausalOrder::structurally_before(
    const std::vector<std::pair<Seq, Seq>>& queries) const {
  std::vector<bool> answers(queries.size(), false);
  constexpr std::size_t kBatchBits = 4096;
  const std::size_t n = order_.size();
  std::size_t done = 0;
  while (done < queries.size()) {
    // A batch: queries until kBatchBits distinct sources.
    std::unordered_map<Seq, std::size_t> bit_of;
    std::unordered_map<Seq, std::vector<std::size_t>> asked_at;  // target -> query indexes
    std::size_t end = done;
    for (; end < queries.size(); ++end) {
      auto [a, b] = queries[end];
      if (a >= n || b >= n) continue;
      if (!bit_of.contains(a)) {
        if (bit_of.size() == kBatchBits) break;
        bit_of.emplace(a, bit_of.size());
      }
      asked_at[b].push_back(end);
    }
    const std::size_t words = (bit_of.size() + 63) / 64;
    std::vector<std::uint64_t> state(static_cast<std::size_t>(threads_) * words, 0);
    std::unordered_map<Seq, std::vector<std::uint64_t>> snapshot;
    auto edge = in_edges_.begin();
    for (Seq s : order_) {
      std::uint64_t* mine = &state[static_cast<std::size_t>(thread_of_[s]) * words];
      auto lo = std::lower_bound(in_edges_.begin(), in_edges_.end(), std::make_pair(s, Seq{0}));
      for (edge = lo; edge != in_edges_.end() && edge->first == s; ++edge) {
        auto src = snapshot.find(edge->second);
        if (src == snapshot.end()) continue;  // source not walked yet: a broken cycle
        for (std::size_t w = 0; w < words; ++w) mine[w] |= src->second[w];
      }
      if (auto it = asked_at.find(s); it != asked_at.end())
        for (std::size_t q : it->second) {
          std::size_t bit = bit_of.at(queries[q].first);
          answers[q] = (mine[bit / 64] >> (bit % 64)) & 1u;
        }
      if (auto it = bit_of.find(s); it != bit_of.end()) mine[it->second / 64] |= 1ull << (it->second % 64);
      if (is_source_[s]) snapshot[s].assign(mine, mine + words);
    }
    done = end;
  }
  return answers;
}

}  // namespace golden::eqv
