#include "report_common.hpp"

#include <fmt/format.h>

namespace golden::detail {

std::string_view outcome_label(Outcome o) {
  switch (o) {
    case Outcome::Pass:
      return "PASS";
    case Outcome::Fail:
      return "FAIL";
    case Outcome::Warn:
      return "WARN";
    case Outcome::Inconclusive:
      return "NOISY";
    case Outcome::NotApplicable:
      return "N/A";
    case Outcome::Disabled:
      return "SKIP";
    case Outcome::Error:
      return "ERROR";
  }
  return "?";
}

std::string type_label(const AssertionResult& r) {
  std::string t(to_string(r.type));
  if (!r.pattern.empty()) t += " " + r.pattern;
  return t;
}

std::string summary_counts(const CheckReport& report) {
  if (report.results.empty()) return "no assertions";
  const std::pair<Outcome, const char*> kinds[] = {{Outcome::Pass, "passed"},
                                                   {Outcome::Fail, "failed"},
                                                   {Outcome::Warn, "warning(s)"},
                                                   {Outcome::Inconclusive, "too noisy to judge"},
                                                   {Outcome::NotApplicable, "not applicable"},
                                                   {Outcome::Disabled, "disabled"},
                                                   {Outcome::Error, "could not be evaluated"}};
  std::string out;
  for (const auto& [o, word] : kinds)
    if (std::size_t n = report.count(o); n > 0)
      out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, word);
  return out;
}

std::string detail_lines(const AssertionResult& r, std::string_view indent) {
  std::string out;
  for (const std::string& d : r.details) out += fmt::format("{}{}\n", indent, d);
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const Finding& f = r.findings[i];
    out += fmt::format("{}finding {} (confidence {:.2f}): {}\n", indent, i + 1, f.confidence,
                       f.summary);
    out += fmt::format("{}  where: {}\n", indent, f.where);
    out += fmt::format("{}  why:   {}\n", indent, f.why);
  }
  return out;
}

}  // namespace golden::detail
