#include "golden/text/event_format.hpp"

#include <gtest/gtest.h>

#include "golden/model/marker.hpp"

namespace golden {
namespace {

Arg arg(std::string text, ArgKind kind = ArgKind::Struct) {
  Arg a;
  a.kind = kind;
  a.text = std::move(text);
  return a;
}

Event syscall(std::string name, std::vector<Arg> args, std::int64_t ret) {
  Event e;
  e.name = std::move(name);
  e.pid = Pid{1234};
  e.tid = Tid{1234};
  e.args = std::move(args);
  e.ret = ret;
  e.duration = Nanos{12345};
  return e;
}

Event openat_passwd() {
  Event e = syscall("openat",
                    {arg("AT_FDCWD", ArgKind::Enum), arg("\"/etc/passwd\"", ArgKind::Path),
                     arg("O_RDONLY|O_CLOEXEC", ArgKind::Flags)},
                    3);
  e.ret_ref = "/etc/passwd";
  return e;
}

TEST(FormatEvent, SyscallWithPidFdPathAndDuration) {
  FormatOptions o;
  o.show_pid = true;
  EXPECT_EQ(format_event(openat_passwd(), o),
            "[pid  1234] openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = "
            "3</etc/passwd> <0.000012>");
}

TEST(FormatEvent, WithoutPidOrDuration) {
  FormatOptions o;
  o.show_duration = false;
  EXPECT_EQ(format_event(openat_passwd(), o),
            "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3</etc/passwd>");
}

TEST(FormatEvent, ShortCallsArePaddedToColumn40LikeStrace) {
  FormatOptions o;
  o.show_duration = false;
  Event e = syscall("close", {arg("3", ArgKind::Fd)}, 0);
  EXPECT_EQ(format_event(e, o), "close(3)                                = 0");
  o.show_pid = true;  // the prefix counts towards the column, as in strace -f
  EXPECT_EQ(format_event(e, o), "[pid  1234] close(3)                    = 0");
  o.align_column = 0;
  EXPECT_EQ(format_event(e, o), "[pid  1234] close(3) = 0");
}

TEST(FormatEvent, FailedCallShowsErrnoNameAndDescription) {
  FormatOptions o;
  Event e = syscall("openat",
                    {arg("AT_FDCWD", ArgKind::Enum), arg("\"/nope\"", ArgKind::Path),
                     arg("O_RDONLY", ArgKind::Flags)},
                    -2);
  e.err = 2;
  e.duration = Nanos{8999};
  EXPECT_EQ(format_event(e, o),
            "openat(AT_FDCWD, \"/nope\", O_RDONLY)     = -1 ENOENT (No such file or directory) "
            "<0.000008>");
}

TEST(FormatEvent, KernelRestartCodesShowAQuestionMark) {
  Event e = syscall("read", {arg("0", ArgKind::Fd), arg("0x7ffc0000", ArgKind::Ptr),
                             arg("4096", ArgKind::UInt)},
                    -512);
  e.err = 512;
  EXPECT_EQ(format_return(e), "? ERESTARTSYS (To be restarted if SA_RESTART is set)");
}

TEST(FormatEvent, UnfinishedCallHasNoValueAndNoDuration) {
  FormatOptions o;
  Event e = syscall("exit_group", {arg("0", ArgKind::Int)}, 0);
  e.finished = false;
  EXPECT_EQ(format_event(e, o), "exit_group(0)                           = ?");
}

TEST(FormatEvent, ReturnConventionsComeFromTheSyscallTable) {
  // Found by name when the number is missing, as in hand-built or imported events.
  Event mmap = syscall("mmap", {arg("NULL", ArgKind::Ptr)}, 0x7f2a1c000000);
  EXPECT_EQ(format_return(mmap), "0x7f2a1c000000");
  Event brk = syscall("brk", {arg("NULL", ArgKind::Ptr)}, 0);
  EXPECT_EQ(format_return(brk), "0");
  Event large = syscall("lseek", {}, 5000000000);
  EXPECT_EQ(format_return(large), "5000000000");
}

TEST(FormatEvent, ArgumentsWithoutTextUseTheConventionalRendering) {
  Arg fd;
  fd.kind = ArgKind::Fd;
  fd.raw = 3;
  fd.str = "/tmp/x";
  Arg flags;
  flags.kind = ArgKind::Flags;  // no convention: the raw value is shown
  flags.raw = 524288;
  Arg ptr;
  ptr.kind = ArgKind::Ptr;
  Event e = syscall("fcntl", {fd, flags, ptr}, 0);
  FormatOptions o;
  o.show_duration = false;
  EXPECT_EQ(format_event(e, o), "fcntl(3</tmp/x>, 524288, NULL)          = 0");
}

TEST(FormatEvent, TimeAndLamportPrefixes) {
  FormatOptions o;
  o.show_pid = true;
  o.show_start = true;
  o.show_lamport = true;
  o.show_duration = false;
  o.align_column = 0;
  Event e = syscall("getpid", {}, 1234);
  e.tid = Tid{1240};
  e.start = Nanos{12'345678901};
  e.lamport = 17;
  EXPECT_EQ(format_event(e, o), "[pid  1240]     12.345678 @17 getpid() = 1234");
}

TEST(FormatEvent, SignalWithSiginfo) {
  Event e;
  e.kind = EventKind::Signal;
  e.name = "SIGCHLD";
  e.nr = 17;
  e.args = {arg("{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1235, si_uid=0, si_status=0}")};
  EXPECT_EQ(format_event(e, FormatOptions{}),
            "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1235, si_uid=0, "
            "si_status=0} ---");
}

TEST(FormatEvent, SignalWithoutSiginfoOrWithFields) {
  Event e;
  e.kind = EventKind::Signal;
  e.name = "SIGTERM";
  e.nr = 15;
  EXPECT_EQ(format_event(e, FormatOptions{}), "--- SIGTERM {si_signo=SIGTERM} ---");
  Arg code = arg("SI_USER", ArgKind::Enum);
  code.name = "si_code";
  Arg pid = arg("77", ArgKind::Int);
  pid.name = "si_pid";
  e.args = {code, pid};
  EXPECT_EQ(format_event(e, FormatOptions{}), "--- SIGTERM {si_code=SI_USER, si_pid=77} ---");
}

TEST(FormatEvent, ExitLines) {
  Event e;
  e.kind = EventKind::Exit;
  e.name = "exit";
  e.pid = Pid{9};
  e.tid = Tid{9};
  e.ret = 3;
  FormatOptions o;
  o.show_pid = true;
  EXPECT_EQ(format_event(e, o), "[pid     9] +++ exited with 3 +++");

  e.ret = 0;
  e.nr = 11;  // killed by SIGSEGV
  EXPECT_EQ(format_event(e, FormatOptions{}), "+++ killed by SIGSEGV +++");
  ProcessInfo p;
  p.pid = Pid{9};
  p.exit_signal = 11;
  p.core_dumped = true;
  EXPECT_EQ(format_event(e, FormatOptions{}, &p), "+++ killed by SIGSEGV (core dumped) +++");

  Arg core;
  core.name = "core_dumped";
  core.raw = 1;
  e.args = {core};
  EXPECT_EQ(format_event(e, FormatOptions{}), "+++ killed by SIGSEGV (core dumped) +++");
}

// Issue 12 items 3 and 4: the lines strace prints for a group-stop and for the leader
// another thread's execve superseded.
TEST(FormatEvent, StopAndSupersededLines) {
  FormatOptions o;
  o.show_duration = false;
  Event stop;
  stop.kind = EventKind::Signal;
  stop.name = "SIGSTOP";
  stop.nr = 19;
  Arg stopped = arg("1", ArgKind::Int);
  stopped.name = "stopped";
  stopped.raw = 1;
  stop.args.push_back(stopped);
  EXPECT_EQ(format_event(stop, o), "--- stopped by SIGSTOP ---");
  Event gone;
  gone.kind = EventKind::Exit;
  gone.name = "exit";
  Arg by = arg("4985", ArgKind::Int);
  by.name = "superseded_by";
  by.raw = 4985;
  gone.args.push_back(by);
  EXPECT_EQ(format_event(gone, o), "+++ superseded by execve in pid 4985 +++");
}

// Issue 12 item 6: a path with a newline behind an fd stays on its line.
TEST(FormatEvent, FdAnnotationsAreEscaped) {
  FormatOptions o;
  o.show_duration = false;
  Arg fd;
  fd.kind = ArgKind::Fd;
  fd.raw = 3;
  fd.str = "/tmp/dir/line\nbreak";
  o.align_column = 0;
  Event e = syscall("fsync", {fd}, 0);
  EXPECT_EQ(format_event(e, o).find('\n'), std::string::npos);
  EXPECT_EQ(format_event(e, o), "fsync(3</tmp/dir/line\\nbreak>) = 0");
}

TEST(FormatEvent, SpansAndAnnotations) {
  Event e;
  e.kind = EventKind::Span;
  e.name = "load_config";
  e.nr = static_cast<int>(MarkerOp::SpanOpen);
  EXPECT_EQ(format_event(e, FormatOptions{}), "--- span open load_config ---");
  e.nr = static_cast<int>(MarkerOp::SpanClose);
  EXPECT_EQ(format_event(e, FormatOptions{}), "--- span close load_config ---");
  e.name = "golden.alloc";
  e.nr = static_cast<int>(MarkerOp::Annotation);
  Arg malloc_calls = arg("12", ArgKind::Int);
  malloc_calls.name = "malloc";
  Arg where = arg("\"main\"", ArgKind::String);
  where.name = "where";
  e.args = {malloc_calls, where};
  EXPECT_EQ(format_event(e, FormatOptions{}),
            "--- annotation golden.alloc {malloc=12, where=\"main\"} ---");
}

TEST(FormatEvent, StringLimitShortensDataAndStringsButNotPaths) {
  Arg data;
  data.kind = ArgKind::Buffer;
  data.raw = 0x1000;
  data.data = Payload{};
  data.data->head = "0123456789abcdef";
  data.data->length = 4000;
  Arg path;
  path.kind = ArgKind::Path;
  path.str = "/a/very/long/path/name";
  Arg own = arg("{st_mode=S_IFREG|0644, st_size=123456789}", ArgKind::Buffer);
  own.data = data.data;
  Event e = syscall("write", {data, path, own}, 4000);
  FormatOptions o;
  o.show_duration = false;
  o.align_column = 0;
  o.string_limit = 4;
  // Conventional renderings are cut with strace's "..."; the path and a decoder's own
  // rendering stay whole.
  EXPECT_EQ(format_event(e, o),
            "write(\"0123\"..., \"/a/very/long/path/name\", "
            "{st_mode=S_IFREG|0644, st_size=123456789}) = 4000");
  // A reader restores the conventional text: the limit applies to it too.
  e.args[0].text = "\"0123456789abcdef\"...";
  EXPECT_EQ(format_event(e, o).substr(0, 15), "write(\"0123\"...");
  o.string_limit = 0;
  EXPECT_EQ(format_event(e, o).substr(0, 27), "write(\"0123456789abcdef\"...");
}

TEST(StraceDuration, TruncatesToMicroseconds) {
  EXPECT_EQ(strace_duration(Nanos{0}), "<0.000000>");
  EXPECT_EQ(strace_duration(Nanos{999}), "<0.000000>");
  EXPECT_EQ(strace_duration(Nanos{1'000001999}), "<1.000001>");
  EXPECT_EQ(strace_duration(Nanos{-5}), "<0.000000>");
}

}  // namespace
}  // namespace golden

namespace golden {
namespace {

SourceLocation load_config_location() {
  SourceLocation s;
  s.file = "/src/app/config.cpp";
  s.line = 41;
  s.function = "load_config";
  s.caller = "main";
  s.module = "/usr/bin/app";
  s.offset = 0x1a2b;
  return s;
}

TEST(FormatSource, LocationAtTheEndOfTheLine) {
  Event e = openat_passwd();
  e.source = load_config_location();
  FormatOptions o;
  o.show_duration = false;
  EXPECT_EQ(format_event(e, o),
            "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3</etc/passwd> at "
            "config.cpp:41 load_config() <- main()");
  o.show_source = false;
  EXPECT_EQ(format_event(e, o), "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3</etc/passwd>");
}

TEST(FormatSource, WithoutDebugInfoModuleAndOffset) {
  SourceLocation s;
  s.module = "/opt/tool/bin/tool";
  s.offset = 0x1a2b;
  s.function = "do_work";
  EXPECT_EQ(format_source(s), "at tool+0x1a2b do_work()");
  s.function.clear();
  s.caller = "main";
  EXPECT_EQ(format_source(s), "at tool+0x1a2b <- main()");
  EXPECT_EQ(format_source(SourceLocation{}), "");
}

TEST(FormatSource, OldCallerFormKeptAsWritten) {
  SourceLocation s;
  s.file = "src/cat.c";
  s.line = 112;
  s.function = "simple_cat";
  s.caller = "main (src/cat.c:740)";
  EXPECT_EQ(format_source(s), "at cat.c:112 simple_cat() <- main (src/cat.c:740)");
}

TEST(FormatSource, Frames) {
  SourceFrame libc;
  libc.module = "/usr/lib/x86_64-linux-gnu/libc.so.6";
  libc.offset = 0xf8011;
  libc.function = "__libc_open64";
  EXPECT_EQ(format_frame(libc), "libc.so.6+0xf8011 __libc_open64()");
  SourceFrame inl;
  inl.file = "/src/io.h";
  inl.line = 7;
  inl.function = "open_ro";
  inl.inlined = true;
  EXPECT_EQ(format_frame(inl), "io.h:7 open_ro() [inlined]");
  EXPECT_EQ(format_frame(SourceFrame{}), "?");
}

}  // namespace
}  // namespace golden
