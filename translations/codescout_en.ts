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
        <source>%Ln file(s) changed</source>
        <translation>
            <numerusform>%Ln file changed</numerusform>
            <numerusform>%Ln files changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) skipped</source>
        <translation>
            <numerusform>%Ln file skipped</numerusform>
            <numerusform>%Ln files skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) restored</source>
        <translation>
            <numerusform>%Ln file restored</numerusform>
            <numerusform>%Ln files restored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) left as they are</source>
        <translation>
            <numerusform>%Ln file left as it is</numerusform>
            <numerusform>%Ln files left as they are</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>codescout::gui::ResultsActions</name>
    <message numerus="yes">
        <source>Copied the results of %Ln file(s).</source>
        <translation>
            <numerusform>Copied the results of %Ln file.</numerusform>
            <numerusform>Copied the results of %Ln files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported the results of %Ln file(s) to %1.</source>
        <translation>
            <numerusform>Exported the results of %Ln file to %1.</numerusform>
            <numerusform>Exported the results of %Ln files to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) no longer match or are gone: not included.</source>
        <translation>
            <numerusform>%Ln file no longer matches or is gone: not included.</numerusform>
            <numerusform>%Ln files no longer match or are gone: not included.</numerusform>
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
