#include "trace_input.hpp"

#include <fmt/core.h>

#include "golden/io/trace_reader.hpp"
#include "golden/model/result.hpp"
#include "golden/text/run_format.hpp"

namespace golden::cli {

TraceFile load_trace(const std::string& path) {
  Result<TraceFile> file = read_trace(path);
  if (!file) {
    Error e = file.error();
    if (e.where.empty()) e.where = path;
    throw UsageError(e);
  }
  if (file->truncated) {
    std::size_t events = 0;
    for (const Trace& t : file->runs) events += t.events.size();
    fmt::print(stderr,
               "golden: warning: {}: trace is truncated (the capture did not finish); "
               "reading on: it holds {} events\n",
               path, events);
  }
  return std::move(file).value();
}

std::string file_counters_text(const TraceFile& file, const std::string& path) {
  return format_counters(file.counters, "anomalies while reading " + path + ":");
}

}  // namespace golden::cli
