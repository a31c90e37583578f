// PreviewPane: asynchronous loading, syntax selection and notices.
#include "gui/preview/preview_pane.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QDir>
#include <QEvent>
#include <QFutureWatcher>
#include <QLabel>
#include <QLocale>
#include <QTextDocument>
#include <QVBoxLayout>

#include "gui/preview/preview_editor.h"
#include "gui/preview/syntax_repository.h"

namespace codescout::gui {

PreviewPane::PreviewPane(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), notice_(new QLabel(this)),
      editor_(new PreviewEditor(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    title_->setTextFormat(Qt::PlainText);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    notice_->setTextFormat(Qt::PlainText);
    notice_->setWordWrap(true);
    notice_->setVisible(false);
    layout->addWidget(title_);
    layout->addWidget(notice_);
    layout->addWidget(editor_, 1);
    editor_->setAccessibleName(tr("File preview"));
    title_->setAccessibleName(tr("Previewed file"));
    notice_->setAccessibleName(tr("Preview notice"));
    setFocusProxy(editor_);
    resetHighlighter();
    applyTheme();
    clear();
}

PreviewPane::~PreviewPane() = default;

void PreviewPane::clear()
{
    ++loadId_;
    path_.clear();
    loadingPath_.clear();
    resetHighlighter();
    editor_->clear();
    title_->setText(tr("Select a result to preview its file"));
    setNotice({});
    reportMemory();
}

QString PreviewPane::definitionName() const
{
    return highlighter_->definition().isValid() ? highlighter_->definition().name() : QString();
}

QString PreviewPane::notice() const
{
    return notice_->isHidden() ? QString() : notice_->text();
}

void PreviewPane::setNotice(const QString& text)
{
    notice_->setText(text);
    notice_->setVisible(!text.isEmpty());
}

void PreviewPane::showMatch(const QString& path, int line, quint64 column, const QList<int>& spans,
                            const MatchExtent& span)
{
    pending_ = {line, column, spans, span};
    if (path == path_ && loadingPath_.isEmpty()) {
        showPending();
        return;
    }
    if (path == loadingPath_)
        return;  // the running load shows pending_ when it is done
    loadingPath_ = path;
    const quint64 id = ++loadId_;
    title_->setText(tr("Loading %1…").arg(QDir::toNativeSeparators(path)));
    auto* watcher = new QFutureWatcher<LoadedFile>(this);
    connect(watcher, &QFutureWatcher<LoadedFile>::finished, this, [this, watcher, id] {
        watcher->deleteLater();
        if (id == loadId_)
            onLoaded(watcher->result());
    });
    watcher->setFuture(FileLoader::loadAsync(path));
}

void PreviewPane::onLoaded(const LoadedFile& file)
{
    loadingPath_.clear();
    path_ = file.path;
    const QLocale locale;
    QString notice;
    resetHighlighter();
    if (!file.error.isEmpty()) {
        editor_->clear();
        notice = tr("Cannot read this file: %1").arg(file.error);
    } else if (file.binary) {
        editor_->clear();
        notice = tr("Binary file (%1): not shown as text.").arg(locale.formattedDataSize(file.size));
    } else {
        const KSyntaxHighlighting::Definition definition = definitionFor(file.path, file.head);
        editor_->setOneBytePerCharacter(file.shownAsFallback);
        editor_->setPlainText(file.text);
        if (file.size <= kMaxHighlightedBytes)
            highlighter_->setDefinition(definition);
        else
            notice = tr("Large file: shown without syntax highlighting.");
        if (file.truncated)
            notice = tr("Showing the first %1 of %2.")
                         .arg(locale.formattedDataSize(FileLoader::kMaxPreviewBytes),
                              locale.formattedDataSize(file.size));
        const QString encoding = file.shownAsFallback ? tr("Not valid UTF-8: shown as %1.").arg(file.encoding)
                                 : file.encoding.isEmpty() ? QString()
                                                           : tr("Decoded from %1.").arg(file.encoding);
        if (!encoding.isEmpty())
            notice = notice.isEmpty() ? encoding : encoding + QLatin1Char(' ') + notice;
    }
    const QString syntax = definitionName();
    title_->setText(syntax.isEmpty() ? QDir::toNativeSeparators(path_)
                                     : tr("%1  (%2)").arg(QDir::toNativeSeparators(path_), syntax));
    setNotice(notice);
    reportMemory();
    showPending();
}

void PreviewPane::reportMemory()
{
    // Measured: the document's text, characterCount() UTF-16 units (QTextDocument keeps it in one
    // QString). Not measured, because Qt and KSyntaxHighlighting expose no size for them: the
    // block and fragment maps, the lazily built line layouts, and the highlighter's per-block
    // state (QTextBlockUserData). Those stay in "other heap", where the attribution does not
    // claim to know them.
    const auto characters = static_cast<std::uint64_t>(editor_->document()->characterCount());
    memory_.set(characters * sizeof(QChar));
}

void PreviewPane::showPending()
{
    if (!editor_->document()->isEmpty())
        editor_->showLine(pending_.line, pending_.column, pending_.spans, pending_.extent);
    emit shown(path_, pending_.line);
}

void PreviewPane::resetHighlighter()
{
    // The highlighter posts rehighlightBlock() calls to itself that hold QTextBlocks; once the
    // text is replaced those blocks dangle. Deleting the highlighter drops its posted events, so
    // every new text gets a new highlighter.
    delete highlighter_;
    highlighter_ = new KSyntaxHighlighting::SyntaxHighlighter(editor_->document());
    highlighter_->setTheme(themeForPalette(palette()));
}

void PreviewPane::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void PreviewPane::applyTheme()
{
    using KSyntaxHighlighting::Theme;
    const Theme theme = themeForPalette(palette());
    highlighter_->setTheme(theme);
    highlighter_->rehighlight();
    editor_->setGutterColors(QColor::fromRgba(theme.editorColor(Theme::IconBorder)),
                             QColor::fromRgba(theme.editorColor(Theme::LineNumbers)),
                             QColor::fromRgba(theme.editorColor(Theme::CurrentLineNumber)));
    editor_->setMarkColors(QColor::fromRgba(theme.editorColor(Theme::CurrentLine)),
                           QColor::fromRgba(theme.editorColor(Theme::SearchHighlight)));
}

}  // namespace codescout::gui
