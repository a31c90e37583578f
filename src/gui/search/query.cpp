// Query <-> QVariantMap (for QSettings) and Query -> SearchOptions.
#include "gui/search/query.h"

#include <QRegularExpression>

#include "gui/search/type_filter.h"

namespace codescout::gui {

namespace {

std::string toStd(const QString& text)
{
    return text.toStdString();
}

// The keys of a saved query; stable because they live in users' settings files.
constexpr auto kPattern = "pattern";
constexpr auto kRegex = "regex";
constexpr auto kMatchCase = "matchCase";
constexpr auto kWholeWord = "wholeWord";
constexpr auto kMultiline = "multiline";
constexpr auto kInclude = "include";
constexpr auto kExclude = "exclude";
constexpr auto kExtensions = "extensions";
constexpr auto kFileTypes = "fileTypes";
constexpr auto kContext = "contextLines";
constexpr auto kHidden = "hidden";
constexpr auto kFollowLinks = "followLinks";
constexpr auto kRespectIgnore = "respectIgnoreFiles";

}  // namespace

QVariantMap Query::toVariantMap() const
{
    return {
        {QLatin1String(kPattern), pattern},
        {QLatin1String(kRegex), regex},
        {QLatin1String(kMatchCase), matchCase},
        {QLatin1String(kWholeWord), wholeWord},
        {QLatin1String(kMultiline), multiline},
        {QLatin1String(kInclude), includeGlobs},
        {QLatin1String(kExclude), excludeGlobs},
        {QLatin1String(kExtensions), extensions},
        {QLatin1String(kFileTypes), fileTypes},
        {QLatin1String(kContext), contextLines},
        {QLatin1String(kHidden), hidden},
        {QLatin1String(kFollowLinks), followLinks},
        {QLatin1String(kRespectIgnore), respectIgnoreFiles},
    };
}

Query Query::fromVariantMap(const QVariantMap& map)
{
    const Query defaults;
    auto get = [&map](const char* key, const QVariant& fallback) {
        return map.value(QLatin1String(key), fallback);
    };
    Query q;
    q.pattern = get(kPattern, defaults.pattern).toString();
    q.regex = get(kRegex, defaults.regex).toBool();
    q.matchCase = get(kMatchCase, defaults.matchCase).toBool();
    q.wholeWord = get(kWholeWord, defaults.wholeWord).toBool();
    q.multiline = get(kMultiline, defaults.multiline).toBool();
    q.includeGlobs = get(kInclude, defaults.includeGlobs).toString();
    q.excludeGlobs = get(kExclude, defaults.excludeGlobs).toString();
    q.extensions = get(kExtensions, defaults.extensions).toString();
    q.fileTypes = get(kFileTypes, defaults.fileTypes).toString();
    q.contextLines = std::clamp(get(kContext, defaults.contextLines).toInt(), 0, 99);
    q.hidden = get(kHidden, defaults.hidden).toBool();
    q.followLinks = get(kFollowLinks, defaults.followLinks).toBool();
    q.respectIgnoreFiles = get(kRespectIgnore, defaults.respectIgnoreFiles).toBool();
    return q;
}

QStringList splitList(const QString& field)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return field.split(separators, Qt::SkipEmptyParts);
}

SearchOptions toSearchOptions(const Query& query, const QString& folder,
                              const EngineSettings& engine)
{
    SearchOptions options;
    options.pattern.patterns = {toStd(query.pattern)};
    options.pattern.fixed_strings = !query.regex;
    options.pattern.case_mode = query.matchCase ? CaseMode::Sensitive : CaseMode::Insensitive;
    options.pattern.whole_word = query.wholeWord;
    options.pattern.multiline = query.multiline;

    options.walk.roots = {std::filesystem::path(toStd(folder))};
    options.walk.include_hidden = query.hidden;
    options.walk.follow_links = query.followLinks;
    options.walk.respect_ignore_files = query.respectIgnoreFiles;
    for (const QString& glob : splitList(query.includeGlobs))
        options.walk.globs.push_back(toStd(glob));
    for (const QString& glob : splitList(query.excludeGlobs))
        options.walk.globs.push_back("!" + toStd(glob));
    for (const QString& extension : splitList(query.extensions)) {
        QString bare = extension;
        while (bare.startsWith(QLatin1Char('.')) || bare.startsWith(QLatin1Char('*')))
            bare.remove(0, 1);
        if (!bare.isEmpty())
            options.walk.extensions.push_back(toStd(bare));
    }
    options.walk.type_changes = TypeFilter::changes(query.fileTypes);

    options.processing.small_file_threshold = engine.smallFileThreshold;
    options.processing.large_file_threshold = engine.largeFileThreshold;
    options.report.mode = ReportMode::Lines;
    options.report.before_context = static_cast<std::size_t>(std::max(0, query.contextLines));
    options.report.after_context = options.report.before_context;
    options.threads = engine.threads;
    return options;
}

}  // namespace codescout::gui
