// renacer.toml ([[assertion]] tables): parse_assertion_config on any text ends in a config
// or an Error; a config that parses is then run against a real trace, so what a rule
// compiles from its fields (regular expressions, globs, sizes) meets data too.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "golden/assertions/config.hpp"
#include "golden/assertions/engine.hpp"
#include "sample_trace.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto config = golden::parse_assertion_config(text, "fuzz.toml");
  if (!config) return 0;
  golden::CheckInput input;
  input.trace = &golden::fuzz::sample_trace(1);
  input.trace_name = "sample.golden.json";
  input.baseline = &golden::fuzz::sample_trace(1);
  input.baseline_name = "baseline.golden.json";
  input.config_name = "fuzz.toml";
  (void)golden::run_checks(*config, input);
  return 0;
}
