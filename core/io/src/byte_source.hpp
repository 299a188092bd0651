// The bytes side of reading: a file or a memory buffer, zstd-compressed or not
// (detected by the frame magic, not the file name), delivered as decoded text in chunks
// with a cap on the total, so neither a huge file nor a decompression bomb can run the
// reader out of memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "golden/io/trace_reader.hpp"
#include "golden/model/result.hpp"

namespace golden::io_detail {

class ByteInput {
 public:
  virtual ~ByteInput() = default;
  // Reads up to `size` bytes; 0 at end of input.
  virtual Result<std::size_t> read(char* out, std::size_t size) = 0;
};

class FdInput final : public ByteInput {
 public:
  FdInput(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  Result<std::size_t> read(char* out, std::size_t size) override;

 private:
  int fd_;
  std::string name_;
};

class MemoryInput final : public ByteInput {
 public:
  explicit MemoryInput(std::string_view bytes) : rest_(bytes) {}
  Result<std::size_t> read(char* out, std::size_t size) override;

 private:
  std::string_view rest_;
};

struct DecodeInfo {
  bool zstd = false;
  bool zstd_truncated = false;  // input ended inside a zstd frame
  std::uint64_t input_bytes = 0;
  std::uint64_t text_bytes = 0;
};

// A piece of decoded text, and where the input stood when it came out (for zstd input
// the compressed offset, which is where a user can look for damage).
struct TextChunk {
  std::string_view text;
  bool zstd = false;
  std::uint64_t input_offset = 0;
};

using TextChunkSink = std::function<Status(const TextChunk& chunk)>;

// Reads `input` to its end, passing decoded text to `sink`. Errors: corrupt zstd data
// and text beyond options.max_decompressed, located as "name: byte N" (N = offset in
// the input where it was noticed).
Result<DecodeInfo> decode_input(ByteInput& input, std::string_view name, const ReadOptions& options,
                                const TextChunkSink& sink);

}  // namespace golden::io_detail
