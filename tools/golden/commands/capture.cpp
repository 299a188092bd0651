// golden capture [options] -o FILE -- CMD [ARGS...]   |   -o FILE -p PID[,PID...]
// Records a program with the ptrace recorder into a trace file (SPEC §3). The file is
// written as FILE.partial and renamed only when the capture completes, so a failed
// capture never clobbers an existing FILE; golden exits with the program's status, or is
// killed by the signal that killed it (end_like_program).
#include <fmt/core.h>

#include <charconv>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "capture_sink.hpp"
#include "command_registry.hpp"
#include "end_like_program.hpp"
#include "golden/assertions/alloc_preload.hpp"
#include "golden/decode/decoder.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden/model/result.hpp"
#include "golden/recorder/recorder.hpp"
#include "golden/syscalls/abi_names.hpp"
#include "golden/syscalls/filter.hpp"
#include "golden/text/run_format.hpp"
#include "golden/text/syscall_stats.hpp"
#include "golden/text/text_sink.hpp"
#include "stop_signals.hpp"

namespace golden::cli {
namespace {

struct CaptureArgs {
  std::string output;
  std::vector<std::string> command;
  std::string pids;
  std::string expression;
  std::size_t string_limit = 256;
  std::size_t text_limit = 64 * 1024;  // written text kept whole up to this (DecodeOptions)
  bool no_follow = false;
  bool no_pin = false;
  bool text = false;
  bool summary = false;
  bool track_alloc = false;
  unsigned runs = 1;
  CLI::Option* source = nullptr;  // --source[=N]: given at all?
  unsigned source_frames = 0;
  std::vector<std::string> debug_dirs;
};

std::vector<Pid> parse_pids(const std::string& list) {
  std::vector<Pid> pids;
  std::string_view rest = list;
  while (true) {
    const auto comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    std::int32_t value = 0;
    const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
    if (item.empty() || ec != std::errc{} || end != item.data() + item.size() || value <= 0)
      throw UsageError(fmt::format("-p {}: '{}' is not a process id", list, item));
    pids.push_back(Pid{value});
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return pids;
}

CaptureOptions capture_options(const CaptureArgs& args) {
  const std::string_view out = args.output;
  if (!out.ends_with(".json") && !out.ends_with(".json.zst"))
    throw UsageError(
        fmt::format("-o {}: the trace file name must end in .json or .json.zst", args.output));
  CaptureOptions options;
  if (!args.pids.empty()) options.attach = parse_pids(args.pids);
  options.command = args.command;
  if (options.command.empty() == options.attach.empty())
    throw UsageError(options.command.empty()
                         ? "capture: nothing to trace: give -- CMD [ARGS...] or -p PID[,PID...]"
                         : "capture: give either a command or -p PID, not both");
  if (args.runs == 0) throw UsageError("capture: --runs must be at least 1");
  if (args.runs > 1 && !options.attach.empty())
    throw UsageError("capture: --runs needs a command to run again; it does not work with -p");
  options.runs = args.runs;
  options.follow = !args.no_follow;
  options.pin_cpu = !args.no_pin;
  if (args.track_alloc) {
    // Only a launched program's environment can be given LD_PRELOAD.
    if (!options.attach.empty())
      throw UsageError(
          "capture: --track-alloc needs a command to launch; it does not work with -p");
    Result<std::string> env = alloc_preload_env();
    if (!env) throw UsageError(env.error());
    options.extra_env.push_back(std::move(env).value());
  }
  options.source = args.source != nullptr && args.source->count() > 0;
  options.source_frames = args.source_frames;
  options.debug_dirs = args.debug_dirs;
  if (!options.source && !args.debug_dirs.empty())
    throw UsageError("capture: --debug-dir is for --source");
  options.decode.string_limit = args.string_limit;
  options.decode.text_limit = args.text_limit;
  if (!args.expression.empty()) {
    Result<SyscallFilter> filter = SyscallFilter::parse(args.expression);
    if (!filter) {
      Error e = filter.error();
      // Name the option unless the parser's message already quotes the expression.
      if (e.where.empty() && e.message.find(args.expression) == std::string::npos)
        e.where = "-e " + args.expression;
      throw UsageError(e);
    }
    options.filter = std::move(filter).value();
  }
  return options;
}

// The -c table and the runs' anomaly counters, on stderr like strace -c.
void print_summary(const SyscallStats& stats, const CaptureSink& sink, bool table) {
  std::string out = table ? stats.table(StatsGrouping::Syscall) : std::string();
  for (const RunInfo& run : sink.runs())
    out += format_counters(run.counters, fmt::format("anomalies in run {}:", run.index + 1));
  std::fputs(out.c_str(), stderr);
}

int run_capture(const CaptureArgs& args) {
  const CaptureOptions options = capture_options(args);

  TraceHeader header;
  header.tool = "golden " GOLDEN_VERSION;
  header.filter = args.expression;
  header.string_limit = static_cast<std::uint32_t>(args.string_limit);
  Result<TraceWriter> opened = TraceWriter::open(args.output, header);
  if (!opened) throw UsageError(opened.error());
  TraceWriter& writer = opened.value();

  CaptureSink sink(writer);
  FormatOptions text_format;  // strace -f -T style
  TextSink text(stderr, text_format, PidDisplay::Multiple);
  text.announce_runs(args.runs > 1);
  if (args.text) sink.add(text);
  SyscallStats stats;
  StatsSink stats_sink(stats);
  if (args.summary) sink.add(stats_sink);

  // Installed until golden exits: a Ctrl-C during the final commit must not kill it
  // between writing and renaming the file.
  StopSignals stop_on_ctrl_c;
  Result<CaptureOutcome> outcome = capture(options, sink);
  sink.stop_flusher();

  if (!outcome || !sink.began_run()) {
    if (!sink.began_run()) {
      // Nothing was recorded: remove FILE.partial; FILE itself was never touched.
      (void)writer.abandon();
      throw UsageError(outcome ? Error{"no run was recorded", args.output} : outcome.error());
    }
    // A run had begun: keep what it recorded in FILE.partial (readable, reported as
    // truncated), but do not let it pass for a complete FILE.
    writer.flush();
    if (args.text || args.summary) print_summary(stats, sink, args.summary);
    fmt::print(stderr, "golden: {} (what was recorded is in {})\n", outcome.error().to_string(),
               writer.partial_path());
    return 2;
  }

  Status committed = writer.commit();
  if (!committed) throw UsageError(committed.error());
  for (const std::string& note : outcome->notes) fmt::print(stderr, "golden: note: {}\n", note);
  if (args.text || args.summary) print_summary(stats, sink, args.summary);
  if (outcome->interrupted)
    fmt::print(stderr, "golden: capture stopped{}; the trace so far is in {}\n",
               stop_signal() ? " by " + signal_name(stop_signal()) : std::string(), args.output);
  return end_like_program(outcome->exit_status, outcome->killed_by);
}

const RegisterCommand kCapture{
    "capture", 10, [](CLI::App& app) -> RunFn {
      app.description(
          "Record a program's system calls into a trace file:\n"
          "  golden capture [options] -o FILE -- CMD [ARGS...]\n"
          "  golden capture [options] -o FILE -p PID[,PID...]");
      auto args = std::make_shared<CaptureArgs>();
      app.add_option("-o,--output", args->output, "trace file to write (.json or .json.zst)")
          ->required();
      app.add_option("-p,--attach", args->pids, "attach to running processes PID[,PID...]");
      app.add_option("-e", args->expression,
                     "which syscalls: trace=NAME,...|%file|%network|%process|... (! negates)");
      app.add_option("-s", args->string_limit,
                     "bytes of strings and payloads to keep (default 256; see --text-limit)")
          ->check(CLI::NonNegativeNumber);
      app.add_option("--text-limit", args->text_limit,
                     "text the program writes is kept whole up to N bytes a call, whatever -s "
                     "says, so comparison can template paths in it (default 65536; 0: -s only)")
          ->check(CLI::NonNegativeNumber);
      app.add_flag("--no-follow", args->no_follow,
                   "trace only the first process, not its children");
      app.add_flag("--no-pin", args->no_pin,
                   "let the program's threads run on every CPU (default: they share the "
                   "recorder's CPU, which makes each syscall stop far cheaper)");
      app.add_flag("--text", args->text, "also print strace-like lines on stderr as events arrive");
      app.add_flag("--summary", args->summary, "print the strace -c table on stderr at the end");
      app.add_option("--runs", args->runs, "run the command N times into one file")
          ->check(CLI::PositiveNumber);
      app.add_flag("--track-alloc", args->track_alloc,
                   "count heap allocations (LD_PRELOAD of golden's allocation library; static and "
                   "setuid programs are not counted), for memory_usage tracking_mode = "
                   "\"allocations\"");
      args->source = app.add_flag(
          "--source{0}", args->source_frames,
          "record where each syscall was made: file, line and function of the innermost user "
          "frame and its caller (needs -g; see docs/trace-format.md); --source=N also keeps the "
          "first N stack frames");
      app.add_option("--debug-dir", args->debug_dirs,
                     "with --source: a directory searched for separate debug files like "
                     "/usr/lib/debug (.build-id/xx/yyyy.debug, debuglink names); repeatable; "
                     "also GOLDEN_DEBUG_DIRS=DIR:DIR");
      app.add_option("command", args->command, "program and arguments (after --)");
      return [args] { return run_capture(*args); };
    }};

}  // namespace
}  // namespace golden::cli
