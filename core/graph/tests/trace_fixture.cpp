#include "trace_fixture.hpp"

#include <algorithm>

#include "golden/graph/causal_graph.hpp"

namespace golden::testing {

TraceMaker& TraceMaker::process(int pid, int parent, const std::string& name) {
  ProcessInfo p;
  p.pid = Pid{pid};
  p.parent = Pid{parent};
  if (!name.empty()) p.execs.push_back({0, "/usr/bin/" + name, {name}, "/"});
  p.threads.push_back(Tid{pid});
  trace_.processes.push_back(std::move(p));
  return *this;
}

Seq TraceMaker::call(int pid, int tid, const std::string& name, std::int64_t start_us,
                     std::int64_t dur_us) {
  Event e;
  e.seq = trace_.events.size();
  e.pid = Pid{pid};
  e.tid = Tid{tid};
  e.name = name;
  e.start = us(start_us);
  e.duration = us(dur_us);
  trace_.events.push_back(std::move(e));
  return trace_.events.back().seq;
}

Seq TraceMaker::exit(int pid, int tid, std::int64_t at_us) {
  Seq s = call(pid, tid, "exit", at_us, 0);
  trace_.events[s].kind = EventKind::Exit;
  return s;
}

TraceMaker& TraceMaker::edge(Seq from, Seq to, EdgeKind kind) {
  trace_.edges.push_back({from, to, kind});
  return *this;
}

Trace TraceMaker::build(bool clocks) const {
  Trace t = trace_;
  for (const Event& e : t.events) t.run.wall_time = std::max(t.run.wall_time, e.end());
  if (!clocks) return t;
  // Clocks from the graph itself (built with clocks unknown, so unchecked).
  auto graph = CausalGraph::build(t);
  if (!graph) return t;  // a deliberately broken trace keeps clocks 0
  std::vector<LamportTime> clock(t.events.size(), 0);
  for (Seq v : graph->topological_order()) {
    LamportTime c = 1;
    for (const CausalEdge& in : graph->in_edges(v)) c = std::max(c, clock[in.from] + 1);
    clock[v] = c;
  }
  for (Event& e : t.events) e.lamport = clock[e.seq];
  return t;
}

}  // namespace golden::testing
