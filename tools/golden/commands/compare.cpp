// golden compare A B: semantic equivalence of two runs (SPEC §5, docs/compare.md).
// Exit 0 equivalent, 1 divergent, 2 bad input (one line: what and where).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <string>

#include "command_registry.hpp"
#include "golden/io/output_file.hpp"
#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/compare_config.hpp"
#include "golden/equivalence/report.hpp"
#include "golden/io/trace_reader.hpp"
#include "golden/model/result.hpp"

namespace golden::cli {
namespace {

struct CompareArgs {
  std::string a, b;
  std::string config;
  std::string format = "text";
  std::string output;
  std::string color = "auto";
  int context = -1;
  unsigned run_a = 0, run_b = 0;
};

struct Loaded {
  TraceFile file;
  unsigned run;
};

Loaded load(const std::string& path, unsigned run) {
  auto file = read_trace(path);
  if (!file) throw UsageError(file.error());
  if (file->runs.empty()) throw UsageError(Error{"the file holds no run", path});
  if (run >= file->runs.size())
    throw UsageError(Error{"run " + std::to_string(run) + " requested, the file holds " +
                               std::to_string(file->runs.size()) + " run(s), numbered from 0",
                           path});
  return {std::move(file).value(), run};
}

int run_compare(const CompareArgs& args) {
  auto format = report_format_from_string(args.format);
  if (!format)
    throw UsageError("--format: expected text, json, junit, github or html, got '" + args.format + "'");
  CompareConfig config;
  if (!args.config.empty()) {
    auto c = load_compare_config(args.config);
    if (!c) throw UsageError(c.error());
    config = std::move(c).value();
  }
  add_environment_defaults(config);
  if (args.context >= 0) config.context = args.context;

  // Reading dominates on large traces: read B on a second thread. A's error, if any,
  // is the one reported (the future waits for B before the exception leaves).
  auto b_future = std::async(std::launch::async, [&] { return load(args.b, args.run_b); });
  Loaded a = load(args.a, args.run_a);
  Loaded b = b_future.get();
  CompareInput in_a{&a.file.runs[a.run], a.file.header, args.a, a.file.truncated};
  CompareInput in_b{&b.file.runs[b.run], b.file.header, args.b, b.file.truncated};
  CompareResult result = compare(in_a, in_b, config);

  ReportOptions options;
  if (args.color == "always") {
    options.color = true;
  } else if (args.color == "auto") {
    options.color = args.output.empty() && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  }
  std::string text = render_report(result, *format, options);
  if (args.output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    if (Status written = write_output_file(args.output, text); !written)
      throw UsageError(written.error());
  }
  return result.equivalent ? 0 : 1;
}

const RegisterCommand kRegister{"compare", 40, [](CLI::App& app) -> RunFn {
  auto args = std::make_shared<CompareArgs>();
  app.description("Compare two traces for semantic equivalence (exit 0 equivalent, 1 divergent, 2 bad input)");
  app.add_option("A", args->a, "baseline trace (e.g. the golden file)")->required();
  app.add_option("B", args->b, "trace to check against it")->required();
  app.add_option("-c,--config", args->config, "TOML file with a [compare] table (allowed divergences...)");
  app.add_option("-f,--format", args->format, "report format: text, json, junit, github, html")
      ->capture_default_str();
  app.add_option("-o,--output", args->output, "write the report to this file instead of stdout");
  app.add_option("--color", args->color, "colour the text report: auto (on a tty), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_option("--context", args->context, "context lines around each difference (default 3)")
      ->check(CLI::Range(0, 1000));
  app.add_option("--run-a", args->run_a, "which run of A to use, for --runs N files (0-based)");
  app.add_option("--run-b", args->run_b, "which run of B to use (0-based)");
  return [args] { return run_compare(*args); };
}};

}  // namespace
}  // namespace golden::cli
