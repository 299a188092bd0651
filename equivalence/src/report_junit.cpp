// JUnit XML: one <testsuite>, one <testcase> per effect category; a category with
// divergences fails with their summaries as the message and the diffs as the body;
// a relaxed category is <skipped/>. Allowed divergences are listed in system-out.
#include <fmt/format.h>

#include "golden/equivalence/report.hpp"
#include "report_common.hpp"

namespace golden {

std::string render_junit(const CompareResult& r, const ReportOptions& options) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + render_junit_suite(r, options);
}

std::string render_junit_suite(const CompareResult& r, const ReportOptions& options) {
  using namespace eqv;
  std::size_t failures = 0, skipped = 0;
  for (const CategoryStatus& s : r.categories) {
    if (!s.compared) ++skipped;
    else if (s.divergences > 0) ++failures;
  }
  std::string out = fmt::format(
      "<testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\">\n",
      xml_escape("golden compare " + r.name_a + " vs " + r.name_b), r.categories.size(), failures,
      skipped);
  out += "  <properties>\n";
  out += fmt::format("    <property name=\"verdict\" value=\"{}\"/>\n", xml_escape(verdict_text(r)));
  out += fmt::format("    <property name=\"a\" value=\"{}\"/>\n", xml_escape(r.name_a));
  out += fmt::format("    <property name=\"b\" value=\"{}\"/>\n", xml_escape(r.name_b));
  out += "  </properties>\n";
  for (const CategoryStatus& s : r.categories) {
    std::string name(to_string(s.category));
    out += fmt::format("  <testcase classname=\"golden.compare\" name=\"{}\" time=\"0\">", name);
    if (!s.compared) {
      out += "\n    <skipped message=\"relaxed by the [compare] config\"/>\n  </testcase>\n";
      continue;
    }
    std::string message, body, allowed;
    for (const Divergence& d : r.divergences) {
      if (d.category != s.category) continue;
      std::string block = fmt::format("{}\nwhere: {}; event A {}, B {}\n{}\n", d.summary, d.channel,
                                      seq_text(d.seq_a), seq_text(d.seq_b), hunk_header(d));
      for (const std::string& l : hunk_lines(d, options.max_hunk_lines)) block += l + "\n";
      if (d.allowed) {
        allowed += "allowed by " + d.allowed_by + ": " + block + "\n";
      } else {
        message += (message.empty() ? "" : "; ") + d.summary;
        body += block + "\n";
      }
    }
    if (!message.empty()) {
      out += fmt::format("\n    <failure message=\"{}\" type=\"divergence\">{}</failure>",
                         xml_escape(message), xml_escape(body));
    }
    if (!allowed.empty())
      out += fmt::format("\n    <system-out>{}</system-out>", xml_escape(allowed));
    out += message.empty() && allowed.empty() ? "</testcase>\n" : "\n  </testcase>\n";
  }
  std::string perf = "performance (A, B, B/A):\n";
  for (const PerfRow& row : perf_rows(r))
    perf += fmt::format("  {}: {} | {} | {}\n", row.name, row.a, row.b, ratio_text(row.ratio));
  for (const std::string& n : r.notes) perf += "note: " + n + "\n";
  out += fmt::format("  <system-out>{}</system-out>\n", xml_escape(perf));
  out += "</testsuite>\n";
  return out;
}

}  // namespace golden
