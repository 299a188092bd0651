// golden graph FILE [--dot [-o out.dot]]: the causal DAG of one run and its critical
// path (docs/critical-path.md). A thin front end over golden::graph.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "command_registry.hpp"
#include "golden/io/output_file.hpp"
#include "golden/graph/causal_graph.hpp"
#include "golden/graph/critical_path.hpp"
#include "golden/graph/dot_writer.hpp"
#include "golden/graph/path_report.hpp"
#include "golden/io/trace_reader.hpp"
#include "golden/model/result.hpp"

namespace golden::cli {
namespace {

struct GraphArgs {
  std::string file;
  bool dot = false;
  std::string output;
  unsigned run = 0;
  std::string pattern;
  bool user_time = false;
  std::size_t collapse = 0;
  bool lenient = false;
};

std::string command_line(const RunInfo& run) {
  std::string out;
  for (const std::string& arg : run.command) out += (out.empty() ? "" : " ") + arg;
  return out.empty() ? "(attached)" : out;
}

int run_graph(const GraphArgs& args) {
  auto file = read_trace(args.file);
  if (!file) throw UsageError(file.error());
  if (file->runs.empty()) throw UsageError(Error{"the file holds no run", args.file});
  if (args.run >= file->runs.size())
    throw UsageError(Error{"--run " + std::to_string(args.run) + ": the file holds " +
                               std::to_string(file->runs.size()) + " run(s), numbered from 0",
                           args.file});
  if (file->truncated)
    std::fprintf(stderr, "golden: warning: %s: the trace is truncated; using the events read\n",
                 args.file.c_str());
  const Trace& trace = file->runs[args.run];
  const std::string where = args.file + ": run " + std::to_string(args.run);

  auto graph = CausalGraph::build(trace, {.reject_lamport_violations = !args.lenient});
  if (!graph) throw UsageError(Error{graph.error().message, where});

  // Without timing (some renacer imports) a critical path would be invented: say so.
  std::optional<CriticalPath> path;
  if (file->header.has_timing) {
    auto solved = critical_path(
        *graph, {.process_name_pattern = args.pattern, .count_user_time = args.user_time});
    if (!solved) throw UsageError(Error{solved.error().message, where});
    path = std::move(solved).value();
  }

  std::string text;
  if (args.dot) {
    std::ostringstream out;
    write_dot(out, *graph,
              {.highlight = path ? &*path : nullptr, .collapse_min_run = args.collapse});
    text = out.str();
    if (!path)
      std::fprintf(stderr, "golden: warning: %s: no timing, no critical path shown\n",
                   where.c_str());
  } else {
    text = "run " + std::to_string(args.run) + ": " + command_line(trace.run) + "\n";
    text += path ? format_critical_path(trace, *path)
                 : "critical path: unknown (the trace has no timing information)\n";
  }
  if (args.output.empty())
    std::fwrite(text.data(), 1, text.size(), stdout);
  else
    if (Status written = write_output_file(args.output, text); !written)
      throw UsageError(written.error());
  return 0;
}

const RegisterCommand kRegister{
    "graph", 60, [](CLI::App& app) -> RunFn {
      auto args = std::make_shared<GraphArgs>();
      app.description("Print the critical path of a trace, or draw its causal graph (--dot)");
      app.add_option("FILE", args->file, "trace file (.json, .json.zst, renacer-json-v1)")
          ->required();
      CLI::Option* dot = app.add_flag(
          "--dot", args->dot, "write Graphviz DOT (critical path in red) instead of the listing");
      app.add_option("-o,--output", args->output, "write to this file instead of stdout");
      app.add_option("--run", args->run, "which run of a --runs N file (0-based)")
          ->capture_default_str();
      app.add_option("--pattern", args->pattern,
                     "only processes whose name matches this regex (renacer's trace_name_pattern)");
      app.add_flag("--user-time", args->user_time,
                   "also count user-space time between a thread's calls on the path");
      app.add_option(
             "--collapse", args->collapse,
             "DOT: merge runs of at least N consecutive off-path events of a thread into one node")
          ->check(CLI::Range(std::size_t{2}, std::numeric_limits<std::size_t>::max()))
          ->needs(dot);
      app.add_flag("--lenient", args->lenient,
                   "count edges that go backwards in Lamport time instead of refusing the trace");
      return [args] { return run_graph(*args); };
    }};

}  // namespace
}  // namespace golden::cli
