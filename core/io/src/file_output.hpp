// The bytes side of a trace file: an fd, optionally a zstd stream in front of it, and
// the PATH.partial -> PATH publication step. Knows nothing about records.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "golden/model/result.hpp"

struct ZSTD_CCtx_s;

namespace golden::io_detail {

class FileOutput {
 public:
  // Creates or truncates `path` (mode 0644 before umask). `zstd_level` < 0: no compression.
  static Result<std::unique_ptr<FileOutput>> create(const std::string& path, bool zstd,
                                                    int zstd_level);
  ~FileOutput();
  FileOutput(const FileOutput&) = delete;
  FileOutput& operator=(const FileOutput&) = delete;

  // Writes `text` and makes all of it reach the kernel; for zstd, the current block is
  // completed (ZSTD_e_flush) so a reader can decompress everything written so far.
  Status write_flush(std::string_view text);
  // Writes `text` and, for zstd, ends the frame (ZSTD_e_end).
  Status write_end(std::string_view text);
  Status sync();
  Status close();
  std::uint64_t bytes_written() const { return bytes_written_; }
  const std::string& path() const { return path_; }

 private:
  FileOutput(std::string path, int fd, ZSTD_CCtx_s* cctx);
  Status compress(std::string_view text, bool end_frame);
  Status write_all(const char* data, std::size_t size);
  Error io_error(const char* what, int err) const;

  std::string path_;
  int fd_ = -1;
  ZSTD_CCtx_s* cctx_ = nullptr;
  std::vector<char> zbuf_;
  std::uint64_t bytes_written_ = 0;
};

// rename(from, to), then (when `sync`) fsync of the directory so the rename is durable.
Status publish(const std::string& from, const std::string& to, bool sync);

}  // namespace golden::io_detail
