#include "golden/model/payload_hash.hpp"

#include <gtest/gtest.h>

namespace golden {
namespace {

TEST(StreamHash, ChunkingDoesNotChangeTheHash) {
  const std::string text = "Hello, world!\nsecond line\n";
  StreamHash whole = StreamHash::of(text);
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    StreamHash a = StreamHash::of(text.substr(0, cut));
    a.append(StreamHash::of(text.substr(cut)));
    EXPECT_EQ(a, whole) << "cut at " << cut;
  }
}

TEST(StreamHash, DifferentBytesDiffer) {
  EXPECT_NE(StreamHash::of("abc"), StreamHash::of("abd"));
  EXPECT_NE(StreamHash::of("ab"), StreamHash::of("ba"));
  EXPECT_NE(StreamHash::of(std::string(1, '\0')), StreamHash::of(""));
  EXPECT_NE(StreamHash::of(std::string(2, '\0')).value(), StreamHash::of(std::string(1, '\0')).value());
}

TEST(StreamHash, LengthIsTracked) {
  StreamHash h = StreamHash::of("abc");
  h.append("de");
  EXPECT_EQ(h.length(), 5u);
  EXPECT_EQ(h, StreamHash::of("abcde"));
}

}  // namespace
}  // namespace golden
