// /proc/PID/maps, read when a process is first unwound and again when it maps or unmaps
// code (never per syscall: PERF-NOTES.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace golden::source {

struct Mapping {
  std::uint64_t start = 0, end = 0;  // [start, end)
  std::uint64_t offset = 0;          // file offset of `start`
  bool writable = false;
  bool executable = false;
  std::uint64_t inode = 0;
  std::string path;      // "" for anonymous memory; "[vdso]", "[stack]"...
  bool deleted = false;  // the file was removed or replaced since mapped
};

// Sorted by address; empty when the process is gone.
std::vector<Mapping> read_maps(int pid);

// The mapping holding `address`, or null.
const Mapping* mapping_at(const std::vector<Mapping>& maps, std::uint64_t address);

}  // namespace golden::source
