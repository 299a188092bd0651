#include <sys/mman.h>

#include <cstring>

#include <gtest/gtest.h>

#include "fakes.hpp"

namespace golden {
namespace {

using testing::addr;
using testing::SelfMemory;

TEST(TraceeMemory, ReadStringStopsAtNul) {
  SelfMemory mem;
  const char text[] = "hello\0world";
  bool truncated = true;
  EXPECT_EQ(mem.read_string(RemoteAddr{addr(text)}, 100, &truncated), "hello");
  EXPECT_FALSE(truncated);
}

TEST(TraceeMemory, ReadStringTruncatesAtMax) {
  SelfMemory mem;
  const char text[] = "abcdefgh";
  bool truncated = false;
  EXPECT_EQ(mem.read_string(RemoteAddr{addr(text)}, 4, &truncated), "abcd");
  EXPECT_TRUE(truncated);
  // Exactly max bytes followed by the NUL is the whole string.
  EXPECT_EQ(mem.read_string(RemoteAddr{addr(text)}, 8, &truncated), "abcdefgh");
  EXPECT_FALSE(truncated);
}

TEST(TraceeMemory, ReadStringBadAddress) {
  SelfMemory mem;
  EXPECT_EQ(mem.read_string(RemoteAddr{0}, 10), std::nullopt);
  EXPECT_EQ(mem.read_string(RemoteAddr{0x10}, 10), std::nullopt);
}

TEST(TraceeMemory, ReadStringEndingAtAnUnmappedPage) {
  // Two pages, the second unmapped: a string in the last bytes of the first page is
  // still read, though a page-sized read starting at it would fail.
  const long page = sysconf(_SC_PAGESIZE);
  auto* base = static_cast<char*>(mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  ASSERT_NE(base, MAP_FAILED);
  ASSERT_EQ(munmap(base + page, page), 0);
  char* s = base + page - 6;
  std::memcpy(s, "tail\0", 5);
  SelfMemory mem;
  bool truncated = true;
  EXPECT_EQ(mem.read_string(RemoteAddr{addr(s)}, 4096, &truncated), "tail");
  EXPECT_FALSE(truncated);
  // No NUL before the unmapped page: the readable bytes, flagged truncated.
  std::memcpy(base + page - 3, "xyz", 3);
  EXPECT_EQ(mem.read_string(RemoteAddr{addr(base + page - 3)}, 4096, &truncated), "xyz");
  EXPECT_TRUE(truncated);
  munmap(base, page);
}

TEST(TraceeMemory, ReadStringReadsInChunks) {
  SelfMemory mem;
  std::string big(10000, 'a');
  mem.reads = 0;
  const auto s = mem.read_string(RemoteAddr{addr(big.c_str())}, 20000);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->size(), 10000u);
  EXPECT_LE(mem.reads, 4);  // page-sized requests, never byte by byte
}

}  // namespace
}  // namespace golden
