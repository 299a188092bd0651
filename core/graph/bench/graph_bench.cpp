// Times the causal graph build and the critical path on a trace file, apart from the
// trace reader, and prints a fingerprint of every result the graph layer exposes
// (edges, in/out-edge order, topological order, counters, the path and its shares), so
// a faster build can be checked to change nothing. Under callgrind, use REPEAT 1.
//
//   golden_graph_bench TRACE.json [REPEAT]
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <new>

#include "golden/graph/causal_graph.hpp"
#include "golden/graph/critical_path.hpp"
#include "golden/io/trace_reader.hpp"

// Every operator new counted, so a phase's allocations can be printed beside its time.
static std::atomic<std::uint64_t> g_allocations{0};
void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// FNV-1a over the values, in order: any change of value or order changes it.
struct Fingerprint {
  std::uint64_t h = 1469598103934665603ull;
  void add(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) h = (h ^ ((v >> (8 * i)) & 0xff)) * 1099511628211ull;
  }
  void add(const golden::CausalEdge& e) {
    add(e.from);
    add(e.to);
    add(static_cast<std::uint64_t>(e.kind));
  }
};

// One timed build + critical path + teardown (callgrind: --toggle-collect=*run_once*).
__attribute__((noinline)) void run_once(const golden::Trace& trace,
                                        const golden::GraphOptions& go) {
  auto t0 = Clock::now();
  const std::uint64_t a0 = g_allocations;
  std::optional<golden::CausalGraph> graph;
  {
    auto built = golden::CausalGraph::build(trace, go);
    if (!built) {
      std::printf("build error: %s\n", built.error().message.c_str());
      return;
    }
    graph.emplace(std::move(*built));
  }
  const double t_build = since(t0);
  const std::uint64_t a1 = g_allocations;
  t0 = Clock::now();
  auto path = golden::critical_path(*graph);
  const double t_path = since(t0);
  const std::uint64_t a2 = g_allocations;
  t0 = Clock::now();
  graph.reset();
  const double t_free = since(t0);
  std::printf(
      "build %.4f s  path %.4f s  free %.4f s  total %.4f s  allocations build %llu path %llu\n",
      t_build, t_path, t_free, t_build + t_path + t_free, static_cast<unsigned long long>(a1 - a0),
      static_cast<unsigned long long>(a2 - a1));
  if (!path) std::printf("path error: %s\n", path.error().message.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s TRACE.json [REPEAT]\n", argv[0]);
    return 2;
  }
  const int repeat = argc > 2 ? std::atoi(argv[2]) : 1;
  auto file = golden::read_trace(argv[1]);
  if (!file || file->runs.empty()) {
    std::fprintf(stderr, "graph_bench: cannot read %s\n", argv[1]);
    return 2;
  }
  const golden::Trace& trace = file->runs[0];
  golden::GraphOptions go;
  go.reject_lamport_violations = false;  // as golden::measure builds it
  for (int r = 0; r < repeat; ++r) run_once(trace, go);
  if (std::getenv("GRAPH_BENCH_CHECK") == nullptr) return 0;
  // The fingerprint, outside the timed part.
  auto graph = golden::CausalGraph::build(trace, go);
  if (!graph) return 1;
  Fingerprint edges, adj, topo, path_fp;
  golden::Seq topo_count = 0;
  for (const auto& e : graph->edges()) edges.add(e);
  for (golden::Seq v = 0; v < graph->vertex_count(); ++v) {
    for (const auto& e : graph->in_edges(v)) adj.add(e);
    for (const auto& e : graph->out_edges(v)) adj.add(e);
  }
  bool seq_order = true;  // whether the topological order is plain seq order
  for (golden::Seq v : graph->topological_order()) {
    seq_order = seq_order && v == topo_count++;
    topo.add(v);
  }
  std::fprintf(stderr, "topological order is seq order: %s\n", seq_order ? "yes" : "no");
  auto path = golden::critical_path(*graph);
  path_fp.add(static_cast<std::uint64_t>(path->total.count()));
  for (const auto& s : path->steps) {
    path_fp.add(s.seq);
    path_fp.add(static_cast<std::uint64_t>(s.contribution.count()));
    path_fp.add(s.via ? static_cast<std::uint64_t>(*s.via) : 99);
  }
  for (const auto& s : path->shares) {
    path_fp.add(static_cast<std::uint64_t>(s.pid.value));
    path_fp.add(static_cast<std::uint64_t>(s.time.count()));
  }
  std::printf(
      "V %zu E %zu edges %016llx adj %016llx topo %016llx path %016llx total %lld steps %zu\n",
      graph->vertex_count(), graph->edge_count(), (unsigned long long)edges.h,
      (unsigned long long)adj.h, (unsigned long long)topo.h, (unsigned long long)path_fp.h,
      (long long)path->total.count(), path->steps.size());
  for (const auto& [k, v] : path->counters)
    std::printf("  %s = %llu\n", k.c_str(), (unsigned long long)v);
  return 0;
}
