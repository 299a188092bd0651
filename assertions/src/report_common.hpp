// Pieces shared by the report formats.
#pragma once

#include <string>
#include <string_view>

#include "golden/assertions/outcome.hpp"

namespace golden::detail {

// Paths and payload heads in messages may hold any byte: invalid UTF-8 and control
// characters (other than \t \n) become "\xNN" so every format stays valid.
std::string sanitize_text(std::string_view s);
std::string xml_escape(std::string_view s);  // sanitized, then & < > " ' escaped

// "PASS", "FAIL", "WARN", "NOISY", "N/A", "SKIP", "ERROR"
std::string_view outcome_label(Outcome o);
// "critical_path" or "anti_pattern TightLoop"
std::string type_label(const AssertionResult& r);
// "3 passed, 1 failed, 1 warning, ..." (zero counts left out, "no assertions" if empty)
std::string summary_counts(const CheckReport& report);
// The details and findings of a result as indented lines (for text, JUnit bodies, GitHub).
std::string detail_lines(const AssertionResult& r, std::string_view indent);

}  // namespace golden::detail
