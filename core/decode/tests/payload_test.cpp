// Read/write payloads: length, StreamHash over every byte, head capped at -s.
#include <sys/uio.h>

#include <gtest/gtest.h>

#include "fakes.hpp"
#include "golden/model/arg_text.hpp"
#include "golden/model/payload_hash.hpp"

namespace golden {
namespace {

using testing::addr;
using testing::decode;
using testing::FakeFds;
using testing::finish;
using testing::SelfMemory;

TEST(Payload, WriteHashesEveryByteAndKeepsTheHead) {
  SelfMemory mem;
  FakeFds fds;
  fds.names[1] = "/dev/pts/0";
  std::string data(200000, '\0');
  for (std::size_t k = 0; k < data.size(); ++k) data[k] = static_cast<char>(k * 7 + k / 251);
  DecodeOptions opts;
  opts.string_limit = 32;
  mem.reads = 0;
  auto d = decode("write", {1, addr(data.data()), data.size()}, mem, fds, opts);
  const Arg& buf = d.arg(1);
  ASSERT_EQ(buf.kind, ArgKind::Buffer);
  ASSERT_TRUE(buf.data);
  EXPECT_EQ(buf.data->length, data.size());
  EXPECT_EQ(buf.data->hash, StreamHash::of(data).value());
  EXPECT_EQ(buf.data->head, data.substr(0, 32));
  EXPECT_FALSE(buf.data->complete());
  EXPECT_EQ(buf.text, conventional_text(buf));
  EXPECT_TRUE(buf.text.ends_with("\"..."));
  EXPECT_LE(mem.reads, 5);  // bulk reads (64 KiB), never byte by byte
  EXPECT_EQ(d.arg(0).text, "1</dev/pts/0>");
  EXPECT_EQ(d.arg(2).text, "200000");

  finish(d, static_cast<std::int64_t>(data.size()), mem, fds, opts);
  EXPECT_EQ(d.arg(1).data->length, data.size());
  EXPECT_EQ(d.event.ret, static_cast<std::int64_t>(data.size()));
}

TEST(Payload, ShortWriteIsCorrectedAtExit) {
  SelfMemory mem;
  FakeFds fds;
  const std::string data = "hello, world\n";
  auto d = decode("write", {1, addr(data.data()), data.size()}, mem, fds);
  EXPECT_EQ(d.arg(1).data->length, data.size());  // at entry: what was asked for
  EXPECT_TRUE(d.arg(1).data->complete());
  EXPECT_EQ(d.arg(1).text, "\"hello, world\\n\"");
  finish(d, 5, mem, fds);
  EXPECT_EQ(d.arg(1).data->length, 5u);
  EXPECT_EQ(d.arg(1).data->hash, StreamHash::of("hello").value());
  EXPECT_EQ(d.arg(1).data->head, "hello");
}

TEST(Payload, FailedWriteTransfersNothing) {
  SelfMemory mem;
  FakeFds fds;
  const std::string data = "lost";
  auto d = decode("write", {9, addr(data.data()), data.size()}, mem, fds);
  finish(d, -9, mem, fds);
  EXPECT_EQ(d.event.err, 9);
  EXPECT_EQ(d.arg(1).data->length, 0u);
  EXPECT_EQ(d.arg(1).text, "\"lost\"");  // still shows what the program tried to write
}

TEST(Payload, ReadFillsTheBufferAtExit) {
  SelfMemory mem;
  FakeFds fds;
  char buf[64] = "root:x:0:0:root:/root:/bin/bash";
  auto d = decode("read", {3, addr(buf), sizeof buf}, mem, fds);
  EXPECT_EQ(d.arg(1).kind, ArgKind::Ptr);
  finish(d, 10, mem, fds);
  ASSERT_EQ(d.arg(1).kind, ArgKind::Buffer);
  EXPECT_EQ(d.arg(1).data->length, 10u);
  EXPECT_EQ(d.arg(1).data->head, "root:x:0:0");
  EXPECT_EQ(d.arg(1).data->hash, StreamHash::of("root:x:0:0").value());

  auto eof = decode("read", {3, addr(buf), sizeof buf}, mem, fds);
  finish(eof, 0, mem, fds);
  EXPECT_EQ(eof.arg(1).text, "\"\"");
  auto fail = decode("read", {3, addr(buf), sizeof buf}, mem, fds);
  finish(fail, -11, mem, fds);
  EXPECT_EQ(fail.arg(1).kind, ArgKind::Ptr);
}

TEST(Payload, WritevConcatenatesTheIovecs) {
  SelfMemory mem;
  FakeFds fds;
  std::string a = "first ", b = "second ", c = "third";
  iovec iov[3] = {{a.data(), a.size()}, {b.data(), b.size()}, {c.data(), c.size()}};
  auto d = decode("writev", {1, addr(iov), 3}, mem, fds);
  const Arg& arg = d.arg(1);
  ASSERT_EQ(arg.kind, ArgKind::Buffer);
  EXPECT_EQ(arg.data->length, 18u);
  EXPECT_EQ(arg.data->hash, StreamHash::of("first second third").value());
  EXPECT_EQ(arg.text, "[{iov_base=\"first \", iov_len=6}, {iov_base=\"second \", iov_len=7}, "
                      "{iov_base=\"third\", iov_len=5}]");
  finish(d, 10, mem, fds);  // a short writev: the first 10 bytes went out
  EXPECT_EQ(d.arg(1).data->length, 10u);
  EXPECT_EQ(d.arg(1).data->hash, StreamHash::of("first seco").value());
}

TEST(Payload, ReadvConcatenatesUpToTheReturnValue) {
  SelfMemory mem;
  FakeFds fds;
  char x[4] = {'a', 'b', 'c', 'd'}, y[8] = {'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'};
  iovec iov[2] = {{x, sizeof x}, {y, sizeof y}};
  auto d = decode("readv", {3, addr(iov), 2}, mem, fds);
  finish(d, 6, mem, fds);
  ASSERT_EQ(d.arg(1).kind, ArgKind::Buffer);
  EXPECT_EQ(d.arg(1).data->length, 6u);
  EXPECT_EQ(d.arg(1).data->head, "abcdef");
  EXPECT_EQ(d.arg(1).data->hash, StreamHash::of("abcdef").value());
}

TEST(Payload, HashingCanBeTurnedOff) {
  SelfMemory mem;
  FakeFds fds;
  std::string data(100000, 'z');
  DecodeOptions opts;
  opts.hash_payloads = false;
  opts.string_limit = 8;
  mem.bytes_requested = 0;
  auto d = decode("write", {1, addr(data.data()), data.size()}, mem, fds, opts);
  EXPECT_EQ(d.arg(1).data->length, data.size());
  EXPECT_EQ(d.arg(1).data->head, "zzzzzzzz");
  EXPECT_EQ(d.arg(1).data->hash, 0u);
  EXPECT_LE(mem.bytes_requested, 8u);
}

TEST(Payload, UnreadableBufferShowsItsAddress) {
  SelfMemory mem;
  FakeFds fds;
  auto d = decode("write", {1, 0x1000, 10}, mem, fds);
  EXPECT_EQ(d.arg(1).kind, ArgKind::Ptr);
  EXPECT_EQ(d.arg(1).text, "0x1000");
  auto n = decode("write", {1, 0, 10}, mem, fds);
  EXPECT_EQ(n.arg(1).text, "NULL");
}

}  // namespace
}  // namespace golden
