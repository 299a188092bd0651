#include "byte_fifo.hpp"

#include <algorithm>

namespace golden::rec {
namespace {

void add_source(std::vector<HandlePtr>& sources, const HandlePtr& h) {
  if (!h) return;
  if (std::find(sources.begin(), sources.end(), h) == sources.end()) sources.push_back(h);
}

}  // namespace

void ByteFifo::push(HandlePtr source, std::uint64_t bytes, bool message, FifoStats& stats) {
  if (bytes == 0 && !message) return;
  if (chunks_.size() >= max_chunks_) {
    dropped_bytes_ += chunks_.front().bytes;
    bytes_ -= chunks_.front().bytes;
    chunks_.pop_front();
    ++stats.overflow_chunks;
  }
  chunks_.push_back(Chunk{std::move(source), bytes, message});
  bytes_ += bytes;
}

void ByteFifo::consume(std::uint64_t bytes, bool message, std::vector<HandlePtr>& sources,
                       FifoStats& stats) {
  if (message) {
    // A datagram read takes exactly one message, whatever its buffer size (the rest
    // of a longer datagram is discarded by the kernel).
    if (!chunks_.empty()) {
      add_source(sources, chunks_.front().source);
      bytes_ -= chunks_.front().bytes;
      chunks_.pop_front();
      return;
    }
    for (auto& w : inflight_) {
      if (w->taken == 0) {
        w->taken = std::max<std::uint64_t>(bytes, 1);
        add_source(sources, w->source);
        return;
      }
    }
    stats.unpaired_bytes += bytes;
    return;
  }
  std::uint64_t left = bytes;
  const std::uint64_t skip = std::min(left, dropped_bytes_);
  dropped_bytes_ -= skip;
  left -= skip;
  while (left > 0 && !chunks_.empty()) {
    Chunk& c = chunks_.front();
    add_source(sources, c.source);
    const std::uint64_t n = std::min(left, c.bytes);
    c.bytes -= n;
    bytes_ -= n;
    left -= n;
    if (c.bytes == 0) chunks_.pop_front();
  }
  for (auto& w : inflight_) {
    if (left == 0) break;
    const std::uint64_t avail = w->requested > w->taken ? w->requested - w->taken : 0;
    if (avail == 0) continue;
    const std::uint64_t n = std::min(left, avail);
    w->taken += n;
    left -= n;
    add_source(sources, w->source);
  }
  stats.unpaired_bytes += left;
}

void ByteFifo::peek(std::uint64_t bytes, std::vector<HandlePtr>& sources) const {
  std::uint64_t left = bytes > dropped_bytes_ ? bytes - dropped_bytes_ : 0;
  for (const Chunk& c : chunks_) {
    if (left == 0) break;
    add_source(sources, c.source);
    left -= std::min(left, c.bytes);
  }
}

std::shared_ptr<InflightWrite> ByteFifo::begin_write(ByteFifo& fifo, std::shared_ptr<void> owner,
                                                     HandlePtr source, std::uint64_t requested,
                                                     bool message) {
  auto w = std::make_shared<InflightWrite>();
  w->source = std::move(source);
  w->requested = requested;
  w->message = message;
  w->fifo = &fifo;
  w->fifo_owner = std::move(owner);
  fifo.inflight_.push_back(w);
  return w;
}

void ByteFifo::end_write(const std::shared_ptr<InflightWrite>& write, std::int64_t written,
                         FifoStats& stats) {
  if (!write || !write->fifo) return;
  ByteFifo& fifo = *write->fifo;
  fifo.inflight_.remove(write);
  write->fifo = nullptr;
  if (written < 0) return;
  const auto n = static_cast<std::uint64_t>(written);
  if (write->message) {
    if (write->taken == 0) fifo.push(write->source, n, true, stats);
  } else if (n > write->taken) {
    fifo.push(write->source, n - write->taken, false, stats);
  }
  write->fifo_owner.reset();
}

void ByteFifo::move_into(ByteFifo& to, const std::shared_ptr<void>& to_owner, FifoStats& stats) {
  to.dropped_bytes_ += dropped_bytes_;
  dropped_bytes_ = 0;
  for (Chunk& c : chunks_) to.push(std::move(c.source), c.bytes, c.message, stats);
  chunks_.clear();
  bytes_ = 0;
  for (auto& w : inflight_) {
    w->fifo = &to;
    w->fifo_owner = to_owner;
    to.inflight_.push_back(std::move(w));
  }
  inflight_.clear();
}

}  // namespace golden::rec
