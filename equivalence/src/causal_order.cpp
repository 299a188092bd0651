#include "causal_order.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <queue>
#include <unordered_map>

namespace golden::eqv {

CausalOrder::CausalOrder(const Trace& trace, Counters& counters) {
  const std::size_t n = trace.events.size();
  constexpr Seq kNone = static_cast<Seq>(-1);
  position_.assign(n, 0);
  source_index_.assign(n, -1);

  // Program order: each event's successor in its thread.
  std::vector<std::int64_t> next(n, -1);
  std::vector<std::uint32_t> indegree(n, 0);
  thread_of_.assign(n, 0);
  {
    std::unordered_map<std::int32_t, std::uint32_t> index;
    std::vector<Seq> last;  // by dense thread index
    // A thread's events come in runs: the previous event's thread is the usual answer.
    std::int32_t prev_tid = 0;
    std::uint32_t prev_index = 0;
    for (Seq s = 0; s < n; ++s) {
      const std::int32_t tid = trace.events[s].tid.value;
      std::uint32_t ti = prev_index;
      if (s == 0 || tid != prev_tid) {
        auto [it, fresh] = index.try_emplace(tid, threads_);
        if (fresh) {
          ++threads_;
          last.push_back(kNone);
        }
        ti = it->second;
        prev_tid = tid;
        prev_index = ti;
      }
      thread_of_[s] = ti;
      if (last[ti] != kNone) {
        next[last[ti]] = static_cast<std::int64_t>(s);
        ++indegree[s];
      }
      last[ti] = s;
    }
  }

  // Recorded edges as CSR (out-edges by source, in trace order), and the structural
  // ones (spawn/reap) by target.
  std::vector<std::uint32_t> out_begin(n + 1, 0);
  in_begin_.assign(n + 1, 0);
  auto valid = [&](const Edge& e) { return e.from < n && e.to < n && e.from != e.to; };
  auto structural = [](const Edge& e) { return e.kind == EdgeKind::Spawn || e.kind == EdgeKind::Reap; };
  for (const Edge& e : trace.edges) {
    if (!valid(e)) {
      ++counters["equivalence.bad_edges"];
      continue;
    }
    ++out_begin[e.from + 1];
    ++indegree[e.to];
    if (structural(e)) {
      ++in_begin_[e.to + 1];
      if (source_index_[e.from] < 0) source_index_[e.from] = static_cast<std::int32_t>(sources_++);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    out_begin[i + 1] += out_begin[i];
    in_begin_[i + 1] += in_begin_[i];
  }
  std::vector<Seq> out_targets(out_begin[n]);
  in_sources_.assign(in_begin_[n], 0);
  {
    std::vector<std::uint32_t> out_fill(out_begin.begin(), out_begin.end() - 1);
    std::vector<std::uint32_t> in_fill(in_begin_.begin(), in_begin_.end() - 1);
    for (const Edge& e : trace.edges) {
      if (!valid(e)) continue;
      out_targets[out_fill[e.from]++] = e.to;
      if (structural(e)) in_sources_[in_fill[e.to]++] = e.from;
    }
  }

  // Kahn's algorithm, smallest seq first among the ready ones: deterministic, and the
  // recorded order wherever causality allows it.
  // The smallest ready event is usually the one just released (the next event of the
  // same thread): it waits in `next_up`, below everything in the heap, and skips it.
  std::priority_queue<Seq, std::vector<Seq>, std::greater<>> ready;
  std::optional<Seq> next_up;
  for (Seq s = 0; s < n; ++s)
    if (indegree[s] == 0) ready.push(s);
  std::vector<bool> done(n, false);
  order_.reserve(n);
  Seq scan = 0;
  auto make_ready = [&](Seq t) {
    if (next_up && t < *next_up) std::swap(t, *next_up);
    if (!next_up && (ready.empty() || t < ready.top())) {
      next_up = t;
    } else {
      ready.push(t);
    }
  };
  auto release = [&](Seq t) {
    if (--indegree[t] == 0) make_ready(t);
  };
  while (order_.size() < n) {
    if (!next_up && ready.empty()) {
      // A cycle (a damaged trace): break it at the earliest remaining event.
      while (done[scan]) ++scan;
      ++counters["equivalence.causal_cycles_broken"];
      indegree[scan] = 0;
      ready.push(scan);
    }
    Seq s;
    if (next_up) {
      s = *next_up;
      next_up.reset();
    } else {
      s = ready.top();
      ready.pop();
    }
    if (done[s]) continue;
    done[s] = true;
    position_[s] = order_.size();
    order_.push_back(s);
    if (next[s] >= 0 && !done[static_cast<Seq>(next[s])]) release(static_cast<Seq>(next[s]));
    for (std::uint32_t k = out_begin[s]; k < out_begin[s + 1]; ++k)
      if (!done[out_targets[k]]) release(out_targets[k]);
  }

  for (Seq s = 0; s < n; ++s)
    if (in_begin_[s] != in_begin_[s + 1] || source_index_[s] >= 0)
      structural_positions_.push_back(position_[s]);
  std::sort(structural_positions_.begin(), structural_positions_.end());
}

std::vector<bool> CausalOrder::structurally_before(
    const std::vector<std::pair<Seq, Seq>>& queries) const {
  std::vector<bool> answers(queries.size(), false);
  constexpr std::size_t kBatchBits = 4096;
  const std::size_t n = order_.size();
  std::vector<std::int32_t> bit_of(n, -1);               // per event: its bit in the batch
  std::vector<Seq> batch_sources;                        // the events that have a bit
  std::vector<std::pair<std::size_t, std::size_t>> asked;  // (position of target, query)
  std::vector<std::size_t> visit;
  std::vector<std::uint64_t> state, snapshot;
  std::size_t done = 0;
  while (done < queries.size()) {
    // A batch: queries until kBatchBits distinct sources.
    batch_sources.clear();
    asked.clear();
    std::size_t end = done;
    for (; end < queries.size(); ++end) {
      auto [a, b] = queries[end];
      if (a >= n || b >= n) continue;
      if (bit_of[a] < 0) {
        if (batch_sources.size() == kBatchBits) break;
        bit_of[a] = static_cast<std::int32_t>(batch_sources.size());
        batch_sources.push_back(a);
      }
      asked.emplace_back(position_[b], end);
    }
    done = end;
    if (batch_sources.empty()) continue;
    std::sort(asked.begin(), asked.end());
    visit = structural_positions_;
    for (const auto& [pos, q] : asked) visit.push_back(pos);
    for (Seq a : batch_sources) visit.push_back(position_[a]);
    std::sort(visit.begin(), visit.end());
    visit.erase(std::unique(visit.begin(), visit.end()), visit.end());

    const std::size_t words = (batch_sources.size() + 63) / 64;
    state.assign(static_cast<std::size_t>(threads_) * words, 0);
    snapshot.assign(sources_ * words, 0);
    auto next_asked = asked.begin();
    for (std::size_t pos : visit) {
      const Seq s = order_[pos];
      std::uint64_t* mine = &state[static_cast<std::size_t>(thread_of_[s]) * words];
      for (std::uint32_t k = in_begin_[s]; k < in_begin_[s + 1]; ++k) {
        const Seq src = in_sources_[k];
        if (position_[src] >= pos) continue;  // source not walked yet: a broken cycle
        const std::uint64_t* theirs = &snapshot[static_cast<std::size_t>(source_index_[src]) * words];
        for (std::size_t w = 0; w < words; ++w) mine[w] |= theirs[w];
      }
      for (; next_asked != asked.end() && next_asked->first == pos; ++next_asked) {
        const std::size_t q = next_asked->second;
        const auto bit = static_cast<std::size_t>(bit_of[queries[q].first]);
        answers[q] = (mine[bit / 64] >> (bit % 64)) & 1u;
      }
      if (bit_of[s] >= 0) {
        const auto bit = static_cast<std::size_t>(bit_of[s]);
        mine[bit / 64] |= 1ull << (bit % 64);
      }
      if (source_index_[s] >= 0)
        std::copy(mine, mine + words, &snapshot[static_cast<std::size_t>(source_index_[s]) * words]);
    }
    for (Seq a : batch_sources) bit_of[a] = -1;
  }
  return answers;
}

}  // namespace golden::eqv
