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
