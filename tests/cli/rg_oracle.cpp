// The shared pieces of the tests against ripgrep (see rg_oracle.h).
#include "rg_oracle.h"

#include <QList>
#include <QStandardPaths>

QString rg_path() { return QStandardPaths::findExecutable(QStringLiteral("rg")); }

QString first_difference(const QByteArray& ours, const QByteArray& theirs) {
    const QList<QByteArray> a = ours.split('\n');
    const QList<QByteArray> b = theirs.split('\n');
    qsizetype i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    auto at = [](const QList<QByteArray>& l, qsizetype k) {
        return k < l.size() ? QString::fromUtf8(l[k].left(300)) : QStringLiteral("<end of output>");
    };
    return QStringLiteral("%1 vs %2 lines; first difference at line %3:\n  codescout-cli: %4\n  rg:            %5\n"
                          "  (previous line: %6)")
        .arg(a.size() - 1)
        .arg(b.size() - 1)
        .arg(i + 1)
        .arg(at(a, i), at(b, i), i > 0 ? at(a, i - 1) : QStringLiteral("-"));
}
