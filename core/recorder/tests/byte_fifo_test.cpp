// Data-edge bookkeeping: which writes a read consumed.
#include <gtest/gtest.h>

#include "byte_fifo.hpp"
#include "channel_tracker.hpp"

namespace golden::rec {
namespace {

HandlePtr h() { return std::make_shared<EventHandle>(); }

TEST(ByteFifo, StreamReadConsumesAcrossWrites) {
  ByteFifo f;
  FifoStats stats;
  auto w1 = h(), w2 = h(), w3 = h();
  f.push(w1, 5, false, stats);
  f.push(w2, 5, false, stats);
  f.push(w3, 5, false, stats);
  std::vector<HandlePtr> got;
  f.consume(7, false, got, stats);
  EXPECT_EQ(got, (std::vector<HandlePtr>{w1, w2}));
  got.clear();
  f.consume(8, false, got, stats);
  EXPECT_EQ(got, (std::vector<HandlePtr>{w2, w3}));
  EXPECT_EQ(f.buffered_bytes(), 0u);
  EXPECT_EQ(stats.unpaired_bytes, 0u);
  got.clear();
  f.consume(4, false, got, stats);
  EXPECT_TRUE(got.empty());
  EXPECT_EQ(stats.unpaired_bytes, 4u);
}

TEST(ByteFifo, PeekDoesNotConsume) {
  ByteFifo f;
  FifoStats stats;
  auto w = h();
  f.push(w, 3, false, stats);
  std::vector<HandlePtr> got;
  f.peek(3, got);
  EXPECT_EQ(got.size(), 1u);
  EXPECT_EQ(f.buffered_bytes(), 3u);
}

TEST(ByteFifo, ReaderCanConsumeAnInFlightWrite) {
  // The reader's exit stop is processed before the writer's: the bytes come from the
  // write still in flight, and only the rest becomes a chunk at its exit.
  ByteFifo f;
  FifoStats stats;
  auto w = h();
  auto ticket = ByteFifo::begin_write(f, nullptr, w, 10, false);
  std::vector<HandlePtr> got;
  f.consume(4, false, got, stats);
  EXPECT_EQ(got, std::vector<HandlePtr>{w});
  ByteFifo::end_write(ticket, 10, stats);
  EXPECT_EQ(f.buffered_bytes(), 6u);
  EXPECT_EQ(stats.unpaired_bytes, 0u);
}

TEST(ByteFifo, DatagramsAreConsumedWhole) {
  ByteFifo f;
  FifoStats stats;
  auto a = h(), b = h();
  f.push(a, 100, true, stats);
  f.push(b, 10, true, stats);
  std::vector<HandlePtr> got;
  f.consume(64, true, got, stats);  // short read of a datagram: the rest is discarded
  EXPECT_EQ(got, std::vector<HandlePtr>{a});
  got.clear();
  f.consume(10, true, got, stats);
  EXPECT_EQ(got, std::vector<HandlePtr>{b});
}

TEST(ByteFifo, OverflowDropsOldestWithoutMisattributing) {
  ByteFifo f;
  FifoStats stats;
  for (std::size_t i = 0; i < ByteFifo::kMaxChunks + 2; ++i) f.push(h(), 1, false, stats);
  EXPECT_EQ(stats.overflow_chunks, 2u);
  EXPECT_EQ(f.chunk_count(), ByteFifo::kMaxChunks);
  std::vector<HandlePtr> got;
  f.consume(3, false, got, stats);  // 2 dropped bytes, then 1 recorded chunk
  EXPECT_EQ(got.size(), 1u);
}

TEST(ChannelTracker, SocketBytesParkUntilThePeerIsKnown) {
  Counters counters;
  ChannelTracker tracker(counters);
  ChannelPtr a = tracker.for_description("socket:[100]", ChannelKind::StreamSocket);
  ChannelPtr b = tracker.for_description("socket:[101]", ChannelKind::StreamSocket);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(tracker.for_description("socket:[100]", ChannelKind::StreamSocket), a);
  EXPECT_EQ(tracker.for_description("/etc/passwd", ChannelKind::StreamSocket), nullptr);
  auto w = h();
  WriteTicket t = tracker.begin_write(a, w, 5);
  tracker.end_write(t, 5);
  tracker.pair(a, b);
  std::vector<HandlePtr> got;
  tracker.read(b, 5, false, got);
  EXPECT_EQ(got, std::vector<HandlePtr>{w});
  // A pipe is one channel: its write and read ends share the FIFO.
  ChannelPtr p = tracker.for_description("pipe:[7]", ChannelKind::Pipe);
  auto pw = h();
  WriteTicket pt = tracker.begin_write(p, pw, 3);
  tracker.end_write(pt, 3);
  got.clear();
  tracker.read(p, 3, false, got);
  EXPECT_EQ(got, std::vector<HandlePtr>{pw});
  tracker.flush_counters();
  EXPECT_EQ(counters.count("recorder.data_unpaired_bytes"), 0u);
}

TEST(ChannelTracker, AWriteInFlightFollowsThePairing) {
  // The client's write entered before the server's accept was seen (peer unknown, so
  // aimed at the parked FIFO) and returns after: its bytes must reach the server side.
  Counters counters;
  ChannelTracker tracker(counters);
  ChannelPtr client = tracker.for_inode(0x7fff0011, ChannelKind::StreamSocket);
  ChannelPtr server = tracker.for_inode(0x7fff0012, ChannelKind::StreamSocket);
  auto w = h();
  WriteTicket t = tracker.begin_write(client, w, 12);
  tracker.pair(client, server);
  tracker.end_write(t, 12);
  std::vector<HandlePtr> got;
  tracker.read(server, 12, false, got);
  EXPECT_EQ(got, std::vector<HandlePtr>{w});
  tracker.flush_counters();
  EXPECT_EQ(counters.count("recorder.data_unpaired_bytes"), 0u);
}

TEST(ChannelTracker, UnixClientThatClosedBeforeAcceptStillPairs) {
  // connect, write, close, and only then the server's accept: sock_diag no longer
  // knows the peer, the listener's connection order does.
  Counters counters;
  ChannelTracker tracker(counters);
  ChannelPtr listener = tracker.for_inode(0x7fff0001, ChannelKind::StreamSocket);
  tracker.unix_bound(listener, "@golden-test");
  auto w = h();
  {
    ChannelPtr client = tracker.for_inode(0x7fff0002, ChannelKind::StreamSocket);
    tracker.unix_connected(client, "@golden-test");
    WriteTicket t = tracker.begin_write(client, w, 5);
    tracker.end_write(t, 5);
  }  // the client's last fd is closed
  ChannelPtr accepted = tracker.for_inode(0x7fff0003, ChannelKind::StreamSocket);
  tracker.unix_accepted(listener, accepted);
  std::vector<HandlePtr> got;
  tracker.read(accepted, 5, false, got);
  EXPECT_EQ(got, std::vector<HandlePtr>{w});
  tracker.flush_counters();
  EXPECT_EQ(counters.count("recorder.data_unpaired_bytes"), 0u);
}

}  // namespace
}  // namespace golden::rec
