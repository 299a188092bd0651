#include <gtest/gtest.h>

#include "golden/model/glob.hpp"
#include "path_util.hpp"

namespace golden::eqv {
namespace {

TEST(Glob, StarStaysInsideAComponent) {
  EXPECT_TRUE(glob_match("/usr/lib/*.so", "/usr/lib/libc.so"));
  EXPECT_FALSE(glob_match("/usr/lib/*.so", "/usr/lib/x86/libc.so"));
  EXPECT_TRUE(glob_match("/usr/lib/python3*/**", "/usr/lib/python3.11/os.py"));
  EXPECT_TRUE(glob_match("/usr/lib/python3*/**", "/usr/lib/python3.11/encodings/utf_8.py"));
  EXPECT_FALSE(glob_match("/usr/lib/python3*/**", "/usr/lib/perl5/x.pm"));
}

TEST(Glob, DoubleStarSpansAnyDepthIncludingNone) {
  EXPECT_TRUE(glob_match("$HOME/.cache/**", "$HOME/.cache"));
  EXPECT_TRUE(glob_match("$HOME/.cache/**", "$HOME/.cache/a/b/c"));
  EXPECT_FALSE(glob_match("$HOME/.cache/**", "$HOME/.cachex/a"));
  EXPECT_TRUE(glob_match("**/__pycache__/**", "/src/pkg/__pycache__/m.cpython-311.pyc"));
  EXPECT_TRUE(glob_match("**/*.pyc", "/a/b.pyc"));
  EXPECT_TRUE(glob_match("/a/**/z", "/a/z"));
  EXPECT_TRUE(glob_match("/a/**/z", "/a/b/c/z"));
}

TEST(Glob, ClassesAndQuestionMark) {
  EXPECT_TRUE(glob_match("/tmp/f[0-9].txt", "/tmp/f7.txt"));
  EXPECT_FALSE(glob_match("/tmp/f[0-9].txt", "/tmp/fa.txt"));
  EXPECT_TRUE(glob_match("/tmp/f[!0-9].txt", "/tmp/fa.txt"));
  EXPECT_TRUE(glob_match("/tmp/?.txt", "/tmp/a.txt"));
  EXPECT_FALSE(glob_match("/tmp/?.txt", "/tmp/ab.txt"));
}

TEST(Glob, PlainPatternsAreExactOrDirectoryPrefixes) {
  EXPECT_TRUE(glob_match("/etc/passwd", "/etc/passwd"));
  EXPECT_FALSE(glob_match("/etc/passwd", "/etc/passwd-"));
  EXPECT_TRUE(glob_match("/var/log/", "/var/log/syslog"));
}

TEST(Glob, PrefixMatchReturnsTheLongestComponentPrefix) {
  EXPECT_EQ(glob_prefix("/home/*", "/home/ann/src/x.c"), std::string("/home/ann").size());
  EXPECT_EQ(glob_prefix("/root", "/root/.cache"), 5u);
  EXPECT_EQ(glob_prefix("/root", "/rootfs/x"), 0u);
  EXPECT_EQ(glob_prefix("/srv/data-*", "/srv/data-7/in.csv"), std::string("/srv/data-7").size());
}

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
