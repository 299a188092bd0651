// The [compare] rules (templates, allow rules, relaxed categories): parse_compare_config on
// any text ends in a config or an Error; a config that parses is then used to compare the
// two runs of a real trace, so its globs and templates meet paths too.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/compare_config.hpp"
#include "sample_trace.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto config = golden::parse_compare_config(text, "fuzz.toml");
  if (!config) return 0;
  const golden::TraceFile& f = golden::fuzz::sample_trace(2);
  (void)golden::compare(f.runs[0], f.runs[1], *config);
  return 0;
}
