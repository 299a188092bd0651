// The key table (record_fields.hpp) is the one spelling of the format's keys: every key
// golden writes is one the decoder reads (not skipped as unknown), and every key the
// decoder reads is one golden writes, for a trace that sets every field.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <span>
#include <string>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "record_fields.hpp"
#include "golden/test_support/files.hpp"
#include "sample_trace.hpp"

namespace golden {
namespace {

using io_detail::KeyField;
using io_detail::RecordField;
using Json = nlohmann::json;
using KeySets = std::map<std::string, std::set<std::string>>;

std::set<std::string> table_keys(std::span<const KeyField> keys) {
  std::set<std::string> out;
  for (const KeyField& k : keys)
    if (k.field != RecordField::Ignored) out.emplace(k.key);
  return out;
}

void add_keys(const Json& object, std::set<std::string>& into) {
  for (auto it = object.begin(); it != object.end(); ++it)
    if (it.key() != "type") into.insert(it.key());
}

// The keys golden wrote, per kind of object.
KeySets written_keys(const Json& doc) {
  KeySets out;
  for (const Json& record : doc.at("records")) {
    const std::string type = record.at("type");
    if (type == "eof") continue;
    add_keys(record, out[type]);
    for (const Json& arg : record.value("args", Json::array())) {
      add_keys(arg, out["arg"]);
      if (arg.contains("data")) add_keys(arg.at("data"), out["data"]);
    }
    if (record.contains("source")) {
      add_keys(record.at("source"), out["source"]);
      for (const Json& frame : record.at("source").value("frames", Json::array()))
        add_keys(frame, out["frame"]);
    }
    for (const Json& exec : record.value("execs", Json::array())) add_keys(exec, out["exec"]);
  }
  return out;
}

// The sample trace, with the source and fd-identity fields it leaves at their defaults
// set too.
TraceFile every_field_set() {
  TraceFile t = io_test::sample_trace();
  t.runs.front().run.fd_ids = true;
  for (Event& e : t.runs.front().events) {
    if (e.args.empty()) continue;
    e.args.front().ofd = 4;
    e.ret_ofds = {5, 6};
    break;
  }
  for (Event& e : t.runs.front().events) {
    if (!e.source) continue;
    e.source->module = "/usr/bin/prog";
    e.source->offset = 0x1234;
    e.source->frames = {{"prog.c", 12, "helper", "/usr/bin/prog", 0x1200, true},
                        {"prog.c", 40, "main", "/usr/bin/prog", 0x1100, false}};
    break;
  }
  return t;
}

TEST(IoRecordKeys, EveryKeyWrittenIsReadAndEveryKeyReadIsWritten) {
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  const TraceFile original = every_field_set();
  ASSERT_TRUE(write_trace(original, dir + "/t.json").ok());
  const KeySets written = written_keys(Json::parse(test::read_file(dir + "/t.json")));
  namespace io = io_detail;
  const KeySets table{
      {"event", table_keys(io::event_keys())}, {"arg", table_keys(io::arg_keys())},
      {"data", table_keys(io::data_keys())},   {"source", table_keys(io::source_keys())},
      {"frame", table_keys(io::frame_keys())}, {"edge", table_keys(io::edge_keys())},
      {"run", table_keys(io::run_keys())},     {"process", table_keys(io::process_keys())},
      {"exec", table_keys(io::exec_keys())},   {"end", table_keys(io::end_keys())}};
  EXPECT_EQ(written, table);

  // And reading it back gives every field back, with no key skipped as unknown.
  auto back = read_trace(dir + "/t.json");
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  io_test::expect_same_trace(original, *back);
  EXPECT_TRUE(back->counters.empty());
}

TEST(IoRecordKeys, EveryFieldHasOneKeyAndAName) {
  for (auto keys : {io_detail::event_keys(), io_detail::arg_keys(), io_detail::data_keys(),
                    io_detail::source_keys(), io_detail::frame_keys(), io_detail::edge_keys(),
                    io_detail::run_keys(), io_detail::process_keys(), io_detail::exec_keys(),
                    io_detail::end_keys()}) {
    for (const KeyField& k : keys) {
      EXPECT_EQ(io_detail::key_of(k.field), k.key);
      if (k.field == RecordField::Ignored) continue;
      EXPECT_TRUE(io_detail::field_name(k.field).ends_with(k.key)) << k.key;
    }
  }
  EXPECT_EQ(io_detail::field_name(RecordField::Len), "data.len");
  EXPECT_EQ(io_detail::field_name(RecordField::FrInlined), "source.frames.inlined");
  EXPECT_EQ(io_detail::field_name(RecordField::ExecArgv), "execs.argv");
  EXPECT_TRUE(io_detail::is_bytes_field(RecordField::Traceparent));
  EXPECT_FALSE(io_detail::is_bytes_field(RecordField::Head));  // strace escapes, not {"esc"}
}

}  // namespace
}  // namespace golden
