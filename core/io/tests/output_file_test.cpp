#include "golden/io/output_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "golden/test_support/files.hpp"
#include "sample_trace.hpp"

namespace golden {
namespace {

TEST(OutputFile, ReplacesWholeOrNotAtAll) {
  const test::TempDir scratch;
  const std::filesystem::path dir = scratch.path();
  const std::string path = (dir / "r.txt").string();
  std::ofstream(path) << "old";
  ASSERT_TRUE(write_output_file(path, "hello"));
  std::ifstream in(path);
  std::string got;
  std::getline(in, got);
  EXPECT_EQ(got, "hello");
  EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
  const Status failed = write_output_file((dir / "missing" / "r.txt").string(), "x");
  ASSERT_FALSE(failed);
  EXPECT_NE(failed.error().where.find("missing"), std::string::npos);
}

}  // namespace
}  // namespace golden
