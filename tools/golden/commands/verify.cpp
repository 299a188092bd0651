// golden verify --golden FILE [--config TOML] [--update] -- CMD ARGS: capture, compare
// with the golden trace and check the budgets, in one step for CI (SPEC §6).
//
// The golden file is only ever replaced by a complete capture (FILE.new, renamed), and
// never when CI is set: then the new trace stays in FILE.new for review and the step
// fails. Exit 0 pass (or golden recorded), 1 divergence / violation / review needed,
// 2 bad input (config, capture failure, unreadable golden).
#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command_registry.hpp"
#include "golden/io/output_file.hpp"
#include "golden/assertions/alloc_preload.hpp"
#include "golden/assertions/config.hpp"
#include "golden/assertions/report.hpp"
#include "golden/equivalence/compare_config.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden/model/result.hpp"
#include "golden/recorder/recorder.hpp"
#include "golden/syscalls/filter.hpp"
#include "golden/verify/verify.hpp"
#include "stop_signals.hpp"

namespace golden::cli {
namespace {

struct VerifyArgs {
  std::string golden;
  std::string config;
  std::string compare_config;  // [compare] rules from here instead of from `config`
  bool update = false;
  bool track_alloc = false;
  CLI::Option* source = nullptr;  // --source[=N]
  unsigned source_frames = 0;
  unsigned runs = 1;
  std::string expression;
  std::size_t string_limit = 256;
  std::size_t text_limit = 64 * 1024;  // written text kept whole up to this (DecodeOptions)
  std::string format = "text";
  std::string output;
  std::string junit;
  std::vector<std::string> command;
};

bool wants_allocations(const AssertionConfig& config) {
  for (const Assertion& a : config.assertions)
    if (const auto* m = std::get_if<MemoryUsageSpec>(&a.spec);
        m && a.enabled && m->mode == TrackingMode::Allocations)
      return true;
  return false;
}

// A syscall_count/error_count that selects calls by function or file needs the trace's
// source locations: verify captures with --source by itself then.
bool wants_source(const AssertionConfig& config) {
  for (const Assertion& a : config.assertions) {
    const CallSelector* sel = nullptr;
    if (const auto* c = std::get_if<SyscallCountSpec>(&a.spec)) sel = &c->select;
    if (const auto* e = std::get_if<ErrorCountSpec>(&a.spec)) sel = &e->select;
    if (sel && a.enabled && (!sel->function_pattern.empty() || !sel->file_pattern.empty()))
      return true;
  }
  return false;
}

// Captures the command into `path` (PATH.partial until complete). A capture that fails
// or is interrupted leaves nothing behind: a golden must come from a whole run.
Status capture_into(const std::string& path, const WriterOptions& writer_options,
                    const VerifyArgs& args, bool track_alloc, bool source) {
  CaptureOptions options;
  options.command = args.command;
  options.source = source;
  options.source_frames = args.source_frames;
  options.runs = args.runs;
  options.decode.string_limit = args.string_limit;
  options.decode.text_limit = args.text_limit;
  if (!args.expression.empty()) {
    auto filter = SyscallFilter::parse(args.expression);
    if (!filter) return Error{filter.error().message, "-e " + args.expression};
    options.filter = std::move(filter).value();
  }
  if (track_alloc) {
    auto env = alloc_preload_env();
    if (!env) return env.error();
    options.extra_env.push_back(*env);
  }
  TraceHeader header;
  header.tool = "golden " GOLDEN_VERSION;
  header.filter = args.expression;
  header.string_limit = static_cast<std::uint32_t>(args.string_limit);
  auto writer = TraceWriter::open(path, header, writer_options);
  if (!writer) return writer.error();
  Result<CaptureOutcome> outcome = [&] {
    StopSignals stop_on_ctrl_c;
    return capture(options, *writer);
  }();
  if (!outcome || outcome->interrupted) {
    (void)writer->abandon();
    return outcome ? Error{"the capture was interrupted; nothing was written", args.golden}
                   : outcome.error();
  }
  return writer->commit();
}

int run_verify(const VerifyArgs& args) {
  const auto format = report_format_from_string(args.format);
  if (!format) throw UsageError("verify: --format: expected text, json, junit or github");
  if (args.command.empty()) throw UsageError("verify: give the command to run after --");
  if (args.runs == 0) throw UsageError("verify: --runs must be at least 1");
  // Every input is checked before the program runs.
  VerifyRequest request;
  request.golden = args.golden;
  request.rules = GoldenRules::from_environment(args.update);
  std::optional<AssertionConfig> assertions;
  if (!args.config.empty()) {
    auto a = load_assertion_config(args.config);
    if (!a) throw UsageError(a.error());
    for (const std::string& w : a->warnings) fmt::print(stderr, "golden: warning: {}\n", w);
    a->warnings.clear();
    assertions = std::move(a).value();
    request.assertions = &*assertions;
    request.config_name = args.config;
  }
  if (const std::string& rules = args.compare_config.empty() ? args.config : args.compare_config;
      !rules.empty()) {
    auto c = load_compare_config(rules);
    if (!c) throw UsageError(c.error());
    request.compare = std::move(c).value();
  }
  add_environment_defaults(request.compare);
  const bool track_alloc = args.track_alloc || (assertions && wants_allocations(*assertions));
  const bool source =
      (args.source != nullptr && args.source->count() > 0) || (assertions && wants_source(*assertions));

  Result<VerifyResult> verified =
      verify_golden(request, [&](const std::string& path, const WriterOptions& writer_options) {
        return capture_into(path, writer_options, args, track_alloc, source);
      });
  if (!verified) throw UsageError(verified.error());
  const VerifyResult& o = *verified;

  if (!args.junit.empty())
    if (Status written = write_output_file(args.junit, render_verify(o, ReportFormat::Junit));
        !written)
      throw UsageError(written.error());
  const bool color =
      args.output.empty() && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  const std::string report = render_verify(o, *format, color && *format == ReportFormat::Text);
  if (!args.output.empty())
    if (Status written = write_output_file(args.output, report); !written)
      throw UsageError(written.error());
  // stdout: the chosen format, or the text report when that went to a file; GitHub
  // annotations are followed by the text report so the CI log shows the details.
  std::string out = args.output.empty() ? report : std::string();
  if (*format != ReportFormat::Text && (!args.output.empty() || *format == ReportFormat::Github))
    out += render_verify(o, ReportFormat::Text, color);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return o.status;
}

const RegisterCommand kRegister{
    "verify", 55, [](CLI::App& app) -> RunFn {
      auto args = std::make_shared<VerifyArgs>();
      app.description(
          "Capture a command, compare it with its golden trace and check its budgets (for CI):\n"
          "  golden verify --golden FILE [--config renacer.toml] [--update] -- CMD [ARGS...]\n"
          "A missing golden is recorded; --update or GOLDEN_UPDATE=1 re-records it; with CI set\n"
          "the golden is never written: the new trace goes to FILE.new and the step fails.\n"
          "exit 0 pass, 1 divergence/violation/review needed, 2 bad input");
      app.add_option("-g,--golden", args->golden, "the golden trace file (.json or .json.zst)")
          ->required();
      app.add_option("-c,--config", args->config,
                     "assertions ([[assertion]]) and [compare] rules (TOML)");
      app.add_option("--compare-config", args->compare_config,
                     "take the [compare] rules from this TOML file instead of --config");
      app.add_flag("-u,--update", args->update, "re-record the golden file (also GOLDEN_UPDATE=1)");
      args->source = app.add_flag("--source{0}", args->source_frames,
                                  "record where each syscall was made, as golden capture "
                                  "--source[=N] (on by itself when the config selects calls "
                                  "by function_pattern or file_pattern)");
      app.add_flag("--track-alloc", args->track_alloc,
                   "count heap allocations (LD_PRELOAD); on by itself when the config has a "
                   "tracking_mode = \"allocations\" budget");
      app.add_option("--runs", args->runs,
                     "run the command N times (timing budgets use the median)")
          ->check(CLI::PositiveNumber);
      app.add_option("-e", args->expression, "which syscalls to record (as golden capture -e)");
      app.add_option("-s", args->string_limit,
                     "bytes of strings and payloads to keep (default 256; see --text-limit)")
          ->check(CLI::NonNegativeNumber);
      app.add_option("--text-limit", args->text_limit,
                     "text the program writes is kept whole up to N bytes a call, whatever -s "
                     "says, so comparison can template paths in it (default 65536; 0: -s only)")
          ->check(CLI::NonNegativeNumber);
      app.add_option("-f,--format", args->format, "report format: text, json, junit, github")
          ->check(CLI::IsMember({"text", "json", "junit", "github"}))
          ->capture_default_str();
      app.add_option("-o,--output", args->output,
                     "write the report to this file (text still goes to stdout)");
      app.add_option("--junit", args->junit, "also write a JUnit XML report to this file");
      app.add_option("command", args->command, "program and arguments (after --)")->required();
      return [args] { return run_verify(*args); };
    }};

}  // namespace
}  // namespace golden::cli
