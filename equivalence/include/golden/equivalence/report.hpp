// Rendering a CompareResult: text (coloured on request), JSON (machine-readable),
// JUnit XML (one testsuite, a testcase per effect category) and HTML (one
// self-contained page: inline CSS, no external resources).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "golden/equivalence/compare.hpp"
#include "golden/model/report_format.hpp"

namespace golden {


struct ReportOptions {
  bool color = false;          // ANSI colours (text only)
  std::size_t max_hunk_lines = 200;  // lines shown per divergence before "..."
  // Text only: divergences shown (0: all; the rest are counted), and whether the effect
  // and performance tables follow. A test failure shows the first few, no tables.
  std::size_t max_divergences = 0;
  bool tables = true;
};

std::string render_report(const CompareResult& result, ReportFormat format,
                          const ReportOptions& options = {});
std::string render_text(const CompareResult& result, const ReportOptions& options = {});
std::string render_json(const CompareResult& result, const ReportOptions& options = {});
std::string render_junit(const CompareResult& result, const ReportOptions& options = {});
// The <testsuite> element alone, to join with other reports (junit_document).
std::string render_junit_suite(const CompareResult& result, const ReportOptions& options = {});
// One GitHub Actions ::error annotation per divergence not allowed, titled `title`
// ("" = "golden compare: A vs B").
std::string render_github(const CompareResult& result, std::string_view title = {});
std::string render_html(const CompareResult& result, const ReportOptions& options = {});

}  // namespace golden
