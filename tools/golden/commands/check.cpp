// golden check TRACE... --config renacer.toml [--baseline B] [--format F] [-o FILE]:
// budgets and anti-patterns of a trace (SPEC §6, docs/assertions.md). A thin front end
// over golden::assertions. Exit 0 pass, 1 a violated assertion, 2 bad input (an
// unreadable trace or config, or an assertion the trace cannot answer).
#include <fmt/core.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "command_registry.hpp"
#include "golden/io/output_file.hpp"
#include "golden/assertions/config.hpp"
#include "golden/assertions/detectors.hpp"
#include "golden/assertions/engine.hpp"
#include "golden/assertions/report.hpp"
#include "golden/model/result.hpp"
#include "trace_input.hpp"

namespace golden::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> traces;
  std::string config;
  std::string baseline;
  std::string format = "text";
  std::string output;
  std::string junit;
};

// Several files (each maybe with --runs N) judged as one set of runs.
TraceFile load_runs(const std::vector<std::string>& paths) {
  TraceFile all = load_trace(paths.front());
  for (std::size_t i = 1; i < paths.size(); ++i) {
    TraceFile more = load_trace(paths[i]);
    all.header.has_timing = all.header.has_timing && more.header.has_timing;
    all.truncated = all.truncated || more.truncated;
    for (Trace& t : more.runs) all.runs.push_back(std::move(t));
  }
  for (std::size_t i = 0; i < all.runs.size(); ++i)
    all.runs[i].run.index = static_cast<std::uint32_t>(i);
  if (all.runs.empty()) throw UsageError(Error{"the trace holds no run", paths.front()});
  return all;
}

int run_check(const CheckArgs& args) {
  const auto format = report_format_from_string(args.format);
  if (!format)
    throw UsageError("check: --format: expected text, json, junit or github, got '" + args.format +
                     "'");
  auto config = load_assertion_config(args.config);
  if (!config) throw UsageError(config.error());
  for (const std::string& w : config->warnings) fmt::print(stderr, "golden: warning: {}\n", w);

  const TraceFile trace = load_runs(args.traces);
  std::optional<TraceFile> baseline;
  if (!args.baseline.empty()) baseline = load_runs({args.baseline});

  std::string name = args.traces.front();
  for (std::size_t i = 1; i < args.traces.size(); ++i) name += ", " + args.traces[i];
  CheckInput input{.trace = &trace,
                   .trace_name = name,
                   .baseline = baseline ? &*baseline : nullptr,
                   .baseline_name = args.baseline,
                   .config_name = args.config};
  CheckReport report = run_checks(*config, input);
  // Config warnings were printed already; keep them out of the report's notes twice.
  report.notes.erase(report.notes.begin(),
                     report.notes.begin() + static_cast<long>(config->warnings.size()));

  if (!args.junit.empty())
    if (Status written = write_output_file(args.junit, render_check_junit(report)); !written)
      throw UsageError(written.error());
  const std::string text = render_check(report, *format);
  if (!args.output.empty())
    if (Status written = write_output_file(args.output, text); !written)
      throw UsageError(written.error());
  // stdout: the chosen format, or the text report when that went to a file; GitHub
  // annotations are followed by the text report so the CI log shows the details.
  std::string out = args.output.empty() ? text : std::string();
  if (*format != ReportFormat::Text && (!args.output.empty() || *format == ReportFormat::Github))
    out += render_check_text(report);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return report.exit_status();
}

const RegisterCommand kRegister{
    "check", 50, [](CLI::App& app) -> RunFn {
      auto args = std::make_shared<CheckArgs>();
      std::string patterns;
  for (std::string_view name : detector_names())
    patterns += fmt::format("\n  {:<19} {}", name, find_detector(name)->description());
  app.description(
      "Check a trace against budgets and anti-pattern rules (renacer.toml)\n"
      "exit 0 pass, 1 an assertion failed, 2 bad input (docs/assertions.md)\n"
      "anti_pattern detectors:" +
      patterns);
  app.add_option("TRACE", args->traces, "trace file(s); all their runs are judged together")
          ->required();
      app.add_option("-c,--config", args->config, "assertion file (renacer.toml)")->required();
      app.add_option("-b,--baseline", args->baseline, "baseline trace for max_regression_percent");
      app.add_option("-f,--format", args->format, "report format: text, json, junit, github")
          ->check(CLI::IsMember({"text", "json", "junit", "github"}))
          ->capture_default_str();
      app.add_option("-o,--output", args->output,
                     "write the report to this file (the text report still goes to stdout)");
      app.add_option("--junit", args->junit, "also write a JUnit XML report to this file");
      return [args] { return run_check(*args); };
    }};

}  // namespace
}  // namespace golden::cli
