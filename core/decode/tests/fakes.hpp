// Test doubles: the test process's own memory as the "tracee" (read with
// process_vm_readv, so bad addresses fail cleanly as they would with a real tracee),
// and an fd table in a map.
#pragma once

#include <sys/uio.h>
#include <unistd.h>

#include <initializer_list>
#include <map>
#include <utility>
#include <string>

#include "golden/decode/decoder.hpp"

namespace golden::testing {

class SelfMemory : public TraceeMemory {
 public:
  std::size_t read(RemoteAddr addr, void* out, std::size_t size) override {
    ++reads;
    bytes_requested += size;
    iovec local{out, size};
    iovec remote{reinterpret_cast<void*>(addr.value), size};
    const ssize_t n = process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
    return n < 0 ? 0 : static_cast<std::size_t>(n);
  }
  int reads = 0;
  std::size_t bytes_requested = 0;
};

class FakeFds : public FdNames {
 public:
  std::string describe(int fd) override {
    auto it = names.find(fd);
    return it == names.end() ? "" : it->second;
  }
  std::string cwd() override {
    ++cwd_calls;
    return cwd_;
  }
  int socket_protocol(int fd, int family) override {
    auto it = sockets.find(fd);
    return it == sockets.end() || it->second.first != family ? -1 : it->second.second;
  }
  std::map<int, std::string> names;
  std::map<int, std::pair<int, int>> sockets;  // fd -> (family, protocol)
  int cwd_calls = 0;
  std::string cwd_ = "/home/user";
};

inline std::uint64_t addr(const void* p) { return reinterpret_cast<std::uint64_t>(p); }

inline SyscallRegs regs_for(const SyscallInfo& info, std::initializer_list<std::uint64_t> args) {
  SyscallRegs r;
  r.nr = info.nr;
  std::size_t i = 0;
  for (std::uint64_t a : args) r.args[i++] = a;
  return r;
}

// Decodes entry and exit of `name` with the given registers and return value.
struct Decoded {
  const SyscallInfo* info = nullptr;
  SyscallRegs regs;
  Event event;
  const Arg& arg(std::size_t i) const { return event.args.at(i); }
};

inline Decoded decode(const char* name, std::initializer_list<std::uint64_t> args, TraceeMemory& mem,
                      FdNames& fds, const DecodeOptions& opts = {}) {
  Decoded d;
  d.info = syscall_by_name(name);
  d.regs = regs_for(*d.info, args);
  d.event.name = name;
  d.event.nr = d.info->nr;
  d.event.args = decode_entry(*d.info, d.regs, mem, fds, opts);
  return d;
}

inline void finish(Decoded& d, std::int64_t ret, TraceeMemory& mem, FdNames& fds, const DecodeOptions& opts = {}) {
  decode_exit(*d.info, d.regs, ret, mem, fds, opts, d.event);
}

}  // namespace golden::testing
