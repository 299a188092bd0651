// Files: what was created, truncated, written, renamed, linked, chmod-ed, deleted.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/normalized.hpp"
#include "test_util.hpp"
#include "trace_builder.hpp"

namespace golden {
namespace {

using test::lines;
using test::lines_of;
using test::TraceBuilder;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

TEST(Files, ContentIsWhatWasWrittenSinceOpenOrTruncate) {
  TraceBuilder b(100, "/w");
  b.open(100, "/w/out.txt", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 3, 0666);
  b.write(100, 3, "one\n");
  b.write(100, 3, "two\n");
  b.sys(100, "ftruncate", {TraceBuilder::fd_arg("fd", 3), TraceBuilder::int_arg("length", 0)}, 0);
  b.write(100, 3, "three\n");
  b.close(100, 3);
  b.exit(100);
  EXPECT_THAT(lines_of(normalize(b.build(), {}), "file $CWD/out.txt"),
              ElementsAre("open create trunc 0644", "\"one\\n\"", "\"two\\n\"", "truncate 0",
                          "\"three\\n\""));
}

TEST(Files, CreateModeIsWhatTheFileGetsUnderTheUmask) {
  // fopen("w") asks 0666, a port may ask 0644: under umask 022 both make 0644.
  TraceBuilder a(100, "/w");
  a.open(100, "/w/f", O_WRONLY | O_CREAT | O_TRUNC, 3, 0666);
  a.exit(100);
  TraceBuilder b(100, "/w");
  b.open(100, "/w/f", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 3, 0644);
  b.exit(100);
  EXPECT_TRUE(compare(a.build(), b.build()).equivalent);
  TraceBuilder c(100, "/w");
  c.sys(100, "umask", {TraceBuilder::mode_arg("mask", 0)}, 022);
  c.open(100, "/w/f", O_WRONLY | O_CREAT | O_TRUNC, 3, 0666);
  c.exit(100);
  EXPECT_THAT(lines_of(normalize(c.build(), {}), "file $CWD/f"), ElementsAre("open create trunc 0666"));
}

TEST(Files, NameOperations) {
  TraceBuilder b(100, "/w");
  b.path_call(100, "mkdir", {"/w/d"});
  b.sys(100, "mkdir", {TraceBuilder::path_arg("pathname", "/w/e"), TraceBuilder::mode_arg("mode", 0750)}, 0);
  b.path_call(100, "rename", {"/w/a", "/w/d/a"});
  b.path_call(100, "link", {"/w/d/a", "/w/d/b"});
  b.sys(100, "symlink", {[] {
                           Arg t;
                           t.name = "target";
                           t.kind = ArgKind::String;
                           t.str = "d/a";
                           return t;
                         }(),
                         TraceBuilder::path_arg("linkpath", "/w/l")},
        0);
  b.sys(100, "chmod", {TraceBuilder::path_arg("pathname", "/w/d/a"), TraceBuilder::mode_arg("mode", 0755)}, 0);
  b.sys(100, "unlinkat", {TraceBuilder::fd_arg("dirfd", AT_FDCWD), TraceBuilder::path_arg("pathname", "/w/d/b"),
                          TraceBuilder::flags_arg("flags", 0)},
        0);
  b.sys(100, "unlinkat", {TraceBuilder::fd_arg("dirfd", AT_FDCWD), TraceBuilder::path_arg("pathname", "/w/e"),
                          TraceBuilder::flags_arg("flags", 0x200, "AT_REMOVEDIR")},
        0);
  b.path_call(100, "unlink", {"/w/gone"}, 0, ENOENT);
  b.exit(100);
  auto n = normalize(b.build(), {});
  EXPECT_THAT(lines_of(n, "file $CWD/d"), ElementsAre("mkdir 0755"));
  EXPECT_THAT(lines_of(n, "file $CWD/e"), ElementsAre("mkdir 0750", "rmdir"));
  EXPECT_THAT(lines_of(n, "file $CWD/a"), ElementsAre("rename to $CWD/d/a"));
  EXPECT_THAT(lines_of(n, "file $CWD/d/a"),
              ElementsAre("rename from $CWD/a", "link to $CWD/d/b", "chmod 0755"));
  EXPECT_THAT(lines_of(n, "file $CWD/d/b"), ElementsAre("link from $CWD/d/a", "unlink"));
  EXPECT_THAT(lines_of(n, "file $CWD/l"), ElementsAre("symlink -> d/a"));
  EXPECT_THAT(lines_of(n, "file $CWD/gone"), ElementsAre("unlink = ENOENT"));
}

TEST(Files, FailedWriteAttemptsAreEffectsFailedReadsAreProbes) {
  TraceBuilder b(100, "/w");
  b.open(100, "/etc/shadow", O_WRONLY | O_TRUNC, -1, 0, EACCES);
  b.open(100, "/w/maybe.cfg", O_RDONLY, -1, 0, ENOENT);
  b.exit(100);
  auto n = normalize(b.build(), {});
  EXPECT_THAT(lines_of(n, "file /etc/shadow"), ElementsAre("open trunc = EACCES"));
  EXPECT_THAT(lines_of(n, "user reads"), IsEmpty());
}

TEST(Files, NoiseAndIgnoredPathsAreNotCompared) {
  TraceBuilder b(100, "/w");
  b.open(100, "/dev/null", O_WRONLY, 3);
  b.write(100, 3, "discarded");
  b.open(100, "/w/__pycache__/m.cpython-311.pyc", O_WRONLY | O_CREAT | O_EXCL, 4, 0644);
  b.write(100, 4, "bytecode");
  b.open(100, "/home/dev/.cache/tool/state", O_WRONLY | O_CREAT | O_TRUNC, 5, 0644);
  b.write(100, 5, "cache");
  b.exit(100);
  CompareConfig cfg;
  cfg.ignore_paths = {"$HOME/.cache/**"};
  auto n = normalize(b.build(), cfg);
  EXPECT_THAT(lines(n), ElementsAre("processes | 1: exit 0"));
  auto keep = normalize(b.build(), {});
  EXPECT_THAT(lines(keep), Contains("file $HOME/.cache/tool/state | \"cache\""));
}

TEST(Files, GeneratedTempFilesMatchAcrossRuns) {
  auto run = [](const std::string& name) {
    TraceBuilder b(100, "/w", {"gcc", "-c", "x.c"});
    b.open(100, "/tmp/" + name, O_RDWR | O_CREAT | O_EXCL, 3, 0600);
    b.write(100, 3, "\t.file \"x.c\"\n");
    b.close(100, 3);
    b.path_call(100, "unlink", {"/tmp/" + name});
    b.exit(100);
    return b.build();
  };
  auto n = normalize(run("ccAbCdEf.s"), {});
  EXPECT_THAT(lines_of(n, "file $TMP1"),
              ElementsAre("open create excl 0600", "\"\\t.file \\\"x.c\\\"\\n\"", "unlink"));
  EXPECT_TRUE(compare(run("ccAbCdEf.s"), run("cc9x8Y7z.s")).equivalent);
}

}  // namespace
}  // namespace golden
