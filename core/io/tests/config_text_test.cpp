// Config text before the TOML parser: a size limit on reading, and a bound on dotted keys,
// which toml++ does not bound itself (docs/trace-format.md, "Limits").
#include "golden/io/config_text.hpp"

#include <gtest/gtest.h>

#include <string>

#include "golden/test_support/files.hpp"
#include "sample_trace.hpp"

namespace golden {
namespace {

TEST(IoConfigText, ReadsSmallFilesAndRefusesHugeOnes) {
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  test::write_file(dir + "/a.toml", "[compare]\nrelax = [\"stderr\"]\n");
  auto ok = read_text_file(dir + "/a.toml", kMaxConfigBytes, "the config");
  ASSERT_TRUE(ok.ok()) << ok.error().to_string();
  EXPECT_EQ(*ok, "[compare]\nrelax = [\"stderr\"]\n");
  // A device that never ends: read up to the limit, not on.
  auto zero = read_text_file("/dev/zero", kMaxConfigBytes, "the assertion config");
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().to_string(),
            "/dev/zero: byte 1048576: the assertion config is larger than 1 MiB, the limit for a "
            "config file; is it the right file?");
  auto missing = read_text_file(dir + "/nope.toml", kMaxConfigBytes, "the config");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().to_string(),
            dir + "/nope.toml: cannot open the config: No such file or directory");
}

std::string dotted(std::size_t parts) {
  std::string key = "a";
  for (std::size_t i = 1; i < parts; ++i) key += ".a";
  return key;
}

TEST(IoConfigText, DeeplyDottedKeysAreRefused) {
  // [a.a.a...] 100000 parts deep overflowed the stack inside toml++.
  auto header = check_toml_key_depth("# deep\n[" + dotted(100000) + "]\n", "c.toml");
  ASSERT_FALSE(header.ok());
  EXPECT_EQ(header.error().to_string(), "c.toml:2:129: a dotted key of more than 64 parts");
  EXPECT_FALSE(check_toml_key_depth(dotted(65) + " = 1", "c.toml").ok());
  EXPECT_FALSE(check_toml_key_depth("x = {" + dotted(100) + " = 1}", "c.toml").ok());
  EXPECT_FALSE(check_toml_key_depth("[[" + dotted(100) + "]]", "c.toml").ok());
  // 64 parts are fine, and so are dots in strings, comments and values.
  EXPECT_TRUE(check_toml_key_depth("[" + dotted(64) + "]", "c.toml").ok());
  const std::string dots(200, '.');
  EXPECT_TRUE(check_toml_key_depth("x = \"" + dots + "\"\n# " + dots + "\ny = '" + dots + "'\n",
                                   "c.toml")
                  .ok());
  EXPECT_TRUE(check_toml_key_depth("x = \"\"\"\n" + dots + "\n\\\"\"\" " + dots + "\n\"\"\"\n"
                                   "y = '''" + dots + "'''\nz = [1.5, 2.5, 3.5]\n",
                                   "c.toml")
                  .ok());
  EXPECT_TRUE(check_toml_key_depth("[\"" + dots + "\".b]\n", "c.toml").ok());
}

}  // namespace
}  // namespace golden
