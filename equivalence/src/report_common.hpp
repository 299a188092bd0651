// Pieces every report format shares: the verdict, the performance rows with their
// ratios, the diff -u rendering of a divergence, byte-safe text for XML/HTML/JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "golden/equivalence/compare.hpp"
#include "golden/model/escape.hpp"  // sanitize_text, xml_escape

namespace golden::eqv {

struct PerfRow {
  std::string name;   // "wall time", "syscalls", "  file", "peak RSS"
  std::string a, b;   // formatted values, "?" when unknown
  std::optional<double> ratio;  // b / a
  bool sub = false;   // a per-class row under "syscalls"
};
std::vector<PerfRow> perf_rows(const CompareResult& r);
std::string ratio_text(std::optional<double> ratio);

// "EQUIVALENT" / "DIVERGENT: 2 divergences (1 more allowed)".
std::string verdict_text(const CompareResult& r);
std::string seq_text(std::optional<Seq> seq);  // "#12" or "-"
// "config.cpp:41 load_config() <- main()", "app+0x1a2b load_config()": where a call was
// made (golden capture --source).
std::string source_text(const SourceLocation& s);
// "A config.cpp:41 load_config(); B config.cpp:43 load_config()", "" when neither side
// has a location.
std::string divergence_sources(const Divergence& d);
// "$ARG2 = /tmp/tmp.abc <-> /tmp/work-XYZ", one line per path alignment (at most
// `max_lines`, then "... and N more").
std::vector<std::string> alignment_lines(const CompareResult& r, std::size_t max_lines);
// "@@ -3,2 +3,3 @@"
std::string hunk_header(const Divergence& d);
// The hunk as diff -u lines (without the header), at most `max_lines`, then "...".
std::vector<std::string> hunk_lines(const Divergence& d, std::size_t max_lines);
// "1 divergence", "3 divergences".
std::string plural(std::size_t n, std::string_view word);

}  // namespace golden::eqv
