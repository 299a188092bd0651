#include "trace_slice.hpp"

#include <limits>
#include <vector>

namespace golden::detail {

Trace slice_trace(const Trace& trace, const std::function<bool(const Event&)>& keep) {
  constexpr Seq kDropped = std::numeric_limits<Seq>::max();
  Trace out;
  out.run = trace.run;
  out.processes = trace.processes;
  std::vector<Seq> renumber(trace.events.size(), kDropped);
  for (std::size_t i = 0; i < trace.events.size(); ++i) {
    const Event& e = trace.events[i];
    if (!keep(e)) continue;
    renumber[i] = out.events.size();
    Event copy = e;
    copy.seq = out.events.size();
    out.events.push_back(std::move(copy));
  }
  for (const Edge& edge : trace.edges) {
    if (edge.from >= renumber.size() || edge.to >= renumber.size()) continue;
    if (renumber[edge.from] == kDropped || renumber[edge.to] == kDropped) continue;
    out.edges.push_back({renumber[edge.from], renumber[edge.to], edge.kind});
  }
  return out;
}

}  // namespace golden::detail
