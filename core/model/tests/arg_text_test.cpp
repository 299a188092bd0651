#include "golden/model/arg_text.hpp"

#include <gtest/gtest.h>

namespace golden {
namespace {

Arg with(ArgKind kind, std::int64_t raw) {
  Arg a;
  a.kind = kind;
  a.raw = raw;
  return a;
}

TEST(ConventionalText, ModesAreOctalAsStracePrintsThem) {
  EXPECT_EQ(conventional_text(with(ArgKind::Mode, 0644)), "0644");
  EXPECT_EQ(conventional_text(with(ArgKind::Mode, 022)), "022");
  EXPECT_EQ(conventional_text(with(ArgKind::Mode, 0)), "000");
  EXPECT_EQ(conventional_text(with(ArgKind::Mode, 04755)), "04755");
  EXPECT_EQ(conventional_text(with(ArgKind::Mode, 07)), "007");
  EXPECT_EQ(conventional_text(with(ArgKind::Mode, 010)), "010");
  EXPECT_EQ(conventional_text(with(ArgKind::Mode, 0177777)), "0177777");
}

TEST(ConventionalText, NumbersPointersAndFds) {
  EXPECT_EQ(conventional_text(with(ArgKind::Int, -100)), "-100");
  EXPECT_EQ(conventional_text(with(ArgKind::UInt, -1)), "18446744073709551615");
  EXPECT_EQ(conventional_text(with(ArgKind::Hex, 0)), "0");
  EXPECT_EQ(conventional_text(with(ArgKind::Hex, 255)), "0xff");
  EXPECT_EQ(conventional_text(with(ArgKind::Hex, -1)), "0xffffffffffffffff");
  EXPECT_EQ(conventional_text(with(ArgKind::Ptr, 0)), "NULL");
  EXPECT_EQ(conventional_text(with(ArgKind::Ptr, 0x7ffd1234)), "0x7ffd1234");
  Arg fd = with(ArgKind::Fd, 3);
  EXPECT_EQ(conventional_text(fd), "3");
  fd.str = "/etc/passwd";
  EXPECT_EQ(conventional_text(fd), "3</etc/passwd>");
  EXPECT_EQ(conventional_text(with(ArgKind::Flags, 1)), "");
}

}  // namespace
}  // namespace golden
