#include "record_batch.hpp"

#include <algorithm>
#include <atomic>
#include <iterator>
#include <memory>
#include <system_error>
#include <thread>

namespace golden::io_detail {
namespace {

// Walks the batch text for nlohmann's parser. The batch handler must know where the parser
// is when a record ends (each record has to end where its line ends), but a store per byte
// costs ~6% of the read. So the iterator says where it lives instead: every copy publishes
// its address in `*home`, and the last copy made is the one the parser's lexer keeps and
// advances. Should that ever not hold, positions stop matching and lines are decoded one
// by one: slower, same result. A published copy that is destroyed unpublishes itself.
struct TrackedChar {
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* p = nullptr;
  const TrackedChar** home = nullptr;  // null for the end iterator

  TrackedChar(const char* at, const TrackedChar** where) : p(at), home(where) { publish(); }
  TrackedChar(const TrackedChar& o) : p(o.p), home(o.home) { publish(); }
  TrackedChar& operator=(const TrackedChar& o) {
    p = o.p;
    home = o.home;
    publish();
    return *this;
  }
  ~TrackedChar() {
    if (home != nullptr && *home == this) *home = nullptr;
  }

  reference operator*() const { return *p; }
  TrackedChar& operator++() {
    ++p;
    return *this;
  }
  TrackedChar operator++(int) {
    TrackedChar old = *this;
    ++*this;
    return old;
  }
  friend bool operator==(const TrackedChar& a, const TrackedChar& b) { return a.p == b.p; }

 private:
  void publish() {
    if (home != nullptr) *home = this;
  }
};

// SAX handler for a whole batch, "[record,record,...]": passes each record's events to
// the decoder and collects the records that decode cleanly, each exactly one line. It
// stops at the first that does not (bad JSON, a decoding error, "type" not first, two
// records on a line or one over two lines); the caller decodes the rest line by line,
// which gives that line's error exactly as a lone parse would.
class BatchHandler {
 public:
  BatchHandler(RecordDecoder& decoder, const RecordBatch& batch, std::vector<LineResult>& out,
               const TrackedChar* const& at)
      : decoder_(decoder), batch_(batch), out_(out), at_(at) {}

  bool null() { return depth_ > 1 && decoder_.null(); }
  bool boolean(bool v) { return depth_ > 1 && decoder_.boolean(v); }
  bool number_integer(std::int64_t v) { return depth_ > 1 && decoder_.number_integer(v); }
  bool number_unsigned(std::uint64_t v) { return depth_ > 1 && decoder_.number_unsigned(v); }
  bool number_float(double v, const std::string& s) {
    return depth_ > 1 && decoder_.number_float(v, s);
  }
  bool string(std::string& v) { return depth_ > 1 && decoder_.string(v); }
  bool binary(Json::binary_t& v) { return depth_ > 1 && decoder_.binary(v); }
  bool key(std::string& k) { return decoder_.key(k); }
  bool start_object(std::size_t n) {
    if (depth_ == 0) return false;  // the batch is an array
    if (depth_ == 1) {
      if (out_.size() == batch_.lines.size()) return false;
      decoder_.start_record();
    }
    ++depth_;
    return decoder_.start_object(n);
  }
  bool end_object() {
    decoder_.end_object();
    if (--depth_ > 1) return true;
    const RecordBatch::Line& line = batch_.lines[out_.size()];
    if (at_ == nullptr || at_->p != batch_.text.data() + line.offset + line.size ||
        !decoder_.record_done())
      return false;
    out_.emplace_back();
    out_.back().record = decoder_.take();
    return true;
  }
  bool start_array(std::size_t n) {
    // At the top: the batch itself. Inside it, directly: not a record.
    if (depth_++ == 0) return true;
    return depth_ > 2 && decoder_.start_array(n);
  }
  bool end_array() {
    if (--depth_ == 0) return true;
    return decoder_.end_array();
  }
  bool parse_error(std::size_t, const std::string&, const Json::exception&) { return false; }

 private:
  RecordDecoder& decoder_;
  const RecordBatch& batch_;
  std::vector<LineResult>& out_;
  const TrackedChar* const& at_;  // the parser's position
  std::size_t depth_ = 0;  // 1: in the batch array; 2: in a record
};

// Batches being decoded on worker threads, over every read in the process: golden compare
// reads two files at once, and more decoding threads than cores would only take turns.
std::atomic<unsigned> g_workers{0};

bool take_worker_slot() {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  unsigned n = g_workers.load();
  while (n < cores)
    if (g_workers.compare_exchange_weak(n, n + 1)) return true;
  return false;
}

struct WorkerSlot {
  ~WorkerSlot() { g_workers.fetch_sub(1); }
};

}  // namespace

LineResult decode_line(RecordDecoder& decoder, std::string_view text) {
  LineResult r;
  r.outcome = decoder.parse(text);
  if (r.outcome != RecordDecoder::Outcome::Decoded) {
    r.error = decoder.error();
    r.error_byte = decoder.error_byte();
  }
  if (r.outcome != RecordDecoder::Outcome::SyntaxError) r.record = decoder.take();
  return r;
}

void RecordBatch::add(std::uint64_t number, std::size_t lead, std::string_view record) {
  text += text.empty() ? '[' : ',';
  lines.push_back(Line{text.size(), record.size(), number, lead});
  text.append(record);
}

void RecordBatch::decode() {
  RecordDecoder decoder;
  results.clear();
  results.reserve(lines.size());
  if (lines.empty()) return;
  // One parse for the whole batch: a parser per line costs ~7% more (set-up, buffers
  // grown anew for every line).
  text += ']';
  const TrackedChar* at = nullptr;
  BatchHandler handler(decoder, *this, results, at);
  Json::sax_parse(TrackedChar{text.data(), &at}, TrackedChar{text.data() + text.size(), nullptr},
                  &handler);
  text.pop_back();
  parsed_whole = results.size();
  // From the first record the batch parse did not take, one line at a time.
  const std::string_view all(text);
  for (std::size_t i = results.size(); i < lines.size(); ++i)
    results.push_back(decode_line(decoder, all.substr(lines[i].offset, lines[i].size)));
}

void BatchPipeline::submit(RecordBatch batch, bool last) {
  // Shared, so that the batch survives a thread that could not be started.
  auto shared = std::make_shared<RecordBatch>(std::move(batch));
  // A thread only pays when other work overlaps it: more input to split, or other batches
  // decoding. A file that fits in one batch is decoded without starting any thread, and
  // so is a batch for which no core is free (it is decoded in pop(), on this thread).
  if (threads_ > 1 && !(last && pending_.empty()) && take_worker_slot()) {
    try {
      pending_.push_back(std::async(std::launch::async, [shared] {
        WorkerSlot slot;
        shared->decode();
        return std::move(*shared);
      }));
      return;
    } catch (const std::system_error&) {
      g_workers.fetch_sub(1);  // no thread to be had: decoded here after all
    }
  }
  pending_.push_back(std::async(std::launch::deferred, [shared] {
    shared->decode();
    return std::move(*shared);
  }));
}

RecordBatch BatchPipeline::pop() {
  std::future<RecordBatch> f = std::move(pending_.front());
  pending_.pop_front();
  return f.get();
}

unsigned decode_threads(unsigned requested) {
  if (requested != 0) return requested;
  return std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
}

}  // namespace golden::io_detail
