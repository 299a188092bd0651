// The report formats golden writes, one list for every report (compare, check, verify):
// a report renders the formats that fit it (`golden compare` has no GitHub annotations
// of its own, `golden check` no HTML page). And JUnit's document shell, so reports of
// several layers join into one document (verify: compare + check).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace golden {

enum class ReportFormat : std::uint8_t { Text, Json, Junit, Github, Html };

// "text", "json", "junit", "github", "html"; nullopt for anything else.
std::optional<ReportFormat> report_format_from_string(std::string_view name);
std::string_view to_string(ReportFormat format);

// <?xml ...?><testsuites name="NAME">SUITES</testsuites>: SUITES are <testsuite> elements
// (render_junit_suite, render_check_junit_suite). `name` is escaped here.
std::string junit_document(std::string_view name, std::string_view suites);

// GitHub Actions workflow commands (`::error title=T::message`): message data has %, CR
// and LF encoded; property values also ':' and ','.
std::string github_escape_data(std::string_view text);
std::string github_escape_property(std::string_view text);

}  // namespace golden
