// The -e trace= expression (strace syntax) and the seccomp-bpf program built from it.
#pragma once

#include <bitset>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "golden/model/result.hpp"

namespace golden {

// Which syscall numbers are traced.
class SyscallFilter {
 public:
  static constexpr int kMaxNr = 1024;

  // Everything traced.
  SyscallFilter();
  // Parses "trace=open,openat", "openat,read", "%file", "!%memory", "trace=!write",
  // "/regex" (as strace), "all", "none". Unknown names are an error naming them.
  static Result<SyscallFilter> parse(std::string_view expression);

  // Always true for golden's marker syscall (golden/model/marker.hpp): it carries the
  // program's spans, which no -e expression is meant to drop.
  bool traces(int nr) const;
  bool traces_everything() const;
  // The expression as given (for the trace header).
  const std::string& expression() const { return expression_; }

  // A seccomp-bpf program that returns SECCOMP_RET_TRACE for traced syscalls and
  // SECCOMP_RET_ALLOW for the others (the marker syscall is always traced; calls of
  // other arches reach the tracer too), as raw
  // struct sock_filter instructions (8 bytes each, bit-copied into uint64_t) ready for
  // prctl/seccomp(SECCOMP_SET_MODE_FILTER).
  // Built with libseccomp (seccomp_export_bpf). `also_stop` lists numbers the
  // recorder needs to see whatever the set says (it does not record them).
  Result<std::vector<std::uint64_t>> seccomp_program(std::span<const int> also_stop = {}) const;

 private:
  std::bitset<kMaxNr> set_;
  bool negated_default_ = false;  // numbers >= kMaxNr: traced iff !negated_default_
  std::string expression_;
};

}  // namespace golden
