// The one glob (model/glob.hpp): what renacer.toml rules, [compare] rules, templates and
// noise lists all rely on.
#include "golden/model/glob.hpp"

#include <gtest/gtest.h>

namespace golden {
namespace {

TEST(OneGlob, EscapesMatchTheCharacterItself) {
  EXPECT_TRUE(glob_match("/data/a\\*b", "/data/a*b"));
  EXPECT_FALSE(glob_match("/data/a\\*b", "/data/axb"));
  EXPECT_TRUE(glob_match("\\[::1\\]:53", "[::1]:53"));  // an IPv6 endpoint, brackets literal
  EXPECT_TRUE(has_wildcard("a\\*"));
}

TEST(OneGlob, ADirectoryWithATrailingSlashCoversWhatIsBelow) {
  EXPECT_TRUE(glob_match("/etc/", "/etc/passwd"));
  EXPECT_TRUE(glob_match("/etc/", "/etc/ssl/certs/x.pem"));
  EXPECT_FALSE(glob_match("/etc/", "/etcetera/x"));
}

TEST(OneGlob, StarsClassesAndGlobstar) {
  EXPECT_TRUE(glob_match("/etc/**", "/etc"));
  EXPECT_TRUE(glob_match("/etc/**", "/etc/a/b"));
  EXPECT_FALSE(glob_match("/etc/*.conf", "/etc/a/x.conf"));
  EXPECT_TRUE(glob_match("/tmp/[a-c]?.txt", "/tmp/b1.txt"));
  EXPECT_FALSE(glob_match("/tmp/[!a-c]?.txt", "/tmp/b1.txt"));
  EXPECT_TRUE(glob_match("**/out/*.csv", "/w/x/out/r.csv"));
  EXPECT_TRUE(glob_match("/a[b", "/a[b"));  // '[' without ']' is literal
  EXPECT_EQ(glob_prefix("/home/*", "/home/ann/x"), 9u);
}

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

TEST(Glob, RenacerTomlPathsAndEndpoints) {
  EXPECT_TRUE(glob_match("/etc/*.conf", "/etc/app.conf"));
  EXPECT_FALSE(glob_match("/etc/*.conf", "/etc/app/x.conf"));
  EXPECT_TRUE(glob_match("/etc/**", "/etc"));
  EXPECT_TRUE(glob_match("/etc/**", "/etc/a/b/c"));
  EXPECT_FALSE(glob_match("/etc/**", "/etcetera"));
  EXPECT_TRUE(glob_match("/home/**/.cache/*", "/home/u/.cache/x"));
  EXPECT_TRUE(glob_match("/home/**/.cache/*", "/home/u/deep/.cache/x"));
  EXPECT_TRUE(glob_match("/tmp/file-?.txt", "/tmp/file-7.txt"));
  EXPECT_FALSE(glob_match("/tmp/file-?.txt", "/tmp/file-77.txt"));
  EXPECT_TRUE(glob_match("/dev/tty[0-9]", "/dev/tty3"));
  EXPECT_FALSE(glob_match("/dev/tty[!0-9]", "/dev/tty3"));
  EXPECT_TRUE(glob_match("*:443", "10.0.0.1:443"));
  EXPECT_FALSE(glob_match("[::1]:*", "[::1]:8080")) << "[ starts a class: escape it";
  EXPECT_TRUE(glob_match("\\[::1\\]:*", "[::1]:8080"));
  EXPECT_TRUE(glob_match("unix:/run/*.sock", "unix:/run/x.sock"));
}

}  // namespace
}  // namespace golden
