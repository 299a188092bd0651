#include "causal_order.hpp"

#include <algorithm>

#include "golden/graph/happens_before.hpp"

namespace golden::eqv {

CausalOrder::CausalOrder(const Trace& trace, Counters& counters) {
  const std::size_t n = trace.events.size();
  position_.assign(n, 0);
  source_index_.assign(n, -1);

  // Program order (golden::graph's happens_before.hpp): each event's successor in its
  // thread, and a dense index per thread.
  const std::vector<Seq> previous = previous_in_thread(trace);
  std::vector<std::int64_t> next(n, -1);
  std::vector<std::uint32_t> indegree(n, 0);
  thread_of_.assign(n, 0);
  for (Seq s = 0; s < n; ++s) {
    if (previous[s] == kNoEvent) {
      thread_of_[s] = threads_++;
      continue;
    }
    thread_of_[s] = thread_of_[previous[s]];
    next[previous[s]] = static_cast<std::int64_t>(s);
    ++indegree[s];
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

  // The one deterministic order (happens_before.hpp); a cycle (a damaged trace) is
  // broken at its earliest remaining event.
  std::uint64_t cycles = 0;
  order_ = causal_order(std::move(indegree), [&](Seq v, auto&& visit) {
    if (next[v] >= 0) visit(static_cast<Seq>(next[v]));
    for (std::uint32_t k = out_begin[v]; k < out_begin[v + 1]; ++k) visit(out_targets[k]);
  }, &cycles);
  if (cycles > 0) counters["equivalence.causal_cycles_broken"] += cycles;
  for (std::size_t i = 0; i < order_.size(); ++i) position_[order_[i]] = i;

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
