// The CLI's watching sinks (MatchTracker, UnprintedMatches) pass every call on as it came: a
// whole-read file with its bytes and mtime, an error, a stream request with its turn — while
// doing their own counting. Built on ForwardingSink (core/search/forwarding_sink.h).
#include <QtTest>

#include <string>
#include <vector>

#include "cli/match_tracker.h"
#include "cli/rg_compat/unprinted_matches.h"

using namespace codescout;

namespace {

// What reached the end of the chain, call by call.
class RecordingSink final : public ResultSink {
public:
    bool on_file(FileResult&& result) override {
        calls.push_back("file " + result.path);
        return true;
    }
    bool on_file_read_whole(FileResult&& result, std::string_view bytes, std::int64_t mtime_ns) override {
        calls.push_back("whole " + result.path + " " + std::string(bytes) + " " + std::to_string(mtime_ns));
        return true;
    }
    void on_error(const SearchError& error) override { calls.push_back("error " + error.path); }
    std::shared_ptr<LineStream> open_stream(const std::string& path, TurnGate* turn) override {
        calls.push_back("stream " + path + (turn == &expected_turn ? " with its turn" : " without its turn"));
        return nullptr;
    }

    class NoTurn final : public TurnGate {
    public:
        bool wait_for_turn() override { return true; }
    } expected_turn;
    std::vector<std::string> calls;
};

FileResult matching(const char* path) {
    FileResult result;
    result.path = path;
    result.matched_lines = 1;
    result.matches = 1;
    return result;
}

// Every kind of call through `sink`, in order; `end` is where they land.
void drive(ResultSink& sink, RecordingSink& end) {
    QVERIFY(sink.on_file_read_whole(matching("a.c"), "int a;", 42));
    sink.on_error(SearchError{"b.c", "Permission denied"});
    QCOMPARE(sink.open_stream("c.c", &end.expected_turn), std::shared_ptr<LineStream>());
    (void)sink.on_file(matching("d.c"));
}

const std::vector<std::string> kExpected = {"whole a.c int a; 42", "error b.c", "stream c.c with its turn", "file d.c"};

}  // namespace

class TestPassThroughSinks : public QObject {
    Q_OBJECT
private slots:
    void matchTrackerPassesEveryCallOn() {
        RecordingSink end;
        cli::MatchTracker tracker(end);
        QVERIFY(!tracker.matched());
        drive(tracker, end);
        QCOMPARE(end.calls, kExpected);
        QVERIFY(tracker.matched());
    }

    // -q: the first matching file stops the search, whichever way it arrived.
    void matchTrackerStopsAtAWholeReadFile() {
        RecordingSink end;
        cli::MatchTracker tracker(end, /*stop_at_first=*/true);
        QVERIFY(!tracker.on_file_read_whole(matching("a.c"), "int a;", 42));
        QVERIFY(tracker.matched());
        QCOMPARE(end.calls, std::vector<std::string>{"whole a.c int a; 42"});
    }

    // --files-without-match: a whole-read file without a match is the success.
    void matchTrackerCountsAWholeReadFileWithoutAMatch() {
        RecordingSink end;
        cli::MatchTracker tracker(end, false, /*unmatched_counts=*/true);
        FileResult none;
        none.path = "e.c";
        QVERIFY(tracker.on_file_read_whole(std::move(none), "", 7));
        QVERIFY(tracker.matched());
    }

    void unprintedMatchesPassesEveryCallOn() {
        RecordingSink end;
        cli::UnprintedMatches unprinted(end);
        drive(unprinted, end);
        QCOMPARE(end.calls, kExpected);
        SearchSummary summary;
        summary.files_matched = 2;
        summary.matched_lines = 2;
        summary.matches = 2;
        unprinted.take_off(summary);  // no NUL in either file: nothing rg would leave out
        QCOMPARE(summary.matches, std::uint64_t{2});
    }
};

QTEST_APPLESS_MAIN(TestPassThroughSinks)
#include "test_pass_through_sinks.moc"
