// The [compare] rules (templates, allow rules, relaxed categories): parse_compare_config on
// any text ends in a config or an Error; a config that parses is then used to compare the
// two runs of a real trace, so its globs and templates meet paths too.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/compare_config.hpp"
#include "golden/io/trace_reader.hpp"

namespace {

const golden::TraceFile& sample() {
  static const golden::TraceFile file = [] {
    auto r = golden::read_trace(GOLDEN_SOURCE_DIR "/testdata/traces/sample.golden.json");
    if (!r || r->runs.size() < 2) {
      std::fprintf(stderr, "sample.golden.json: want two runs\n");
      std::abort();
    }
    return std::move(r).value();
  }();
  return file;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto config = golden::parse_compare_config(text, "fuzz.toml");
  if (!config) return 0;
  const golden::TraceFile& f = sample();
  (void)golden::compare(f.runs[0], f.runs[1], *config);
  return 0;
}
