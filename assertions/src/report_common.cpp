#include "report_common.hpp"

#include <fmt/format.h>

namespace golden::detail {

std::string sanitize_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n')
        out += fmt::format("\\x{:02x}", c);
      else if (c == 0x7f)
        out += "\\x7f";
      else
        out += static_cast<char>(c);
      ++i;
      continue;
    }
    // A well-formed UTF-8 sequence passes through; anything else is escaped byte by byte.
    std::size_t len = 0;
    if (c >= 0xc2 && c <= 0xdf)
      len = 2;
    else if (c >= 0xe0 && c <= 0xef)
      len = 3;
    else if (c >= 0xf0 && c <= 0xf4)
      len = 4;
    bool ok = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(s[i + k]) & 0xc0) == 0x80;
    if (ok && len == 3) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xe0 && c1 < 0xa0) && !(c == 0xed && c1 >= 0xa0);  // overlong, surrogates
    }
    if (ok && len == 4) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xf0 && c1 < 0x90) && !(c == 0xf4 && c1 >= 0x90);
    }
    if (ok) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += fmt::format("\\x{:02x}", c);
      ++i;
    }
  }
  return out;
}

std::string xml_escape(std::string_view s) {
  const std::string clean = sanitize_text(s);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

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
