#include "byte_source.hpp"

#include <unistd.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

namespace golden::io_detail {
namespace {

constexpr std::size_t kChunk = 128 * 1024;

std::string at_byte(std::string_view name, std::uint64_t offset) {
  return std::string(name) + ": byte " + std::to_string(offset);
}

std::string limit_text(std::uint64_t limit) {
  if (limit >= (1u << 30) && limit % (1u << 30) == 0) return std::to_string(limit >> 30) + " GiB";
  if (limit >= (1u << 20) && limit % (1u << 20) == 0) return std::to_string(limit >> 20) + " MiB";
  return std::to_string(limit) + " bytes";
}

Error over_limit(std::string_view name, std::uint64_t offset, std::uint64_t limit) {
  return Error{"decoded trace is larger than the limit of " + limit_text(limit) +
                   " (ReadOptions::max_decompressed); corrupt input or a decompression bomb?",
               at_byte(name, offset)};
}

// Fills `buf` from `input` until `want` bytes or end of input (reads may be short).
Result<std::size_t> read_some(ByteInput& input, char* buf, std::size_t want) {
  std::size_t have = 0;
  while (have < want) {
    auto n = input.read(buf + have, want - have);
    if (!n) return n.error();
    if (*n == 0) break;
    have += *n;
  }
  return have;
}

// A zstd frame or a skippable frame (which zstd allows in front of data). Checked by
// hand: ZSTD_isFrame is not in the stable API of the zstd we build against.
bool starts_zstd_frame(const char* p, std::size_t size) {
  if (size < 4) return false;
  std::uint32_t magic = 0;
  for (int i = 3; i >= 0; --i) magic = magic << 8 | static_cast<unsigned char>(p[i]);
  return magic == ZSTD_MAGICNUMBER ||
         (magic & ZSTD_MAGIC_SKIPPABLE_MASK) == ZSTD_MAGIC_SKIPPABLE_START;
}

struct DCtxDeleter {
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

Result<DecodeInfo> decode_zstd(ByteInput& input, std::string_view name, const ReadOptions& options,
                               const TextChunkSink& sink, std::vector<char>& in_buf,
                               std::size_t first_size) {
  DecodeInfo info;
  info.zstd = true;
  // Reject a frame that admits up front to being too big, before spending any time on it.
  unsigned long long declared = ZSTD_getFrameContentSize(in_buf.data(), first_size);
  if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != ZSTD_CONTENTSIZE_ERROR &&
      declared > options.max_decompressed)
    return Error{"zstd frame declares " + std::to_string(declared) +
                     " bytes of content, more than the limit of " +
                     limit_text(options.max_decompressed) + " (ReadOptions::max_decompressed)",
                 at_byte(name, 0)};

  std::unique_ptr<ZSTD_DCtx, DCtxDeleter> dctx(ZSTD_createDCtx());
  if (!dctx) return Error{"cannot allocate a zstd decompression context", std::string(name)};
  std::vector<char> out_buf(ZSTD_DStreamOutSize());
  std::size_t last = 0;  // ZSTD_decompressStream's last hint: 0 = at a frame boundary
  std::size_t size = first_size;
  while (size > 0) {
    ZSTD_inBuffer in{in_buf.data(), size, 0};
    bool out_full = false;
    while (in.pos < in.size || out_full) {
      ZSTD_outBuffer out{out_buf.data(), out_buf.size(), 0};
      std::size_t rc = ZSTD_decompressStream(dctx.get(), &out, &in);
      if (ZSTD_isError(rc))
        return Error{std::string("corrupt zstd data: ") + ZSTD_getErrorName(rc),
                     at_byte(name, info.input_bytes + in.pos)};
      last = rc;
      out_full = out.pos == out.size;
      info.text_bytes += out.pos;
      if (info.text_bytes > options.max_decompressed)
        return over_limit(name, info.input_bytes + in.pos, options.max_decompressed);
      if (out.pos > 0) {
        Status st = sink(TextChunk{std::string_view(out_buf.data(), out.pos), true,
                                   info.input_bytes + in.pos});
        if (!st) return st.error();
      }
      if (out.pos == 0 && in.pos == in.size) break;  // nothing more without new input
    }
    info.input_bytes += size;
    auto n = read_some(input, in_buf.data(), in_buf.size());
    if (!n) return n.error();
    size = *n;
  }
  info.zstd_truncated = last != 0;
  return info;
}

}  // namespace

Result<std::size_t> FdInput::read(char* out, std::size_t size) {
  for (;;) {
    ssize_t n = ::read(fd_, out, size);
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno != EINTR) return Error{std::string("read failed: ") + std::strerror(errno), name_};
  }
}

Result<std::size_t> MemoryInput::read(char* out, std::size_t size) {
  std::size_t n = std::min(size, rest_.size());
  std::memcpy(out, rest_.data(), n);
  rest_.remove_prefix(n);
  return n;
}

Result<DecodeInfo> decode_input(ByteInput& input, std::string_view name, const ReadOptions& options,
                                const TextChunkSink& sink) {
  std::vector<char> buf(kChunk);
  auto first = read_some(input, buf.data(), buf.size());
  if (!first) return first.error();
  if (starts_zstd_frame(buf.data(), *first))
    return decode_zstd(input, name, options, sink, buf, *first);

  DecodeInfo info;
  std::size_t size = *first;
  while (size > 0) {
    if (info.text_bytes + size > options.max_decompressed)
      return over_limit(name, options.max_decompressed, options.max_decompressed);
    info.text_bytes += size;
    info.input_bytes += size;
    Status st = sink(TextChunk{std::string_view(buf.data(), size), false, info.input_bytes});
    if (!st) return st.error();
    auto n = read_some(input, buf.data(), buf.size());
    if (!n) return n.error();
    size = *n;
  }
  return info;
}

}  // namespace golden::io_detail
