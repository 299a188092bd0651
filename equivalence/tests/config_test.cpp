#include <gtest/gtest.h>

#include <cstdlib>

#include "golden/equivalence/compare_config.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden {
namespace {

TEST(CompareConfig, DefaultsWithoutACompareTable) {
  auto c = parse_compare_config("[[assertion]]\nname = \"x\"\ntype = \"span_count\"\n", "r.toml");
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_FALSE(c->root_exec);
  EXPECT_FALSE(c->noise);
  EXPECT_TRUE(c->relax.empty());
  EXPECT_EQ(c->context, 3);
}

TEST(CompareConfig, ParsesEveryKey) {
  auto c = parse_compare_config(R"(
[[assertion]]
name = "startup"
type = "critical_path"
max_duration_ms = 10

[compare]
ignore_paths = ["$HOME/.cache/**", "/usr/lib/python3*/**"]
relax = ["user_reads", "exit_status", "files"]
root_exec = true
noise = true
forks = true
include_classes = ["network", "%file"]
exclude_syscalls = ["%ipc", "kill"]
tmp_dirs = ["/scratch"]
home_dirs = ["/u/*"]
noise_paths = ["/opt/vendor/**"]
template_content = false
context = 5

[compare.templates]
DATA = "/srv/data-*"

[[compare.allow]]
category = "user_reads"
paths = ["/usr/lib/python3*/**"]
side = "b"
reason = "the python port reads its stdlib"
)",
                                "cfg.toml");
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_EQ(c->ignore_paths.size(), 2u);
  EXPECT_TRUE(c->relax.contains(Category::UserReads));
  EXPECT_TRUE(c->relax.contains(Category::ExitStatus));
  EXPECT_TRUE(c->relax.contains(Category::FileContent));
  EXPECT_TRUE(c->relax.contains(Category::FileOps));
  EXPECT_TRUE(c->root_exec);
  EXPECT_TRUE(c->noise);
  EXPECT_TRUE(c->forks);
  EXPECT_EQ(c->include_classes, kClassNetwork | kClassFile);
  EXPECT_EQ(c->exclude_classes, kClassIpc);
  EXPECT_EQ(c->exclude_syscalls, std::vector<std::string>{"kill"});
  EXPECT_EQ(c->tmp_dirs, std::vector<std::string>{"/scratch"});
  EXPECT_EQ(c->home_dirs, std::vector<std::string>{"/u/*"});
  EXPECT_FALSE(c->template_content);
  EXPECT_EQ(c->context, 5);
  ASSERT_EQ(c->templates.size(), 1u);
  EXPECT_EQ(c->templates[0].name, "DATA");
  ASSERT_EQ(c->allow.size(), 1u);
  EXPECT_EQ(c->allow[0].side, Side::B);
  EXPECT_EQ(c->allow[0].where, "cfg.toml:24");
  EXPECT_EQ(c->allow[0].reason, "the python port reads its stdlib");
}

struct BadCase {
  const char* toml;
  const char* where;
  const char* what;
};

class CompareConfigErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(CompareConfigErrors, SayWhatAndWhere) {
  auto c = parse_compare_config(GetParam().toml, "bad.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().where.substr(0, std::string(GetParam().where).size()), GetParam().where)
      << c.error().to_string();
  EXPECT_NE(c.error().message.find(GetParam().what), std::string::npos) << c.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CompareConfigErrors,
    ::testing::Values(
        BadCase{"[compare]\nrelax = [\"stdout\"\n", "bad.toml:", ""},
        BadCase{"[compare]\nroot_exec = true\nrelx = [\"stdout\"]\n", "bad.toml:3", "unknown key 'relx'"},
        BadCase{"[compare]\nrelax = [\"stdoot\"]\n", "bad.toml:2", "unknown effect kind 'stdoot'"},
        BadCase{"[compare]\nnoise = \"yes\"\n", "bad.toml:2", "'noise' must be true or false"},
        BadCase{"[compare]\ninclude_classes = [\"flie\"]\n", "bad.toml:2", "unknown syscall class"},
        BadCase{"[compare]\nexclude_syscalls = [\"opne\"]\n", "bad.toml:2", "unknown syscall name"},
        BadCase{"[compare]\ncontext = -1\n", "bad.toml:2", "'context'"},
        BadCase{"[compare]\ntmp_dirs = [\"tmp\"]\n", "bad.toml:2", "absolute"},
        BadCase{"[compare]\n[[compare.allow]]\nside = \"b\"\n", "bad.toml:2", "must name"},
        BadCase{"[compare]\n[[compare.allow]]\ncategory = \"stdout\"\nsid = \"b\"\n", "bad.toml:4",
                "unknown key 'sid'"},
        BadCase{"[compare]\n[[compare.allow]]\ncategory = \"stdout\"\nside = \"c\"\n", "bad.toml:4",
                "'side'"},
        BadCase{"[compare.templates]\nlower = \"/x/*\"\n", "bad.toml:2", "template name"},
        BadCase{"compare = 3\n", "bad.toml:1", "must be a table"}));

TEST(CompareConfig, MissingFileIsAnErrorNamingIt) {
  auto c = load_compare_config("/nonexistent/golden.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().where, "/nonexistent/golden.toml");
}

TEST(CompareConfig, EnvironmentAddsHomeAndTmpdir) {
  CompareConfig c;
  ::setenv("HOME", "/var/lib/builder", 1);
  ::setenv("TMPDIR", "/scratch/tmp/", 1);
  add_environment_defaults(c);
  EXPECT_NE(std::find(c.home_dirs.begin(), c.home_dirs.end(), "/var/lib/builder"), c.home_dirs.end());
  EXPECT_NE(std::find(c.tmp_dirs.begin(), c.tmp_dirs.end(), "/scratch/tmp"), c.tmp_dirs.end());
}

}  // namespace
}  // namespace golden
