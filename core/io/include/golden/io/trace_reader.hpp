// Reading trace files: golden-trace (docs/trace-format.md), plain or zstd-compressed
// (detected by magic, not by name), and renacer's renacer-json-v1 (imported; what it
// lacks is flagged in TraceHeader, not invented).
//
// Bad input is an Error with a location ("trace.json:12", "trace.json: byte 4096"),
// never an exception or a crash. A truncated file (a killed capture) is not an error:
// every complete record is returned and TraceFile::truncated is set. Surprises that do
// not stop reading (unknown fields or record types, a cut last line, process records
// rebuilt from events) are counted in TraceFile::counters under "reader.*".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "golden/model/result.hpp"
#include "golden/model/trace.hpp"

namespace golden {

struct ReadOptions {
  // Upper bound on the decoded text (after zstd decompression, or the plain file's
  // size): protects against decompression bombs. A zstd frame that declares a larger
  // content size is rejected before anything is decompressed.
  std::uint64_t max_decompressed = std::uint64_t{8} << 30;  // 8 GiB
  // Upper bound on one record's text (a line of a golden-trace file, an element of a
  // reformatted document's "records" or of renacer's "syscalls"), blank space before it
  // included: input that never completes a record is refused at the byte where it passes
  // this, without buffering or parsing more. The largest records golden writes are far
  // below it (docs/trace-format.md §8 "Limits").
  std::uint64_t max_record = std::uint64_t{64} << 20;  // 64 MiB
  // Threads that decode record lines of a big golden-trace file (more than one batch of
  // 512 KiB) while the calling thread reads and assembles: 0 = one per core, at most 4;
  // 1 = all on the calling thread. Reads running at the same time share one decoding
  // thread per core between them. The result, errors included, is the same either way.
  unsigned threads = 0;
};

// Reads PATH (golden-trace JSON, .zst, or renacer-json-v1).
Result<TraceFile> read_trace(const std::string& path, const ReadOptions& options = {});

// Same for bytes already in memory; `name` is used in error locations.
Result<TraceFile> parse_trace(std::string_view bytes, std::string_view name,
                              const ReadOptions& options = {});

}  // namespace golden
