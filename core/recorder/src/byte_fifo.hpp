// The bytes written into a pipe or socket that no traced reader has consumed yet, as
// chunks tagged with the write that produced them. A read that consumes bytes gets a
// Data edge from each write those bytes came from (SPEC §3).
#pragma once

#include <cstdint>
#include <deque>
#include <list>
#include <memory>
#include <vector>

#include "lamport.hpp"

namespace golden::rec {

class ByteFifo;

// A write that has entered the kernel but whose exit stop the tracer has not seen: a
// reader may already have consumed its bytes (reader and writer run concurrently).
struct InflightWrite {
  HandlePtr source;            // may be null (write not recorded)
  std::uint64_t requested = 0; // the count argument: an upper bound of what it writes
  std::uint64_t taken = 0;     // bytes readers already consumed before its exit
  bool message = false;        // a datagram
  // The FIFO its bytes go to; it moves when a socket's peer becomes known meanwhile.
  ByteFifo* fifo = nullptr;
  std::shared_ptr<void> fifo_owner;  // keeps `fifo` alive until the exit stop
};

struct FifoStats {
  std::uint64_t unpaired_bytes = 0;   // consumed bytes no traced write accounts for
  std::uint64_t overflow_chunks = 0;  // chunks dropped because the FIFO was full
};

class ByteFifo {
 public:
  // Bounded memory: beyond this many chunks the oldest are dropped (counted).
  static constexpr std::size_t kMaxChunks = 4096;
  explicit ByteFifo(std::size_t max_chunks = kMaxChunks) : max_chunks_(max_chunks) {}

  // A completed write of `bytes` (a datagram when `message`).
  void push(HandlePtr source, std::uint64_t bytes, bool message, FifoStats& stats);
  // Consumes `bytes` (or, for datagram endpoints, one message) and appends the distinct
  // sources of what was consumed. Bytes beyond the recorded chunks are taken from
  // in-flight writes (oldest first), then counted as unpaired.
  void consume(std::uint64_t bytes, bool message, std::vector<HandlePtr>& sources,
               FifoStats& stats);
  // MSG_PEEK: the sources of the first `bytes` without consuming them.
  void peek(std::uint64_t bytes, std::vector<HandlePtr>& sources) const;

  // `owner` keeps this FIFO alive while the write is in flight.
  static std::shared_ptr<InflightWrite> begin_write(ByteFifo& fifo, std::shared_ptr<void> owner,
                                                    HandlePtr source, std::uint64_t requested,
                                                    bool message);
  // The write returned `written` (< 0: failed): what readers did not take early becomes
  // a chunk of the FIFO the write targets now.
  static void end_write(const std::shared_ptr<InflightWrite>& write, std::int64_t written,
                        FifoStats& stats);

  // Moves everything, writes in flight included, into `to` (owned by `to_owner`): a
  // socket's bytes parked until its peer was known.
  void move_into(ByteFifo& to, const std::shared_ptr<void>& to_owner, FifoStats& stats);

  std::uint64_t buffered_bytes() const { return bytes_; }
  std::size_t chunk_count() const { return chunks_.size(); }

 private:
  struct Chunk {
    HandlePtr source;
    std::uint64_t bytes = 0;
    bool message = false;
  };
  std::size_t max_chunks_;
  std::deque<Chunk> chunks_;
  std::uint64_t bytes_ = 0;
  std::uint64_t dropped_bytes_ = 0;  // at the front, from overflow: consumed without edges
  std::list<std::shared_ptr<InflightWrite>> inflight_;
};

}  // namespace golden::rec
