#include <gtest/gtest.h>

#include <random>
#include <string>

#include "golden/model/escape.hpp"
#include "quoting.hpp"

namespace golden::eqv {
namespace {

std::string appended(std::string_view bytes) {
  std::string out;
  append_quoted(out, bytes);
  return out;
}

// append_quoted replaces quote_bytes on the hot path: it must never differ from it.
TEST(AppendQuoted, EveryByteAsQuoteBytes) {
  for (int c = 0; c < 256; ++c) {
    const std::string one(1, static_cast<char>(c));
    EXPECT_EQ(appended(one), quote_bytes(one)) << "byte " << c;
    const std::string mixed = "a" + one + "bc" + one;
    EXPECT_EQ(appended(mixed), quote_bytes(mixed)) << "byte " << c;
  }
  EXPECT_EQ(appended(""), quote_bytes(""));
}

TEST(AppendQuoted, RandomBytesAsQuoteBytes) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 64);
  for (int round = 0; round < 2000; ++round) {
    std::string s(static_cast<std::size_t>(len(rng)), '\0');
    for (char& ch : s) ch = static_cast<char>(byte(rng));
    EXPECT_EQ(appended(s), quote_bytes(s));
  }
}

TEST(AppendQuoted, AppendsToWhatIsThere) {
  std::string out = "x:";
  append_quoted(out, "hi\n");
  EXPECT_EQ(out, "x:\"hi\\n\"");
}

}  // namespace
}  // namespace golden::eqv
