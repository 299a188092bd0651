// Unwinding a stopped tracee's stack with libunwind, through golden's own accessors
// instead of libunwind-ptrace's _UPT ones, which cost strace -k ~560 µs a syscall
// (PERF-NOTES.md): those read memory a word per PTRACE_PEEKDATA and, on every change of
// image, re-read /proc/PID/maps and mmap the ELF file again. Here:
//  - registers come from the stop (the recorder fetched them once);
//  - memory inside a read-only segment of an image (.eh_frame_hdr, .eh_frame, code)
//    is read from golden's own mapping of the file, no syscall at all;
//  - other memory (the stack) a 4 KiB page per process_vm_readv, cached for the stop;
//  - unwind tables: the image's .eh_frame_hdr, searched by libunwind's own
//    dwarf_search_unwind_table (as perf does), and libunwind's per-address-space cache
//    of parsed CFI keyed by IP, so a call site seen before costs no table search.
#pragma once

#include <libunwind.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "golden/source/correlator.hpp"
#include "image_cache.hpp"
#include "process_maps.hpp"

namespace golden::source {

struct RawFrame {
  std::uint64_t ip = 0;
  bool exact = false;  // interrupted here (signal frame below it), not a return address
};

// What one process looks like to the unwinder: its mappings and their images.
class ProcessView {
 public:
  ProcessView(int pid, ImageCache& cache) : pid_(pid), cache_(&cache) {}
  int pid() const { return pid_; }
  // The mapping holding `address` (maps are read on first use, and once more per stop
  // when the address is in none of them), and its image (null for anonymous memory).
  const Mapping* mapping(std::uint64_t address, Image** image = nullptr);
  void invalidate() { stale_ = true; }
  // Whether [start, end) overlaps a file-backed or executable mapping read so far.
  bool overlaps_code(std::uint64_t start, std::uint64_t end) const;
  void new_stop() { reread_this_stop_ = false; }
  std::uint64_t maps_reads() const { return maps_reads_; }
  ImageCache& cache() { return *cache_; }

 private:
  void reread();
  int pid_;
  ImageCache* cache_;
  std::vector<Mapping> maps_;
  std::vector<Image*> images_;  // parallel to maps_
  std::vector<bool> images_known_;
  bool stale_ = true;
  bool reread_this_stop_ = false;
  std::uint64_t maps_reads_ = 0;
};

// One libunwind address space (one traced process), with its CFI cache.
class RemoteUnwinder {
 public:
  RemoteUnwinder();
  ~RemoteUnwinder();
  RemoteUnwinder(const RemoteUnwinder&) = delete;
  RemoteUnwinder& operator=(const RemoteUnwinder&) = delete;

  // Forgets cached CFI (exec, unmapped code).
  void flush();
  // Walks thread `tid`'s stack from `regs`, appending frames to `out` (innermost first)
  // while `more(out)` says so, at most `max_frames`. False when not even the first
  // frame could be read.
  bool unwind(ProcessView& view, int tid, const Registers& regs, std::vector<RawFrame>& out,
              const std::function<bool(const std::vector<RawFrame>&)>& more, unsigned max_frames);

 private:
  unw_addr_space_t space_ = nullptr;
};

}  // namespace golden::source
