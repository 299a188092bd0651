// The trace readers as the fuzz targets drive them: the public parse_trace, and the same
// text handed to the reader in chunks of `chunk` bytes, as a file read in pieces would be.
// How the text is cut must not change anything: not the trace, not the counters, not the
// error (its message and its location). A difference, or an exception the reader only
// survives through read_trace's last-resort catch, is a bug: the target aborts.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "byte_source.hpp"
#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden_text_reader.hpp"

namespace golden::fuzz {

[[noreturn]] inline void bug(const std::string& what) {
  std::fprintf(stderr, "golden fuzz: %s\n", what.c_str());
  std::abort();
}

inline Result<TraceFile> read_chunked(std::string_view bytes, std::size_t chunk,
                                      const ReadOptions& options) {
  const std::string name = "fuzz";
  io_detail::MemoryInput input(bytes);
  io_detail::TextReader reader(name, options);
  try {
    auto info = io_detail::decode_input(input, name, options, [&](const io_detail::TextChunk& c) {
      for (std::size_t at = 0; at < c.text.size(); at += chunk) {
        Status st = reader.feed({c.text.substr(at, chunk), c.zstd, c.input_offset});
        if (!st) return st;
      }
      return Status{Ok{}};
    });
    if (!info) return info.error();
    return reader.finish(*info);
  } catch (const io_detail::RecordError& e) {
    return Error{e.message, name};  // as read_trace does: a decoding error thrown late
  } catch (const std::exception& e) {
    bug(std::string("exception escaped the reader: ") + e.what());
  }
}

inline std::string describe(const Result<TraceFile>& r) {
  if (!r) return "error: " + r.error().to_string();
  std::string s = format_trace(*r);
  s += r->truncated ? "\ntruncated" : "\ncomplete";
  for (const auto& [name, n] : r->counters) s += "\n" + name + "=" + std::to_string(n);
  return s;
}

// Reads `bytes` whole and in chunks of 1 + (last byte) % 97 bytes; checks they agree and that
// a trace read back is written and read again identically.
inline void check_reader(std::string_view bytes, const ReadOptions& options) {
  ReadOptions opts = options;
  opts.threads = 1;  // deterministic, and threads are the parallel_read tests' business
  Result<TraceFile> whole = parse_trace(bytes, "fuzz", opts);
  if (!whole && whole.error().message.starts_with("unexpected error"))
    bug(whole.error().to_string());
  const std::size_t chunk = bytes.empty() ? 1 : 1 + static_cast<unsigned char>(bytes.back()) % 97;
  Result<TraceFile> pieces = read_chunked(bytes, chunk, opts);
  const std::string a = describe(whole), b = describe(pieces);
  if (a != b) bug("read whole and in chunks of " + std::to_string(chunk) + " differ:\n" + a + "\n----\n" + b);
  if (!whole) return;
  const std::string text = format_trace(*whole);
  Result<TraceFile> again = parse_trace(text, "again", opts);
  if (!again) bug("a trace that was read cannot be read back: " + again.error().to_string() + "\n" + text);
  if (format_trace(*again) != text) bug("a trace read back differs:\n" + text + "\n----\n" + format_trace(*again));
}

}  // namespace golden::fuzz
