#include "payload.hpp"

#include <algorithm>

#include "golden/model/byte_scan.hpp"
#include "golden/model/escape.hpp"

namespace golden::detail {
namespace {

constexpr std::uint64_t kChunk = 64 * 1024;
constexpr std::uint64_t kIovMax = 1024;        // the kernel's UIO_MAXIOV
constexpr std::size_t kIovShown = 32;          // iovec elements rendered in text

}  // namespace

std::uint64_t PayloadBuilder::append(TraceeMemory& mem, std::uint64_t addr, std::uint64_t len,
                                     std::string* piece_head) {
  const std::size_t limit = opts_.string_limit;
  std::uint64_t want = len;
  if (!opts_.hash_payloads) {
    // Only the heads are needed: the payload's and this piece's.
    const std::uint64_t need_payload = head_.size() < limit ? limit - head_.size() : 0;
    const std::uint64_t need_piece = piece_head ? limit : 0;
    want = std::min<std::uint64_t>(len, std::max(need_payload, need_piece));
  }
  std::uint64_t done = 0;
  if (want > 0 && chunk_.empty()) chunk_.resize(static_cast<std::size_t>(std::min(want, kChunk)));
  while (done < want) {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(want - done, chunk_.size()));
    const std::size_t got = mem.read(RemoteAddr{addr + done}, chunk_.data(), n);
    if (got == 0) break;
    if (opts_.hash_payloads) hash_.append(chunk_.data(), got);
    if (head_.size() < limit) {
      head_.append(chunk_.data(), std::min<std::size_t>(got, limit - head_.size()));
    }
    if (keep_text_ && text_.size() <= opts_.text_limit) {
      text_.append(chunk_.data(), std::min<std::size_t>(got, opts_.text_limit + 1 - text_.size()));
    }
    if (piece_head && piece_head->size() < limit) {
      piece_head->append(chunk_.data(), std::min<std::size_t>(got, limit - piece_head->size()));
    }
    done += got;
    if (got < n) break;
  }
  if (!opts_.hash_payloads) {
    length_ += len;  // assumed transferred: nothing was read to say otherwise
    return len;
  }
  length_ += done;
  return done;
}

Payload PayloadBuilder::finish() const {
  Payload p;
  p.length = length_;
  p.hash = opts_.hash_payloads ? hash_.value() : 0;
  p.head = head_;
  if (keep_text_ && length_ > head_.size() && length_ <= opts_.text_limit && text_.size() == length_ &&
      !scan::looks_binary(text_))
    p.head = text_;
  return p;
}

std::optional<std::vector<Iovec>> read_iovecs(TraceeMemory& mem, std::uint64_t addr,
                                              std::uint64_t count) {
  count = std::min(count, kIovMax);
  std::vector<Iovec> iov(static_cast<std::size_t>(count));
  if (count == 0) return iov;
  const std::size_t bytes = iov.size() * sizeof(Iovec);
  if (addr == 0 || mem.read(RemoteAddr{addr}, iov.data(), bytes) != bytes) return std::nullopt;
  return iov;
}

IovecData read_iovec_data(TraceeMemory& mem, const std::vector<Iovec>& iov, std::uint64_t limit,
                          const DecodeOptions& opts, bool written) {
  PayloadBuilder builder(opts, written);
  std::string text = "[";
  std::uint64_t left = limit;
  for (std::size_t k = 0; k < iov.size(); ++k) {
    const std::uint64_t take = std::min(left, iov[k].len);
    const bool shown = k < kIovShown;
    std::string head;
    if (take > 0) builder.append(mem, iov[k].base, take, shown ? &head : nullptr);
    left -= take;
    if (!shown) continue;
    if (k) text += ", ";
    text += "{iov_base=" + quote_bytes(head, head.size() < take) +
            ", iov_len=" + std::to_string(iov[k].len) + "}";
  }
  if (iov.size() > kIovShown) text += ", ...";
  text += "]";
  return {builder.finish(), std::move(text)};
}

}  // namespace golden::detail
