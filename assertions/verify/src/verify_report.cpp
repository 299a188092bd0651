// The verify report: the comparison's and the check's reports joined, in each CI format.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "golden/equivalence/report.hpp"
#include "golden/verify/verify.hpp"

namespace golden {
namespace {

// The <testsuite> elements of a JUnit document (root <testsuite> or <testsuites>).
std::string junit_suites(const std::string& doc) {
  const auto begin = doc.find("<testsuite ");
  const auto end = doc.rfind("</testsuite>");
  if (begin == std::string::npos || end == std::string::npos) return {};
  return doc.substr(begin, end + 12 - begin) + "\n";
}

// GitHub workflow-command escaping: data escapes % CR LF; properties also : and ,.
std::string github_escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

// GitHub annotations for a divergence report (compare has no such format of its own).
std::string github_divergences(const CompareResult& r, const std::string& golden) {
  std::string out;
  for (const Divergence& d : r.divergences) {
    if (d.allowed) continue;
    out += fmt::format("::error title={}::{}\n",
                       github_escape("golden verify: behaviour differs from " + golden, true),
                       github_escape(fmt::format("{} ({})", d.summary, d.channel), false));
  }
  return out;
}

}  // namespace

std::string render_verify(const VerifyResult& o, CheckFormat format, bool color) {
  std::string out;
  switch (format) {
    case CheckFormat::Text: {
      if (o.comparison) out += render_text(*o.comparison, {.color = color});
      if (o.check) out += render_check_text(*o.check);
      for (const std::string& m : o.messages) out += "golden verify: " + m + "\n";
      break;
    }
    case CheckFormat::Json: {
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
    case CheckFormat::Junit: {
      out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"golden verify\">\n";
      if (o.comparison) out += junit_suites(render_junit(*o.comparison));
      if (o.check) out += junit_suites(render_check_junit(*o.check));
      out += "</testsuites>\n";
      break;
    }
    case CheckFormat::Github: {
      if (o.comparison) out += github_divergences(*o.comparison, o.golden);
      if (o.check) out += render_check_github(*o.check);
      for (const std::string& m : o.messages)
        out += fmt::format("::{} title=golden verify::{}\n", o.status == 0 ? "notice" : "error",
                           github_escape(m, false));
      break;
    }
  }
  return out;
}

}  // namespace golden
