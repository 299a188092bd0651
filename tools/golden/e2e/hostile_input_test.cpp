// Hostile input (issue 11): a 16 KB .json.zst holding "[" and 512 MiB of spaces made
// show, stats, compare and check parse for seconds to minutes and reach 2 GB (4 GB for
// compare) before the error. Every loader is bounded now (docs/trace-format.md, "Limits"):
// one line that says what and at which byte, exit 2, soon. Memory is checked indirectly:
// the commands run with 1 GiB of address space (`ulimit -v`), where the old reader ran
// out. No test here times anything beyond the watchdog's generous timeout.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "error_line.hpp"
#include "golden_cli.hpp"
#include "test_support_names.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define GOLDEN_E2E_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GOLDEN_E2E_ASAN 1
#endif
#endif

namespace golden::e2e {
namespace {

using namespace std::chrono_literals;

std::string fixture(const std::string& name) {
  return std::string(GOLDEN_SOURCE_DIR) + "/testdata/traces/" + name;
}

const std::string kConfig = std::string(GOLDEN_SOURCE_DIR) + "/testdata/assertions/configs/renacer.toml";

// `golden ARGS...` with its address space limited (not under ASan, whose shadow memory
// needs terabytes of it).
RunResult limited(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"sh", "-c", "ulimit -v 1048576 && exec \"$0\" \"$@\"", golden_exe()};
#ifdef GOLDEN_E2E_ASAN
  argv = {golden_exe()};
#endif
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv, {.timeout = 120s});
}

// Each command that reads traces, on `file`.
std::vector<std::vector<std::string>> every_reader(const std::string& file) {
  return {{"show", file},
          {"stats", file},
          {"compare", file, file},
          {"check", file, "--config", kConfig},
          {"normalize", file}};
}

TEST(HostileInput, ArrayOfBlanksIsRefusedAtItsFirstByte) {
  const std::string bomb = fixture("blank-array-bomb.json.zst");
  for (const auto& args : every_reader(bomb)) {
    SCOPED_TRACE(args[0]);
    EXPECT_TRUE(one_line_error(limited(args),
                               {bomb + ": byte ", "(decompressed byte 0)", "not a JSON object"}));
  }
}

TEST(HostileInput, ObjectOfBlanksIsRefusedAtTheRecordLimit) {
  const std::string bomb = fixture("blank-object-bomb.json.zst");
  for (const auto& args : every_reader(bomb)) {
    SCOPED_TRACE(args[0]);
    EXPECT_TRUE(one_line_error(limited(args), {bomb + ": byte ", "(decompressed byte 67108865)",
                                               "no complete JSON value in 64 MiB"}));
  }
}

TEST(HostileInput, EndlessRecordLineIsRefusedAtTheRecordLimit) {
  const std::string bomb = fixture("endless-record-bomb.json.zst");
  for (const auto& args : every_reader(bomb)) {
    SCOPED_TRACE(args[0]);
    EXPECT_TRUE(one_line_error(limited(args),
                               {bomb + ": byte ", "line 2: no complete record in 64 MiB"}));
  }
}

TEST(HostileInput, HugeConfigIsRefusedUnread) {
  // The wrong file passed as a config: /dev/zero never ends.
  const std::string trace = fixture("sample.golden.json");
  EXPECT_TRUE(one_line_error(limited({"check", trace, "--config", "/dev/zero"}),
                             {"/dev/zero: byte 1048576", "larger than 1 MiB"}));
  EXPECT_TRUE(one_line_error(limited({"compare", trace, trace, "--config", "/dev/zero"}),
                             {"/dev/zero: byte 1048576", "larger than 1 MiB"}));
}

TEST(HostileInput, DeeplyDottedConfigKeyIsRefused) {
  // [a.a.a...] 100000 keys deep: toml++ overflowed the stack (check and compare crashed).
  TempDir dir;
  std::string key = "a";
  for (int i = 1; i < 100000; ++i) key += ".a";
  const std::string config = dir.file("deep.toml");
  write_file(config, "[" + key + "]\n");
  const std::string trace = fixture("sample.golden.json");
  EXPECT_TRUE(one_line_error(limited({"check", trace, "--config", config}),
                             {config + ":1:129", "dotted key of more than 64 parts"}));
  EXPECT_TRUE(one_line_error(limited({"compare", trace, trace, "--config", config}),
                             {config + ":1:129", "dotted key of more than 64 parts"}));
}

TEST(HostileInput, GoodTracesStillReadUnderTheSameLimit) {
  // The address-space limit is not what makes the commands above fail.
  const std::string trace = fixture("sample.golden.json");
  RunResult r = limited({"stats", trace});
  EXPECT_EQ(r.status(), 0) << r.describe();
  RunResult c = limited({"check", trace, "--config", kConfig});
  EXPECT_TRUE(c.exited()) << c.describe();
  EXPECT_EQ(c.err.find("larger than"), std::string::npos) << c.describe();
}

}  // namespace
}  // namespace golden::e2e
