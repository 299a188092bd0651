#include "golden/model/report_format.hpp"

#include <array>

#include "golden/model/escape.hpp"

namespace golden {
namespace {

constexpr std::array<std::pair<ReportFormat, std::string_view>, 5> kNames{{
    {ReportFormat::Text, "text"},
    {ReportFormat::Json, "json"},
    {ReportFormat::Junit, "junit"},
    {ReportFormat::Github, "github"},
    {ReportFormat::Html, "html"},
}};

}  // namespace

std::optional<ReportFormat> report_format_from_string(std::string_view name) {
  for (const auto& [format, text] : kNames)
    if (text == name) return format;
  return std::nullopt;
}

std::string_view to_string(ReportFormat format) {
  for (const auto& [f, text] : kNames)
    if (f == format) return text;
  return "text";
}

std::string junit_document(std::string_view name, std::string_view suites) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"";
  out += xml_escape(name);
  out += "\">\n";
  out += suites;
  out += "</testsuites>\n";
  return out;
}

std::string github_escape_data(std::string_view s) {
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

std::string github_escape_property(std::string_view s) {
  std::string out;
  for (char c : github_escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace golden
