#include "file_output.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace golden::io_detail {

Result<std::unique_ptr<FileOutput>> FileOutput::create(const std::string& path, bool zstd,
                                                       int zstd_level) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Error{std::strerror(errno), path};
  ZSTD_CCtx* cctx = nullptr;
  if (zstd) {
    cctx = ZSTD_createCCtx();
    if (cctx == nullptr) {
      ::close(fd);
      return Error{"cannot allocate a zstd compression context", path};
    }
    std::size_t rc = ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, zstd_level);
    // A checksum lets the reader tell a corrupt file from a valid one.
    if (!ZSTD_isError(rc)) rc = ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
    if (ZSTD_isError(rc)) {
      ZSTD_freeCCtx(cctx);
      ::close(fd);
      return Error{std::string("zstd: ") + ZSTD_getErrorName(rc), path};
    }
  }
  // Not make_unique: the constructor is private.
  return std::unique_ptr<FileOutput>(new FileOutput(path, fd, cctx));
}

FileOutput::FileOutput(std::string path, int fd, ZSTD_CCtx_s* cctx)
    : path_(std::move(path)), fd_(fd), cctx_(cctx) {
  if (cctx_ != nullptr) zbuf_.resize(ZSTD_CStreamOutSize());
}

FileOutput::~FileOutput() {
  if (fd_ >= 0) ::close(fd_);
  ZSTD_freeCCtx(cctx_);
}

Error FileOutput::io_error(const char* what, int err) const {
  return Error{std::string(what) + ": " + std::strerror(err), path_};
}

Status FileOutput::write_all(const char* data, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return io_error("write failed", errno);
    }
    data += n;
    size -= static_cast<std::size_t>(n);
    bytes_written_ += static_cast<std::uint64_t>(n);
  }
  return Ok{};
}

Status FileOutput::compress(std::string_view text, bool end_frame) {
  ZSTD_inBuffer in{text.data(), text.size(), 0};
  const ZSTD_EndDirective mode = end_frame ? ZSTD_e_end : ZSTD_e_flush;
  for (;;) {
    ZSTD_outBuffer out{zbuf_.data(), zbuf_.size(), 0};
    std::size_t remaining = ZSTD_compressStream2(cctx_, &out, &in, mode);
    if (ZSTD_isError(remaining))
      return Error{std::string("zstd: ") + ZSTD_getErrorName(remaining), path_};
    if (out.pos > 0) {
      Status st = write_all(zbuf_.data(), out.pos);
      if (!st) return st;
    }
    // With e_flush/e_end, 0 means all input consumed and the block/frame is complete.
    if (remaining == 0) return Ok{};
  }
}

Status FileOutput::write_flush(std::string_view text) {
  if (cctx_ != nullptr) return compress(text, false);
  return write_all(text.data(), text.size());
}

Status FileOutput::write_end(std::string_view text) {
  if (cctx_ != nullptr) return compress(text, true);
  return write_all(text.data(), text.size());
}

Status FileOutput::sync() {
  if (::fsync(fd_) != 0) return io_error("fsync failed", errno);
  return Ok{};
}

Status FileOutput::close() {
  int fd = fd_;
  fd_ = -1;
  if (fd >= 0 && ::close(fd) != 0) return io_error("close failed", errno);
  return Ok{};
}

Status publish(const std::string& from, const std::string& to, bool sync) {
  if (std::rename(from.c_str(), to.c_str()) != 0)
    return Error{std::string("cannot rename ") + from + ": " + std::strerror(errno), to};
  if (!sync) return Ok{};
  auto slash = to.rfind('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : to.substr(0, slash);
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return Error{std::string("cannot open directory: ") + std::strerror(errno), dir};
  int rc = ::fsync(dfd);
  int err = errno;
  ::close(dfd);
  // Some file systems cannot fsync a directory (EINVAL); the rename itself succeeded.
  if (rc != 0 && err != EINVAL)
    return Error{std::string("fsync failed: ") + std::strerror(err), dir};
  return Ok{};
}

}  // namespace golden::io_detail
