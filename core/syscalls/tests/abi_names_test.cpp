// errno and signal names, the one table every layer uses: checked against the kernel's
// headers (what the numbers are) and against the installed strace 6.1 (how a tracer
// spells them), so the copies that once disagreed cannot come back under another name.
#include "golden/syscalls/abi_names.hpp"

#include <gtest/gtest.h>
#include <signal.h>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>

namespace golden {
namespace {

TEST(AbiNames, Errno) {
  EXPECT_EQ(errno_name(ENOENT), "ENOENT");
  EXPECT_EQ(errno_name(EAGAIN), "EAGAIN");
  EXPECT_EQ(errno_name(EINTR), "EINTR");
  EXPECT_EQ(errno_name(9999), "E9999");
  EXPECT_EQ(errno_name(0), "E0");
  EXPECT_FALSE(errno_has_name(9999));
  EXPECT_EQ(errno_description(ENOENT), "No such file or directory");
  EXPECT_EQ(errno_description(0), "");
}

TEST(AbiNames, KernelInternalErrnos) {
  EXPECT_EQ(errno_name(512), "ERESTARTSYS");
  EXPECT_EQ(errno_name(513), "ERESTARTNOINTR");
  EXPECT_EQ(errno_name(514), "ERESTARTNOHAND");
  EXPECT_EQ(errno_name(515), "ENOIOCTLCMD");
  EXPECT_EQ(errno_name(516), "ERESTART_RESTARTBLOCK");
  EXPECT_EQ(errno_name(531), "ENOGRACE");
  EXPECT_EQ(errno_name(520), "E520");  // a hole in include/linux/errno.h
  EXPECT_EQ(errno_description(512), "To be restarted if SA_RESTART is set");
  EXPECT_EQ(errno_description(515), "Unknown error 515");  // strerror's, as strace prints it
  EXPECT_TRUE(errno_restarts_call(516));
  EXPECT_FALSE(errno_restarts_call(515));
  EXPECT_FALSE(errno_restarts_call(EINTR));
}

TEST(AbiNames, ErrnoFromName) {
  EXPECT_EQ(errno_from_name("ENOENT"), ENOENT);
  EXPECT_EQ(errno_from_name("EWOULDBLOCK"), EAGAIN);
  EXPECT_EQ(errno_from_name("EDEADLOCK"), EDEADLK);
  EXPECT_EQ(errno_from_name("ENOTSUP"), EOPNOTSUPP);
  EXPECT_EQ(errno_from_name("ERESTARTSYS"), 512);
  EXPECT_EQ(errno_from_name("E4000"), 4000);
  EXPECT_EQ(errno_from_name("E4096"), std::nullopt);  // past the kernel's MAX_ERRNO
  EXPECT_EQ(errno_from_name("ENOSUCHTHING"), std::nullopt);
  EXPECT_EQ(errno_from_name("E"), std::nullopt);
  EXPECT_EQ(errno_from_name("E12x"), std::nullopt);
  for (int err = 1; err < 532; ++err) {
    if (!errno_has_name(err)) continue;
    EXPECT_EQ(errno_from_name(errno_name(err)), err) << err;
  }
}

TEST(AbiNames, Signals) {
  EXPECT_EQ(signal_name(SIGTERM), "SIGTERM");
  EXPECT_EQ(signal_name(SIGKILL), "SIGKILL");
  EXPECT_EQ(signal_name(SIGCHLD), "SIGCHLD");
  EXPECT_EQ(signal_name(SIGSYS), "SIGSYS");
  EXPECT_EQ(signal_name(SIGIO), "SIGIO");
  EXPECT_EQ(signal_name(32), "SIGRTMIN");
  EXPECT_EQ(signal_name(34), "SIGRT_2");  // equivalence once said SIGRTMIN+0 (glibc's numbering)
  EXPECT_EQ(signal_name(64), "SIGRT_32");
  EXPECT_EQ(signal_name(65), "SIG65");
  EXPECT_EQ(signal_name(0), "SIG0");
}

TEST(AbiNames, SignalFromName) {
  EXPECT_EQ(signal_from_name("SIGTERM"), SIGTERM);
  EXPECT_EQ(signal_from_name("TERM"), SIGTERM);
  EXPECT_EQ(signal_from_name("SIGPOLL"), SIGIO);
  EXPECT_EQ(signal_from_name("SIGIOT"), SIGABRT);
  EXPECT_EQ(signal_from_name("SIGCLD"), SIGCHLD);
  EXPECT_EQ(signal_from_name("SIGRT_2"), 34);
  EXPECT_EQ(signal_from_name("SIG40"), 40);
  EXPECT_EQ(signal_from_name("SIGRTMIN+2"), std::nullopt);  // glibc's or the kernel's?
  EXPECT_EQ(signal_from_name("SIGNOPE"), std::nullopt);
  EXPECT_EQ(signal_from_name("SIG65"), std::nullopt);
  for (int sig = 1; sig <= 64; ++sig) EXPECT_EQ(signal_from_name(signal_name(sig)), sig) << sig;
}

// "#define NAME number" lines of a kernel header.
std::map<std::string, int> header_defines(const std::string& path, const std::string& prefix) {
  std::map<std::string, int> defines;
  std::ifstream in(path);
  const std::regex define("^#define\\s+(" + prefix + "[A-Z0-9_]+)\\s+([0-9]+)\\b");
  std::smatch m;
  for (std::string line; std::getline(in, line);) {
    if (std::regex_search(line, m, define)) defines[m[1]] = std::stoi(m[2]);
  }
  return defines;
}

TEST(AbiNames, EveryErrnoOfTheKernelHeadersIsNamedAsThere) {
  auto defines = header_defines("/usr/include/asm-generic/errno-base.h", "E");
  defines.merge(header_defines("/usr/include/asm-generic/errno.h", "E"));
  if (defines.empty()) GTEST_SKIP() << "no kernel headers (linux-libc-dev) here";
  ASSERT_GT(defines.size(), 120u);
  for (const auto& [name, number] : defines) {
    EXPECT_EQ(errno_from_name(name), number) << name;
    // Aliases (EWOULDBLOCK, EDEADLOCK) are named by their twins, as the kernel's own
    // headers define them after the twin.
    if (name == "EWOULDBLOCK" || name == "EDEADLOCK") continue;
    EXPECT_EQ(errno_name(number), name);
  }
}

TEST(AbiNames, EverySignalOfTheKernelHeadersIsNamedAsThere) {
  const auto defines = header_defines("/usr/include/x86_64-linux-gnu/asm/signal.h", "SIG");
  if (defines.empty()) GTEST_SKIP() << "no kernel headers (linux-libc-dev) here";
  ASSERT_GT(defines.size(), 30u);
  for (const auto& [name, number] : defines) {
    // Not signals, or (SIGLOST) defined only inside a comment.
    if (name == "SIGRTMAX" || name == "SIGSTKSZ" || name == "SIGUNUSED" || name == "SIGLOST")
      continue;
    EXPECT_EQ(signal_from_name(name), number) << name;
    if (name == "SIGPOLL" || name == "SIGIOT") continue;  // strace names them SIGIO, SIGABRT
    EXPECT_EQ(signal_name(number), name);
  }
}

// The line strace printed for the probe's one call.
std::optional<std::string> strace_line(const std::string& args) {
  const std::string cmd = "strace -qq " + args + " 2>&1 >/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, pipe) != nullptr) out += buf;
  if (pclose(pipe) != 0) return std::nullopt;
  return out;
}

// What follows "= " in it: "-1 ENOENT (No such file or directory)".
std::optional<std::string> strace_result(const std::string& args) {
  std::optional<std::string> line = strace_line(args);
  if (!line) return std::nullopt;
  std::smatch m;  // strace pads the call to a column: "getppid()      = -1 ..."
  if (!std::regex_search(*line, m, std::regex("\\) +=  *"))) return std::nullopt;
  std::string out = m.suffix();
  if (auto injected = out.find(" (INJECTED)"); injected != std::string::npos) out.resize(injected);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

bool strace_runs() {
  return std::system("strace -V >/dev/null 2>&1") == 0 &&
         strace_result("-e trace=getppid '" GOLDEN_ABI_PROBE "' errno").has_value();
}

TEST(AbiNames, ErrnosAsStraceNamesThem) {
  if (!strace_runs()) GTEST_SKIP() << "strace is not installed or cannot trace here";
  // Names the kernel's include/linux/errno.h has and strace 6.1 does not know yet: golden
  // names them as the kernel does (strace prints "(errno 519)").
  const std::set<int> newer_than_strace = {519, 531};
  for (int err = 1; err < 534; ++err) {
    if (err > 133 && err < 512) continue;  // nobody names these: checked at 532, 533
    const auto shown =
        strace_result("-e trace=getppid -e inject=getppid:error=" + std::to_string(err) +
                      " '" GOLDEN_ABI_PROBE "' errno");
    ASSERT_TRUE(shown) << "strace could not inject errno " << err;
    if (newer_than_strace.contains(err)) {
      EXPECT_EQ(*shown, "-1 (errno " + std::to_string(err) + ")") << "strace learnt errno " << err;
      continue;
    }
    const std::string ours = !errno_has_name(err)
                                 ? "-1 (errno " + std::to_string(err) + ")"
                                 : (errno_restarts_call(err) ? "? " : "-1 ") + errno_name(err) +
                                       " (" + errno_description(err) + ")";
    EXPECT_EQ(ours, *shown) << "errno " << err;
  }
}

TEST(AbiNames, SignalsAsStraceNamesThem) {
  if (!strace_runs()) GTEST_SKIP() << "strace is not installed or cannot trace here";
  for (int sig = 1; sig <= 64; ++sig) {
    const auto line = strace_line("-e trace=kill -e signal=none '" GOLDEN_ABI_PROBE "' signal " +
                                  std::to_string(sig));
    ASSERT_TRUE(line) << "strace could not run the probe for signal " << sig;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(*line, m, std::regex("kill\\(2147483647, ([A-Z0-9_]+)\\)")))
        << *line;
    EXPECT_EQ(signal_name(sig), m[1].str()) << sig;
  }
}

}  // namespace
}  // namespace golden
