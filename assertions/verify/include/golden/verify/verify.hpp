// golden verify's flow and its rules for the golden file (SPEC §6), in one place for
// every way users meet them: `golden verify`, CMake's golden_add_test (which runs it)
// and EXPECT_MATCHES_GOLDEN (golden::testing).
//
// The golden is only ever replaced by a complete new trace (FILE.new, renamed), and
// never when CI is set: the new trace then stays in FILE.new for review and the
// verification fails.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "golden/assertions/config.hpp"
#include "golden/assertions/outcome.hpp"
#include "golden/assertions/report.hpp"
#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/compare_config.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden/model/result.hpp"

namespace golden {

// An environment flag is set unless empty, "0" or "false" (any case): CI=true on
// GitHub/GitLab, CI=1 elsewhere.
bool env_flag(const char* name);

struct GoldenRules {
  bool update = false;  // re-record the golden (--update, GOLDEN_UPDATE=1)
  bool ci = false;      // CI is set: never write the golden
  // `update_flag` or GOLDEN_UPDATE; CI from the environment.
  static GoldenRules from_environment(bool update_flag = false);
};

struct VerifyRequest {
  std::string golden;                           // FILE (.json or .json.zst)
  GoldenRules rules;
  const AssertionConfig* assertions = nullptr;  // budgets to check, if any
  std::string config_name;                      // where they came from, for reports
  CompareConfig compare;
};

struct VerifyResult {
  std::string golden, fresh;                    // FILE and FILE.new
  std::optional<CompareResult> comparison;      // when a golden was compared with
  std::optional<CheckReport> check;             // when budgets were checked
  std::vector<std::string> messages;            // what was done with the golden file
  // 0 pass (or golden recorded), 1 divergence / violation / review needed, 2 bad input.
  int status = 0;
};

// Writes the new trace into `path` completely or not at all (a capture, or a trace a
// test holds), with the compression the golden's name asks for.
using WriteFreshTrace = std::function<Status(const std::string& path, const WriterOptions& options)>;

// Reads the golden when it is to be compared (before anything runs: an unreadable golden
// is bad input), has `write_fresh` write FILE.new, compares, checks the budgets and
// settles the golden file by the rules. Errors: unreadable golden or new trace, a
// failed write, a golden that cannot be replaced.
Result<VerifyResult> verify_golden(const VerifyRequest& request, const WriteFreshTrace& write_fresh);

// The report in a CI format; `color` for text on a terminal.
// (Html: the text report; verify has no page of its own.)
std::string render_verify(const VerifyResult& result, ReportFormat format, bool color = false);

}  // namespace golden
