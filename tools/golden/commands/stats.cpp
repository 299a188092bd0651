// golden stats FILE: the `strace -c` table of a trace (SPEC §4), per syscall, per
// process or per class, followed by the anomaly counters.
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/core.h>

#include "command_registry.hpp"
#include "golden/model/result.hpp"
#include "golden/text/run_format.hpp"
#include "golden/text/syscall_stats.hpp"
#include "trace_input.hpp"

namespace golden::cli {
namespace {

struct StatsArgs {
  std::string path;
  std::string by = "syscall";
  unsigned run = 0;  // 1-based; 0 = all runs together
};

StatsGrouping grouping_of(const std::string& by) {
  if (by == "process") return StatsGrouping::Process;
  if (by == "class") return StatsGrouping::Class;
  if (by == "function") return StatsGrouping::Function;
  if (by == "line") return StatsGrouping::Line;
  return StatsGrouping::Syscall;
}

int run_stats(const StatsArgs& args) {
  const TraceFile file = load_trace(args.path);
  if (args.run > file.runs.size())
    throw UsageError(fmt::format("stats: --run {}: {} has {} run(s)", args.run, args.path,
                                 file.runs.size()));
  SyscallStats stats;
  std::string counters;
  for (const Trace& trace : file.runs) {
    if (args.run != 0 && trace.run.index + 1 != args.run) continue;
    stats.add_trace(trace);
    counters += format_counters(trace.run.counters,
                                fmt::format("anomalies in run {}:", trace.run.index + 1));
  }
  // stdout is exactly the table (as strace -c prints it, for scripts that parse it);
  // notes and anomaly counters go to stderr.
  fmt::print("{}", stats.table(grouping_of(args.by)));
  std::fflush(stdout);
  if (args.by == "class")
    fmt::print(stderr, "golden: a call counts in each of its classes (\"other\": none)\n");
  if ((args.by == "function" || args.by == "line") && stats.calls_with_source() == 0)
    fmt::print(stderr,
               "golden: {}: no call has a source location; capture with --source (and -g)\n",
               args.path);
  if (args.run == 0 && file.runs.size() > 1)
    fmt::print(stderr, "golden: {}: {} runs together; --run N for one of them\n", args.path,
               file.runs.size());
  if (!file.header.has_timing)
    fmt::print(stderr, "golden: {}: {} trace without timing: times are zero\n", args.path,
               file.header.format);
  fmt::print(stderr, "{}{}", counters, file_counters_text(file, args.path));
  return 0;
}

const RegisterCommand kStats{"stats", 30, [](CLI::App& app) -> RunFn {
  app.description("Print the strace -c summary table of a trace file");
  auto args = std::make_shared<StatsArgs>();
  app.add_option("file", args->path, "trace file (.json, .json.zst, renacer-json-v1)")
      ->required();
  app.add_option("--by", args->by,
                 "rows per syscall, process, class, or (traces captured with --source) user "
                 "function or source line")
      ->check(CLI::IsMember({"syscall", "process", "class", "function", "line"}))
      ->capture_default_str();
  app.add_option("--run", args->run, "only run N (1-based) of a --runs capture")
      ->check(CLI::PositiveNumber);
  return [args] { return run_stats(*args); };
}};

}  // namespace
}  // namespace golden::cli
