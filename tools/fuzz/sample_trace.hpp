// The real trace the config targets run what they parse against
// (testdata/traces/sample.golden.json: two runs), loaded once; a target cannot run
// without it, so a missing or short file aborts.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "golden/io/trace_reader.hpp"

namespace golden::fuzz {

inline const TraceFile& sample_trace(std::size_t min_runs) {
  static const TraceFile file = [] {
    auto read = read_trace(GOLDEN_SOURCE_DIR "/testdata/traces/sample.golden.json");
    if (!read) {
      std::fprintf(stderr, "%s\n", read.error().to_string().c_str());
      std::abort();
    }
    return std::move(read).value();
  }();
  if (file.runs.size() < min_runs) {
    std::fprintf(stderr, "sample.golden.json: want %zu runs\n", min_runs);
    std::abort();
  }
  return file;
}

}  // namespace golden::fuzz
