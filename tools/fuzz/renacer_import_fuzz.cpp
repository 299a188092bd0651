// renacer-json-v1 import: the document reader on renacer's JSON (seeds from
// testdata/traces/renacer-*.json). Same checks as the golden-trace target.
#include <cstddef>
#include <cstdint>

#include "read_chunked.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  golden::ReadOptions options;
  options.max_record = 1 << 16;
  options.max_decompressed = 1 << 22;
  golden::fuzz::check_reader({reinterpret_cast<const char*>(data), size}, options);
  return 0;
}
