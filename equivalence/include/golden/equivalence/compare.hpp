// Semantic comparison of two runs (SPEC §5): both are normalized, channel by channel
// the effect sequences are diffed (strict order inside a channel; channels are
// independent, so the interleaving of unrelated processes never matters), and each
// difference becomes a Divergence with its place and a unified diff around it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "golden/equivalence/compare_config.hpp"
#include "golden/equivalence/normalized.hpp"
#include "golden/equivalence/performance.hpp"
#include "golden/model/trace.hpp"

namespace golden {

struct DiffLine {
  char op = ' ';                 // ' ' context, '-' only in A, '+' only in B
  std::string text;              // the item's canonical text
  std::optional<Seq> seq;        // its event in A (' ', '-') or in B ('+')
  std::optional<Seq> seq_b;      // for context lines: the matching event in B
};

struct Divergence {
  Category category = Category::Processes;
  std::string channel;           // "stdout", "file $TMP1/out.txt", "processes"
  std::string summary;           // "stdout differs", "file created only in B", ...
  std::vector<std::string> processes;  // process keys involved
  std::optional<Seq> seq_a, seq_b;     // first differing event in each trace
  // Where those events were made (golden capture --source), when both traces carry
  // source locations.
  std::optional<SourceLocation> source_a, source_b;
  // Hunk header ranges, 1-based, like diff -u: "@@ -a_start,a_count +b_start,b_count @@".
  std::size_t a_start = 0, a_count = 0, b_start = 0, b_count = 0;
  std::vector<DiffLine> lines;
  bool lines_truncated = false;  // the hunk was longer than shown
  bool allowed = false;          // accepted by an allow rule
  std::string allowed_by;        // "reason (file.toml:12)"
};

struct CategoryStatus {
  Category category = Category::Processes;
  bool compared = true;          // false when relaxed
  std::size_t items_a = 0, items_b = 0;
  std::size_t divergences = 0;   // not allowed
  std::size_t allowed = 0;
};

struct CompareInput {
  const Trace* trace = nullptr;
  TraceHeader header;
  std::string name;              // file name shown in reports
  bool truncated = false;        // the file ended before its trailer
};

struct CompareResult {
  bool equivalent = true;
  std::string name_a, name_b;
  std::vector<Divergence> divergences;   // allowed ones included, flagged
  std::vector<CategoryStatus> categories;
  PerfFigures perf_a, perf_b;
  std::vector<PathAlignment> alignments;  // paths taken as the same part of both runs
  std::vector<std::string> notes;        // warnings a reader of the verdict must see
  Counters counters;                     // "a.equivalence.*", "b.equivalence.*"
  int context = 3;

  std::size_t failing() const;           // divergences not allowed
};

CompareResult compare(const CompareInput& a, const CompareInput& b, const CompareConfig& config);
// Convenience for tests and the GoogleTest layer.
CompareResult compare(const Trace& a, const Trace& b, const CompareConfig& config = {});

}  // namespace golden
