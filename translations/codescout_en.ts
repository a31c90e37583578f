<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>StatusText</name>
    <message numerus="yes">
        <source>%Ln matches</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln files</source>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>codescout::gui::MemoryView</name>
    <message numerus="yes">
        <source>%n sample(s) saved to %1.</source>
        <translation>
            <numerusform>%n sample saved to %1.</numerusform>
            <numerusform>%n samples saved to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n search(es) saved to %1.</source>
        <translation>
            <numerusform>%n search saved to %1.</numerusform>
            <numerusform>%n searches saved to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>codescout::gui::MultilinePattern</name>
    <message numerus="yes">
        <source>+%Ln lines</source>
        <translation>
            <numerusform>+%Ln line</numerusform>
            <numerusform>+%Ln lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>codescout::gui::OutcomeDialog</name>
    <message numerus="yes">
        <source>%n file(s) changed</source>
        <translation>
            <numerusform>%n file changed</numerusform>
            <numerusform>%n files changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n file skipped</numerusform>
            <numerusform>%n files skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) restored</source>
        <translation>
            <numerusform>%n file restored</numerusform>
            <numerusform>%n files restored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) left as they are</source>
        <translation>
            <numerusform>%n file left as it is</numerusform>
            <numerusform>%n files left as they are</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>codescout::gui::ResultsActions</name>
    <message numerus="yes">
        <source>Copied the results of %n file(s).</source>
        <translation>
            <numerusform>Copied the results of %n file.</numerusform>
            <numerusform>Copied the results of %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported the results of %n file(s) to %1.</source>
        <translation>
            <numerusform>Exported the results of %n file to %1.</numerusform>
            <numerusform>Exported the results of %n files to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) no longer match or are gone: not included.</source>
        <translation>
            <numerusform>%n file no longer matches or is gone: not included.</numerusform>
            <numerusform>%n files no longer match or are gone: not included.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n path(s).</source>
        <translation>
            <numerusform>Copied %n path.</numerusform>
            <numerusform>Copied %n paths.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>codescout::gui::ResultsModel</name>
    <message numerus="yes">
        <source>%1, %n match(es)</source>
        <translation>
            <numerusform>%1, %n match</numerusform>
            <numerusform>%1, %n matches</numerusform>
        </translation>
    </message>
</context>
</TS>
