// Writing golden-trace files (docs/trace-format.md): one JSON document, one record per
// line, optionally zstd-compressed. A TraceWriter is the TraceSink the recorder streams
// into: bounded memory, periodic flushes so a killed capture leaves a readable prefix,
// and `PATH.partial` + rename so an existing golden is only replaced by a complete file.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "golden/model/result.hpp"
#include "golden/model/trace.hpp"

namespace golden {

enum class Compression : std::uint8_t {
  Auto,  // zstd when the path ends in ".zst" (e.g. "trace.json.zst"), else plain JSON
  None,
  Zstd,
};

struct WriterOptions {
  Compression compression = Compression::Auto;
  int zstd_level = 3;  // zstd's default: fast enough for a live capture, ~8x on traces
  // Buffered records are handed to the kernel (and, for zstd, a block is completed)
  // when this many bytes are pending, or when flush_interval has passed since the
  // last flush (checked whenever a record is written, and by flush_if_due()).
  std::size_t flush_bytes = 64 * 1024;
  std::chrono::milliseconds flush_interval{10};
  // commit() fsyncs the file and its directory so a committed golden survives a crash.
  bool sync = true;
};

// Streams a trace into PATH.partial; commit() completes the file and renames it onto PATH.
// Not thread-safe: one thread drives it (the recorder's loop).
class TraceWriter final : public TraceSink {
 public:
  // Creates (truncates) PATH.partial and writes the header line. The header's format and
  // version are ignored: a TraceWriter always writes golden-trace version 1.
  static Result<TraceWriter> open(const std::string& path, const TraceHeader& header,
                                  const WriterOptions& options = {});

  TraceWriter(TraceWriter&&) noexcept;
  TraceWriter& operator=(TraceWriter&&) noexcept;
  TraceWriter(const TraceWriter&) = delete;
  TraceWriter& operator=(const TraceWriter&) = delete;
  // Without commit() or abandon(): flushes what is buffered and closes, leaving
  // PATH.partial in place (the reader reports it as truncated). A capture cut short
  // must not lose what it recorded.
  ~TraceWriter() override;

  // TraceSink. An I/O error is remembered (status()) and later records are dropped;
  // commit() then reports it.
  void begin_run(const RunInfo& run) override;
  void event(const Event& event) override;
  void process(const ProcessInfo& process) override;
  void edge(const Edge& edge) override;
  void end_run(const RunInfo& run) override;

  // Hands everything buffered to the kernel; for zstd, ends the current block
  // (ZSTD_e_flush) so all of it can be decompressed from the file as it stands.
  // Not async-signal-safe: call it from the loop that noticed the signal.
  void flush();
  // flush() if flush_interval has passed since the last flush and data is pending; for
  // a caller that goes idle (e.g. a recorder waiting on a sleeping tracee).
  void flush_if_due();

  // Writes the eof record, flushes, fsyncs (WriterOptions::sync) and renames PATH.partial
  // onto PATH. On failure PATH is untouched and the partial file stays for inspection.
  Status commit();
  // Closes and deletes PATH.partial; PATH is untouched.
  Status abandon();

  // The first I/O error so far, or Ok.
  const Status& status() const;
  const std::string& path() const;
  const std::string& partial_path() const;
  // Bytes handed to the kernel so far (compressed size for zstd).
  std::uint64_t bytes_written() const;
  // Uncompressed JSON bytes produced so far.
  std::uint64_t text_bytes() const;

 private:
  struct Impl;
  explicit TraceWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Writes a whole trace with the same PATH.partial + rename rule as TraceWriter.
// Each run is written as: run, events, edges, processes, end.
Status write_trace(const TraceFile& file, const std::string& path,
                   const WriterOptions& options = {});

// The exact uncompressed bytes write_trace would produce (for tests and for piping).
std::string format_trace(const TraceFile& file);

}  // namespace golden
