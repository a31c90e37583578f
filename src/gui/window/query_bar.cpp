// QueryBar: form wiring and Query <-> widgets.
#include "gui/window/query_bar.h"

#include <QLineEdit>
#include <QToolButton>

#include "gui/window/type_filter_edit.h"
#include "gui/window/multiline_pattern.h"
#include "ui_querybar.h"

namespace codescout::gui {

QueryBar::QueryBar(QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::QueryBar>()), typeEdit_(new TypeFilterEdit(this))
{
    m_ui->setupUi(this);
    m_ui->filterRow->insertWidget(m_ui->filterRow->indexOf(m_ui->excludeEdit) + 1, typeEdit_);
    setTabOrder(m_ui->excludeEdit, typeEdit_);
    setTabOrder(typeEdit_, m_ui->extensionsEdit);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);  // the results get the height
    m_ui->patternCombo->lineEdit()->setPlaceholderText(tr("Search"));
    m_ui->patternCombo->lineEdit()->setClearButtonEnabled(true);
    QPalette errorPalette = m_ui->patternError->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_ui->patternError->setPalette(errorPalette);
    setFocusProxy(m_ui->patternCombo);

    for (QLineEdit* edit : {m_ui->patternCombo->lineEdit(), m_ui->includeEdit, m_ui->excludeEdit,
                            m_ui->extensionsEdit, static_cast<QLineEdit*>(typeEdit_)})
        connect(edit, &QLineEdit::returnPressed, this, &QueryBar::searchRequested);
    connect(m_ui->searchButton, &QPushButton::clicked, this, &QueryBar::searchRequested);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QueryBar::cancelRequested);
    // Editing the pattern retracts an error that no longer applies.
    connect(m_ui->patternCombo, &QComboBox::editTextChanged, this, [this] { showError({}); });
    multiline_ = new MultilinePattern(m_ui->patternRow, m_ui->patternCombo, m_ui->wordButton, this);
    connect(multiline_, &MultilinePattern::searchRequested, this, &QueryBar::searchRequested);
    connect(multiline_->editor(), &QPlainTextEdit::textChanged, this, [this] { showError({}); });
    connect(m_ui->patternCombo->lineEdit(), &QLineEdit::textEdited, this, &QueryBar::patternEdited);
    // Regex, case and whole word change what the pattern matches: searched again like an edit
    // of it (as VS Code does), not left showing results for the other reading.
    for (QToolButton* toggle : {m_ui->regexButton, m_ui->caseButton, m_ui->wordButton})
        connect(toggle, &QToolButton::clicked, this, &QueryBar::patternEdited);
}

QueryBar::~QueryBar() = default;

Query QueryBar::query() const
{
    Query q;
    q.pattern = multiline_->pattern();
    q.multiline = multiline_->isOn();
    q.regex = m_ui->regexButton->isChecked();
    q.matchCase = m_ui->caseButton->isChecked();
    q.wholeWord = m_ui->wordButton->isChecked();
    q.includeGlobs = m_ui->includeEdit->text();
    q.excludeGlobs = m_ui->excludeEdit->text();
    q.extensions = m_ui->extensionsEdit->text();
    q.fileTypes = typeEdit_->text();
    q.contextLines = m_ui->contextSpin->value();
    q.hidden = m_ui->hiddenCheck->isChecked();
    q.followLinks = m_ui->followLinksCheck->isChecked();
    q.respectIgnoreFiles = m_ui->ignoreFilesCheck->isChecked();
    return q;
}

void QueryBar::setQuery(const Query& q)
{
    multiline_->setOn(q.multiline);
    setPattern(q.pattern);
    m_ui->regexButton->setChecked(q.regex);
    m_ui->caseButton->setChecked(q.matchCase);
    m_ui->wordButton->setChecked(q.wholeWord);
    m_ui->includeEdit->setText(q.includeGlobs);
    m_ui->excludeEdit->setText(q.excludeGlobs);
    m_ui->extensionsEdit->setText(q.extensions);
    typeEdit_->setText(q.fileTypes);
    m_ui->contextSpin->setValue(q.contextLines);
    m_ui->hiddenCheck->setChecked(q.hidden);
    m_ui->followLinksCheck->setChecked(q.followLinks);
    m_ui->ignoreFilesCheck->setChecked(q.respectIgnoreFiles);
}

void QueryBar::setPattern(const QString& pattern)
{
    multiline_->setPattern(pattern);
}

QStringList QueryBar::history() const
{
    QStringList patterns;
    for (int i = 0; i < m_ui->patternCombo->count(); ++i)
        patterns.append(m_ui->patternCombo->itemText(i));
    return patterns;
}

void QueryBar::setHistory(const QStringList& patterns)
{
    const QString current = m_ui->patternCombo->currentText();
    m_ui->patternCombo->clear();
    m_ui->patternCombo->addItems(patterns);
    m_ui->patternCombo->setEditText(current);
}

void QueryBar::showError(const QString& message)
{
    m_ui->patternError->setText(message);
    m_ui->patternError->setVisible(!message.isEmpty());
}

QString QueryBar::errorText() const
{
    return m_ui->patternError->isVisibleTo(this) ? m_ui->patternError->text() : QString();
}

void QueryBar::setRunning(bool running)
{
    m_ui->cancelButton->setEnabled(running);
}

void QueryBar::focusPattern()
{
    multiline_->focus();
}

}  // namespace codescout::gui
