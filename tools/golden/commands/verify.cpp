// golden verify --golden FILE [--config TOML] [--update] -- CMD ARGS: capture, compare
// with the golden trace and check the budgets, in one step for CI (SPEC §6).
//
// The golden file is only ever replaced by a complete capture (FILE.new, renamed), and
// never when CI is set: then the new trace stays in FILE.new for review and the step
// fails. Exit 0 pass (or golden recorded), 1 divergence / violation / review needed,
// 2 bad input (config, capture failure, unreadable golden).
#include <fmt/core.h>
#include <strings.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command_registry.hpp"
#include "golden/assertions/alloc_preload.hpp"
#include "golden/assertions/config.hpp"
#include "golden/assertions/engine.hpp"
#include "golden/assertions/report.hpp"
#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/compare_config.hpp"
#include "golden/equivalence/report.hpp"
#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden/model/result.hpp"
#include "golden/recorder/recorder.hpp"
#include "golden/syscalls/filter.hpp"
#include "stop_signals.hpp"
#include "trace_input.hpp"

namespace golden::cli {
namespace {

namespace fs = std::filesystem;

struct VerifyArgs {
  std::string golden;
  std::string config;
  std::string compare_config;  // [compare] rules from here instead of from `config`
  bool update = false;
  bool track_alloc = false;
  unsigned runs = 1;
  std::string expression;
  std::size_t string_limit = 256;
  std::size_t text_limit = 64 * 1024;  // written text kept whole up to this (DecodeOptions)
  std::string format = "text";
  std::string output;
  std::string junit;
  std::vector<std::string> command;
};

// "1", "true", "yes"... anything but empty, "0" and "false" (CI=true on GitHub/GitLab).
bool env_flag(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' && std::string_view(v) != "0" && strcasecmp(v, "false") != 0;
}

bool wants_allocations(const AssertionConfig& config) {
  for (const Assertion& a : config.assertions)
    if (const auto* m = std::get_if<MemoryUsageSpec>(&a.spec);
        m && a.enabled && m->mode == TrackingMode::Allocations)
      return true;
  return false;
}

// Captures the command into `path` (PATH.partial until complete). A capture that fails
// or is interrupted leaves nothing behind: a golden must come from a whole run.
void capture_into(const std::string& path, const VerifyArgs& args, bool track_alloc) {
  CaptureOptions options;
  options.command = args.command;
  options.runs = args.runs;
  options.decode.string_limit = args.string_limit;
  options.decode.text_limit = args.text_limit;
  if (!args.expression.empty()) {
    auto filter = SyscallFilter::parse(args.expression);
    if (!filter) throw UsageError(Error{filter.error().message, "-e " + args.expression});
    options.filter = std::move(filter).value();
  }
  if (track_alloc) {
    auto env = alloc_preload_env();
    if (!env) throw UsageError(env.error());
    options.extra_env.push_back(*env);
  }
  TraceHeader header;
  header.tool = "golden " GOLDEN_VERSION;
  header.filter = args.expression;
  header.string_limit = static_cast<std::uint32_t>(args.string_limit);
  WriterOptions writer_options;
  // FILE.new does not end in .zst: say explicitly what the golden's name asks for.
  writer_options.compression =
      args.golden.ends_with(".zst") ? Compression::Zstd : Compression::None;
  auto writer = TraceWriter::open(path, header, writer_options);
  if (!writer) throw UsageError(writer.error());
  Result<CaptureOutcome> outcome = [&] {
    StopSignals stop_on_ctrl_c;
    return capture(options, *writer);
  }();
  if (!outcome || outcome->interrupted) {
    (void)writer->abandon();
    throw UsageError(outcome
                         ? Error{"the capture was interrupted; nothing was written", args.golden}
                         : outcome.error());
  }
  if (Status committed = writer->commit(); !committed) throw UsageError(committed.error());
}

void replace(const std::string& from, const std::string& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec) throw UsageError(Error{"cannot replace the golden file: " + ec.message(), to});
}

// Minimal JSON string literal for the few strings verify adds around the two reports.
std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\', out += c;
    else if (static_cast<unsigned char>(c) < 0x20)
      out += fmt::format("\\u{:04x}", c);
    else
      out += c;
  }
  return out + "\"";
}

// The <testsuite> elements of a JUnit document (root <testsuite> or <testsuites>).
std::string junit_suites(const std::string& doc) {
  const auto begin = doc.find("<testsuite ");
  const auto end = doc.rfind("</testsuite>");
  if (begin == std::string::npos || end == std::string::npos) return {};
  return doc.substr(begin, end + 12 - begin) + "\n";
}

// GitHub workflow-command escaping: data escapes % CR LF; properties also : and ,.
std::string github_escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

// GitHub annotations for a divergence report (compare has no such format of its own).
std::string github_divergences(const CompareResult& r, const std::string& golden) {
  std::string out;
  for (const Divergence& d : r.divergences) {
    if (d.allowed) continue;
    out += fmt::format("::error title={}::{}\n",
                       github_escape("golden verify: behaviour differs from " + golden, true),
                       github_escape(fmt::format("{} ({})", d.summary, d.channel), false));
  }
  return out;
}

struct VerifyResult {
  std::optional<CompareResult> comparison;
  std::optional<CheckReport> check;
  std::vector<std::string> messages;  // what verify did with the golden file
  int status = 0;
};

std::string render(const VerifyResult& o, const VerifyArgs& args, CheckFormat format) {
  std::string out;
  switch (format) {
    case CheckFormat::Text: {
      const bool color =
          args.output.empty() && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
      if (o.comparison) out += render_text(*o.comparison, {.color = color});
      if (o.check) out += render_check_text(*o.check);
      for (const std::string& m : o.messages) out += "golden verify: " + m + "\n";
      break;
    }
    case CheckFormat::Json: {
      out = "{\n\"format\": \"golden-verify\",\n\"golden\": " + json_string(args.golden) +
            ",\n\"exit_status\": " + std::to_string(o.status) + ",\n\"messages\": [";
      for (std::size_t i = 0; i < o.messages.size(); ++i)
        out += (i ? ", " : "") + json_string(o.messages[i]);
      out +=
          "],\n\"compare\": " + (o.comparison ? render_json(*o.comparison) : std::string("null"));
      out +=
          ",\n\"check\": " + (o.check ? render_check_json(*o.check) : std::string("null")) + "}\n";
      break;
    }
    case CheckFormat::Junit: {
      out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"golden verify\">\n";
      if (o.comparison) out += junit_suites(render_junit(*o.comparison));
      if (o.check) out += junit_suites(render_check_junit(*o.check));
      out += "</testsuites>\n";
      break;
    }
    case CheckFormat::Github: {
      if (o.comparison) out += github_divergences(*o.comparison, args.golden);
      if (o.check) out += render_check_github(*o.check);
      for (const std::string& m : o.messages)
        out += fmt::format("::{} title=golden verify::{}\n", o.status == 0 ? "notice" : "error",
                           github_escape(m, false));
      break;
    }
  }
  return out;
}

int run_verify(const VerifyArgs& args) {
  const auto format = check_format_from_string(args.format);
  if (!format) throw UsageError("verify: --format: expected text, json, junit or github");
  if (args.command.empty()) throw UsageError("verify: give the command to run after --");
  if (args.runs == 0) throw UsageError("verify: --runs must be at least 1");
  // Every input is checked before the program runs.
  std::optional<AssertionConfig> assertions;
  CompareConfig compare_config;
  if (!args.config.empty()) {
    auto a = load_assertion_config(args.config);
    if (!a) throw UsageError(a.error());
    for (const std::string& w : a->warnings) fmt::print(stderr, "golden: warning: {}\n", w);
    a->warnings.clear();
    assertions = std::move(a).value();
  }
  if (const std::string& rules = args.compare_config.empty() ? args.config : args.compare_config;
      !rules.empty()) {
    auto c = load_compare_config(rules);
    if (!c) throw UsageError(c.error());
    compare_config = std::move(c).value();
  }
  add_environment_defaults(compare_config);
  const bool ci = env_flag("CI");
  const bool update = args.update || env_flag("GOLDEN_UPDATE");
  const bool exists = fs::exists(args.golden);
  const std::string fresh = args.golden + ".new";

  // The golden is read before the program runs: an unreadable one is bad input.
  std::optional<TraceFile> golden;
  if (exists && !update) golden = load_trace(args.golden);
  if (golden && golden->runs.empty())
    throw UsageError(Error{"the golden file holds no run", args.golden});

  capture_into(fresh, args, args.track_alloc || (assertions && wants_allocations(*assertions)));
  const TraceFile trace = load_trace(fresh);
  if (trace.runs.empty()) throw UsageError(Error{"the capture recorded no run", fresh});

  VerifyResult o;

  if (golden) {
    CompareInput a{&golden->runs.front(), golden->header, args.golden, golden->truncated};
    CompareInput b{&trace.runs.front(), trace.header, fresh, trace.truncated};
    o.comparison = compare(a, b, compare_config);
  }
  if (assertions) {
    // Regression limits are measured against the golden being compared with.
    CheckInput in{.trace = &trace,
                  .trace_name = fresh,
                  .baseline = golden ? &*golden : nullptr,
                  .baseline_name = golden ? args.golden : "",
                  .config_name = args.config};
    o.check = run_checks(*assertions, in);
  }
  const int check_status = o.check ? o.check->exit_status() : 0;

  if (!exists || update) {
    if (ci) {
      o.messages.push_back(fmt::format(
          "CI is set: {} not {}; the new trace is in {} for review (commit it as {} to accept it)",
          args.golden, exists ? "updated" : "recorded", fresh, args.golden));
      o.status = check_status == 2 ? 2 : 1;
    } else {
      replace(fresh, args.golden);
      o.messages.push_back(
          fmt::format("{} golden trace {}", exists ? "updated" : "recorded new", args.golden));
      o.status = check_status;
    }
  } else {
    const bool equivalent = o.comparison->equivalent;
    o.status = check_status == 2 ? 2 : (!equivalent || check_status == 1) ? 1 : 0;
    if (o.status == 0) {
      std::error_code ec;
      fs::remove(fresh, ec);  // nothing to review
      o.messages.push_back(fmt::format("matches {}", args.golden));
    } else {
      o.messages.push_back(fmt::format(
          "{}; the new trace is in {} (review it; --update or GOLDEN_UPDATE=1 accepts it)",
          !equivalent ? "behaviour differs from " + args.golden : "budgets violated", fresh));
    }
  }

  if (!args.junit.empty())
    if (Status written = write_report_file(args.junit, render(o, args, CheckFormat::Junit));
        !written)
      throw UsageError(written.error());
  const std::string report = render(o, args, *format);
  if (!args.output.empty())
    if (Status written = write_report_file(args.output, report); !written)
      throw UsageError(written.error());
  // stdout: the chosen format, or the text report when that went to a file; GitHub
  // annotations are followed by the text report so the CI log shows the details.
  std::string out = args.output.empty() ? report : std::string();
  if (*format != CheckFormat::Text && (!args.output.empty() || *format == CheckFormat::Github))
    out += render(o, args, CheckFormat::Text);
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
