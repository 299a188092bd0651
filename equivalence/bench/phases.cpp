// Times the phases of `golden compare A B` separately, on traces already in memory, so
// the equivalence layer can be profiled without the trace reader in the picture:
// read (each side), compare (both sides normalized and measured in parallel, then the
// diff), render (text report), then one side's normalize, format and measure alone.
// `perf record` on this with --repeat N spends almost all its samples in equivalence.
//
//   golden_equivalence_phases A.json B.json [REPEAT]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/normalized.hpp"
#include "golden/equivalence/performance.hpp"
#include "golden/equivalence/report.hpp"
#include "golden/io/trace_reader.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

golden::TraceFile load(const char* path) {
  auto f = golden::read_trace(path);
  if (!f || f->runs.empty()) {
    std::fprintf(stderr, "phases: cannot read %s\n", path);
    std::exit(2);
  }
  return std::move(f).value();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s A.json B.json [REPEAT]\n", argv[0]);
    return 2;
  }
  const int repeat = argc > 3 ? std::atoi(argv[3]) : 1;
  auto t0 = Clock::now();
  golden::TraceFile a = load(argv[1]);
  std::printf("read A         %7.3f s\n", since(t0));
  t0 = Clock::now();
  golden::TraceFile b = load(argv[2]);
  std::printf("read B         %7.3f s\n", since(t0));

  golden::CompareConfig config;
  golden::add_environment_defaults(config);
  for (int r = 0; r < repeat; ++r) {
    // compare first, as `golden compare` runs it: right after reading, on memory the
    // process has not used yet (later phases reuse what compare freed, and look faster).
    t0 = Clock::now();
    golden::CompareInput ia{&a.runs[0], a.header, argv[1], a.truncated};
    golden::CompareInput ib{&b.runs[0], b.header, argv[2], b.truncated};
    golden::CompareResult result = golden::compare(ia, ib, config);
    std::printf("compare        %7.3f s  (both sides in parallel; %zu divergences)\n", since(t0),
                result.divergences.size());
    t0 = Clock::now();
    std::string report = golden::render_text(result);
    std::printf("render text    %7.3f s  (%zu bytes)\n", since(t0), report.size());
    t0 = Clock::now();
    golden::NormalizedTrace n = golden::normalize(a.runs[0], config, a.header);
    std::printf("normalize A    %7.3f s  (%zu channels)\n", since(t0), n.channels.size());
    t0 = Clock::now();
    std::string text = golden::format_normalized(n);
    std::printf("format A       %7.3f s  (%zu bytes)\n", since(t0), text.size());
    t0 = Clock::now();
    golden::PerfFigures p = golden::measure(a.runs[0], a.header);
    std::printf("measure A      %7.3f s  (%llu syscalls; critical path by golden::graph)\n",
                since(t0), static_cast<unsigned long long>(p.syscalls));
  }
  return 0;
}
