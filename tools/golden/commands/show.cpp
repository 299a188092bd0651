// golden show FILE: the trace as strace-style lines (SPEC §4), run by run, with each
// run's anomaly counters and the reader's.
#include <cstdio>
#include <memory>
#include <string>
#include <utility>

#include <fmt/core.h>

#include "command_registry.hpp"
#include "golden/model/result.hpp"
#include "golden/text/event_format.hpp"
#include "golden/text/run_format.hpp"
#include "trace_input.hpp"

namespace golden::cli {
namespace {

struct ShowArgs {
  std::string path;
  std::string pids = "always";
  bool no_duration = false;
  bool start_time = false;
  bool lamport = false;
  bool no_source = false;
  bool stack = false;
  unsigned run = 0;  // 1-based; 0 = all runs
  std::size_t string_limit = 32;  // strace's default -s
};

bool has_several_threads(const Trace& trace) {
  for (const Event& e : trace.events)
    if (e.tid != trace.events.front().tid) return true;
  return false;
}

// What an imported format does not record ("pids, clocks"), "" for a golden trace.
std::string unknown_fields(const TraceHeader& header) {
  std::string out;
  for (auto [known, name] : {std::pair{header.has_pids, "pids"},
                             std::pair{header.has_timing, "timing"},
                             std::pair{header.has_clocks, "clocks"}}) {
    if (known) continue;
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

void show_run(const Trace& trace, std::size_t run_count, const TraceHeader& header,
              const ShowArgs& args) {
  fmt::print("{}\n", format_run_header(trace, run_count));
  FormatOptions options;
  // Imported traces may lack pids or timing: show nothing rather than invented values.
  options.show_duration = !args.no_duration && header.has_timing;
  options.show_start = args.start_time && header.has_timing;
  options.show_lamport = args.lamport && header.has_clocks;
  options.string_limit = args.string_limit;
  options.show_source = !args.no_source;
  options.show_pid = header.has_pids &&
                     (args.pids == "always" ||
                      (args.pids == "multiple" && !trace.events.empty() &&
                       has_several_threads(trace)));
  for (const Event& e : trace.events) {
    const ProcessInfo* process = e.kind == EventKind::Exit ? trace.process(e.pid) : nullptr;
    fmt::print("{}\n", format_event(e, options, process));
    // --stack: the frames --source=N kept, like strace -k's lines under a call.
    if (args.stack && e.source)
      for (std::size_t i = 0; i < e.source->frames.size(); ++i)
        fmt::print("    #{} {}\n", i, format_frame(e.source->frames[i]));
  }
  fmt::print("{}", format_counters(trace.run.counters,
                                   fmt::format("anomalies in run {}:", trace.run.index + 1)));
}

int run_show(const ShowArgs& args) {
  const TraceFile file = load_trace(args.path);
  if (args.run > file.runs.size())
    throw UsageError(fmt::format("show: --run {}: {} has {} run(s)", args.run, args.path,
                                 file.runs.size()));
  if (const std::string missing = unknown_fields(file.header); !missing.empty())
    fmt::print("# {} trace: {} unknown\n", file.header.format, missing);
  for (const Trace& trace : file.runs)
    if (args.run == 0 || trace.run.index + 1 == args.run)
      show_run(trace, file.runs.size(), file.header, args);
  fmt::print("{}", file_counters_text(file, args.path));
  std::fflush(stdout);
  return 0;
}

const RegisterCommand kShow{"show", 20, [](CLI::App& app) -> RunFn {
  app.description("Print a trace file strace-style: one line per event, run by run");
  auto args = std::make_shared<ShowArgs>();
  app.add_option("file", args->path, "trace file (.json, .json.zst, renacer-json-v1)")
      ->required();
  app.add_option("--pid", args->pids, "[pid N] prefix: always, multiple (strace -f), never")
      ->check(CLI::IsMember({"always", "multiple", "never"}))
      ->capture_default_str();
  app.add_flag("--no-duration", args->no_duration, "leave out the <seconds> each call took");
  app.add_flag("-r,--start-time", args->start_time, "show each event's start since the run began");
  app.add_flag("--lamport", args->lamport, "show each event's Lamport clock as @N");
  app.add_flag("--no-source", args->no_source,
               "leave out where each call was made (traces captured with --source)");
  app.add_flag("--stack", args->stack,
               "under each call, the stack frames captured with --source=N");
  app.add_option("-s,--string-limit", args->string_limit,
                 "show data and strings up to N bytes, as strace -s (0 = all the trace kept)")
      ->capture_default_str();
  app.add_option("--run", args->run, "show only run N (1-based) of a --runs capture")
      ->check(CLI::PositiveNumber);
  return [args] { return run_show(*args); };
}};

}  // namespace
}  // namespace golden::cli
