// The marker syscall (golden/model/marker.hpp) decoded into Span events: names,
// annotation args, and what happens with bad input (unreadable, oversized, unknown op).
#include <sys/mman.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstring>

#include "fakes.hpp"
#include "golden/decode/marker.hpp"

namespace golden {
namespace {

using testing::addr;
using testing::SelfMemory;

SyscallRegs marker_regs(MarkerOp op, const void* message, std::uint64_t length) {
  SyscallRegs r;
  r.nr = static_cast<int>(kMarkerSyscall);
  r.args[0] = static_cast<std::uint64_t>(op);
  r.args[1] = addr(message);
  r.args[2] = length;
  return r;
}

TEST(Marker, SpanOpenAndCloseCarryTheName) {
  SelfMemory mem;
  const char name[] = "parse config";
  Event open;
  auto r = decode_marker(marker_regs(MarkerOp::SpanOpen, name, std::strlen(name)), mem, open);
  EXPECT_TRUE(r.known_op && r.readable && !r.truncated);
  EXPECT_EQ(open.kind, EventKind::Span);
  EXPECT_EQ(open.nr, 1);
  EXPECT_EQ(open.name, "parse config");
  EXPECT_TRUE(open.args.empty());
  Event close;
  // sizeof includes the NUL: not part of the name.
  decode_marker(marker_regs(MarkerOp::SpanClose, name, sizeof name), mem, close);
  EXPECT_EQ(close.nr, 2);
  EXPECT_EQ(close.name, "parse config");
}

TEST(Marker, AnnotationTopicAndTypedArgs) {
  SelfMemory mem;
  const std::string msg =
      "golden.alloc malloc=12 bytes=-5\tspan=parse  big=9223372036854775807 "
      "over=9223372036854775808 hex=0x10 empty= lonely\n";
  Event e;
  decode_marker(marker_regs(MarkerOp::Annotation, msg.data(), msg.size()), mem, e);
  EXPECT_EQ(e.kind, EventKind::Span);
  EXPECT_EQ(e.nr, 3);
  EXPECT_EQ(e.name, "golden.alloc");
  ASSERT_EQ(e.args.size(), 8u);
  EXPECT_EQ(e.args[0].name, "malloc");
  EXPECT_EQ(e.args[0].kind, ArgKind::Int);
  EXPECT_EQ(e.args[0].raw, 12);
  EXPECT_EQ(e.args[0].text, "12");
  EXPECT_EQ(e.args[1].raw, -5);
  EXPECT_EQ(e.args[2].name, "span");
  EXPECT_EQ(e.args[2].kind, ArgKind::String);
  EXPECT_EQ(e.args[2].str, "parse");
  EXPECT_EQ(e.args[2].text, "\"parse\"");
  EXPECT_EQ(e.args[3].kind, ArgKind::Int);
  EXPECT_EQ(e.args[3].raw, INT64_MAX);
  // Out of range or not wholly a number: kept as text, never a wrong number.
  EXPECT_EQ(e.args[4].kind, ArgKind::String);
  EXPECT_EQ(e.args[4].str, "9223372036854775808");
  EXPECT_EQ(e.args[5].kind, ArgKind::String);
  EXPECT_EQ(e.args[5].str, "0x10");
  EXPECT_EQ(e.args[6].name, "empty");
  EXPECT_EQ(e.args[6].kind, ArgKind::String);
  EXPECT_EQ(e.args[6].str, "");
  EXPECT_EQ(e.args[7].name, "");
  EXPECT_EQ(e.args[7].str, "lonely");
}

TEST(Marker, AnnotationWithoutPairsOrText) {
  std::vector<Arg> args;
  EXPECT_EQ(parse_annotation("  topic.only  ", args), "topic.only");
  EXPECT_TRUE(args.empty());
  EXPECT_EQ(parse_annotation("", args), "");
  EXPECT_TRUE(args.empty());
  EXPECT_EQ(parse_annotation("t =x", args), "t");
  ASSERT_EQ(args.size(), 1u);
  EXPECT_EQ(args[0].name, "");  // "=x" has no key: kept whole
  EXPECT_EQ(args[0].str, "=x");
}

TEST(Marker, OversizedMessageIsReadUpToTheLimit) {
  SelfMemory mem;
  const std::string big(kMarkerMaxMessage + 100, 'n');
  Event e;
  auto r = decode_marker(marker_regs(MarkerOp::SpanOpen, big.data(), big.size()), mem, e);
  EXPECT_TRUE(r.truncated);
  EXPECT_TRUE(r.readable);
  EXPECT_EQ(e.name.size(), kMarkerMaxMessage);
  EXPECT_EQ(mem.bytes_requested, kMarkerMaxMessage);
}

TEST(Marker, UnreadableMessageStillMakesAnEvent) {
  SelfMemory mem;
  Event e;
  auto r = decode_marker(marker_regs(MarkerOp::SpanOpen, nullptr, 10), mem, e);
  EXPECT_FALSE(r.readable);
  EXPECT_EQ(e.kind, EventKind::Span);
  EXPECT_EQ(e.nr, 1);
  EXPECT_EQ(e.name, "");
  // A message running into an unmapped page: what could be read is kept.
  const long page = sysconf(_SC_PAGESIZE);
  auto* two = static_cast<char*>(
      mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  ASSERT_NE(two, MAP_FAILED);
  ASSERT_EQ(munmap(two + page, page), 0);
  std::memcpy(two + page - 4, "tail", 4);
  Event partial;
  auto p = decode_marker(marker_regs(MarkerOp::SpanClose, two + page - 4, 16), mem, partial);
  EXPECT_FALSE(p.readable);
  EXPECT_EQ(partial.name, "tail");
  munmap(two, page);
}

TEST(Marker, EmptyMessageReadsNothing) {
  SelfMemory mem;
  Event e;
  auto r = decode_marker(marker_regs(MarkerOp::SpanOpen, nullptr, 0), mem, e);
  EXPECT_TRUE(r.readable);
  EXPECT_EQ(mem.reads, 0);
  EXPECT_EQ(e.name, "");
}

TEST(Marker, UnknownOpIsNoOpenOrClose) {
  SelfMemory mem;
  const char name[] = "x";
  SyscallRegs regs = marker_regs(MarkerOp::SpanOpen, name, 1);
  regs.args[0] = 0x100000001;  // low 32 bits say "open": must not be taken for one
  Event e;
  auto r = decode_marker(regs, mem, e);
  EXPECT_FALSE(r.known_op);
  EXPECT_EQ(e.kind, EventKind::Span);
  EXPECT_EQ(e.nr, 0);
  EXPECT_EQ(e.name, "x");
  ASSERT_EQ(e.args.size(), 1u);
  EXPECT_EQ(e.args[0].name, "op");
  EXPECT_EQ(e.args[0].raw, 0x100000001);
}

}  // namespace
}  // namespace golden
