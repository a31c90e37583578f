// FileTypeTable and FileTypeMatcher: ripgrep's default list as data (well-formed, the types rg
// has), --type-add/--type-clear definitions and their errors (rg's messages), selection rules
// (last selection wins, -t makes unselected files ignored, "all"), brace expansion.
#include <QtTest>

#include "core/walk/file_types.h"

using namespace codescout;

namespace {

using Kind = FileTypeChange::Kind;

FileTypeMatcher matcher(std::vector<FileTypeChange> changes) {
    return FileTypeMatcher(FileTypeTable::defaults(), changes);
}

QString error_of(std::vector<FileTypeChange> changes) {
    try {
        matcher(std::move(changes));
    } catch (const FileTypeError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

}  // namespace

class TestFileTypes : public QObject {
    Q_OBJECT
private slots:
    void default_list_is_rgs() {
        const FileTypeTable table = FileTypeTable::defaults();
        const auto defs = table.definitions();
        QCOMPARE(defs.size(), std::size_t{206});  // rg 14.1.1 --type-list
        QCOMPARE(defs.front().name, std::string("ada"));
        QVERIFY(table.contains("rust") && table.contains("cpp") && table.contains("batch"));
        QCOMPARE(*table.globs("rust"), std::vector<std::string>{"*.rs"});
        for (std::size_t i = 1; i < defs.size(); ++i) QVERIFY(defs[i - 1].name < defs[i].name);
        for (const FileTypeDef& def : defs) QVERIFY2(!def.globs.empty(), def.name.c_str());
    }

    void select_and_negate() {
        const FileTypeMatcher rust = matcher({{Kind::Select, "rust"}});
        QCOMPARE(rust.match("main.rs", false), IgnoreMatch::Whitelist);
        QCOMPARE(rust.match("main.c", false), IgnoreMatch::Ignore);
        QCOMPARE(rust.match("src", true), IgnoreMatch::None);  // never directories
        const FileTypeMatcher not_c = matcher({{Kind::Negate, "c"}});
        QCOMPARE(not_c.match("a.h", false), IgnoreMatch::Ignore);
        QCOMPARE(not_c.match("a.rs", false), IgnoreMatch::None);
        QVERIFY(FileTypeMatcher().empty());
        QCOMPARE(FileTypeMatcher().match("a.rs", false), IgnoreMatch::None);
    }

    void last_selection_wins() {
        QCOMPARE(matcher({{Kind::Select, "c"}, {Kind::Negate, "c"}}).match("a.c", false), IgnoreMatch::Ignore);
        QCOMPARE(matcher({{Kind::Negate, "c"}, {Kind::Select, "c"}}).match("a.c", false), IgnoreMatch::Whitelist);
    }

    void all_selects_every_type() {
        const FileTypeMatcher all = matcher({{Kind::Select, "all"}});
        QCOMPARE(all.match("x.py", false), IgnoreMatch::Whitelist);
        QCOMPARE(all.match("Makefile", false), IgnoreMatch::Whitelist);
        QCOMPARE(all.match("x.unknownext", false), IgnoreMatch::Ignore);
    }

    void add_and_clear() {
        QCOMPARE(matcher({{Kind::Add, "web:*.vue"}, {Kind::Select, "web"}}).match("a.vue", false), IgnoreMatch::Whitelist);
        const FileTypeMatcher included = matcher({{Kind::Add, "mine:include:c,rust"}, {Kind::Select, "mine"}});
        QCOMPARE(included.match("a.rs", false), IgnoreMatch::Whitelist);
        QCOMPARE(included.match("a.h", false), IgnoreMatch::Whitelist);
        QCOMPARE(included.match("a.py", false), IgnoreMatch::Ignore);
        // Cleared then added: only the new glob.
        const FileTypeMatcher redefined = matcher({{Kind::Clear, "c"}, {Kind::Add, "c:*.h"}, {Kind::Select, "c"}});
        QCOMPARE(redefined.match("a.h", false), IgnoreMatch::Whitelist);
        QCOMPARE(redefined.match("a.c", false), IgnoreMatch::Ignore);
        QCOMPARE(matcher({{Kind::Add, "x:*.{md,h}"}, {Kind::Select, "x"}}).match("a.md", false), IgnoreMatch::Whitelist);
    }

    void errors_are_rgs() {
        const QString invalid = QStringLiteral("invalid definition (format is type:glob, e.g., html:*.html)");
        QCOMPARE(error_of({{Kind::Select, "nosuch"}}), QStringLiteral("unrecognized file type: nosuch"));
        QCOMPARE(error_of({{Kind::Clear, "sh"}, {Kind::Select, "sh"}}), QStringLiteral("unrecognized file type: sh"));
        QCOMPARE(error_of({{Kind::Add, "bad"}}), invalid);
        QCOMPARE(error_of({{Kind::Add, ":*.x"}}), invalid);
        QCOMPARE(error_of({{Kind::Add, "x:"}}), invalid);
        QCOMPARE(error_of({{Kind::Add, "all:*.x"}}), invalid);
        QCOMPARE(error_of({{Kind::Add, "a-b:*.x"}}), invalid);
        QCOMPARE(error_of({{Kind::Add, "x:include:nosuch"}}), invalid);
        QCOMPARE(error_of({{Kind::Add, "x:exclude:c"}}), invalid);
        QCOMPARE(error_of({{Kind::Add, "a:b:c:d"}}), invalid);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, matcher({{Kind::Add, "x:[a"}, {Kind::Select, "x"}}));
    }

    void malformed_list_is_rejected() {
        QVERIFY_THROWS_EXCEPTION(FileTypeError, FileTypeTable::from_list("rust *.rs\n"));
        QVERIFY_THROWS_EXCEPTION(FileTypeError, FileTypeTable::from_list("rust: *.rs, \n"));
        QCOMPARE(FileTypeTable::from_list("b: *.b, *.a\na: x\n").definitions().front().globs, std::vector<std::string>{"x"});
    }

    void brace_expansion() {
        QCOMPARE(expand_braces("*.rs"), std::vector<std::string>{"*.rs"});
        QCOMPARE(expand_braces("*.{c,h}"), (std::vector<std::string>{"*.c", "*.h"}));
        QCOMPARE(expand_braces("{a,b{c,d}}x"), (std::vector<std::string>{"ax", "bcx", "bdx"}));
        QCOMPARE(expand_braces("a{b"), std::vector<std::string>{"a{b"});
        QCOMPARE(expand_braces("[{]x"), std::vector<std::string>{"[{]x"});
    }
};

QTEST_GUILESS_MAIN(TestFileTypes)
#include "test_file_types.moc"
