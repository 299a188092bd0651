#include "path_util.hpp"

#include <gtest/gtest.h>

namespace golden::eqv {
namespace {

TEST(PathUtil, AbsoluteNormalizesLexically) {
  EXPECT_EQ(absolute_path("/home/u", "a/../b/./c"), "/home/u/b/c");
  EXPECT_EQ(absolute_path("/home/u", "/x//y/"), "/x/y");
  EXPECT_EQ(absolute_path("/", ".."), "/");
  EXPECT_EQ(basename("/a/b.py"), "b.py");
  EXPECT_EQ(dirname("/a/b.py"), "/a");
  EXPECT_TRUE(path_under("/a/b", "/a"));
  EXPECT_FALSE(path_under("/ab", "/a"));
}

}  // namespace
}  // namespace golden::eqv
