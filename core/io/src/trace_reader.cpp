#include "golden/io/trace_reader.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <new>

#include "byte_source.hpp"
#include "golden_text_reader.hpp"

namespace golden {
namespace {

Result<TraceFile> read_input(io_detail::ByteInput& input, const std::string& name,
                             const ReadOptions& options) {
  // The readers turn every expected problem into an Error; this is the last line of
  // defence so that no input, however strange, can crash a golden command.
  try {
    io_detail::TextReader reader(name, options);
    auto info = io_detail::decode_input(input, name, options,
                                        [&](const io_detail::TextChunk& chunk) { return reader.feed(chunk); });
    if (!info) return info.error();
    return reader.finish(*info);
  } catch (const io_detail::RecordError& e) {
    return Error{e.message, name};
  } catch (const std::bad_alloc&) {
    return Error{"out of memory while reading the trace", name};
  } catch (const std::exception& e) {
    return Error{std::string("unexpected error while reading the trace: ") + e.what(), name};
  }
}

}  // namespace

Result<TraceFile> read_trace(const std::string& path, const ReadOptions& options) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{std::strerror(errno), path};
  io_detail::FdInput input(fd, path);
  Result<TraceFile> result = read_input(input, path, options);
  ::close(fd);
  return result;
}

Result<TraceFile> parse_trace(std::string_view bytes, std::string_view name,
                              const ReadOptions& options) {
  io_detail::MemoryInput input(bytes);
  return read_input(input, std::string(name), options);
}

}  // namespace golden
