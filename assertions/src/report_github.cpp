// GitHub Actions workflow commands: each failure an ::error annotation and each warning
// a ::warning, attached to the assertion's line in the config so they show in the diff.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
#include <fmt/format.h>

#include "golden/assertions/report.hpp"
#include "golden/model/report_format.hpp"
#include "report_common.hpp"

namespace golden {
namespace {

// "renacer.toml:12" -> file and line properties.
std::string location(const std::string& where) {
  const auto colon = where.rfind(':');
  if (colon == std::string::npos || colon + 1 >= where.size() ||
      where.find_first_not_of("0123456789", colon + 1) != std::string::npos)
    return where.empty() ? "" : "file=" + github_escape_property(where) + ",";
  return fmt::format("file={},line={},", github_escape_property(where.substr(0, colon)),
                     where.substr(colon + 1));
}

}  // namespace

std::string render_check_github(const CheckReport& report) {
  using namespace detail;
  std::string out;
  for (const std::string& note : report.notes)
    out += fmt::format("::notice title={}::{}\n", github_escape_property("golden check"),
                       github_escape_data(sanitize_text(note)));
  for (const AssertionResult& r : report.results) {
    std::string_view command;
    switch (r.outcome) {
      case Outcome::Fail:
      case Outcome::Error:
        command = "error";
        break;
      case Outcome::Warn:
      case Outcome::Inconclusive:
        command = "warning";
        break;
      case Outcome::NotApplicable:
        command = "notice";
        break;
      case Outcome::Pass:
      case Outcome::Disabled:
        continue;
    }
    const std::string title =
        fmt::format("golden check: {} ({}) {}", r.name, type_label(r), outcome_label(r.outcome));
    const std::string message = sanitize_text(r.summary + "\n" + detail_lines(r, "  "));
    out += fmt::format("::{} {}title={}::{}\n", command, location(r.where), github_escape_property(title),
                       github_escape_data(message));
  }
  out += fmt::format("golden check: {} against {}: {}\n", report.trace_name, report.config_name,
                     summary_counts(report));
  return out;
}

}  // namespace golden
