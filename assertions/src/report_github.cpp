// GitHub Actions workflow commands: each failure an ::error annotation and each warning
// a ::warning, attached to the assertion's line in the config so they show in the diff.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
#include <fmt/format.h>

#include "golden/assertions/report.hpp"
#include "report_common.hpp"

namespace golden {
namespace {

// Message data: %, CR and LF are encoded.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

// Property values: also ':' and ','.
std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

// "renacer.toml:12" -> file and line properties.
std::string location(const std::string& where) {
  const auto colon = where.rfind(':');
  if (colon == std::string::npos || colon + 1 >= where.size() ||
      where.find_first_not_of("0123456789", colon + 1) != std::string::npos)
    return where.empty() ? "" : "file=" + escape_property(where) + ",";
  return fmt::format("file={},line={},", escape_property(where.substr(0, colon)),
                     where.substr(colon + 1));
}

}  // namespace

std::string render_check_github(const CheckReport& report) {
  using namespace detail;
  std::string out;
  for (const std::string& note : report.notes)
    out += fmt::format("::notice title={}::{}\n", escape_property("golden check"),
                       escape_data(sanitize_text(note)));
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
    out += fmt::format("::{} {}title={}::{}\n", command, location(r.where), escape_property(title),
                       escape_data(message));
  }
  out += fmt::format("golden check: {} against {}: {}\n", report.trace_name, report.config_name,
                     summary_counts(report));
  return out;
}

}  // namespace golden
