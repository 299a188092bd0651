#include <gtest/gtest.h>

#include "path_normalize.hpp"

namespace golden::detail {
namespace {

TEST(PathNormalize, FoldsDotsAndSlashes) {
  EXPECT_EQ(normalize_path("/a/./b/../c/"), "/a/c");
  EXPECT_EQ(normalize_path("//usr///lib"), "/usr/lib");
  EXPECT_EQ(normalize_path("/.."), "/");
  EXPECT_EQ(normalize_path("/a/b/../../.."), "/");
  EXPECT_EQ(normalize_path("/"), "/");
  EXPECT_EQ(normalize_path("a/../../b"), "../b");
  EXPECT_EQ(normalize_path("./"), ".");
}

TEST(PathNormalize, ResolvesAgainstABase) {
  EXPECT_EQ(resolve_path("x.txt", "/home/user"), "/home/user/x.txt");
  EXPECT_EQ(resolve_path("../etc/passwd", "/home/user"), "/home/etc/passwd");
  EXPECT_EQ(resolve_path("/etc/./hosts", "/home/user"), "/etc/hosts");
  EXPECT_EQ(resolve_path("", "/tmp/dir"), "/tmp/dir");  // AT_EMPTY_PATH: the dirfd itself
  // A base that is not a directory path (unknown cwd, a pipe) cannot anchor the path.
  EXPECT_EQ(resolve_path("x/../y", ""), "y");
  EXPECT_EQ(resolve_path("y", "pipe:[123]"), "y");
}

}  // namespace
}  // namespace golden::detail
