// zstd framing: frames, skippable frames, concatenated and cut streams, declared sizes,
// corrupt blocks. The input is taken as a zstd stream (the magic number is put in front
// when it is not there); the decoded text goes through the reader as any file's would.
#include <cstddef>
#include <cstdint>
#include <string>

#include "read_chunked.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  static const std::string kMagic("\x28\xb5\x2f\xfd", 4);
  const bool skippable = size >= 4 && (data[0] & 0xf0) == 0x50 && data[1] == 0x2a &&
                         data[2] == 0x4d && data[3] == 0x18;
  if (!bytes.starts_with(kMagic) && !skippable) bytes.insert(0, kMagic);
  golden::ReadOptions options;
  options.max_record = 1 << 16;
  // A bomb stops here; and what a frame decodes to is the other targets' business, so
  // a little of it is enough (the seeds decode to up to 1 MiB: most inputs stop here).
  options.max_decompressed = 1 << 16;
  golden::fuzz::check_reader(bytes, options);
  return 0;
}
