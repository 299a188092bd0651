// The text report: one line per assertion, its details indented below it.
#include <fmt/format.h>

#include "golden/assertions/report.hpp"
#include "report_common.hpp"

namespace golden {

std::string render_check_text(const CheckReport& report) {
  using namespace detail;
  std::string out = fmt::format("golden check: {} ({} run{}) against {}", report.trace_name,
                                report.runs, report.runs == 1 ? "" : "s", report.config_name);
  if (!report.baseline_name.empty()) out += fmt::format(", baseline {}", report.baseline_name);
  out += "\n";
  for (const std::string& note : report.notes) out += "note: " + sanitize_text(note) + "\n";
  for (const AssertionResult& r : report.results) {
    out += fmt::format("{:<5} {} ({}): {}\n", outcome_label(r.outcome), r.name, type_label(r),
                       sanitize_text(r.summary));
    out += sanitize_text(detail_lines(r, "      "));
  }
  out += fmt::format("result: {} — {}\n",
                     report.exit_status() == 0   ? "pass"
                     : report.exit_status() == 1 ? "FAIL"
                                                 : "ERROR",
                     summary_counts(report));
  return out;
}

std::string render_check(const CheckReport& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::Json:
      return render_check_json(report);
    case ReportFormat::Junit:
      return render_check_junit(report);
    case ReportFormat::Github:
      return render_check_github(report);
    case ReportFormat::Text:
    case ReportFormat::Html:
      break;
  }
  return render_check_text(report);
}

}  // namespace golden
