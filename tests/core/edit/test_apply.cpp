// The safety rules of apply_plan(): what is written, what is refused and why, and that what is
// written keeps everything but the replaced bytes (BOM, CRLF, owner, mode, xattrs, ACLs).
#include <QDir>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <variant>
#include <thread>

#include <sys/mount.h>
#include <sys/xattr.h>

#include "core/edit/applier.h"
#include "core/edit/plan_feed.h"
#include "core/edit/replace_batch.h"
#include "core/edit/preview.h"
#include "core/edit/undo.h"
#include "core/edit/undo_journal.h"
#include "edit_test_util.h"
#include "test_tree.h"

using namespace codescout;
using edit_test::literal_plan;
using edit_test::slurp;

namespace {

// The one outcome of a single-file apply.
const FileApplyOutcome& only(const ApplyReport& report) { return report.files.at(0); }

std::string reason_of(const ApplyReport& report) {
    const auto& f = only(report);
    return f.skip ? std::string(skip_code(f.skip->reason)) : std::string("changed");
}

// A POSIX access ACL in the kernel's xattr format: user::rw- user:1234:r-- group::r-- mask::r-- other::---.
std::string sample_acl() {
    std::string acl;
    auto u32 = [&](std::uint32_t v) { acl.append(reinterpret_cast<const char*>(&v), 4); };
    auto entry = [&](std::uint16_t tag, std::uint16_t perm, std::uint32_t id) {
        acl.append(reinterpret_cast<const char*>(&tag), 2);
        acl.append(reinterpret_cast<const char*>(&perm), 2);
        u32(id);
    };
    u32(2);  // POSIX_ACL_XATTR_VERSION
    entry(0x01, 6, 0xFFFFFFFFu);  // ACL_USER_OBJ
    entry(0x02, 4, 1234);         // ACL_USER
    entry(0x04, 4, 0xFFFFFFFFu);  // ACL_GROUP_OBJ
    entry(0x10, 4, 0xFFFFFFFFu);  // ACL_MASK
    entry(0x20, 0, 0xFFFFFFFFu);  // ACL_OTHER
    return acl;
}

std::string xattr_of(const std::string& path, const char* name) {
    char value[4096];
    const ssize_t got = ::getxattr(path.c_str(), name, value, sizeof value);
    return got < 0 ? std::string("<none: ") + std::strerror(errno) + ">" : std::string(value, static_cast<std::size_t>(got));
}

// A 256 KiB tmpfs mounted for one test, filled on request, unmounted at the end.
struct SmallDisk {
    std::string path;
    bool mounted = false;
    QString error;
    explicit SmallDisk(std::string where) : path(std::move(where)) {
        mounted = ::mount("tmpfs", path.c_str(), "tmpfs", 0, "size=256k") == 0;
        if (!mounted) error = QString::fromLocal8Bit(std::strerror(errno));
    }
    ~SmallDisk() {
        if (mounted) ::umount2(path.c_str(), MNT_DETACH);
    }
    // Fills the file system, then frees `room` bytes again.
    void fill_leaving(off_t room) {
        const std::string filler = path + "/filler";
        const int fd = ::open(filler.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        const std::string block(4096, 'f');
        off_t size = 0;
        while (::write(fd, block.data(), block.size()) == ssize_t(block.size())) size += 4096;
        ::ftruncate(fd, std::max<off_t>(0, size - room));
        ::close(fd);
    }
};

}  // namespace

class TestApply : public QObject {
    Q_OBJECT

private:
    TestTree state_;
    UndoJournal journal() const { return UndoJournal(state_.path("undo-" + QString::number(++runs_))); }
    mutable int runs_ = 0;

private slots:
    void replacesBytesAndKeepsBomCrlfAndOtherEncodings() {
        TestTree tree;
        const std::string bom = tree.write("bom.txt", QByteArray("\xEF\xBB\xBF" "foo = 1;\r\nfoo(foo);\r\n"));
        const std::string latin1 = tree.write("latin1.txt", QByteArray("caf\xE9 foo\r\nna\xEFve\n"));
        const std::string noeol = tree.write("noeol.txt", QByteArray("x foo"));
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(literal_plan({tree.root()}, {bom, latin1, noeol}, "foo", "barbaz"), j, {});
        QVERIFY2(report.error.empty(), report.error.c_str());
        QCOMPARE(report.changed_files(), std::size_t(3));
        QCOMPARE(slurp(bom), std::string("\xEF\xBB\xBF" "barbaz = 1;\r\nbarbaz(barbaz);\r\n"));
        QCOMPARE(slurp(latin1), std::string("caf\xE9 barbaz\r\nna\xEFve\n"));
        QCOMPARE(slurp(noeol), std::string("x barbaz"));
        QVERIFY(!report.journal_id.empty());
    }

    void fileEditedAfterSearchIsSkipped_data() {
        QTest::addColumn<QByteArray>("edited");
        QTest::newRow("same size, same mtime, other bytes") << QByteArray("foo 2\n");
        QTest::newRow("other size") << QByteArray("foo 12\n");
    }
    void fileEditedAfterSearchIsSkipped() {
        QFETCH(QByteArray, edited);
        TestTree tree;
        const std::string path = tree.write("a.txt", "foo 1\n");
        const ApplyPlan plan = literal_plan({tree.root()}, {path}, "foo", "bar");
        const std::int64_t mtime = edit_test::mtime_ns(path);
        tree.write("a.txt", edited);
        edit_test::set_mtime(path, mtime);  // the hash alone must catch it
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(plan, j, {});
        QCOMPARE(reason_of(report), std::string("changed-since-search"));
        QCOMPARE(slurp(path), edited.toStdString());
        QVERIFY(report.journal_id.empty());  // nothing changed, nothing journaled
    }

    void linkInsideRootsIsFollowedAndStaysALink() {
        TestTree tree;
        const std::string real = tree.write("sub/real.txt", "foo\n");
        const std::string link = tree.symlink("sub/real.txt", "link.txt");
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(literal_plan({tree.root()}, {link}, "foo", "bar"), j, {});
        QCOMPARE(reason_of(report), std::string("changed"));
        QCOMPARE(slurp(real), std::string("bar\n"));
        struct stat st {};
        QCOMPARE(::lstat(link.c_str(), &st), 0);
        QVERIFY(S_ISLNK(st.st_mode));
        char target[256] = {};
        QVERIFY(::readlink(link.c_str(), target, sizeof target - 1) > 0);
        QCOMPARE(std::string(target), std::string("sub/real.txt"));
    }

    void linkOutsideRootsIsRefused() {
        TestTree tree, outside;
        const std::string victim = outside.write("bashrc", "foo\n");
        const std::string link = tree.symlink(QString::fromStdString(victim), "innocent.txt");
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(literal_plan({tree.root()}, {link}, "foo", "bar"), j, {});
        QCOMPARE(reason_of(report), std::string("outside-roots"));
        QVERIFY(only(report).skip->message.find(victim) != std::string::npos);
        QCOMPARE(slurp(victim), std::string("foo\n"));
    }

    void dotDotOutOfRootsIsRefused() {
        TestTree tree;
        const std::string victim = tree.write("outside/secret.txt", "foo\n");
        tree.mkdir("root/sub");
        const std::string root = tree.path("root");
        const std::string sneaky = root + "/sub/../../outside/secret.txt";
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(literal_plan({root}, {sneaky}, "foo", "bar"), j, {});
        QCOMPARE(reason_of(report), std::string("outside-roots"));
        QCOMPARE(slurp(victim), std::string("foo\n"));
    }

    // Between search and apply, a file (or a folder on its path) is swapped for a link to a file
    // outside with the very same bytes and mtime: still refused.
    void fileSwappedForLinkIsRefused() {
        TestTree tree, outside;
        const std::string path = tree.write("a.txt", "foo\n");
        const ApplyPlan plan = literal_plan({tree.root()}, {path}, "foo", "bar");
        const std::string victim = outside.write("a.txt", "foo\n");
        edit_test::set_mtime(victim, edit_test::mtime_ns(path));
        QCOMPARE(::unlink(path.c_str()), 0);
        tree.symlink(QString::fromStdString(victim), "a.txt");
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(plan, j, {});
        QCOMPARE(reason_of(report), std::string("outside-roots"));
        QCOMPARE(slurp(victim), std::string("foo\n"));
    }

    void folderSwappedForLinkIsRefused() {
        TestTree tree, outside;
        const std::string path = tree.write("sub/a.txt", "foo\n");
        const ApplyPlan plan = literal_plan({tree.root()}, {path}, "foo", "bar");
        const std::string victim = outside.write("a.txt", "foo\n");
        edit_test::set_mtime(victim, edit_test::mtime_ns(path));
        QCOMPARE(::rename(tree.path("sub").c_str(), tree.path("sub.old").c_str()), 0);
        tree.symlink(QString::fromStdString(outside.root()), "sub");
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(plan, j, {});
        QCOMPARE(reason_of(report), std::string("outside-roots"));
        QCOMPARE(slurp(victim), std::string("foo\n"));
    }

    // The race itself: resolved while "sub" was a folder, swapped for a link before the open.
    void linkSwappedAfterResolvingIsNotFollowed() {
        TestTree tree, outside;
        tree.write("sub/a.txt", "foo\n");
        const Located located = locate_confined(tree.path("sub/a.txt"), plan_roots({tree.root()}));
        QVERIFY(located.location);
        outside.write("a.txt", "foo\n");
        QCOMPARE(::rename(tree.path("sub").c_str(), tree.path("sub.old").c_str()), 0);
        tree.symlink(QString::fromStdString(outside.root()), "sub");
        const ConfinedFile opened = open_confined(*located.location);
        QVERIFY(opened.skip);
        QCOMPARE(std::string(skip_code(opened.skip->reason)), std::string("path-changed"));
        // And the last component: a file swapped for a link.
        tree.write("b.txt", "foo\n");
        const Located b = locate_confined(tree.path("b.txt"), plan_roots({tree.root()}));
        QVERIFY(b.location);
        QCOMPARE(::unlink(tree.path("b.txt").c_str()), 0);
        tree.symlink(QString::fromStdString(outside.path("a.txt")), "b.txt");
        const ConfinedFile swapped = open_confined(*b.location);
        QVERIFY(swapped.skip);
        QCOMPARE(std::string(skip_code(swapped.skip->reason)), std::string("path-changed"));
    }

    // A FolderChain reuses the folders of the previous file: the next file in another folder
    // opens the right one (and only the components that differ); a folder swapped for a link
    // after it left the chain is refused as without a chain; realpath's replacement resolves
    // links the same way.
    void folderChainOpensTheRightFoldersAndStillRefusesSwappedLinks() {
        TestTree tree, outside;
        tree.write("a/b/one.txt", "1\n");
        tree.write("a/b/two.txt", "2\n");
        tree.write("a/c/three.txt", "3\n");
        tree.write("d/four.txt", "4\n");
        tree.symlink("a/c/three.txt", "link.txt");
        const std::vector<std::string> roots = plan_roots({tree.root()});
        FolderChain chain;
        for (const char* name : {"a/b/one.txt", "a/b/two.txt", "a/c/three.txt", "d/four.txt", "a/b/one.txt", "link.txt"}) {
            const Located located = locate_confined(tree.path(name), roots);
            QVERIFY2(located.location, name);
            const ConfinedFile opened = open_confined(*located.location, &chain);
            QVERIFY2(!opened.skip, name);
            std::string content(16, '\0');
            content.resize(static_cast<std::size_t>(::read(opened.file.get(), content.data(), content.size())));
            QCOMPARE(content, slurp(tree.path(name)));
            struct stat in_dir {}, by_path {};
            QCOMPARE(::fstatat(opened.dir.get(), opened.name.c_str(), &in_dir, AT_SYMLINK_NOFOLLOW), 0);
            QCOMPARE(::stat(tree.path(name).c_str(), &by_path), 0);
            QCOMPARE(in_dir.st_ino, by_path.st_ino);  // the folder is the file's own
        }
        QCOMPARE(locate_confined(tree.path("link.txt"), roots).location->relative, std::string("a/c/three.txt"));
        // The chain now holds a/c; a/b was left: swapped for a link, it is not followed.
        const Located one = locate_confined(tree.path("a/b/one.txt"), roots);
        outside.write("one.txt", "1\n");
        QCOMPARE(::rename(tree.path("a/b").c_str(), tree.path("a/b.old").c_str()), 0);
        tree.symlink(QString::fromStdString(outside.root()), "a/b");
        const ConfinedFile swapped = open_confined(*one.location, &chain);
        QVERIFY(swapped.skip);
        QCOMPARE(std::string(skip_code(swapped.skip->reason)), std::string("path-changed"));
        // A missing file resolves to nothing, as with realpath.
        QVERIFY(!locate_confined(tree.path("a/none.txt"), roots).location);
    }

    // The location by the path's text: what locate_confined() gives wherever no link lies on the
    // way, and nothing where the text alone cannot tell (a root itself, "." or "..", "//").
    void locationByTextIsTheResolvedOne() {
        const std::vector<std::string> roots = {"/r/inner", "/r", "/"};
        auto at = [&](std::string_view path, const std::string& cwd = "/r") {
            const std::optional<ConfinedLocation> l = locate_by_text(path, roots, cwd);
            return l ? l->root + " | " + l->relative : std::string("none");
        };
        QCOMPARE(at("/r/a/b.c"), std::string("/r | a/b.c"));
        QCOMPARE(at("/r/inner/x.c"), std::string("/r/inner | x.c"));  // the first root that holds it, as locate_confined()
        QCOMPARE(at("a/b.c"), std::string("/r | a/b.c"));             // relative to the working folder
        QCOMPARE(at("./a/b.c"), std::string("/r | a/b.c"));
        QCOMPARE(at("x.c", "/r/inner"), std::string("/r/inner | x.c"));
        QCOMPARE(at("etc/f", "/"), std::string("/ | etc/f"));
        QCOMPARE(at("/r/inner"), std::string("none"));  // a root itself (a file root: locate_confined())
        QCOMPARE(at("/r/a/../b.c"), std::string("none"));
        QCOMPARE(at("/r/a//b.c"), std::string("none"));
        QCOMPARE(at("/r/./b.c"), std::string("none"));
        QCOMPARE(at("a/b.c", ""), std::string("none"));  // no working folder known
        QCOMPARE(at("a/b.c", "relative"), std::string("none"));
        QCOMPARE(locate_by_text("/elsewhere/f", {"/r"}, "/r"), std::nullopt);
    }

    // Paths relative to the working folder (as the CLI's search gives them) are written, through a
    // link inside the roots too; a link out of them is still refused.
    void relativePathsAreLocatedFromTheWorkingFolder() {
        TestTree tree, outside;
        tree.write("src/a.txt", "foo\n");
        tree.write("src/real/b.txt", "foo\n");
        tree.symlink("real", "src/via");
        const std::string victim = outside.write("c.txt", "foo\n");
        tree.symlink(QString::fromStdString(victim), "src/out.txt");
        const QString before = QDir::currentPath();
        QVERIFY(QDir::setCurrent(QString::fromStdString(tree.root())));
        const ApplyPlan plan = literal_plan({"src"}, {"src/a.txt", "./src/via/b.txt", "src/out.txt"}, "foo", "bar");
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(plan, j, {});
        QVERIFY(QDir::setCurrent(before));
        QCOMPARE(report.files.size(), std::size_t(3));
        QVERIFY(report.files[0].changed);
        QVERIFY(report.files[1].changed);
        QVERIFY(report.files[2].skip);
        QCOMPARE(std::string(skip_code(report.files[2].skip->reason)), std::string("outside-roots"));
        QCOMPARE(slurp(tree.path("src/a.txt")), std::string("bar\n"));
        QCOMPARE(slurp(tree.path("src/real/b.txt")), std::string("bar\n"));
        QCOMPARE(slurp(victim), std::string("foo\n"));
    }

    void hardLinkedFileIsRefused() {
        TestTree tree;
        const std::string path = tree.write("a.txt", "foo\n");
        QCOMPARE(::link(path.c_str(), tree.path("b.txt").c_str()), 0);
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(literal_plan({tree.root()}, {path}, "foo", "bar"), j, {});
        QCOMPARE(reason_of(report), std::string("hard-linked"));
        QCOMPARE(slurp(path), std::string("foo\n"));
        struct stat st {};
        QCOMPARE(::stat(path.c_str(), &st), 0);
        QCOMPARE(st.st_nlink, nlink_t(2));  // not split
    }

    void readOnlyFileIsSkipped() {
        TestTree tree;
        const std::string path = tree.write("a.txt", "foo\n");
        const ApplyPlan plan = literal_plan({tree.root()}, {path}, "foo", "bar");
        QCOMPARE(::chmod(path.c_str(), 0444), 0);
        edit_test::set_mtime(path, plan.files.at(0).searched.mtime_ns);
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(plan, j, {});
        QCOMPARE(reason_of(report), std::string("read-only"));
        QCOMPARE(slurp(path), std::string("foo\n"));
    }

    void binaryFileIsNeverRewritten() {
        TestTree tree;
        const std::string path = tree.write("a.bin", QByteArray("foo\0bar\n", 8));
        const PlannedFile planned = plan_file(path, edit_test::replace_all("foo", "baz"));
        QVERIFY(planned.skip);
        QCOMPARE(std::string(skip_code(planned.skip->reason)), std::string("binary"));
        // A plan made elsewhere (by hand) is refused by the apply's own check too.
        ApplyPlan plan;
        plan.roots = plan_roots({tree.root()});
        const std::string content = slurp(path);
        plan.files.push_back({path, {content.size(), edit_test::mtime_ns(path), hash_bytes(content)}, {{0, 3, "baz"}}, {}});
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(plan, j, {});
        QCOMPARE(reason_of(report), std::string("binary"));
        QCOMPARE(slurp(path), content);
    }

    // plan_bytes (the search's own read handed over): the plan plan_file makes of the same bytes,
    // the same refusals; and a plan of bytes the file no longer holds is refused by the apply.
    void planOfTheCallersReadIsThePlanOfTheFile() {
        TestTree tree;
        const std::string path = tree.write("a.txt", "foo and foo\n");
        const PlannedFile read = plan_file(path, edit_test::replace_all("foo", "baz"));
        const PlannedFile given = plan_bytes(path, slurp(path), edit_test::mtime_ns(path), edit_test::replace_all("foo", "baz"));
        QVERIFY(read.plan && given.plan);
        QCOMPARE(given.plan->searched.size, read.plan->searched.size);
        QCOMPARE(given.plan->searched.mtime_ns, read.plan->searched.mtime_ns);
        QVERIFY(given.plan->searched.hash == read.plan->searched.hash);
        QVERIFY(given.plan->edits == read.plan->edits);
        QCOMPARE(given.plan->edits.size(), std::size_t(2));
        QCOMPARE(std::string(skip_code(plan_bytes(path, std::string_view("foo\0", 4), 0, edit_test::replace_all("foo", "baz")).skip->reason)),
                 std::string("binary"));
        QCOMPARE(std::string(skip_code(plan_bytes(path, "foo foo\n", 0, edit_test::replace_all("foo", "baz"), 4).skip->reason)),
                 std::string("too-large"));

        // Bytes torn by a write during the caller's read: same size and mtime, other content.
        ApplyPlan plan;
        plan.roots = plan_roots({tree.root()});
        plan.files.push_back(*plan_bytes(path, "foo and fox\n", edit_test::mtime_ns(path), edit_test::replace_all("foo", "baz")).plan);
        UndoJournal j = journal();
        QCOMPARE(reason_of(apply_plan(plan, j, {})), std::string("changed-since-search"));
        QCOMPARE(slurp(path), std::string("foo and foo\n"));
    }

    // A plan with edits_from (the GUI's): the apply hands it the very bytes it read after keeping
    // the original, writes the edits it returns, and journals those bytes (undo restores them);
    // what it refuses, what throws and what does not fit are skips that leave the file and no
    // second name of it; a file whose size or mtime differ from the search's is refused before
    // edits_from is asked.
    void editsFromContentAreMadeFromTheBytesTheApplyReads() {
        TestTree tree;
        const std::string good = tree.write("good.txt", "foo and foo\n");
        const std::string refused = tree.write("refused.txt", "foo\n");
        const std::string throws = tree.write("throws.txt", "foo\n");
        const std::string misfit = tree.write("misfit.txt", "foo\n");
        const std::string touched = tree.write("touched.txt", "foo\n");
        std::mutex seen_mutex;
        std::map<std::string, std::string> seen;  // file → the bytes edits_from was given
        auto plan_of = [&](const std::string& path, std::function<std::variant<std::vector<TextEdit>, Skip>(std::string_view)> make) {
            FilePlan f;
            f.path = path;
            f.searched.size = slurp(path).size();
            f.searched.mtime_ns = edit_test::mtime_ns(path);
            f.edits_from = [&, path, make](std::string_view content) {
                {
                    const std::lock_guard lock(seen_mutex);
                    seen[path] = std::string(content);
                }
                return make(content);
            };
            return f;
        };
        ApplyPlan plan;
        plan.roots = plan_roots({tree.root()});
        plan.files.push_back(plan_of(good, [](std::string_view content) {
            return std::variant<std::vector<TextEdit>, Skip>(edit_test::replace_all("foo", "bar")(content));
        }));
        plan.files.push_back(plan_of(refused, [](std::string_view) {
            return std::variant<std::vector<TextEdit>, Skip>(Skip{SkipReason::ChangedSinceSearch, "line 1 differs"});
        }));
        plan.files.push_back(plan_of(throws, [](std::string_view) -> std::variant<std::vector<TextEdit>, Skip> {
            throw std::runtime_error("match limit");
        }));
        plan.files.push_back(plan_of(misfit, [](std::string_view) {
            return std::variant<std::vector<TextEdit>, Skip>(std::vector<TextEdit>{{2, 9, "x"}});
        }));
        plan.files.push_back(plan_of(touched, [](std::string_view) {
            return std::variant<std::vector<TextEdit>, Skip>(std::vector<TextEdit>{{0, 3, "bar"}});
        }));
        edit_test::set_mtime(touched, edit_test::mtime_ns(touched) - 1'000'000'000);
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(plan, j, {});
        QVERIFY2(report.error.empty(), report.error.c_str());
        QCOMPARE(report.files.size(), std::size_t(5));
        QVERIFY(report.files[0].changed);
        QCOMPARE(report.files[0].edits, std::size_t(2));
        QCOMPARE(slurp(good), std::string("bar and bar\n"));
        QCOMPARE(seen.at(good), std::string("foo and foo\n"));
        auto reason = [&](std::size_t i) { return report.files[i].skip ? std::string(skip_code(report.files[i].skip->reason)) : "changed"; };
        QCOMPARE(reason(1), std::string("changed-since-search"));
        QCOMPARE(report.files[1].skip->message, std::string("line 1 differs"));
        QCOMPARE(reason(2), std::string("invalid-edits"));
        QVERIFY(report.files[2].skip->message.find("match limit") != std::string::npos);
        QCOMPARE(reason(3), std::string("invalid-edits"));
        QCOMPARE(reason(4), std::string("changed-since-search"));
        QVERIFY(!seen.contains(touched));  // refused by the gate, before its bytes were judged
        for (const std::string& path : {refused, throws, misfit, touched}) {
            QCOMPARE(slurp(path), std::string("foo\n"));
            struct stat st {};
            QVERIFY(::stat(path.c_str(), &st) == 0);
            QCOMPARE(st.st_nlink, nlink_t(1));  // no kept link left in the journal
        }
        const UndoReport undone = undo_apply(j, "");
        QCOMPARE(undone.files.size(), std::size_t(1));
        QCOMPARE(slurp(good), std::string("foo and foo\n"));
    }

    // apply_streamed (the CLI's --write): files pushed while the apply runs, each prepared as it
    // arrives; published and renamed after the feed is closed; the report in order of arrival.
    void streamedApplyTakesFilesAsTheyArrive() {
        TestTree tree;
        const std::vector<std::string> paths{tree.write("c.txt", "foo 3\n"), tree.write("a/b.txt", "foo 1\nfoo\n"), tree.write("d.txt", "foo\n")};
        const ApplyPlan plan = literal_plan({tree.root()}, paths, "foo", "bar");
        PlanFeed feed;
        std::size_t prepared_before_close = 0;
        ApplyOptions options;
        options.hook = [&](std::string_view step) {
            if (step == "temp-written") ++prepared_before_close;
            if (step == "journal-published") QCOMPARE(prepared_before_close, std::size_t(3));
        };
        std::size_t refused = 0;
        std::thread search([&] {
            for (const FilePlan& file : plan.files) {
                if (!feed.push(file)) ++refused;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            feed.close();
        });
        UndoJournal j = journal();
        const ApplyReport report = apply_streamed(plan, feed, j, options);
        search.join();
        QCOMPARE(refused, std::size_t(0));
        QVERIFY2(report.error.empty(), report.error.c_str());
        QCOMPARE(report.changed_files(), std::size_t(3));
        for (std::size_t i = 0; i < paths.size(); ++i) QCOMPARE(report.files.at(i).path, paths[i]);
        QCOMPARE(slurp(paths[0]), std::string("bar 3\n"));
        QCOMPARE(slurp(paths[1]), std::string("bar 1\nbar\n"));
        QCOMPARE(j.entries().size(), std::size_t(1));
        QCOMPARE(j.entries().at(0).state, EntryState::Committed);
        QVERIFY(!feed.push(plan.files.at(0)));  // stopped: a search still running would stop
        QCOMPARE(undo_apply(j, "").files.size(), std::size_t(3));
        QCOMPARE(slurp(paths[2]), std::string("foo\n"));
    }

    // The search fails after the pass wrote temporary files: nothing is published or renamed,
    // the temporary files and the entry (with its links) are gone.
    void streamedApplyOfAFailedSearchChangesNothing() {
        TestTree tree;
        const std::vector<std::string> paths{tree.write("a.txt", "foo\n"), tree.write("b.txt", "foo foo\n")};
        const ApplyPlan plan = literal_plan({tree.root()}, paths, "foo", "bar");
        PlanFeed feed;
        for (const FilePlan& file : plan.files) QVERIFY(feed.push(file));
        std::size_t written = 0;
        ApplyOptions options;
        options.hook = [&](std::string_view step) {
            if (step == "temp-written" && ++written == 2) feed.fail("the search hit a match limit");
        };
        UndoJournal j = journal();
        const ApplyReport report = apply_streamed(plan, feed, j, options);
        QCOMPARE(written, std::size_t(2));
        QVERIFY2(report.error.starts_with("the search hit a match limit"), report.error.c_str());
        QCOMPARE(report.changed_files(), std::size_t(0));
        QCOMPARE(slurp(paths[0]), std::string("foo\n"));
        QCOMPARE(slurp(paths[1]), std::string("foo foo\n"));
        QVERIFY(j.entries().empty());
        QVERIFY(!j.needs_recovery());
        QCOMPARE(QDir(QString::fromStdString(tree.root())).entryList(QDir::Files | QDir::Hidden).size(), 2);
        for (const std::string& path : paths) {
            struct stat st {};
            QCOMPARE(::stat(path.c_str(), &st), 0);
            QCOMPARE(st.st_nlink, nlink_t(1));
        }
    }

    // Nothing found: no journal lock is taken (another CodeScout may hold it), nothing reported.
    void streamedApplyOfNothingLocksNothing() {
        UndoJournal j = journal();
        UndoJournal other(j.dir());
        std::string error;
        QVERIFY(other.lock(error));
        PlanFeed feed;
        feed.close();
        const ApplyReport report = apply_streamed(ApplyPlan{}, feed, j, {});
        QVERIFY2(report.error.empty(), report.error.c_str());
        QVERIFY(report.files.empty());
    }

    // feed_plans (the GUI's Replace All): files planned on several threads, pushed in the list's
    // order however long each takes; a file without a plan passed over; the apply takes them as
    // they come and reports them in that order.
    void plansAreFedInListOrder() {
        TestTree tree;
        std::vector<std::string> paths;
        for (int i = 0; i < 40; ++i) paths.push_back(tree.write(QStringLiteral("f%1.txt").arg(i), QByteArray("foo ") + QByteArray::number(i) + "\n"));
        const ApplyPlan plan = literal_plan({tree.root()}, paths, "foo", "bar");
        PlanFeed feed;
        std::atomic<int> planners{0};
        std::atomic<int> shared_calls{0};  // a planner called while another thread was in it
        std::thread planning([&] {
            feed_plans(paths.size(), [&]() -> FilePlanner {
                ++planners;
                auto busy = std::make_shared<std::atomic<bool>>(false);
                return [&, busy](std::size_t i) -> std::optional<FilePlan> {
                    if (busy->exchange(true)) ++shared_calls;
                    // Earlier files take longer: a later one is often done first.
                    std::this_thread::sleep_for(std::chrono::milliseconds(i % 4 == 0 ? 8 : 1));
                    busy->store(false);
                    if (i % 5 == 3) return std::nullopt;  // refused, or nothing to change
                    return plan.files[i];
                };
            }, feed, 4);
        });
        UndoJournal j = journal();
        const ApplyReport report = apply_streamed(plan, feed, j, {});
        planning.join();
        // A planner per helper at most, each used by one thread at a time.
        QVERIFY(planners.load() >= 1 && planners.load() <= 4);
        QCOMPARE(shared_calls.load(), 0);
        QVERIFY2(report.error.empty(), report.error.c_str());
        std::vector<std::string> expected;
        for (std::size_t i = 0; i < paths.size(); ++i)
            if (i % 5 != 3) expected.push_back(paths[i]);
        QCOMPARE(report.files.size(), expected.size());
        for (std::size_t k = 0; k < expected.size(); ++k) QCOMPARE(report.files[k].path, expected[k]);
        QCOMPARE(report.changed_files(), expected.size());
        QCOMPARE(slurp(paths[3]), std::string("foo 3\n"));
        QCOMPARE(slurp(paths[4]), std::string("bar 4\n"));
    }

    // A planner that throws fails the feed: the apply changes nothing and says why.
    void aPlannerFailureChangesNothing() {
        TestTree tree;
        const std::vector<std::string> paths{tree.write("a.txt", "foo\n"), tree.write("b.txt", "foo\n"), tree.write("c.txt", "foo\n")};
        const ApplyPlan plan = literal_plan({tree.root()}, paths, "foo", "bar");
        PlanFeed feed;
        std::thread planning([&] {
            feed_plans(paths.size(), [&]() -> FilePlanner {
                return [&](std::size_t i) -> std::optional<FilePlan> {
                    if (i == 2) throw std::runtime_error("match limit");
                    return plan.files[i];
                };
            }, feed, 1);
        });
        UndoJournal j = journal();
        const ApplyReport report = apply_streamed(plan, feed, j, {});
        planning.join();
        QVERIFY2(report.error.find("match limit") != std::string::npos, report.error.c_str());
        QCOMPARE(report.changed_files(), std::size_t(0));
        for (const std::string& path : paths) QCOMPARE(slurp(path), std::string("foo\n"));
        QVERIFY(j.entries().empty());
    }

    // Cancelled while the apply waits for the feed, whose producer then stops and closes it:
    // nothing is published, nothing changed (the files prepared so far are abandoned).
    void cancelWhileWaitingForTheFeedChangesNothing() {
        TestTree tree;
        const std::vector<std::string> paths{tree.write("a.txt", "foo\n"), tree.write("b.txt", "foo\n"), tree.write("c.txt", "foo\n")};
        const ApplyPlan plan = literal_plan({tree.root()}, paths, "foo", "bar");
        PlanFeed feed;
        std::atomic<bool> cancel{false};
        ApplyOptions options;
        options.cancelled = [&] { return cancel.load(); };
        std::thread planning([&] {
            QVERIFY(feed.push(plan.files[0]));
            QVERIFY(feed.push(plan.files[1]));
            std::this_thread::sleep_for(std::chrono::milliseconds(50));  // both prepared, the apply waits
            cancel = true;
            feed.close();  // as feed_plans does once its planners pass over the rest
        });
        UndoJournal j = journal();
        const ApplyReport report = apply_streamed(plan, feed, j, options);
        planning.join();
        QCOMPARE(report.error, std::string("cancelled"));
        QCOMPARE(report.changed_files(), std::size_t(0));
        for (const std::string& path : paths) QCOMPARE(slurp(path), std::string("foo\n"));
        QVERIFY(j.entries().empty());
        QCOMPARE(QDir(QString::fromStdString(tree.root())).entryList(QDir::Files | QDir::Hidden).size(), 3);
    }

    void oversizeFileIsNeverRewritten() {
        TestTree tree;
        const std::string path = tree.write("big.txt", QByteArray(100, 'x') + "foo\n");
        const ApplyPlan plan = literal_plan({tree.root()}, {path}, "foo", "bar");
        ApplyOptions options;
        options.max_file_size = 64;
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(plan, j, options);
        QCOMPARE(reason_of(report), std::string("too-large"));
        QCOMPARE(slurp(path).substr(100), std::string("foo\n"));
        QVERIFY(plan_file(path, edit_test::replace_all("foo", "bar"), 64).skip);
    }

    void invalidEditsAreRefused() {
        TestTree tree;
        const std::string path = tree.write("a.txt", "foo foo\n");
        ApplyPlan plan = literal_plan({tree.root()}, {path}, "foo", "bar");
        std::swap(plan.files[0].edits[0], plan.files[0].edits[1]);  // out of order
        UndoJournal j = journal();
        QCOMPARE(reason_of(apply_plan(plan, j, {})), std::string("invalid-edits"));
        QCOMPARE(slurp(path), std::string("foo foo\n"));
    }

    void ownerModeXattrsAndAclAreKept() {
        if (::geteuid() != 0) QSKIP("giving a file another owner needs root");
        TestTree tree;
        const std::string path = tree.write("a.txt", "foo\n");
        QCOMPARE(::chown(path.c_str(), 1234, 2345), 0);
        QCOMPARE(::chmod(path.c_str(), 0640), 0);
        if (::setxattr(path.c_str(), "user.codescout", "kept", 4, 0) != 0)
            QSKIP(qPrintable(QString("this file system has no user xattrs: %1").arg(std::strerror(errno))));
        const std::string acl = sample_acl();
        if (::setxattr(path.c_str(), "system.posix_acl_access", acl.data(), acl.size(), 0) != 0)
            QSKIP(qPrintable(QString("this file system has no POSIX ACLs: %1").arg(std::strerror(errno))));
        struct stat before {};
        QCOMPARE(::stat(path.c_str(), &before), 0);
        const std::string acl_before = xattr_of(path, "system.posix_acl_access");

        UndoJournal j = journal();
        const ApplyReport report = apply_plan(literal_plan({tree.root()}, {path}, "foo", "bar"), j, {});
        QCOMPARE(reason_of(report), std::string("changed"));
        QVERIFY(only(report).owner_kept);
        struct stat after {};
        QCOMPARE(::stat(path.c_str(), &after), 0);
        QVERIFY(after.st_ino != before.st_ino);  // really a new file, renamed over
        QCOMPARE(after.st_uid, uid_t(1234));
        QCOMPARE(after.st_gid, gid_t(2345));
        QCOMPARE(after.st_mode & 07777, before.st_mode & 07777);
        QCOMPARE(xattr_of(path, "user.codescout"), std::string("kept"));
        QCOMPARE(xattr_of(path, "system.posix_acl_access"), acl_before);
        QCOMPARE(slurp(path), std::string("bar\n"));
    }

    // Our own files are created with their bits (creation_mode) and only the bits the new file
    // lacks are set after: every mode comes out as it was, also those the creation cannot give
    // (group or other write, set-ID and sticky bits) and under a umask that strips some.
    void modesOfOurOwnFilesAreKept_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("mask");
        for (const int mode : {0644, 0600, 0755, 0640, 0664, 0666, 0604, 02755, 01644, 0700})
            for (const int mask : {022, 077, 0})
                QTest::addRow("%o, umask %03o", mode, mask) << mode << mask;
    }
    void modesOfOurOwnFilesAreKept() {
        QFETCH(int, mode);
        QFETCH(int, mask);
        TestTree tree;
        const std::string path = tree.write("a.txt", "foo\n");
        QCOMPARE(::chmod(path.c_str(), static_cast<mode_t>(mode)), 0);
        const mode_t previous = ::umask(static_cast<mode_t>(mask));
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(literal_plan({tree.root()}, {path}, "foo", "bar"), j, {});
        ::umask(previous);
        QCOMPARE(reason_of(report), std::string("changed"));
        struct stat after {};
        QCOMPARE(::stat(path.c_str(), &after), 0);
        QCOMPARE(static_cast<int>(after.st_mode & 07777), mode);
        QCOMPARE(after.st_uid, ::geteuid());
        QCOMPARE(after.st_gid, ::getegid());
        QCOMPARE(slurp(path), std::string("bar\n"));
    }

    // A search's result (lines with match spans) becomes edits over the very bytes the plan
    // fingerprints; a line that no longer reads as the search saw it makes the plan refuse.
    void planFromASearchResult() {
        TestTree tree;
        const std::string path = tree.write("a.txt", "int foo;\r\nfoo(foo);\r\n");
        FileResult result;
        result.path = path;
        result.lines.push_back({1, 0, "int foo;\r", {{4, 7}}, false});
        result.lines.push_back({2, 10, "foo(foo);\r", {{0, 3}, {4, 7}}, false});
        int calls = 0;
        const SpanReplacement upper = [&](const LineRecord& line, const MatchSpan& span) {
            ++calls;
            std::string text(line.text.substr(span.begin, span.end - span.begin));
            for (char& c : text) c = static_cast<char>(c - 'a' + 'A');
            return text;
        };
        const PlannedFile planned = plan_file(path, [&](std::string_view content) {
            return edits_from_result(result, content, upper).value_or(std::vector<TextEdit>{});
        });
        QVERIFY(planned.plan);
        QCOMPARE(calls, 3);
        ApplyPlan plan;
        plan.roots = plan_roots({tree.root()});
        plan.files.push_back(*planned.plan);
        UndoJournal j = journal();
        QCOMPARE(apply_plan(plan, j, {}).changed_files(), std::size_t(1));
        QCOMPARE(slurp(path), std::string("int FOO;\r\nFOO(FOO);\r\n"));
        // The file as it is now no longer holds the lines the search reported.
        QVERIFY(!edits_from_result(result, slurp(path), upper));
    }

    // --dry-run's preview: the diff of what an apply would write, or the very skip it would make;
    // and nothing is written.
    void previewShowsTheDiffOrTheApplysSkip() {
        TestTree tree;
        const std::string a = tree.write("a.txt", "one\nfoo\n");
        const std::string b = tree.write("b.txt", "foo\n");
        const ApplyPlan plan = literal_plan({tree.root()}, {a, b}, "foo", "bar");
        QCOMPARE(::link(b.c_str(), tree.path("c.txt").c_str()), 0);
        const FilePreview first = preview_file(plan.files[0], plan.roots);
        QVERIFY(!first.skip);
        QCOMPARE(first.diff, "--- a/" + a.substr(1) + "\n+++ b/" + a.substr(1) + "\n@@ -1,2 +1,2 @@\n one\n-foo\n+bar\n");
        const FilePreview second = preview_file(plan.files[1], plan.roots);
        QVERIFY(second.skip);
        QCOMPARE(std::string(skip_code(second.skip->reason)), std::string("hard-linked"));
        QCOMPARE(slurp(a), std::string("one\nfoo\n"));
    }

    void noTemporaryFilesAreLeft() {
        TestTree tree;
        const std::string a = tree.write("d/a.txt", "foo\n");
        UndoJournal j = journal();
        QCOMPARE(apply_plan(literal_plan({tree.root()}, {a}, "foo", "bar"), j, {}).changed_files(), std::size_t(1));
        QCOMPARE(QDir(tree.path("d").c_str()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{"a.txt"});
    }

    void cancelRollsBack() {
        TestTree tree;
        const std::string a = tree.write("a.txt", "foo\n");
        const std::string b = tree.write("b.txt", "foo\n");
        ApplyOptions options;
        // After the first file is written (cancelling while journaling changes nothing at all:
        // test_match_selection).
        bool stop = false;
        options.progress = [&](const ApplyProgress& p) { stop = p.stage == ApplyProgress::Stage::Writing && p.done == 1; };
        options.cancelled = [&] { return stop; };
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(literal_plan({tree.root()}, {a, b}, "foo", "bar"), j, options);
        QCOMPARE(report.error, std::string("cancelled"));
        QVERIFY(report.rolled_back);
        QCOMPARE(slurp(a), std::string("foo\n"));
        QCOMPARE(slurp(b), std::string("foo\n"));
        QCOMPARE(j.entries().at(0).state, EntryState::RolledBack);
    }

    void anotherApplyHoldingTheJournalIsRefused() {
        TestTree tree;
        const std::string a = tree.write("a.txt", "foo\n");
        UndoJournal holder(state_.path("locked"));
        std::string error;
        QVERIFY(holder.lock(error));
        UndoJournal second(state_.path("locked"));
        const ApplyReport report = apply_plan(literal_plan({tree.root()}, {a}, "foo", "bar"), second, {});
        QVERIFY2(report.error.find("another CodeScout") != std::string::npos, report.error.c_str());
        QCOMPARE(slurp(a), std::string("foo\n"));
    }

    // Disk full while writing the second file: both files keep their old content, the error
    // names the file and the cause, no temporary file is left. The temporary files are all
    // written before the journal is published, so the apply stops before any rename, whatever
    // the batches: nothing to roll back, no entry left. A real ENOSPC from a 256 KiB tmpfs
    // mounted here (the tests run as root in the build root's own mount namespace); where
    // mounting is not permitted the test says so and skips.
    void diskFullKeepsEveryFile_data() {
        QTest::addColumn<int>("batch");
        QTest::newRow("one batch") << 0;
        QTest::newRow("a batch each") << 1;
    }
    void diskFullKeepsEveryFile() {
        QFETCH(int, batch);
        TestTree tree;
        SmallDisk disk(tree.mkdir("small"));
        if (!disk.mounted) QSKIP(qPrintable("cannot mount a small tmpfs here: " + disk.error));
        const std::string a = disk.path + "/a.txt", b = disk.path + "/b.txt";
        QVERIFY(edit_test::spit(a, "foo\n"));
        QVERIFY(edit_test::spit(b, std::string(100 * 1024, 'x') + "foo\n"));
        const ApplyPlan plan = literal_plan({disk.path}, {a, b}, "foo", "bar");
        QCOMPARE(plan.files.size(), std::size_t(2));
        disk.fill_leaving(16 * 1024);  // room for a's new copy, not for b's
        UndoJournal j = journal();
        ApplyOptions options;
        options.helper_threads = 1;  // the files written in turn: which one finds the disk full is certain
        if (batch > 0) options.batch.files = static_cast<std::size_t>(batch);
        int renamed = 0;
        options.hook = [&](std::string_view step) { renamed += step == "file-replaced" ? 1 : 0; };
        const ApplyReport report = apply_plan(plan, j, options);
        QCOMPARE(renamed, 0);
        QVERIFY2(report.error.find(b) != std::string::npos && report.error.find("no space left") != std::string::npos &&
                     report.error.find("no file was changed") != std::string::npos,
                 report.error.c_str());
        QVERIFY(!report.rolled_back);
        QVERIFY(report.journal_id.empty());
        QCOMPARE(slurp(a), std::string("foo\n"));
        QCOMPARE(slurp(b), std::string(100 * 1024, 'x') + "foo\n");
        QCOMPARE(std::string(skip_code(report.files[1].skip->reason)), std::string("write-failed"));
        QCOMPARE(std::string(skip_code(report.files[0].skip->reason)), std::string("cancelled"));
        QCOMPARE(QDir(disk.path.c_str()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{"a.txt", "b.txt", "filler"}));
        QVERIFY(j.entries().empty());
        QVERIFY(!j.needs_recovery());
    }

    // OnError::Continue: the file that cannot be written keeps its old content and is reported;
    // the others are written and the apply is committed (undoable) with them alone.
    void diskFullWithContinueSkipsOnlyThatFile() {
        TestTree tree;
        SmallDisk disk(tree.mkdir("small"));
        if (!disk.mounted) QSKIP(qPrintable("cannot mount a small tmpfs here: " + disk.error));
        const std::string big = disk.path + "/big.txt", small = disk.path + "/small.txt";
        QVERIFY(edit_test::spit(big, std::string(100 * 1024, 'x') + "foo\n"));
        QVERIFY(edit_test::spit(small, "foo\n"));
        const ApplyPlan plan = literal_plan({disk.path}, {big, small}, "foo", "bar");
        disk.fill_leaving(16 * 1024);
        UndoJournal j = journal();
        ApplyOptions options;
        options.on_error = OnError::Continue;
        // The files written in turn: with two helpers writing at once, the small file may find the
        // disk full too (both kept, both reported, but not what this test is about).
        options.helper_threads = 1;
        const ApplyReport report = apply_plan(plan, j, options);
        QVERIFY2(report.error.empty(), report.error.c_str());
        QVERIFY(!report.rolled_back);
        QCOMPARE(std::string(skip_code(report.files[0].skip->reason)), std::string("write-failed"));
        QVERIFY(report.files[1].changed);
        QCOMPARE(slurp(big), std::string(100 * 1024, 'x') + "foo\n");
        QCOMPARE(slurp(small), std::string("bar\n"));
        QCOMPARE(QDir(disk.path.c_str()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{"big.txt", "filler", "small.txt"}));
        QCOMPARE(j.entries().at(0).state, EntryState::Committed);
        // Only the file written is journaled (the other failed before the journal was published).
        QCOMPARE(j.entries().at(0).manifest.files.size(), std::size_t(1));
        QCOMPARE(j.entries().at(0).changed, std::vector<std::size_t>{0});
    }

    // Group commit: a batch closes at its file count or its byte count, whichever comes first;
    // each batch is one flush round; the files come out the same however they are batched.
    void batchesCloseAtTheirFileOrByteLimit_data() {
        QTest::addColumn<int>("files");
        QTest::addColumn<int>("bytes");
        QTest::addColumn<int>("descriptors");
        QTest::addColumn<int>("batches");
        // Undo exchanges each file with its kept original (replace_batch.h): no bytes written,
        // so the byte limit never closes one of its batches.
        QTest::addColumn<int>("undo_batches");
        QTest::newRow("default limits: one batch") << 0 << 0 << 0 << 1 << 1;
        QTest::newRow("4 files a batch") << 4 << 0 << 0 << 3 << 3;
        QTest::newRow("2 KiB a batch (1 KiB files)") << 0 << 2048 << 0 << 5 << 1;
        QTest::newRow("2 descriptors a batch (a folder each)") << 0 << 0 << 2 << 5 << 5;
        QTest::newRow("1 file a batch") << 1 << 0 << 0 << 10 << 10;
    }
    void batchesCloseAtTheirFileOrByteLimit() {
        QFETCH(int, files);
        QFETCH(int, bytes);
        QFETCH(int, descriptors);
        QFETCH(int, batches);
        QFETCH(int, undo_batches);
        TestTree tree;
        std::vector<std::string> paths;
        for (int i = 0; i < 10; ++i) paths.push_back(tree.write(QString("d%1/f%2.txt").arg(i % 3).arg(i), QByteArray(1020, 'x') + "foo\n"));
        ApplyOptions options;
        if (files > 0) options.batch.files = static_cast<std::size_t>(files);
        if (bytes > 0) options.batch.bytes = static_cast<std::uint64_t>(bytes);
        if (descriptors > 0) options.batch.descriptors = static_cast<std::size_t>(descriptors);
        // A flush round per batch; but the file system is flushed once, by the first: every
        // temporary file was written before it, and the renames wait for the one flush before
        // the entry is marked committed.
        int flushes = 0, file_system_flushes = 0, rename_flushes = 0;
        options.hook = [&](std::string_view step) {
            flushes += step == "batch-synced" ? 1 : 0;
            file_system_flushes += step == "file-system-synced" ? 1 : 0;
            rename_flushes += step == "renames-synced" ? 1 : 0;
        };
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(literal_plan({tree.root()}, paths, "foo", "bar"), j, options);
        QCOMPARE(report.changed_files(), std::size_t(10));
        QCOMPARE(flushes, batches);
        QCOMPARE(file_system_flushes, 1);
        QCOMPARE(rename_flushes, 1);
        for (const std::string& p : paths) QCOMPARE(slurp(p), std::string(1020, 'x') + "bar\n");
        for (int d = 0; d < 3; ++d)  // no temporary file left
            QCOMPARE(QDir(tree.path(QString("d%1").arg(d)).c_str()).entryList(QDir::Files | QDir::Hidden).filter("codescout").size(), 0);
        // Undo goes through the same batches and restores every file.
        int undo_flushes = 0;
        const UndoReport undone = undo_apply(j, "", [&](std::string_view step) { undo_flushes += step == "batch-synced" ? 1 : 0; },
                                             options.batch);
        QVERIFY(undone.complete());
        QCOMPARE(undo_flushes, undo_batches);
        for (const std::string& p : paths) QCOMPARE(slurp(p), std::string(1020, 'x') + "foo\n");
    }

    // A batch whose files get their new content written batch by batch (stage(): undo, recovery)
    // flushes the file system in every round; one of temporary files written before it (the
    // apply's) only in the first, and the renames of the later rounds wait for sync_renames().
    void aFileSystemIsFlushedAgainOnlyAfterNewContent() {
        TestTree tree;
        std::vector<std::string> names;
        for (int i = 0; i < 4; ++i) names.push_back(tree.write(QString("f%1.txt").arg(i), "old\n"));
        int syncs = 0;
        ReplaceBatch batch([&](std::string_view step) { syncs += step == "file-system-synced" ? 1 : 0; });
        const std::vector<std::string> roots = plan_roots({tree.root()});
        auto stage = [&](int i) {
            const Located located = locate_confined(names[static_cast<std::size_t>(i)], roots);
            QVERIFY(located.location);
            ConfinedFile file = open_confined(*located.location);
            QVERIFY(!file.skip);
            const std::string temp = temp_name_for(file.name, "t", static_cast<std::size_t>(i), "replace");
            QVERIFY(!batch.stage(static_cast<std::size_t>(i), std::move(file), temp, "new\n"));
        };
        auto commit = [&] {
            int done = 0;
            batch.commit([&](std::size_t, const ReplaceResult& result) {
                done += result.skip ? 0 : 1;
                return true;
            });
            return done;
        };
        stage(0);
        stage(1);
        QCOMPARE(commit(), 2);
        QCOMPARE(syncs, 1);
        QCOMPARE(commit(), 0);  // nothing staged: no round at all
        QCOMPARE(syncs, 1);
        stage(2);
        stage(3);
        QCOMPARE(commit(), 2);
        QCOMPARE(syncs, 2);  // new content since the last flush: flushed again
        QCOMPARE(batch.sync_renames(), 0);
        for (const std::string& name : names) QCOMPARE(slurp(name), std::string("new\n"));
    }

    // With no helper thread, the default one (which keeps the folder chain) or more (which do
    // not), the apply writes the same files, in batches, leaves no temporary file, and undo
    // restores them all.
    void helperThreadsWriteTheSameFiles_data() {
        QTest::addColumn<int>("helpers");
        QTest::newRow("none: all on the consumer") << 0;
        QTest::newRow("one") << 1;
        QTest::newRow("two") << 2;
        QTest::newRow("default: one per core") << ApplyOptions{}.helper_threads;
    }
    void helperThreadsWriteTheSameFiles() {
        QFETCH(int, helpers);
        TestTree tree;
        std::vector<std::string> paths;
        for (int i = 0; i < 40; ++i)
            paths.push_back(tree.write(QString("d%1/f%2.txt").arg(i % 3).arg(i), QByteArray(100 * i, 'x') + "foo foo\n"));
        ApplyOptions options;
        options.helper_threads = helpers;
        options.batch.files = 4;
        int flushes = 0;
        options.hook = [&](std::string_view step) { flushes += step == "batch-synced" ? 1 : 0; };
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(literal_plan({tree.root()}, paths, "foo", "bar"), j, options);
        QCOMPARE(report.changed_files(), std::size_t(40));
        QCOMPARE(flushes, 10);
        for (int i = 0; i < 40; ++i) QCOMPARE(slurp(paths[i]), std::string(100 * i, 'x') + "bar bar\n");
        for (int d = 0; d < 3; ++d)
            QCOMPARE(QDir(tree.path(QString("d%1").arg(d)).c_str()).entryList(QDir::Files | QDir::Hidden).filter("codescout").size(), 0);
        QVERIFY(undo_apply(j, "").complete());
        for (int i = 0; i < 40; ++i) QCOMPARE(slurp(paths[i]), std::string(100 * i, 'x') + "foo foo\n");
    }

    // A helper reuses its buffers from file to file, and drops those of a large file: files
    // large and small in turn, on one helper, each get exactly their own new content.
    void buffersReusedAndDroppedKeepEachFilesContent() {
        TestTree tree;
        std::vector<std::string> paths, expected;
        const int sizes[] = {5 << 20, 10, (6 << 20) + 3, 3, 4 << 20, 0};
        for (int i = 0; i < 6; ++i) {
            const QByteArray body(sizes[i], static_cast<char>('a' + i));
            paths.push_back(tree.write(QString("f%1.txt").arg(i), "foo " + body + " foo\n"));
            expected.push_back("bar " + body.toStdString() + " bar\n");
        }
        ApplyOptions options;
        options.helper_threads = 1;
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(literal_plan({tree.root()}, paths, "foo", "bar"), j, options);
        QCOMPARE(report.changed_files(), std::size_t(6));
        for (int i = 0; i < 6; ++i) QVERIFY2(slurp(paths[i]) == expected[i], paths[i].c_str());
    }

    // A file saved by someone after its new content was staged, before its rename (the window a
    // batch widens): it is skipped with the reason, keeps what they saved, and the rest goes on.
    void fileSavedWhileItsBatchWasWrittenIsSkipped() {
        TestTree tree;
        const std::string a = tree.write("a.txt", "foo\n");
        const std::string b = tree.write("b.txt", "foo\n");
        const std::string c = tree.write("c.txt", "foo\n");
        ApplyOptions options;
        options.hook = [&](std::string_view step) {
            if (step == "batch-written") QVERIFY(edit_test::spit(b, "foo, and my own edit\n"));
        };
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(literal_plan({tree.root()}, {a, b, c}, "foo", "bar"), j, options);
        QVERIFY2(report.error.empty(), report.error.c_str());
        QCOMPARE(report.changed_files(), std::size_t(2));
        QVERIFY(report.files[1].skip);
        QCOMPARE(std::string(skip_code(report.files[1].skip->reason)), std::string("changed-since-search"));
        QCOMPARE(slurp(a), std::string("bar\n"));
        QCOMPARE(slurp(b), std::string("foo, and my own edit\n"));
        QCOMPARE(slurp(c), std::string("bar\n"));
        QCOMPARE(QDir(tree.root().c_str()).entryList(QDir::Files | QDir::Hidden), (QStringList{"a.txt", "b.txt", "c.txt"}));
    }

    // One file named twice in a plan (two roots that overlap): written once, the second refused
    // because the file is no longer what was searched — never two renames racing in one batch.
    void sameFileTwiceInAPlanIsWrittenOnce() {
        TestTree tree;
        const std::string a = tree.write("a.txt", "foo\n");
        ApplyPlan plan = literal_plan({tree.root()}, {a}, "foo", "bar");
        plan.files.push_back(plan.files[0]);
        UndoJournal j = journal();
        const ApplyReport report = apply_plan(plan, j, {});
        QCOMPARE(report.changed_files(), std::size_t(1));
        // Which naming gets there first is the helpers' race (either may be prepared first).
        const FileApplyOutcome& refused = report.files[report.files[0].changed ? 1 : 0];
        QVERIFY(refused.skip);
        QCOMPARE(std::string(skip_code(refused.skip->reason)), std::string("changed-since-search"));
        QCOMPARE(slurp(a), std::string("bar\n"));
        QCOMPARE(QDir(tree.root().c_str()).entryList(QDir::Files | QDir::Hidden), QStringList{"a.txt"});
        QVERIFY(undo_apply(j, "").complete());
        QCOMPARE(slurp(a), std::string("foo\n"));
    }

    // The journal itself on the full disk: the apply stops before any file is touched.
    void diskFullForTheJournalChangesNothing() {
        TestTree tree;
        SmallDisk disk(tree.mkdir("small"));
        if (!disk.mounted) QSKIP(qPrintable("cannot mount a small tmpfs here: " + disk.error));
        const std::string a = tree.write("a.txt", QByteArray(64 * 1024, 'x') + "foo\n");
        const ApplyPlan plan = literal_plan({tree.root()}, {a}, "foo", "bar");
        UndoJournal j(disk.path + "/undo");
        std::string ignored;
        QVERIFY(j.lock(ignored));  // creates the folder while there is room
        j.unlock();
        disk.fill_leaving(8 * 1024);
        const ApplyReport report = apply_plan(plan, j, {});
        QVERIFY2(report.error.find("undo journal") != std::string::npos && report.error.find("no file was changed") != std::string::npos,
                 report.error.c_str());
        QCOMPARE(slurp(a), std::string(64 * 1024, 'x') + "foo\n");
        QVERIFY(j.entries().empty());
        QVERIFY(!j.needs_recovery());  // the half-written entry is gone
    }
};

QTEST_GUILESS_MAIN(TestApply)
#include "test_apply.moc"
