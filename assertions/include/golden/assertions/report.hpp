// Rendering a CheckReport: text for people, JSON for tools, JUnit XML for CI test
// reports (a testcase per assertion) and GitHub Actions workflow commands.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "golden/assertions/outcome.hpp"
#include "golden/model/report_format.hpp"
#include "golden/model/result.hpp"

namespace golden {

// Text, Json, Junit or Github (model/report_format.hpp); a check report has no HTML page
// (Html renders the text report).
std::string render_check(const CheckReport& report, ReportFormat format);
std::string render_check_text(const CheckReport& report);
std::string render_check_json(const CheckReport& report);
// <testsuites><testsuite name="golden check"> with one <testcase> per assertion:
// <failure> for a failed one, <error> when it could not be evaluated, <skipped> for a
// disabled, not applicable or inconclusive one; warnings go to <system-out>.
std::string render_check_junit(const CheckReport& report);
// The <testsuite> element alone, to join with other reports (junit_document).
std::string render_check_junit_suite(const CheckReport& report);
// `::error file=renacer.toml,line=12,title=...::message` per failure, `::warning` per
// warning or inconclusive result, `::notice` for not applicable, then a summary line.
std::string render_check_github(const CheckReport& report);

}  // namespace golden
