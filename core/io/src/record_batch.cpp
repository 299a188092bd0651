#include "record_batch.hpp"

#include <algorithm>
#include <thread>

namespace golden::io_detail {

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
  lines.push_back(Line{text.size(), record.size(), number, lead});
  text.append(record);
}

void RecordBatch::decode() {
  RecordDecoder decoder;
  results.clear();
  results.reserve(lines.size());
  const std::string_view all(text);
  for (const Line& line : lines)
    results.push_back(decode_line(decoder, all.substr(line.offset, line.size)));
}

void BatchPipeline::submit(RecordBatch batch, bool last) {
  // A thread only pays when other work overlaps it: more input to split, or other batches
  // decoding. A file that fits in one batch is decoded without starting any thread.
  const bool async = threads_ > 1 && !(last && pending_.empty());
  pending_.push_back(std::async(async ? std::launch::async : std::launch::deferred,
                                [b = std::move(batch)]() mutable {
                                  b.decode();
                                  return std::move(b);
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
