// Pieces shared by the report formats.
#pragma once

#include <string>
#include <string_view>

#include "golden/assertions/outcome.hpp"
#include "golden/model/escape.hpp"  // sanitize_text, xml_escape

namespace golden::detail {

// "PASS", "FAIL", "WARN", "NOISY", "N/A", "SKIP", "ERROR"
std::string_view outcome_label(Outcome o);
// "critical_path" or "anti_pattern TightLoop"
std::string type_label(const AssertionResult& r);
// "3 passed, 1 failed, 1 warning, ..." (zero counts left out, "no assertions" if empty)
std::string summary_counts(const CheckReport& report);
// The details and findings of a result as indented lines (for text, JUnit bodies, GitHub).
std::string detail_lines(const AssertionResult& r, std::string_view indent);

}  // namespace golden::detail
