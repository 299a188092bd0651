// The recorder's pure pieces: no tracee needed.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <fstream>

#include "command_resolution.hpp"
#include "fd_table.hpp"
#include "fd_tracker.hpp"
#include "rusage.hpp"
#include "signal_info.hpp"
#include "signal_tracking.hpp"
#include "socket_peers.hpp"
#include "traceparent.hpp"
#include "tracee_launch.hpp"
#include "wait_status.hpp"

namespace golden::rec {
namespace {

TEST(Traceparent, InheritsAValidTraceIdAndMakesANewSpan) {
  const char* parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  ASSERT_EQ(trace_id_of(parent), "4bf92f3577b34da6a3ce929d0e0e4736");
  const std::string tp = make_traceparent(parent);
  ASSERT_EQ(tp.size(), 55u);
  EXPECT_EQ(tp.substr(0, 36), "00-4bf92f3577b34da6a3ce929d0e0e4736-");
  EXPECT_NE(tp.substr(36, 16), "00f067aa0ba902b7");
  EXPECT_EQ(tp.substr(52), "-01");
  EXPECT_TRUE(trace_id_of(tp).has_value());
}

TEST(Traceparent, RejectsMalformedAndMakesAFreshTraceId) {
  EXPECT_FALSE(trace_id_of("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
  EXPECT_FALSE(trace_id_of("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"));
  EXPECT_FALSE(trace_id_of("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"));
  EXPECT_FALSE(trace_id_of("garbage"));
  const std::string a = make_traceparent("garbage"), b = make_traceparent(nullptr);
  ASSERT_TRUE(trace_id_of(a) && trace_id_of(b));
  EXPECT_NE(*trace_id_of(a), *trace_id_of(b));
}

TEST(CommandResolution, FindsInPathAndExplainsFailures) {
  auto sh = resolve_command("sh", "/nonexistent:/bin:/usr/bin");
  ASSERT_TRUE(sh.ok());
  EXPECT_EQ(*sh, "/bin/sh");
  auto missing = resolve_command("nosuch-golden-cmd", "/bin:/usr/bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message,
            "cannot execute 'nosuch-golden-cmd': No such file or directory");
  auto dir = resolve_command("/tmp", nullptr);
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.error().message, "cannot execute '/tmp': Permission denied");
  const std::string plain = "/tmp/golden-rec-not-executable";
  std::ofstream(plain) << "data\n";
  ::chmod(plain.c_str(), 0644);
  auto noexec = resolve_command(plain, nullptr);
  ::unlink(plain.c_str());
  ASSERT_FALSE(noexec.ok());
  EXPECT_NE(noexec.error().message.find("Permission denied"), std::string::npos);
}

TEST(Environment, ReplacesContextVariablesAndAppendsExtras) {
  const auto env = tracee_environment({"PATH=/bin", "TRACEPARENT=old", "FOO=1", "HOME=/root"},
                                      "00-tp", 1, {"FOO=2", "BAR=3"});
  EXPECT_EQ(env, (std::vector<std::string>{"PATH=/bin", "HOME=/root", "TRACEPARENT=00-tp",
                                           "GOLDEN_LAMPORT_CLOCK=1", "FOO=2", "BAR=3"}));
  const auto overridden = tracee_environment({}, "00-tp", 1, {"TRACEPARENT=mine"});
  EXPECT_EQ(overridden, (std::vector<std::string>{"GOLDEN_LAMPORT_CLOCK=1", "TRACEPARENT=mine"}));
}

TEST(JoinPath, NormalizesLexically) {
  EXPECT_EQ(join_path("/home/u", "a/./b/../c"), "/home/u/a/c");
  EXPECT_EQ(join_path("/home/u", "/etc//passwd"), "/etc/passwd");
  EXPECT_EQ(join_path("/", "../.."), "/");
}

TEST(ProcUsage, ParsesStatusAndStat) {
  EXPECT_EQ(parse_vm_hwm_kb("Name:\tx\nVmPeak:\t 10 kB\nVmHWM:\t    1234 kB\n"), 1234u);
  EXPECT_FALSE(parse_vm_hwm_kb("Name:\tx\n"));
  std::uint64_t ut = 0, st = 0;
  ASSERT_TRUE(parse_stat_times(
      "42 (a b) c)) S 1 42 42 0 -1 4194560 100 0 0 0 17 5 0 0 20 0 1 0", &ut, &st));
  EXPECT_EQ(ut, 17u);
  EXPECT_EQ(st, 5u);
  const ProcUsage self = read_proc_usage(Tid{::getpid()});
  EXPECT_TRUE(self.peak_rss_kb && *self.peak_rss_kb > 0);
  EXPECT_TRUE(self.user_time.has_value());
}

TEST(WaitStatus, ClassifiesPtraceStops) {
  auto stopped = [](int sig, int event) { return (event << 16) | (sig << 8) | 0x7f; };
  EXPECT_EQ(classify_wait_status(Tid{1}, stopped(SIGTRAP | 0x80, 0)).kind, StopKind::SyscallStop);
  EXPECT_EQ(classify_wait_status(Tid{1}, stopped(SIGUSR1, 0)).kind, StopKind::SignalDelivery);
  EXPECT_EQ(classify_wait_status(Tid{1}, stopped(SIGUSR1, 0)).signal, SIGUSR1);
  EXPECT_EQ(classify_wait_status(Tid{1}, stopped(SIGTRAP, 1)).kind, StopKind::Fork);
  EXPECT_EQ(classify_wait_status(Tid{1}, stopped(SIGTRAP, 4)).kind, StopKind::Exec);
  EXPECT_EQ(classify_wait_status(Tid{1}, stopped(SIGTRAP, 7)).kind, StopKind::Seccomp);
  EXPECT_EQ(classify_wait_status(Tid{1}, stopped(SIGSTOP, 128)).kind, StopKind::GroupStop);
  EXPECT_EQ(classify_wait_status(Tid{1}, stopped(SIGTTIN, 128)).kind, StopKind::GroupStop);
  EXPECT_EQ(classify_wait_status(Tid{1}, stopped(SIGTRAP, 128)).kind, StopKind::TrapStop);
  EXPECT_EQ(classify_wait_status(Tid{1}, 3 << 8).kind, StopKind::Exited);
  EXPECT_EQ(classify_wait_status(Tid{1}, 3 << 8).exit_code, 3);
  const WaitResult killed = classify_wait_status(Tid{1}, SIGSEGV | 0x80);
  EXPECT_EQ(killed.kind, StopKind::Killed);
  EXPECT_EQ(killed.signal, SIGSEGV);
  EXPECT_TRUE(killed.core_dumped);
}

TEST(SignalInfo, NamesCodesAndSenders) {
  EXPECT_EQ(si_code_name(SIGCHLD, CLD_EXITED), "CLD_EXITED");
  EXPECT_EQ(si_code_name(SIGSEGV, SEGV_MAPERR), "SEGV_MAPERR");
  EXPECT_EQ(si_code_name(SIGUSR1, SI_TKILL), "SI_TKILL");
  EXPECT_EQ(si_code_name(SIGUSR1, 99), "99");
  siginfo_t si{};
  si.si_signo = SIGUSR1;
  si.si_code = SI_USER;
  si.si_pid = 77;
  const auto args = signal_args(si);
  ASSERT_EQ(args.size(), 4u);
  EXPECT_EQ(args[0].text, "SIGUSR1");
  EXPECT_EQ(args[1].text, "SI_USER");
  EXPECT_EQ(args[2].name, "si_pid");
  EXPECT_EQ(args[2].raw, 77);
}

TEST(FdTable, ExecDropsCloexecAndUnknownEntries) {
  FdTable t;
  t.set(0, FdEntry{"/dev/pts/0", false, CloExec::No});
  t.set(3, FdEntry{"/etc/passwd", false, CloExec::Yes});
  t.set(4, FdEntry{"pipe:[1]", false, CloExec::Unknown});
  t.set(5, FdEntry{"", true, CloExec::Unknown});
  auto copy = t.copy();
  t.apply_exec();
  EXPECT_NE(t.find(0), nullptr);
  EXPECT_EQ(t.find(3), nullptr);
  EXPECT_EQ(t.find(4), nullptr);
  EXPECT_EQ(t.find(5), nullptr);
  EXPECT_EQ(copy->size(), 4u);  // copies (fork) are independent
  copy->erase_range(3, 4);
  EXPECT_EQ(copy->size(), 2u);
  copy->forget_absent();
  EXPECT_EQ(copy->size(), 1u);
}

TEST(SignalSends, MatchesOldestUndeliveredThenLatest) {
  SignalSends sends;
  auto a = std::make_shared<EventHandle>(), b = std::make_shared<EventHandle>();
  sends.sent(Pid{10}, SIGUSR1, a);
  sends.sent(Pid{10}, SIGUSR1, b);
  EXPECT_EQ(sends.delivered(Pid{10}, SIGUSR1), a);
  EXPECT_EQ(sends.delivered(Pid{10}, SIGUSR1), b);
  EXPECT_EQ(sends.delivered(Pid{10}, SIGUSR1), b);  // kill(-pgid): several deliveries
  EXPECT_EQ(sends.delivered(Pid{10}, SIGUSR2), nullptr);
  auto c = std::make_shared<EventHandle>();
  sends.sent(Pid{11}, SIGTERM, c);
  sends.failed(Pid{11}, SIGTERM, c);
  EXPECT_EQ(sends.delivered(Pid{11}, SIGTERM), nullptr);
}

TEST(DeadProcesses, ReapOnceSigchldOnceAndForgetReusedPids) {
  DeadProcesses dead;
  auto h = std::make_shared<EventHandle>();
  dead.died(Pid{50}, h);
  EXPECT_EQ(dead.reaped(Pid{50}, false), h);  // WNOWAIT: still reapable
  EXPECT_EQ(dead.reaped(Pid{50}, true), h);
  EXPECT_EQ(dead.reaped(Pid{50}, true), nullptr);
  EXPECT_EQ(dead.sigchld(Pid{50}), h);
  EXPECT_EQ(dead.sigchld(Pid{50}), nullptr);
  dead.died(Pid{51}, h);
  dead.reused(Pid{51});
  EXPECT_EQ(dead.reaped(Pid{51}, true), nullptr);
}

TEST(SocketPeers, FormatsProcNetAddresses) {
  EXPECT_EQ(format_proc_net_address("0100007F:1F90"), "127.0.0.1:8080");
  EXPECT_EQ(format_proc_net_address("00000000000000000000000001000000:0050"), "[::1]:80");
  EXPECT_EQ(format_proc_net_address("bogus"), "");
}

}  // namespace
}  // namespace golden::rec
