#include "golden/verify/verify.hpp"

#include <fmt/core.h>
#include <strings.h>

#include <cstdlib>
#include <filesystem>

#include "golden/assertions/engine.hpp"
#include "golden/io/trace_reader.hpp"

namespace golden {
namespace {

namespace fs = std::filesystem;

Result<TraceFile> read_run(const std::string& path, const char* what) {
  Result<TraceFile> file = read_trace(path);
  if (!file) {
    Error e = file.error();
    if (e.where.empty()) e.where = path;
    return e;
  }
  if (file->runs.empty()) return Error{fmt::format("the {} holds no run", what), path};
  return file;
}

}  // namespace

bool env_flag(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' && std::string_view(v) != "0" && strcasecmp(v, "false") != 0;
}

GoldenRules GoldenRules::from_environment(bool update_flag) {
  return GoldenRules{.update = update_flag || env_flag("GOLDEN_UPDATE"), .ci = env_flag("CI")};
}

Result<VerifyResult> verify_golden(const VerifyRequest& request, const WriteFreshTrace& write_fresh) {
  VerifyResult o;
  o.golden = request.golden;
  o.fresh = request.golden + ".new";
  const bool exists = fs::exists(request.golden);
  const bool record = !exists || request.rules.update;

  std::optional<TraceFile> golden;
  if (!record) {
    auto read = read_run(request.golden, "golden file");
    if (!read) return read.error();
    golden = std::move(read).value();
    if (golden->truncated)
      o.messages.push_back(fmt::format("warning: {} is truncated (its capture did not finish)",
                                       request.golden));
  }

  WriterOptions writer_options;
  // FILE.new does not end in .zst: say explicitly what the golden's name asks for.
  writer_options.compression =
      request.golden.ends_with(".zst") ? Compression::Zstd : Compression::None;
  if (Status written = write_fresh(o.fresh, writer_options); !written) return written.error();
  auto fresh = read_run(o.fresh, "new trace");
  if (!fresh) return fresh.error();
  const TraceFile& trace = *fresh;

  if (golden) {
    CompareInput a{&golden->runs.front(), golden->header, request.golden, golden->truncated};
    CompareInput b{&trace.runs.front(), trace.header, o.fresh, trace.truncated};
    o.comparison = compare(a, b, request.compare);
  }
  if (request.assertions) {
    // Regression limits are measured against the golden being compared with.
    CheckInput in{.trace = &trace,
                  .trace_name = o.fresh,
                  .baseline = golden ? &*golden : nullptr,
                  .baseline_name = golden ? request.golden : "",
                  .config_name = request.config_name};
    o.check = run_checks(*request.assertions, in);
  }
  const int check_status = o.check ? o.check->exit_status() : 0;

  if (record) {
    if (request.rules.ci) {
      o.messages.push_back(fmt::format(
          "CI is set: {} not {}; the new trace is in {} for review (commit it as {} to accept it)",
          request.golden, exists ? "updated" : "recorded", o.fresh, request.golden));
      o.status = check_status == 2 ? 2 : 1;
    } else {
      std::error_code ec;
      fs::rename(o.fresh, request.golden, ec);
      if (ec) return Error{"cannot replace the golden file: " + ec.message(), request.golden};
      o.messages.push_back(
          fmt::format("{} golden trace {}", exists ? "updated" : "recorded new", request.golden));
      o.status = check_status;
    }
    return o;
  }
  const bool equivalent = o.comparison->equivalent;
  o.status = check_status == 2 ? 2 : (!equivalent || check_status == 1) ? 1 : 0;
  if (o.status == 0) {
    std::error_code ec;
    fs::remove(o.fresh, ec);  // nothing to review
    o.messages.push_back(fmt::format("matches {}", request.golden));
  } else {
    o.messages.push_back(fmt::format(
        "{}; the new trace is in {} (review it; --update or GOLDEN_UPDATE=1 accepts it)",
        !equivalent ? "behaviour differs from " + request.golden : "budgets violated", o.fresh));
  }
  return o;
}

}  // namespace golden
