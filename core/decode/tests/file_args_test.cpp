// File-related argument decoding: flags, modes, paths (relative to cwd and to dirfds).
#include <fcntl.h>

#include <gtest/gtest.h>

#include "fakes.hpp"
#include "golden/model/arg_text.hpp"

namespace golden {
namespace {

using testing::addr;
using testing::decode;
using testing::FakeFds;
using testing::finish;
using testing::SelfMemory;

constexpr std::uint64_t kAtFdCwd = static_cast<std::uint64_t>(-100);

TEST(FileArgs, OpenatFlagsAndAbsolutePath) {
  SelfMemory mem;
  FakeFds fds;
  fds.cwd_ = "/tmp";
  const char path[] = "/etc/passwd";
  auto d = decode("openat", {kAtFdCwd, addr(path), O_RDONLY | O_CLOEXEC, 0}, mem, fds);
  ASSERT_EQ(d.event.args.size(), 3u);  // no O_CREAT: the mode is left out, as strace does
  EXPECT_EQ(d.arg(0).kind, ArgKind::Fd);
  EXPECT_EQ(d.arg(0).raw, -100);
  EXPECT_EQ(d.arg(0).text, "AT_FDCWD</tmp>");
  EXPECT_EQ(d.arg(0).str, "/tmp");
  EXPECT_EQ(d.arg(1).name, "pathname");
  EXPECT_EQ(d.arg(1).kind, ArgKind::Path);
  EXPECT_EQ(d.arg(1).str, "/etc/passwd");
  EXPECT_EQ(d.arg(1).text, "\"/etc/passwd\"");
  EXPECT_EQ(d.arg(1).text, conventional_text(d.arg(1)));  // stored once in the file
  EXPECT_EQ(d.arg(2).kind, ArgKind::Flags);
  EXPECT_EQ(d.arg(2).text, "O_RDONLY|O_CLOEXEC");
}

TEST(FileArgs, OpenFlagsWithCreateAndMode) {
  SelfMemory mem;
  FakeFds fds;
  const char path[] = "out.txt";
  auto d = decode("openat", {kAtFdCwd, addr(path), O_WRONLY | O_CREAT | O_TRUNC, 0644}, mem, fds);
  ASSERT_EQ(d.event.args.size(), 4u);
  EXPECT_EQ(d.arg(2).text, "O_WRONLY|O_CREAT|O_TRUNC");
  EXPECT_EQ(d.arg(3).kind, ArgKind::Mode);
  EXPECT_EQ(d.arg(3).raw, 0644);
  EXPECT_EQ(d.arg(3).text, "0644");
  EXPECT_EQ(d.arg(3).text, conventional_text(d.arg(3)));

  auto e = decode("open", {addr(path), O_RDWR | O_APPEND | O_NONBLOCK | O_DIRECTORY | 0x40000000u, 0}, mem, fds);
  EXPECT_EQ(e.arg(1).text, "O_RDWR|O_APPEND|O_NONBLOCK|O_DIRECTORY|0x40000000");
  auto t = decode("open", {addr(path), O_RDWR | O_TMPFILE | O_EXCL, 0600}, mem, fds);
  EXPECT_EQ(t.arg(1).text, "O_RDWR|O_EXCL|O_TMPFILE");  // strace's order
  ASSERT_EQ(t.event.args.size(), 3u);  // O_TMPFILE takes a mode too
  EXPECT_EQ(t.arg(2).text, "0600");
  auto c = decode("creat", {addr(path), 0755}, mem, fds);
  EXPECT_EQ(c.arg(1).text, "0755");
}

TEST(FileArgs, RelativePathsResolveAgainstCwdWithDotDotFolded) {
  SelfMemory mem;
  FakeFds fds;
  fds.cwd_ = "/home/user/project";
  const char path[] = "../data/./in.csv";
  auto d = decode("open", {addr(path), O_RDONLY, 0}, mem, fds);
  EXPECT_EQ(d.arg(0).str, "/home/user/data/in.csv");
  EXPECT_EQ(d.arg(0).text, "\"../data/./in.csv\"");  // as the program gave it
  EXPECT_NE(d.arg(0).text, conventional_text(d.arg(0)));
}

TEST(FileArgs, RelativePathsResolveAgainstTheirDirfd) {
  SelfMemory mem;
  FakeFds fds;
  fds.names[5] = "/srv/www";
  fds.names[6] = "/var/backup";
  const char from[] = "a/../index.html";
  const char to[] = "old/index.html";
  auto d = decode("renameat2", {5, addr(from), 6, addr(to), 1}, mem, fds);
  EXPECT_EQ(d.arg(0).text, "5</srv/www>");
  EXPECT_EQ(d.arg(0).str, "/srv/www");
  EXPECT_EQ(d.arg(1).str, "/srv/www/index.html");
  EXPECT_EQ(d.arg(2).text, "6</var/backup>");
  EXPECT_EQ(d.arg(3).str, "/var/backup/old/index.html");
  EXPECT_EQ(d.arg(4).text, "RENAME_NOREPLACE");
  // AT_EMPTY_PATH with an empty path names the dirfd itself.
  const char empty[] = "";
  auto s = decode("newfstatat", {5, addr(empty), 0, 0x1000}, mem, fds);
  EXPECT_EQ(s.arg(1).str, "/srv/www");
  EXPECT_EQ(s.arg(3).text, "AT_EMPTY_PATH");
}

TEST(FileArgs, CwdIsOnlyAskedForRelativePaths) {
  // The recorder may have to look the cwd up: absolute paths must not cost that.
  SelfMemory mem;
  FakeFds fds;
  const char abs[] = "/etc/passwd";
  decode("open", {addr(abs), O_RDONLY, 0}, mem, fds);
  decode("execve", {addr(abs), 0, 0}, mem, fds);
  EXPECT_EQ(fds.cwd_calls, 0);
  const char rel[] = "passwd";
  decode("stat", {addr(rel), 0}, mem, fds);
  EXPECT_EQ(fds.cwd_calls, 1);
}

TEST(FileArgs, BadAndNullPathPointers) {
  SelfMemory mem;
  FakeFds fds;
  auto d = decode("unlink", {0x10}, mem, fds);
  EXPECT_EQ(d.arg(0).kind, ArgKind::Ptr);
  EXPECT_EQ(d.arg(0).text, "0x10");  // shown as the address, like strace
  auto n = decode("utimensat", {3, 0, 0, 0}, mem, fds);
  EXPECT_EQ(n.arg(1).text, "NULL");
}

TEST(FileArgs, AtFlagsPerSyscall) {
  SelfMemory mem;
  FakeFds fds;
  const char path[] = "/tmp/d";
  EXPECT_EQ(decode("unlinkat", {kAtFdCwd, addr(path), 0x200}, mem, fds).arg(2).text, "AT_REMOVEDIR");
  EXPECT_EQ(decode("faccessat2", {kAtFdCwd, addr(path), R_OK | W_OK, 0x200}, mem, fds).arg(3).text, "AT_EACCESS");
  EXPECT_EQ(decode("faccessat2", {kAtFdCwd, addr(path), F_OK, 0}, mem, fds).arg(2).text, "F_OK");
  EXPECT_EQ(decode("access", {addr(path), R_OK | X_OK}, mem, fds).arg(1).text, "R_OK|X_OK");
  EXPECT_EQ(decode("linkat", {kAtFdCwd, addr(path), kAtFdCwd, addr(path), 0x400}, mem, fds).arg(4).text,
            "AT_SYMLINK_FOLLOW");
  EXPECT_EQ(decode("mkdirat", {kAtFdCwd, addr(path), 0755}, mem, fds).arg(2).text, "0755");
  EXPECT_EQ(decode("mknod", {addr(path), 0010644, 0}, mem, fds).arg(1).text, "S_IFIFO|0644");
}

TEST(FileArgs, SymlinkTargetIsNotResolved) {
  SelfMemory mem;
  FakeFds fds;
  const char target[] = "../lib/libx.so.1";
  const char link[] = "libx.so";
  auto d = decode("symlinkat", {addr(target), kAtFdCwd, addr(link)}, mem, fds);
  EXPECT_EQ(d.arg(0).kind, ArgKind::String);
  EXPECT_EQ(d.arg(0).str, "../lib/libx.so.1");
  EXPECT_EQ(d.arg(2).str, "/home/user/libx.so");
}

TEST(FileArgs, FcntlArgumentDependsOnCommand) {
  SelfMemory mem;
  FakeFds fds;
  fds.names[3] = "/etc/hosts";
  auto getfl = decode("fcntl", {3, F_GETFL, 0xdeadbeef}, mem, fds);
  ASSERT_EQ(getfl.event.args.size(), 2u);  // F_GETFL takes no argument: leftovers not recorded
  EXPECT_EQ(getfl.arg(1).text, "F_GETFL");
  auto setfl = decode("fcntl", {3, F_SETFL, O_RDWR | O_NONBLOCK}, mem, fds);
  EXPECT_EQ(setfl.arg(2).text, "O_RDWR|O_NONBLOCK");
  auto setfd = decode("fcntl", {3, F_SETFD, FD_CLOEXEC}, mem, fds);
  EXPECT_EQ(setfd.arg(2).text, "FD_CLOEXEC");
  auto dup = decode("fcntl", {3, F_DUPFD_CLOEXEC, 10}, mem, fds);
  EXPECT_EQ(dup.arg(2).text, "10");
  struct flock fl{};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_len = 100;
  auto lk = decode("fcntl", {3, F_SETLKW, addr(&fl)}, mem, fds);
  EXPECT_EQ(lk.arg(2).text, "{l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=100}");
  EXPECT_EQ(decode("fcntl", {3, 0x7777, 1}, mem, fds).arg(1).text, "0x7777 /* F_??? */");
}

TEST(FileArgs, StatAndCwdOutputsAtExit) {
  SelfMemory mem;
  FakeFds fds;
  const char path[] = "/etc/hostname";
  struct stat st{};
  st.st_mode = S_IFREG | 0644;
  st.st_size = 43479;
  auto d = decode("newfstatat", {kAtFdCwd, addr(path), addr(&st), 0}, mem, fds);
  EXPECT_EQ(d.arg(2).kind, ArgKind::Ptr);  // not filled in yet
  finish(d, 0, mem, fds);
  EXPECT_EQ(d.arg(2).text, "{st_mode=S_IFREG|0644, st_size=43479, ...}");

  char cwd[64] = "/home/user/src";
  auto g = decode("getcwd", {addr(cwd), sizeof cwd}, mem, fds);
  finish(g, 15, mem, fds);
  EXPECT_EQ(g.arg(0).kind, ArgKind::Path);
  EXPECT_EQ(g.arg(0).str, "/home/user/src");

  auto failed = decode("newfstatat", {kAtFdCwd, addr(path), addr(&st), 0}, mem, fds);
  finish(failed, -2, mem, fds);
  EXPECT_EQ(failed.event.err, 2);
  EXPECT_EQ(failed.arg(2).kind, ArgKind::Ptr);  // nothing written by a failed call
}

TEST(FileArgs, DirentsAreCounted) {
  SelfMemory mem;
  FakeFds fds;
  // Three records of 24 bytes each: d_reclen at offset 16.
  unsigned char buf[72] = {};
  for (int k = 0; k < 3; ++k) buf[k * 24 + 16] = 24;
  auto d = decode("getdents64", {3, addr(buf), sizeof buf}, mem, fds);
  finish(d, 72, mem, fds);
  EXPECT_NE(d.arg(1).text.find("/* 3 entries */"), std::string::npos);
}

}  // namespace
}  // namespace golden
