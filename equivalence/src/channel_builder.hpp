// What a channel is made of while the walk builds it: operations (items) and the bytes
// written (chunks), in the order the program made them. Internal to golden::equivalence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "golden/equivalence/normalized.hpp"
#include "golden/model/payload_hash.hpp"

namespace golden::eqv {

// Bytes written by one call (or copied in-kernel by one call).
struct Chunk {
  Seq seq = 0;
  const std::string* process = nullptr;  // process key (owned by the ProcessTree)
  std::uint32_t writer = 0;  // thread label, interned (Extractor::writer_label): who
                             // wrote, for concurrent-writer splitting
  StreamHash raw;            // hash + length of the bytes
  // The first bytes (all of them when complete). A view into the trace's payload (the
  // trace outlives the extractor): a copy per write was an allocation per write.
  std::string_view head;
  bool complete = true;
  bool copy = false;       // sendfile/copy_file_range/splice: bytes not in the trace
  // The templated source of a copy, interned (Extractor::copy_source): out of line, so
  // a chunk is trivially copyable; channels grow by tens of thousands of them.
  std::uint32_t copy_from = 0;
};

static_assert(std::is_trivially_copyable_v<Chunk>);

// An operation of the channel: its item, by index in ChannelBuilder::ops.
struct OpRef {
  std::uint32_t index = 0;
};
using Entry = std::variant<OpRef, Chunk>;

// A channel being built: operations and written bytes, in order.
struct ChannelBuilder {
  std::string name;
  Category category = Category::FileOps;          // of its operations
  Category content_category = Category::FileContent;  // of its bytes
  std::string path, raw_path;
  std::vector<Item> ops;
  std::vector<Entry> entries;
};

}  // namespace golden::eqv
