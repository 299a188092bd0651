// The `source` object of events (docs/trace-format.md §5): the fields `--source` writes
// (module, offset, frames) round-trip exactly, defaults are left out, traces written
// before they existed still read, and wrong types name the field.
#include <gtest/gtest.h>

#include <string>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"

namespace golden {
namespace {

constexpr const char* kHeader =
    "{\"format\":\"golden-trace\",\"version\":1,\"tool\":\"t\",\"filter\":\"\",\"string_limit\":0,"
    "\"records\":[\n";
constexpr const char* kRun = "{\"type\":\"run\",\"run\":0},\n";

Result<TraceFile> parse_events(const std::string& records) {
  return parse_trace(std::string(kHeader) + kRun + records + "{\"type\":\"eof\"}]}\n", "t.json");
}

std::string event_with_source(const std::string& source) {
  return "{\"type\":\"event\",\"seq\":0,\"pid\":1,\"tid\":1,\"name\":\"openat\",\"ret\":3,"
         "\"start\":0,\"dur\":0,\"lc\":1,\"source\":" +
         source + "},\n";
}

TraceFile one_event(SourceLocation src) {
  TraceFile file;
  file.header.tool = "t";
  Trace t;
  Event e;
  e.pid = Pid{1};
  e.tid = Tid{1};
  e.name = "openat";
  e.nr = 257;
  e.ret = 3;
  e.lamport = 1;
  e.source = std::move(src);
  t.events.push_back(e);
  file.runs.push_back(std::move(t));
  return file;
}

SourceLocation full_location() {
  SourceLocation src;
  src.file = "/src/app/config.cpp";
  src.line = 41;
  src.function = "app::load_config";
  src.caller = "main";
  src.module = "/usr/bin/app";
  src.offset = 0x1a2b;
  SourceFrame libc;
  libc.module = "/usr/lib/x86_64-linux-gnu/libc.so.6";
  libc.offset = 0xf7e2c;
  libc.function = "open";
  SourceFrame inl;
  inl.file = "/src/app/io.hpp";
  inl.line = 7;
  inl.function = "app::open_ro";
  inl.module = "/usr/bin/app";
  inl.offset = 0x1a2b;
  inl.inlined = true;
  SourceFrame outer;
  outer.file = "/src/app/config.cpp";
  outer.line = 41;
  outer.function = "app::load_config";
  outer.module = "/usr/bin/app";
  outer.offset = 0x1a2b;
  src.frames = {libc, inl, outer};
  return src;
}

TEST(IoSourceFields, EveryFieldRoundTrips) {
  const TraceFile file = one_event(full_location());
  const std::string text = format_trace(file);
  auto back = parse_trace(text, "t.json");
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  ASSERT_TRUE(back->runs.at(0).events.at(0).source.has_value());
  EXPECT_EQ(*back->runs[0].events[0].source, full_location());
  EXPECT_TRUE(back->counters.empty());
}

TEST(IoSourceFields, KeysInFixedOrderDefaultsLeftOut) {
  SourceLocation src;
  src.module = "/opt/nodebug/tool";
  src.offset = 4096;
  src.function = "do_work";
  SourceFrame f;
  f.module = "/opt/nodebug/tool";
  f.offset = 4096;
  src.frames = {f};
  const std::string text = format_trace(one_event(src));
  EXPECT_NE(text.find("\"source\":{\"file\":\"\",\"function\":\"do_work\",\"module\":\"/opt/"
                      "nodebug/tool\",\"offset\":4096,\"frames\":[{\"module\":\"/opt/nodebug/"
                      "tool\",\"offset\":4096}]}"),
            std::string::npos)
      << text;
}

TEST(IoSourceFields, OldTracesStillRead) {
  // What golden wrote before module/offset/frames: the caller as "function (file:line)".
  auto r = parse_events(event_with_source(
      "{\"file\":\"src/cat.c\",\"line\":112,\"function\":\"simple_cat\",\"caller\":\"main "
      "(src/cat.c:740)\"}"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const SourceLocation& s = *r->runs.at(0).events.at(0).source;
  EXPECT_EQ(s.file, "src/cat.c");
  EXPECT_EQ(s.line, 112);
  EXPECT_EQ(s.function, "simple_cat");
  EXPECT_EQ(s.caller, "main (src/cat.c:740)");
  EXPECT_TRUE(s.module.empty());
  EXPECT_EQ(s.offset, 0u);
  EXPECT_TRUE(s.frames.empty());
}

TEST(IoSourceFields, UnknownFrameKeysAreCounted) {
  auto r =
      parse_events(event_with_source("{\"file\":\"a.c\",\"frames\":[{\"module\":\"/"
                                     "x\",\"column\":3,\"file\":{\"esc\":\"b\\\\xff.c\"}}]}"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const SourceLocation& s = *r->runs.at(0).events.at(0).source;
  ASSERT_EQ(s.frames.size(), 1u);
  EXPECT_EQ(s.frames[0].module, "/x");
  EXPECT_EQ(s.frames[0].file, "b\xff.c");
  EXPECT_EQ(r->counters.at("reader.unknown_field"), 1u);
}

TEST(IoSourceFields, WrongTypesNameTheField) {
  struct Case {
    const char* source;
    const char* message;
  };
  const Case cases[] = {
      {"{\"offset\":-1}", "field 'source.offset': expected an unsigned integer, got number -1"},
      {"{\"frames\":{}}", "field 'source.frames': expected an array, got object"},
      {"{\"frames\":[3]}", "field 'source.frames[]': expected an object, got number 3"},
      {"{\"frames\":[{\"line\":\"4\"}]}",
       "field 'source.frames.line': expected an integer, got string"},
      {"{\"frames\":[{\"inlined\":1}]}",
       "field 'source.frames.inlined': expected true or false, got number 1"},
  };
  for (const Case& c : cases) {
    auto r = parse_events(event_with_source(c.source));
    ASSERT_FALSE(r.ok()) << c.source;
    EXPECT_EQ(r.error().where, "t.json:3") << c.source;
    EXPECT_EQ(r.error().message, c.message) << c.source;
  }
}

}  // namespace
}  // namespace golden
