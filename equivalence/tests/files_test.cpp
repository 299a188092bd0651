// Files: by default each path's state after the run (net effects); with strict_files,
// what was created, truncated, written, renamed, linked, chmod-ed, deleted.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/normalized.hpp"
#include "golden/test_support/trace_builder.hpp"
#include "test_util.hpp"

namespace golden {
namespace {

using test::buf_arg;
using test::fd_arg;
using test::flags_arg;
using test::int_arg;
using test::lines;
using test::lines_of;
using test::mode_arg;
using test::path_arg;
using test::TraceBuilder;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

CompareConfig strict() {
  CompareConfig cfg;
  cfg.strict_files = true;
  return cfg;
}

TEST(Files, ContentIsWhatTheFileHoldsAfterTheRun) {
  TraceBuilder b(100, "/w");
  b.open(100, "/w/out.txt", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 3, 0666);
  b.write(100, 3, "one\n");
  b.write(100, 3, "two\n");
  b.sys(100, "ftruncate", {fd_arg("fd", 3), int_arg("length", 0)}, 0);
  b.write(100, 3, "three\n");
  b.close(100, 3);
  b.exit(100);
  EXPECT_THAT(lines_of(normalize(b.build(), {}), "file $CWD/out.txt"),
              ElementsAre("file, mode 0644", "\"three\\n\""));
  EXPECT_THAT(lines_of(normalize(b.build(), strict()), "file $CWD/out.txt"),
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
  c.sys(100, "umask", {mode_arg("mask", 0)}, 022);
  c.open(100, "/w/f", O_WRONLY | O_CREAT | O_TRUNC, 3, 0666);
  c.exit(100);
  EXPECT_THAT(lines_of(normalize(c.build(), {}), "file $CWD/f"), ElementsAre("file, mode 0666, empty"));
  EXPECT_THAT(lines_of(normalize(c.build(), strict()), "file $CWD/f"), ElementsAre("open create trunc 0666"));
  EXPECT_FALSE(compare(a.build(), c.build()).equivalent);
}

Trace name_operations() {
  TraceBuilder b(100, "/w");
  b.path_call(100, "mkdir", {"/w/d"});
  b.sys(100, "mkdir", {path_arg("pathname", "/w/e"), mode_arg("mode", 0750)}, 0);
  b.path_call(100, "rename", {"/w/a", "/w/d/a"});
  b.path_call(100, "link", {"/w/d/a", "/w/d/b"});
  b.sys(100, "symlink",
        {[] {
           Arg t;
           t.name = "target";
           t.kind = ArgKind::String;
           t.str = "d/a";
           return t;
         }(),
         path_arg("linkpath", "/w/l")},
        0);
  b.sys(100, "chmod", {path_arg("pathname", "/w/d/a"), mode_arg("mode", 0755)}, 0);
  b.sys(100, "unlinkat",
        {fd_arg("dirfd", AT_FDCWD), path_arg("pathname", "/w/d/b"), flags_arg("flags", 0)}, 0);
  b.sys(100, "unlinkat",
        {fd_arg("dirfd", AT_FDCWD), path_arg("pathname", "/w/e"),
         flags_arg("flags", 0x200, "AT_REMOVEDIR")},
        0);
  b.path_call(100, "unlink", {"/w/gone"}, 0, ENOENT);
  b.path_call(100, "unlink", {"/w/old"});
  b.path_call(100, "mkdir", {"/w/empty"});
  b.exit(100);
  return b.build();
}

TEST(Files, NetStateOfEachNamedPath) {
  auto n = normalize(name_operations(), {});
  // A directory with reported files below is said by them; an empty one on its own.
  EXPECT_THAT(lines_of(n, "file $CWD/d"), IsEmpty());
  // A file that was there before the run, renamed and chmod-ed by it.
  EXPECT_THAT(lines_of(n, "file $CWD/a"), ElementsAre("deleted"));
  EXPECT_THAT(lines_of(n, "file $CWD/d/a"), ElementsAre("file, mode 0755, moved from $CWD/a"));
  EXPECT_THAT(lines_of(n, "file $CWD/l"), ElementsAre("symlink -> d/a"));
  EXPECT_THAT(lines_of(n, "file $CWD/old"), ElementsAre("deleted"));
  EXPECT_THAT(lines_of(n, "file $CWD/empty"), ElementsAre("directory, mode 0755"));
  // Made and removed again (a link, a directory): no effect, and the names are templates.
  for (const std::string& line : lines(n)) {
    EXPECT_THAT(line, Not(::testing::HasSubstr("$CWD/e |"))) << line;
    EXPECT_THAT(line, Not(::testing::HasSubstr("$CWD/d/b"))) << line;
  }
  // A failed unlink changed nothing.
  EXPECT_THAT(lines_of(n, "file $CWD/gone"), IsEmpty());
}

TEST(Files, StrictModeListsTheOperations) {
  auto n = normalize(name_operations(), strict());
  EXPECT_THAT(lines_of(n, "file $CWD/d"), ElementsAre("mkdir 0755"));
  EXPECT_THAT(lines_of(n, "file $CWD/a"), ElementsAre("rename to $CWD/d/a"));
  EXPECT_THAT(lines_of(n, "file $CWD/d/a"), ElementsAre("rename from $CWD/a", "link to $GEN2", "chmod 0755"));
  EXPECT_THAT(lines_of(n, "file $GEN2"), ElementsAre("link from $CWD/d/a", "unlink"));
  EXPECT_THAT(lines_of(n, "file $GEN1"), ElementsAre("mkdir 0750", "rmdir"));
  EXPECT_THAT(lines_of(n, "file $CWD/l"), ElementsAre("symlink -> d/a"));
  EXPECT_THAT(lines_of(n, "file $CWD/gone"), ElementsAre("unlink = ENOENT"));
}

TEST(Files, FailedWriteAttemptsChangeNothingFailedReadsAreProbes) {
  TraceBuilder b(100, "/w");
  b.open(100, "/etc/shadow", O_WRONLY | O_TRUNC, -1, 0, EACCES);
  b.open(100, "/w/maybe.cfg", O_RDONLY, -1, 0, ENOENT);
  b.exit(100);
  auto n = normalize(b.build(), {});
  EXPECT_THAT(lines_of(n, "file /etc/shadow"), IsEmpty());
  EXPECT_THAT(lines_of(n, "user reads"), IsEmpty());
  EXPECT_THAT(lines_of(normalize(b.build(), strict()), "file /etc/shadow"),
              ElementsAre("open trunc = EACCES"));
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
  EXPECT_THAT(lines_of(normalize(run("ccAbCdEf.s"), {}), "file $GEN1"), IsEmpty());
  EXPECT_THAT(lines_of(normalize(run("ccAbCdEf.s"), strict()), "file $GEN1"),
              ElementsAre("open create excl 0600", "\"\\t.file \\\"x.c\\\"\\n\"", "unlink"));
  EXPECT_TRUE(compare(run("ccAbCdEf.s"), run("cc9x8Y7z.s")).equivalent);
  EXPECT_TRUE(compare(run("ccAbCdEf.s"), run("cc9x8Y7z.s"), strict()).equivalent);
}

// --- State left by an earlier run: the same program, a fresh workspace (A) and the one
// an earlier run left (B). The operations differ, the net effects do not.

TEST(Files, OldOutputUnlinkedBeforeWritingIsTheSameAsNone) {
  // `as` unlinks its output first; the first run's unlink fails.
  auto run = [](int unlink_err) {
    TraceBuilder b(100, "/w", {"as", "-o", "x.o", "x.s"});
    b.path_call(100, "unlink", {"/w/x.o"}, unlink_err ? -1 : 0, unlink_err);
    b.open(100, "/w/x.o", O_RDWR | O_CREAT | O_TRUNC, 3, 0666);
    b.write(100, 3, "ELF");
    b.close(100, 3);
    b.exit(100);
    return b.build();
  };
  auto r = compare(run(ENOENT), run(0));
  EXPECT_TRUE(r.equivalent) << test::describe(r);
  EXPECT_FALSE(compare(run(ENOENT), run(0), strict()).equivalent);
}

TEST(Files, TruncatingAnExistingTargetIsTheSameAsCreatingIt) {
  // cp: O_CREAT|O_EXCL for a new target, O_TRUNC for an existing one.
  TraceBuilder a(100, "/w", {"cp", "src", "dst"});
  a.open(100, "/w/src", O_RDONLY, 3);
  a.open(100, "/w/dst", O_WRONLY | O_CREAT | O_EXCL, 4, 0644);
  a.write(100, 4, "data\n");
  a.exit(100);
  TraceBuilder b(100, "/w", {"cp", "src", "dst"});
  b.open(100, "/w/src", O_RDONLY, 3);
  b.open(100, "/w/dst", O_WRONLY | O_TRUNC, 4);
  b.write(100, 4, "data\n");
  b.exit(100);
  auto r = compare(a.build(), b.build());
  EXPECT_TRUE(r.equivalent) << test::describe(r);
  EXPECT_THAT(lines_of(normalize(b.build(), {}), "file $CWD/dst"),
              ElementsAre("file, mode as before", "\"data\\n\""));
  // A different mode the run sets itself is a change.
  TraceBuilder c(100, "/w", {"cp", "src", "dst"});
  c.open(100, "/w/src", O_RDONLY, 3);
  c.open(100, "/w/dst", O_WRONLY | O_CREAT | O_EXCL, 4, 0600);
  c.write(100, 4, "data\n");
  c.exit(100);
  EXPECT_FALSE(compare(a.build(), c.build()).equivalent);
}

TEST(Files, MkdirOfAnExistingDirectoryIsTheSameAsMakingIt) {
  TraceBuilder a(100, "/w", {"mkdir", "-p", "out"});
  a.path_call(100, "mkdir", {"/w/out"});
  a.exit(100);
  TraceBuilder b(100, "/w", {"mkdir", "-p", "out"});
  b.path_call(100, "mkdir", {"/w/out"}, -1, EEXIST);
  b.exit(100);
  auto r = compare(a.build(), b.build());
  EXPECT_TRUE(r.equivalent) << test::describe(r);
}

Trace zip_like(const std::string& temp, bool old_archive) {
  TraceBuilder b(100, "/w", {"zip", "out.zip", "a.txt"});
  if (old_archive) {
    b.open(100, "/w/out.zip", O_RDONLY, 3);
    b.read(100, 3, "PK-old");
    b.close(100, 3);
  }
  b.open(100, "/w/a.txt", O_RDONLY, 3);
  b.close(100, 3);
  b.open(100, "/w/" + temp, O_RDWR | O_CREAT | O_EXCL, 4, 0600);
  b.write(100, 4, "PK-new");
  b.close(100, 4);
  b.path_call(100, "rename", {"/w/" + temp, "/w/out.zip"});
  b.exit(100);
  return b.build();
}

TEST(Files, TempFileRenamedOntoTheTargetIsTheTargetsContent) {
  auto r = compare(zip_like("zilroR9A", false), zip_like("ziaCDyQi", true));
  EXPECT_TRUE(r.equivalent) << test::describe(r);
  auto n = normalize(zip_like("ziaCDyQi", true), {});
  EXPECT_THAT(lines_of(n, "file $CWD/out.zip"), ElementsAre("file, mode 0600", "\"PK-new\""));
  // The old archive it read was replaced: not a user read; a.txt is.
  EXPECT_THAT(lines_of(n, "user reads"), ElementsAre("read $CWD/a.txt"));
}

// --- Real changes still diverge at their place.

TEST(Files, LeakedTempFileDiverges) {
  auto run = [](bool remove) {
    TraceBuilder b(100, "/w", {"tool"});
    b.open(100, "/tmp/tool-Xk3j9q", O_RDWR | O_CREAT | O_EXCL, 3, 0600);
    b.write(100, 3, "scratch");
    b.close(100, 3);
    if (remove) b.path_call(100, "unlink", {"/tmp/tool-Xk3j9q"});
    b.exit(100);
    return b.build();
  };
  auto r = compare(run(true), run(false));
  EXPECT_FALSE(r.equivalent);
  EXPECT_THAT(test::describe(r), ::testing::HasSubstr("only in B"));
}

TEST(Files, DeletingAFileThatWasThereDiverges) {
  TraceBuilder a(100, "/w", {"tool"});
  a.exit(100);
  TraceBuilder b(100, "/w", {"tool"});
  b.path_call(100, "unlink", {"/w/input.txt"});
  b.exit(100);
  auto r = compare(a.build(), b.build());
  EXPECT_FALSE(r.equivalent);
  EXPECT_NE(test::find_divergence(r, "file $CWD/input.txt"), nullptr) << test::describe(r);
}

TEST(Files, OutputUnderAnotherNameDiverges) {
  auto run = [](const std::string& name) {
    TraceBuilder b(100, "/w", {"tool"});
    b.open(100, "/w/" + name, O_WRONLY | O_CREAT | O_TRUNC, 3, 0644);
    b.write(100, 3, "x\n");
    b.exit(100);
    return b.build();
  };
  auto r = compare(run("out.txt"), run("result.txt"));
  EXPECT_FALSE(r.equivalent);
  EXPECT_NE(test::find_divergence(r, "file $CWD/out.txt"), nullptr) << test::describe(r);
  EXPECT_NE(test::find_divergence(r, "file $CWD/result.txt"), nullptr) << test::describe(r);
}

TEST(Files, AppendingIsWrittenIntoEarlierContent) {
  TraceBuilder b(100, "/w", {"tool"});
  b.open(100, "/w/log", O_WRONLY | O_APPEND, 3);
  b.write(100, 3, "line\n");
  b.exit(100);
  EXPECT_THAT(lines_of(normalize(b.build(), {}), "file $CWD/log"),
              ElementsAre("file, mode as before, written into its earlier content", "\"line\\n\""));
}

TEST(Files, WritesFollowTheFileThroughARename) {
  TraceBuilder b(100, "/w", {"tool"});
  b.open(100, "/w/part", O_WRONLY | O_CREAT | O_TRUNC, 3, 0644);
  b.write(100, 3, "a");
  b.path_call(100, "rename", {"/w/part", "/w/final"});
  b.write(100, 3, "b");
  b.exit(100);
  auto n = normalize(b.build(), {});
  EXPECT_THAT(lines_of(n, "file $CWD/final"), ElementsAre("file, mode 0644", "\"ab\""));
}


// --- An earlier run's output kept as it was (cmake, make: write only if different).

Trace writes_cache(bool already_there) {
  TraceBuilder b(100, "/w", {"cmake", "."});
  if (already_there) {
    b.open(100, "/w/Cache.txt", O_RDONLY, 3);
    b.read(100, 3, "KEY=1\n");
    b.read(100, 3, "");
    b.close(100, 3);
  } else {
    b.open(100, "/w/Cache.txt", O_WRONLY | O_CREAT | O_TRUNC, 3, 0644);
    b.write(100, 3, "KEY=1\n");
    b.close(100, 3);
  }
  b.exit(100);
  return b.build();
}

TEST(FilesLeftByAnEarlierRun, AFileReadWholeAndKeptIsTheFileTheOtherRunWrote) {
  auto r = compare(writes_cache(false), writes_cache(true));
  EXPECT_TRUE(r.equivalent) << test::describe(r);
  EXPECT_TRUE(compare(writes_cache(true), writes_cache(false)).equivalent);
}

TEST(FilesLeftByAnEarlierRun, OtherBytesThanTheOtherRunWroteDiverge) {
  TraceBuilder b(100, "/w", {"cmake", "."});
  b.open(100, "/w/Cache.txt", O_RDONLY, 3);
  b.read(100, 3, "KEY=2\n");
  b.read(100, 3, "");
  b.exit(100);
  EXPECT_FALSE(compare(writes_cache(false), b.build()).equivalent);
}

TEST(FilesLeftByAnEarlierRun, AFileReadOnlyInPartIsNoEvidence) {
  TraceBuilder b(100, "/w", {"cmake", "."});
  b.open(100, "/w/Cache.txt", O_RDONLY, 3);
  b.read(100, 3, "KEY=1\n");  // no read to the end
  b.exit(100);
  EXPECT_FALSE(compare(writes_cache(false), b.build()).equivalent);
}

TEST(FileContent, LineContinuationsAreJoined) {
  // gcc -MD wraps a depfile's line where the paths make it long: the same dependencies.
  auto run = [](const std::string& text) {
    TraceBuilder b(100, "/w", {"cc"});
    b.open(100, "/w/x.o.d", O_WRONLY | O_CREAT | O_TRUNC, 3, 0644);
    b.write(100, 3, text);
    b.exit(100);
    return b.build();
  };
  auto a = run("x.o: /w/x.c \\\n /usr/include/stdio.h\n");
  auto b = run("x.o: \\\n  /w/x.c /usr/include/stdio.h\n");
  EXPECT_THAT(lines_of(normalize(a, {}), "file $CWD/x.o.d"),
              ElementsAre("file, mode 0644", "\"x.o: $CWD/x.c /usr/include/stdio.h\\n\""));
  auto r = compare(a, b);
  EXPECT_TRUE(r.equivalent) << test::describe(r);
  EXPECT_FALSE(compare(a, run("x.o: /w/x.c \\\n /usr/include/stdlib.h\n")).equivalent);
}


Trace dd_at(std::int64_t offset) {
  TraceBuilder b(100, "/w", {"dd", "conv=notrunc"});
  b.open(100, "/w/disk.img", O_WRONLY | O_CREAT, 3, 0644);
  b.sys(100, "lseek", {fd_arg("fd", 3), int_arg("offset", offset)}, offset);
  b.write(100, 3, "DATA");
  b.exit(100);
  return b.build();
}

TEST(FileContent, AWriteElsewhereThanAfterThePreviousOneSaysWhere) {
  EXPECT_THAT(lines_of(normalize(dd_at(8), {}), "file $CWD/disk.img"),
              ElementsAre("file, mode 0644, written into its earlier content", "at offset 8", "\"DATA\""));
  EXPECT_FALSE(compare(dd_at(8), dd_at(16)).equivalent);
  EXPECT_TRUE(compare(dd_at(16), dd_at(16)).equivalent);
  // A seek to where the next write would land anyway says nothing.
  EXPECT_THAT(lines_of(normalize(dd_at(0), {}), "file $CWD/disk.img"),
              ElementsAre("file, mode 0644, written into its earlier content", "\"DATA\""));
}

TEST(FileContent, AppendAndTruncateDiffer) {
  auto run = [](std::int64_t flags) {
    TraceBuilder b(100, "/w", {"sh"});
    b.open(100, "/w/app.log", O_WRONLY | O_CREAT | flags, 3, 0644);
    b.write(100, 3, "new entry\n");
    b.exit(100);
    return b.build();
  };
  EXPECT_FALSE(compare(run(O_APPEND), run(O_TRUNC)).equivalent);
}

TEST(Files, AnAclSetsTheMode) {
  // cp -a and sed -i give a copy the original's mode through system.posix_acl_access.
  auto run = [](unsigned char other) {
    TraceBuilder b(100, "/w", {"cp", "-a", "a", "b"});
    b.open(100, "/w/b", O_WRONLY | O_CREAT | O_EXCL, 3, 0600);
    Arg name;
    name.name = "name";
    name.kind = ArgKind::String;
    name.str = "system.posix_acl_access";
    const std::string acl{"\x02\x00\x00\x00"
                          "\x01\x00\x06\x00\xff\xff\xff\xff"
                          "\x04\x00\x04\x00\xff\xff\xff\xff"
                          "\x20\x00",
                          22};
    b.sys(100, "fsetxattr",
          {fd_arg("fd", 3), name,
           buf_arg("value",
                   acl + std::string(1, static_cast<char>(other)) +
                       std::string("\x00\xff\xff\xff\xff", 5),
                   256)},
          0);
    b.exit(100);
    return b.build();
  };
  EXPECT_THAT(lines_of(normalize(run(4), {}), "file $CWD/b"), ElementsAre("file, mode 0644, empty"));
  EXPECT_FALSE(compare(run(4), run(0)).equivalent);
}

TEST(Files, AChownToTheRunsOwnIdsChangesNothing) {
  auto run = [](std::int64_t owner, bool chown) {
    TraceBuilder b(100, "/w", {"cp", "-a", "a", "b"});
    b.open(100, "/w/b", O_WRONLY | O_CREAT | O_EXCL, 3, 0644);
    if (chown)
      b.sys(100, "fchown", {fd_arg("fd", 3), int_arg("owner", owner), int_arg("group", owner)}, 0);
    b.exit(100);
    Trace t = b.build();
    t.run.uid = 1000;
    t.run.gid = 1000;
    return t;
  };
  EXPECT_TRUE(compare(run(1000, true), run(1000, false)).equivalent);
  EXPECT_FALSE(compare(run(0, true), run(1000, false)).equivalent);
}

}  // namespace
}  // namespace golden

namespace golden {
namespace {

using test::buf_arg;
using test::fd_arg;
using test::flags_arg;
using test::int_arg;
using test::lines_of;
using test::mode_arg;
using test::path_arg;
using test::TraceBuilder;
using ::testing::ElementsAre;

TEST(FileContent, AppendingAfterASeekToTheEndIsNoOffset) {
  // tee -a and stdio's "a" seek to the end: where that is depends on the earlier content.
  auto run = [](std::int64_t end) {
    TraceBuilder b(100, "/w", {"tee", "-a", "log"});
    b.open(100, "/w/log", O_WRONLY | O_CREAT | O_APPEND, 3, 0644);
    b.sys(100, "lseek",
          {fd_arg("fd", 3), int_arg("offset", 0), flags_arg("whence", SEEK_END, "SEEK_END")}, end);
    b.write(100, 3, "line\n");
    b.exit(100);
    return b.build();
  };
  auto r = compare(run(0), run(30));
  EXPECT_TRUE(r.equivalent) << test::describe(r);
}

TEST(FileContent, ACopyOfAFileTheRunWroteIsItsBytes) {
  // cat copies with copy_file_range on one file system and read/write across two.
  auto run = [](bool in_kernel) {
    TraceBuilder b(100, "/w", {"sh"});
    b.open(100, "/w/c.txt", O_WRONLY | O_CREAT | O_TRUNC, 3, 0644);
    b.write(100, 3, "gamma\n");
    b.close(100, 3);
    b.open(100, "/w/c.txt", O_RDONLY, 3);
    if (in_kernel) {
      b.sys(100, "copy_file_range", {fd_arg("fd_in", 3), fd_arg("fd_out", 1)}, 6);
    } else {
      b.read(100, 3, "gamma\n");
      b.write(100, 1, "gamma\n");
    }
    b.exit(100);
    return b.build();
  };
  EXPECT_THAT(lines_of(normalize(run(true), {}), "stdout"), ElementsAre("\"gamma\\n\""));
  auto r = compare(run(true), run(false));
  EXPECT_TRUE(r.equivalent) << test::describe(r);
}

}  // namespace
}  // namespace golden
