// Trace file throughput (ci/bench_io.sh): the writer and the reader on a bulk trace of N
// events, as ratios against references measured in the same run — writing the same JSON
// bytes with one fwrite (what serialisation adds over the I/O itself), and parsing each
// record into an nlohmann DOM (what a straightforward reader would cost). The recorder
// calls TraceWriter::event() once per syscall: the writer must stay far below the ~40 us
// a ptrace stop costs (docs/trace-format.md section 7).
//
//   golden_io_bench [EVENTS] [DIR]
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden/test_support/files.hpp"
#include "sample_trace.hpp"

namespace {

// CPU time of this process: on a shared machine wall time mostly measures other jobs.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

template <typename F>
double timed(F&& f) {
  const double start = cpu_seconds();
  f();
  return cpu_seconds() - start;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace golden;
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100000;
  const test::TempDir scratch("golden-io-bench-XXXXXX");
  const std::string dir = argc > 2 ? argv[2] : scratch.path();
  const TraceFile bulk = io_test::bulk_trace(n);
  const auto& events = bulk.runs[0].events;
  std::printf("%zu events\n%-9s %12s %12s %12s %9s\n", n, "format", "golden", "reference",
              "events/s", "ratio");
  for (const char* name : {"/bulk.json", "/bulk.json.zst"}) {
    const std::string path = dir + name;
    const double write_s = timed([&] {
      auto w = TraceWriter::open(path, bulk.header);
      if (!w) std::exit(2);
      w->begin_run(bulk.runs[0].run);
      for (const Event& e : events) w->event(e);
      w->end_run(bulk.runs[0].run);
      if (!w->commit()) std::exit(2);
    });
    // Reference for the writer: the same uncompressed bytes, written in one go.
    const std::string text = format_trace(bulk);
    const double raw_s = timed([&] {
      std::FILE* f = std::fopen((dir + "/raw.json").c_str(), "wb");
      std::fwrite(text.data(), 1, text.size(), f);
      std::fclose(f);
    });
    std::printf("write %-9s %10.3f s %10.3f s %12.0f %8.2fx of fwrite of the JSON\n", name + 6, write_s, raw_s,
                static_cast<double>(n) / write_s, write_s / raw_s);
    std::size_t read_events = 0;
    const double read_s = timed([&] {
      auto r = read_trace(path);
      if (!r) std::exit(2);
      read_events = r->runs[0].events.size();
    });
    if (read_events != n) return 2;
    // Reference for the reader: every record line parsed into a DOM.
    std::size_t records = 0;
    const double dom_s = timed([&] {
      std::istringstream lines(text);
      for (std::string line; std::getline(lines, line);) {
        if (line.size() > 1 && line.back() == ',') line.pop_back();
        if (line.starts_with("{\"type\""))
          records += !nlohmann::json::parse(line, nullptr, false).is_discarded();
      }
    });
    std::printf("read  %-9s %10.3f s %10.3f s %12.0f %8.2fx of a DOM parse (%zu records)\n",
                name + 6, read_s, dom_s, static_cast<double>(n) / read_s, read_s / dom_s, records);
  }
  return 0;
}
