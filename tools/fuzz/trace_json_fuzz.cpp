// golden-trace JSON (line layout and reformatted documents): parse_trace on any bytes
// ends in a trace or an Error, the same however the text is cut (read_chunked.hpp).
#include <cstddef>
#include <cstdint>

#include "read_chunked.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  golden::ReadOptions options;
  options.max_record = 1 << 16;  // small limits, so the fuzzer reaches them too
  options.max_decompressed = 1 << 22;
  golden::fuzz::check_reader({reinterpret_cast<const char*>(data), size}, options);
  return 0;
}
