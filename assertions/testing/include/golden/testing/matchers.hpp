// gMock matchers over a golden::testing::Trace, composable with AllOf, AnyOf and Not:
//
//   EXPECT_THAT(trace, AllOf(Opens("config.toml"), Not(Opens("/etc/shadow")),
//                            Writes("out/*.csv", HasSubstr("total")),
//                            WritesToStdout(StartsWith("3 lines")), CallsAtMost("%network", 0),
//                            ExitsWith(0)));
//
// Path globs: `*` and `?` stay inside one path component, `**` spans components,
// `[a-z]` is a class (renacer.toml's rules, docs/assertions.md). An absolute glob matches
// the whole absolute path ("/etc/**"); a relative one matches the path's last components,
// in any directory ("config.toml", "*.o", "out/*.csv"), or a relative path as the program
// wrote it.
//
// On a failure the explanation names the calls that matched, or the nearest misses (the
// closest paths, a failed attempt, what was written instead), never the whole trace.
#pragma once

#include <gmock/gmock.h>

#include <cstdint>
#include <string>

#include "golden/testing/trace.hpp"

namespace golden::testing {

using TraceMatcher = ::testing::Matcher<const Trace&>;
using BytesMatcher = ::testing::Matcher<const std::string&>;

// A file matching `glob` was opened successfully (open, openat, openat2, creat).
TraceMatcher Opens(const std::string& glob);
// Bytes were read from a file matching `glob` (read, pread64, readv, preadv, preadv2,
// or an in-kernel copy from it: sendfile, copy_file_range, splice).
TraceMatcher Reads(const std::string& glob);
// The run wrote into a file matching `glob`, and what it wrote there (in order, all
// calls) satisfies `bytes` ("exact text", HasSubstr(...), ...). Without `bytes`: any.
TraceMatcher Writes(const std::string& glob);
TraceMatcher Writes(const std::string& glob, BytesMatcher bytes);
// All bytes written to the run's stdout / stderr (also after dup2, 2>&1, by children).
TraceMatcher WritesToStdout(BytesMatcher bytes);
TraceMatcher WritesToStderr(BytesMatcher bytes);
// At most `n` calls of a syscall ("openat") or class ("%file", "%network"), in every
// process of the run, failed ones included.
TraceMatcher CallsAtMost(const std::string& syscall_or_class, std::uint64_t n);
// A process executed a program matching `glob` (its path, or argv[0] for a name glob).
TraceMatcher Execs(const std::string& glob);
// The run's status as a shell's $? (128+N when killed by signal N).
TraceMatcher ExitsWith(int status);
// After the run a file or directory matching `glob` exists that the run made (one it
// made and removed again does not count).
TraceMatcher CreatesFile(const std::string& glob);
// A file or directory matching `glob` that was there before the run is gone after it.
TraceMatcher DeletesFile(const std::string& glob);
// No process tried to contact an IPv4 or IPv6 endpoint (connect, sendto, sendmsg,
// sendmmsg; failed attempts count). Local unix sockets are not the network.
TraceMatcher NeverConnects();
// A process contacted an endpoint matching `glob` successfully: "127.0.0.1:8080",
// "[::1]:*", "*:443", "unix:/run/*.sock" (`[` `]` are an IPv6 address's brackets).
TraceMatcher ConnectsTo(const std::string& endpoint_glob);
// A process sent signal `signal` (kill, tkill, tgkill, rt_sigqueueinfo, pidfd_send_signal...)
// to itself or another process. By number or name: SendsSignal(SIGTERM), SendsSignal("TERM").
TraceMatcher SendsSignal(int signal);
TraceMatcher SendsSignal(const std::string& signal_name);

}  // namespace golden::testing
