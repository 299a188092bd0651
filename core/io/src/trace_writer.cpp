#include "golden/io/trace_writer.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "file_output.hpp"
#include "record_format.hpp"

namespace golden {

using Clock = std::chrono::steady_clock;

struct TraceWriter::Impl {
  std::string path;
  std::string partial;
  WriterOptions options;
  std::unique_ptr<io_detail::FileOutput> out;
  std::string pending;  // formatted records not yet handed to `out`
  Clock::time_point last_flush;
  Status status = Ok{};
  bool finished = false;  // committed or abandoned
  std::uint64_t text_bytes = 0;

  void flush() {
    last_flush = Clock::now();
    if (pending.empty()) return;
    if (status) {
      Status st = out->write_flush(pending);
      if (!st) status = st;
      text_bytes += pending.size();
    }
    // After an error records are dropped rather than kept: memory stays bounded.
    pending.clear();
  }

  void after_record() {
    if (pending.size() >= options.flush_bytes ||
        Clock::now() - last_flush >= options.flush_interval)
      flush();
  }

  std::string& begin_record() {
    GOLDEN_CHECK(!finished);
    return pending;
  }
};

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool use_zstd(const std::string& path, Compression c) {
  switch (c) {
    case Compression::None:
      return false;
    case Compression::Zstd:
      return true;
    case Compression::Auto:
      return ends_with(path, ".zst");
  }
  return false;
}

}  // namespace

TraceWriter::TraceWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TraceWriter::TraceWriter(TraceWriter&&) noexcept = default;
TraceWriter& TraceWriter::operator=(TraceWriter&& other) noexcept {
  if (this != &other) {
    TraceWriter old(std::move(*this));  // the replaced writer is closed as if destroyed
    impl_ = std::move(other.impl_);
  }
  return *this;
}

TraceWriter::~TraceWriter() {
  if (!impl_ || impl_->finished) return;
  impl_->flush();
  (void)impl_->out->close();  // PATH.partial stays: a cut-short capture keeps its data
}

Result<TraceWriter> TraceWriter::open(const std::string& path, const TraceHeader& header,
                                      const WriterOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->partial = path + ".partial";
  impl->options = options;
  auto out = io_detail::FileOutput::create(impl->partial, use_zstd(path, options.compression),
                                           options.zstd_level);
  if (!out) return out.error();
  impl->out = std::move(out.value());
  impl->pending.reserve(options.flush_bytes + 4096);
  io_detail::format_header(impl->pending, header);
  // The header goes out at once: even a capture killed right away leaves a file that
  // says what it is.
  impl->flush();
  if (!impl->status) {
    Error e = impl->status.error();
    (void)impl->out->close();
    ::unlink(impl->partial.c_str());
    return e;
  }
  return TraceWriter(std::move(impl));
}

void TraceWriter::begin_run(const RunInfo& run) {
  io_detail::format_run(impl_->begin_record(), run);
  impl_->after_record();
}

void TraceWriter::event(const Event& event) {
  io_detail::format_event(impl_->begin_record(), event);
  impl_->after_record();
}

void TraceWriter::process(const ProcessInfo& process) {
  io_detail::format_process(impl_->begin_record(), process);
  impl_->after_record();
}

void TraceWriter::edge(const Edge& edge) {
  io_detail::format_edge(impl_->begin_record(), edge);
  impl_->after_record();
}

void TraceWriter::end_run(const RunInfo& run) {
  io_detail::format_end(impl_->begin_record(), run);
  impl_->flush();  // a finished run is worth having on disk before the next one starts
}

void TraceWriter::flush() {
  GOLDEN_CHECK(impl_ && !impl_->finished);
  impl_->flush();
}

void TraceWriter::flush_if_due() {
  GOLDEN_CHECK(impl_ && !impl_->finished);
  if (!impl_->pending.empty() && Clock::now() - impl_->last_flush >= impl_->options.flush_interval)
    impl_->flush();
}

Status TraceWriter::commit() {
  Impl& d = *impl_;
  GOLDEN_CHECK(!d.finished);
  io_detail::format_eof(d.pending);
  d.finished = true;
  if (d.status) {
    Status st = d.out->write_end(d.pending);
    d.text_bytes += d.pending.size();
    if (st && d.options.sync) st = d.out->sync();
    if (st) st = d.out->close();
    if (st) st = io_detail::publish(d.partial, d.path, d.options.sync);
    if (!st) d.status = st;
  }
  d.pending.clear();
  (void)d.out->close();
  return d.status;
}

Status TraceWriter::abandon() {
  Impl& d = *impl_;
  GOLDEN_CHECK(!d.finished);
  d.finished = true;
  d.pending.clear();
  (void)d.out->close();
  if (::unlink(d.partial.c_str()) != 0 && errno != ENOENT)
    return Error{std::string("cannot remove: ") + std::strerror(errno), d.partial};
  return Ok{};
}

const Status& TraceWriter::status() const {
  return impl_->status;
}
const std::string& TraceWriter::path() const {
  return impl_->path;
}
const std::string& TraceWriter::partial_path() const {
  return impl_->partial;
}
std::uint64_t TraceWriter::bytes_written() const {
  return impl_->out->bytes_written();
}
std::uint64_t TraceWriter::text_bytes() const {
  return impl_->text_bytes;
}

namespace {

// Feeds a whole trace to a sink in the documented order for whole-trace writes.
void replay(const TraceFile& file, TraceSink& sink) {
  for (const Trace& trace : file.runs) {
    sink.begin_run(trace.run);
    for (const Event& e : trace.events) sink.event(e);
    for (const Edge& e : trace.edges) sink.edge(e);
    for (const ProcessInfo& p : trace.processes) sink.process(p);
    sink.end_run(trace.run);
  }
}

class StringSink final : public TraceSink {
 public:
  explicit StringSink(std::string& out) : out_(out) {}
  void begin_run(const RunInfo& run) override { io_detail::format_run(out_, run); }
  void event(const Event& event) override { io_detail::format_event(out_, event); }
  void process(const ProcessInfo& process) override { io_detail::format_process(out_, process); }
  void edge(const Edge& edge) override { io_detail::format_edge(out_, edge); }
  void end_run(const RunInfo& run) override { io_detail::format_end(out_, run); }

 private:
  std::string& out_;
};

}  // namespace

Status write_trace(const TraceFile& file, const std::string& path, const WriterOptions& options) {
  auto writer = TraceWriter::open(path, file.header, options);
  if (!writer) return writer.error();
  replay(file, *writer);
  if (!writer->status()) {
    Status failed = writer->status();
    (void)writer->abandon();
    return failed;
  }
  Status st = writer->commit();
  // Unlike a capture, a whole-trace write can be redone: leave nothing behind.
  if (!st) ::unlink(writer->partial_path().c_str());
  return st;
}

std::string format_trace(const TraceFile& file) {
  std::string out;
  io_detail::format_header(out, file.header);
  StringSink sink(out);
  replay(file, sink);
  io_detail::format_eof(out);
  return out;
}

}  // namespace golden
