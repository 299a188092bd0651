// renacer.toml ([[assertion]] tables): parse_assertion_config on any text ends in a config
// or an Error; a config that parses is then run against a real trace, so what a rule
// compiles from its fields (regular expressions, globs, sizes) meets data too.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "golden/assertions/config.hpp"
#include "golden/assertions/engine.hpp"
#include "golden/io/trace_reader.hpp"

namespace {

const golden::TraceFile& sample() {
  static const golden::TraceFile file = [] {
    auto r = golden::read_trace(GOLDEN_SOURCE_DIR "/testdata/traces/sample.golden.json");
    if (!r) {
      std::fprintf(stderr, "%s\n", r.error().to_string().c_str());
      std::abort();
    }
    return std::move(r).value();
  }();
  return file;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto config = golden::parse_assertion_config(text, "fuzz.toml");
  if (!config) return 0;
  golden::CheckInput input;
  input.trace = &sample();
  input.trace_name = "sample.golden.json";
  input.baseline = &sample();
  input.baseline_name = "baseline.golden.json";
  input.config_name = "fuzz.toml";
  (void)golden::run_checks(*config, input);
  return 0;
}
