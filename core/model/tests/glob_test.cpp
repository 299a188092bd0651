// The one glob (model/glob.hpp): what renacer.toml rules and [compare] rules both relied on.
#include <gtest/gtest.h>

#include "golden/model/glob.hpp"

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

}  // namespace
}  // namespace golden
