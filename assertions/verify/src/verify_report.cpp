// The verify report: the comparison's and the check's reports joined, in each CI format.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "golden/equivalence/report.hpp"
#include "golden/verify/verify.hpp"

namespace golden {

std::string render_verify(const VerifyResult& o, ReportFormat format, bool color) {
  std::string out;
  switch (format) {
    case ReportFormat::Text:
    case ReportFormat::Html: {  // no page of its own: the text report
      if (o.comparison) out += render_text(*o.comparison, {.color = color});
      if (o.check) out += render_check_text(*o.check);
      for (const std::string& m : o.messages) out += "golden verify: " + m + "\n";
      break;
    }
    case ReportFormat::Json: {
      nlohmann::ordered_json doc;
      doc["format"] = "golden-verify";
      doc["golden"] = o.golden;
      doc["exit_status"] = o.status;
      doc["messages"] = o.messages;
      doc["compare"] = o.comparison ? nlohmann::ordered_json::parse(render_json(*o.comparison))
                                    : nlohmann::ordered_json();
      doc["check"] = o.check ? nlohmann::ordered_json::parse(render_check_json(*o.check))
                             : nlohmann::ordered_json();
      // Text in traces may hold any byte: invalid UTF-8 is replaced, not a throw.
      out = doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
      break;
    }
    case ReportFormat::Junit: {
      std::string suites;
      if (o.comparison) suites += render_junit_suite(*o.comparison);
      if (o.check) suites += render_check_junit_suite(*o.check);
      out = junit_document("golden verify", suites);
      break;
    }
    case ReportFormat::Github: {
      if (o.comparison)
        out += render_github(*o.comparison, "golden verify: behaviour differs from " + o.golden);
      if (o.check) out += render_check_github(*o.check);
      for (const std::string& m : o.messages)
        out += fmt::format("::{} title=golden verify::{}\n", o.status == 0 ? "notice" : "error",
                           github_escape_data(m));
      break;
    }
  }
  return out;
}

}  // namespace golden
