// JUnit XML: one <testcase> per assertion, in the schema CI systems read (Jenkins,
// GitLab, GitHub test reporters): failures, errors and skipped counted on the suite.
#include <fmt/format.h>

#include "golden/assertions/report.hpp"
#include "report_common.hpp"

namespace golden {

std::string render_check_junit_suite(const CheckReport& report) {
  using namespace detail;
  const std::size_t failures = report.count(Outcome::Fail);
  const std::size_t errors = report.count(Outcome::Error);
  const std::size_t skipped = report.count(Outcome::Disabled) +
                              report.count(Outcome::NotApplicable) +
                              report.count(Outcome::Inconclusive);
  double seconds = 0;
  for (const AssertionResult& r : report.results) seconds += r.seconds;

  std::string out;
  const std::string counts =
      fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{:.6f}\"",
                  report.results.size(), failures, errors, skipped, seconds);
  out += fmt::format("  <testsuite name=\"{}\" {}>\n",
                     xml_escape("golden check: " + report.config_name), counts);
  out += "    <properties>\n";
  out +=
      fmt::format("      <property name=\"trace\" value=\"{}\"/>\n", xml_escape(report.trace_name));
  out += fmt::format("      <property name=\"config\" value=\"{}\"/>\n",
                     xml_escape(report.config_name));
  if (!report.baseline_name.empty())
    out += fmt::format("      <property name=\"baseline\" value=\"{}\"/>\n",
                       xml_escape(report.baseline_name));
  out += fmt::format("      <property name=\"runs\" value=\"{}\"/>\n", report.runs);
  out += "    </properties>\n";
  for (const AssertionResult& r : report.results) {
    out += fmt::format("    <testcase name=\"{}\" classname=\"{}\" time=\"{:.6f}\">\n",
                       xml_escape(r.name),
                       xml_escape("golden.check." + std::string(to_string(r.type))), r.seconds);
    const std::string body =
        xml_escape(r.summary + "\n" + detail_lines(r, "  ") + "at " + r.where + "\n");
    const std::string message = xml_escape(r.summary);
    switch (r.outcome) {
      case Outcome::Fail:
        out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", message,
                           xml_escape(type_label(r)), body);
        break;
      case Outcome::Error:
        out += fmt::format("      <error message=\"{}\" type=\"cannot-evaluate\">{}</error>\n",
                           message, body);
        break;
      case Outcome::Disabled:
      case Outcome::NotApplicable:
      case Outcome::Inconclusive:
        out += fmt::format("      <skipped message=\"{}\"/>\n",
                           xml_escape(std::string(outcome_label(r.outcome)) + ": " + r.summary));
        out += fmt::format("      <system-out>{}</system-out>\n", body);
        break;
      case Outcome::Warn:
        out += fmt::format("      <system-out>{}</system-out>\n",
                           xml_escape("WARNING (fail_on_violation = false): ") + body);
        break;
      case Outcome::Pass:
        out += fmt::format("      <system-out>{}</system-out>\n", body);
        break;
    }
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n";
  return out;
}

std::string render_check_junit(const CheckReport& report) {
  return junit_document("golden check", render_check_junit_suite(report));
}

}  // namespace golden
