<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>EditorLauncher</name>
    <message>
        <source>No application is set up to open %1.</source>
        <translation>Keine Anwendung ist zum Öffnen von %1 eingerichtet.</translation>
    </message>
    <message>
        <source>Could not start the editor &quot;%1&quot;. Check the editor command in Settings.</source>
        <translation>Der Editor „%1“ konnte nicht gestartet werden. Prüfen Sie den Editor-Befehl in den Einstellungen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CodeScout</source>
        <translation>CodeScout</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Search summary</source>
        <translation>Suchzusammenfassung</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Recent Folders</source>
        <translation>&amp;Zuletzt geöffnete Ordner</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Memory view</source>
        <translation>Speicheransicht</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Choose the folder to search</source>
        <translation>Den zu durchsuchenden Ordner wählen</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Folders</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>Such&amp;muster eingeben…</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Put the cursor in the pattern field</source>
        <translation>Den Cursor in das Suchmuster-Feld setzen</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Search the folder for the pattern</source>
        <translation>Den Ordner nach dem Suchmuster durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Cancel Search</source>
        <translation>Suche &amp;abbrechen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Stop the running search</source>
        <translation>Die laufende Suche anhalten</translation>
    </message>
    <message>
        <source>&amp;Next Match</source>
        <translation>&amp;Nächster Treffer</translation>
    </message>
    <message>
        <source>F3</source>
        <translation>F3</translation>
    </message>
    <message>
        <source>Select and preview the next match</source>
        <translation>Den nächsten Treffer auswählen und in der Vorschau zeigen</translation>
    </message>
    <message>
        <source>&amp;Previous Match</source>
        <translation>&amp;Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Shift+F3</source>
        <translation>Shift+F3</translation>
    </message>
    <message>
        <source>Select and preview the previous match</source>
        <translation>Den vorherigen Treffer auswählen und in der Vorschau zeigen</translation>
    </message>
    <message>
        <source>&amp;Open in Editor</source>
        <translation>Im &amp;Editor öffnen</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Open the file at the selected line in your editor</source>
        <translation>Die Datei an der gewählten Zeile in Ihrem Editor öffnen</translation>
    </message>
    <message>
        <source>&amp;Expand All Results</source>
        <translation>Alle Ergebnisse &amp;aufklappen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Down</source>
        <translation>Ctrl+Shift+Down</translation>
    </message>
    <message>
        <source>C&amp;ollapse All Results</source>
        <translation>Alle Ergebnisse &amp;zuklappen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Up</source>
        <translation>Ctrl+Shift+Up</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Thresholds, threads, memory budget, editor</source>
        <translation>Schwellen, Threads, Speicherbudget, Editor</translation>
    </message>
    <message>
        <source>&amp;About CodeScout</source>
        <translation>&amp;Über CodeScout</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
</context>
<context>
    <name>MemoryCharts</name>
    <message>
        <source>At %1 s: resident %2</source>
        <translation>Bei %1 s: resident %2</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>Small-file buffers</source>
        <translation>Puffer für kleine Dateien</translation>
    </message>
    <message>
        <source>Chunk buffers</source>
        <translation>Blockpuffer</translation>
    </message>
    <message>
        <source>Pattern cache</source>
        <translation>Muster-Cache</translation>
    </message>
    <message>
        <source>Match scratch</source>
        <translation>Arbeitsspeicher der Suche</translation>
    </message>
    <message>
        <source>Directory walker</source>
        <translation>Verzeichnisdurchlauf</translation>
    </message>
    <message>
        <source>Results list</source>
        <translation>Ergebnisliste</translation>
    </message>
    <message>
        <source>Preview document</source>
        <translation>Vorschaudokument</translation>
    </message>
    <message>
        <source>Syntax definitions</source>
        <translation>Syntaxdefinitionen</translation>
    </message>
    <message>
        <source>Chart samples</source>
        <translation>Diagrammmesswerte</translation>
    </message>
    <message>
        <source>Other heap</source>
        <translation>Übriger Heap</translation>
    </message>
    <message>
        <source>Heap kept free</source>
        <translation>Freigehaltener Heap</translation>
    </message>
    <message>
        <source>Mapped files</source>
        <translation>Eingeblendete Dateien</translation>
    </message>
    <message>
        <source>Code and libraries</source>
        <translation>Code und Bibliotheken</translation>
    </message>
    <message>
        <source>Thread stacks</source>
        <translation>Thread-Stacks</translation>
    </message>
    <message>
        <source>Unattributed</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>Suchindex</translation>
    </message>
    <message>
        <source>Decoding buffers</source>
        <translation>Dekodierpuffer</translation>
    </message>
    <message>
        <source>Index build</source>
        <translation>Indexaufbau</translation>
    </message>
</context>
<context>
    <name>QueryBar</name>
    <message>
        <source>Query</source>
        <translation>Suchanfrage</translation>
    </message>
    <message>
        <source>The pattern to search for (Enter searches; the list holds earlier patterns)</source>
        <translation>Das zu suchende Muster (Eingabe startet die Suche; die Liste enthält frühere Muster)</translation>
    </message>
    <message>
        <source>Search pattern</source>
        <translation>Suchmuster</translation>
    </message>
    <message>
        <source>.*</source>
        <translation>.*</translation>
    </message>
    <message>
        <source>Use regular expression (Alt+R)</source>
        <translation>Regulären Ausdruck verwenden (Alt+R)</translation>
    </message>
    <message>
        <source>Use regular expression</source>
        <translation>Regulären Ausdruck verwenden</translation>
    </message>
    <message>
        <source>Alt+R</source>
        <translation>Alt+R</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Match case (Alt+C)</source>
        <translation>Groß-/Kleinschreibung beachten (Alt+C)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Alt+C</source>
        <translation>Alt+C</translation>
    </message>
    <message>
        <source>ab|</source>
        <translation>ab|</translation>
    </message>
    <message>
        <source>Match whole word (Alt+W)</source>
        <translation>Nur ganze Wörter (Alt+W)</translation>
    </message>
    <message>
        <source>Match whole word</source>
        <translation>Nur ganze Wörter</translation>
    </message>
    <message>
        <source>Alt+W</source>
        <translation>Alt+W</translation>
    </message>
    <message>
        <source>Search the folder (Enter)</source>
        <translation>Den Ordner durchsuchen (Eingabe)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the running search (Esc)</source>
        <translation>Die laufende Suche anhalten (Esc)</translation>
    </message>
    <message>
        <source>Cancel search</source>
        <translation>Suche abbrechen</translation>
    </message>
    <message>
        <source>Pattern error</source>
        <translation>Fehler im Suchmuster</translation>
    </message>
    <message>
        <source>files to include, e.g. src/**, *.cpp</source>
        <translation>einzuschließende Dateien, z. B. src/**, *.cpp</translation>
    </message>
    <message>
        <source>Globs of files to search; comma-separated</source>
        <translation>Muster (Globs) der zu durchsuchenden Dateien, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Files to include</source>
        <translation>Einzuschließende Dateien</translation>
    </message>
    <message>
        <source>files to exclude, e.g. build/**</source>
        <translation>auszuschließende Dateien, z. B. build/**</translation>
    </message>
    <message>
        <source>Globs of files to skip; comma-separated</source>
        <translation>Muster (Globs) der zu überspringenden Dateien, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Files to exclude</source>
        <translation>Auszuschließende Dateien</translation>
    </message>
    <message>
        <source>extensions, e.g. cpp, h</source>
        <translation>Endungen, z. B. cpp, h</translation>
    </message>
    <message>
        <source>Only files with these extensions; comma-separated</source>
        <translation>Nur Dateien mit diesen Endungen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Dateiendungen</translation>
    </message>
    <message>
        <source>Conte&amp;xt:</source>
        <translation>Konte&amp;xt:</translation>
    </message>
    <message>
        <source>Lines of context shown before and after each match</source>
        <translation>Kontextzeilen vor und nach jedem Treffer</translation>
    </message>
    <message>
        <source>Context lines</source>
        <translation>Kontextzeilen</translation>
    </message>
    <message>
        <source>Also search hidden files and folders</source>
        <translation>Auch versteckte Dateien und Ordner durchsuchen</translation>
    </message>
    <message>
        <source>Search hidden files</source>
        <translation>Versteckte Dateien durchsuchen</translation>
    </message>
    <message>
        <source>Follow &amp;links</source>
        <translation>Links &amp;folgen</translation>
    </message>
    <message>
        <source>Follow symbolic links</source>
        <translation>Symbolischen Links folgen</translation>
    </message>
    <message>
        <source>Use &amp;ignore files</source>
        <translation>&amp;Ignore-Dateien beachten</translation>
    </message>
    <message>
        <source>Skip what .gitignore and .ignore files exclude</source>
        <translation>Überspringen, was .gitignore- und .ignore-Dateien ausschließen</translation>
    </message>
    <message>
        <source>Respect ignore files</source>
        <translation>Ignore-Dateien beachten</translation>
    </message>
    <message>
        <source>S&amp;earch</source>
        <translation>S&amp;uchen</translation>
    </message>
    <message>
        <source>Hi&amp;dden</source>
        <translation>&amp;Versteckte</translation>
    </message>
</context>
<context>
    <name>ResultsExport</name>
    <message>
        <source>The results could not be searched again: %1</source>
        <translation>Die Ergebnisse konnten nicht erneut gesucht werden: %1</translation>
    </message>
    <message>
        <source>ripgrep text (*.txt)</source>
        <translation>ripgrep-Text (*.txt)</translation>
    </message>
    <message>
        <source>JSON Lines, as rg --json (*.jsonl *.json)</source>
        <translation>JSON Lines, wie rg --json (*.jsonl *.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>CodeScout Settings</source>
        <translation>CodeScout-Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Small-file threshold:</source>
        <translation>Schwelle für &amp;kleine Dateien:</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Files below this size are read whole (the seed&apos;s small-file strategy)</source>
        <translation>Dateien unter dieser Größe werden am Stück gelesen (Strategie für kleine Dateien)</translation>
    </message>
    <message>
        <source>Small-file threshold in KiB</source>
        <translation>Schwelle für kleine Dateien in KiB</translation>
    </message>
    <message>
        <source>&amp;Large-file threshold:</source>
        <translation>Schwelle für &amp;große Dateien:</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Files from this size on are memory-mapped; between the thresholds they are read in chunks</source>
        <translation>Dateien ab dieser Größe werden in den Speicher eingeblendet (mmap); zwischen den Schwellen werden sie blockweise gelesen</translation>
    </message>
    <message>
        <source>Large-file threshold in MiB</source>
        <translation>Schwelle für große Dateien in MiB</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Worker threads per search; Automatic starts with one per processor and adds more while reads wait for the disk</source>
        <translation>Arbeits-Threads pro Suche; „Automatisch“ beginnt mit einem pro Prozessor und fügt weitere hinzu, solange Lesezugriffe auf die Festplatte warten</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How often the memory view samples the search&apos;s memory metrics</source>
        <translation>Wie oft die Speicheransicht die Speichermesswerte der Suche abfragt</translation>
    </message>
    <message>
        <source>Memory sampling interval in milliseconds</source>
        <translation>Speicher-Abtastintervall in Millisekunden</translation>
    </message>
    <message>
        <source>Memory &amp;budget:</source>
        <translation>Speicher&amp;budget:</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>Kein Budget</translation>
    </message>
    <message>
        <source>The memory view warns when a search&apos;s peak exceeds this</source>
        <translation>Die Speicheransicht warnt, wenn der Spitzenverbrauch einer Suche diesen Wert übersteigt</translation>
    </message>
    <message>
        <source>Memory budget in MiB</source>
        <translation>Speicherbudget in MiB</translation>
    </message>
    <message>
        <source>&amp;Editor command:</source>
        <translation>&amp;Editor-Befehl:</translation>
    </message>
    <message>
        <source>Desktop default, or e.g. kate --line {line} {file}</source>
        <translation>Desktop-Standard, oder z. B. kate --line {line} {file}</translation>
    </message>
    <message>
        <source>Command that opens a file at a line; {file} and {line} are replaced. Empty: the desktop&apos;s default application.</source>
        <translation>Befehl, der eine Datei an einer Zeile öffnet; {file} und {line} werden ersetzt. Leer: die Standardanwendung des Desktops.</translation>
    </message>
    <message>
        <source>Editor command</source>
        <translation>Editor-Befehl</translation>
    </message>
    <message>
        <source>Ma&amp;x results shown:</source>
        <translation>Ma&amp;x. angezeigte Ergebnisse:</translation>
    </message>
    <message>
        <source>Matches listed per search; the search still counts those past the limit</source>
        <translation>Pro Suche aufgelistete Treffer; Treffer über der Grenze werden weiterhin gezählt</translation>
    </message>
    <message>
        <source>Maximum results shown</source>
        <translation>Maximal angezeigte Ergebnisse</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>Problem mit den Einstellungen</translation>
    </message>
    <message>
        <source>Memory sam&amp;pling interval:</source>
        <translation>Speicher-&amp;Abtastintervall:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The language of menus and messages; takes effect when CodeScout starts again</source>
        <translation>Die Sprache der Menüs und Meldungen; wirkt ab dem nächsten Start von CodeScout</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>&amp;Undo history limit:</source>
        <translation>Grenze des Rückgängig-&amp;Verlaufs:</translation>
    </message>
    <message>
        <source>Disk space the undo history of Replace may take (original file contents); the oldest applies are dropped beyond it</source>
        <translation>Speicherplatz, den der Rückgängig-Verlauf von Ersetzen belegen darf (ursprüngliche Dateiinhalte); darüber werden die ältesten Ersetzungen verworfen</translation>
    </message>
    <message>
        <source>Undo history limit in MiB</source>
        <translation>Grenze des Rückgängig-Verlaufs in MiB</translation>
    </message>
    <message>
        <source>&amp;When a file cannot be written:</source>
        <translation>Bei einem Sc&amp;hreibfehler:</translation>
    </message>
    <message>
        <source>What Replace does when a file cannot be written (disk full, I/O error, no permission): stop and put every file back as it was, or skip that file and go on with the others</source>
        <translation>Was Ersetzen tut, wenn eine Datei nicht geschrieben werden kann (Datenträger voll, E/A-Fehler, keine Berechtigung): anhalten und jede Datei wiederherstellen, wie sie war, oder diese Datei überspringen und mit den anderen weitermachen</translation>
    </message>
    <message>
        <source>When a file cannot be written</source>
        <translation>Wenn eine Datei nicht geschrieben werden kann</translation>
    </message>
    <message>
        <source>Stop and roll back the replace</source>
        <translation>Anhalten und die Ersetzung zurücknehmen</translation>
    </message>
    <message>
        <source>Skip it and go on with the other files</source>
        <translation>Überspringen und mit den anderen Dateien weitermachen</translation>
    </message>
</context>
<context>
    <name>SkipReason</name>
    <message>
        <source>changed since the search</source>
        <translation>seit der Suche geändert</translation>
    </message>
    <message>
        <source>changed since the replace</source>
        <translation>seit dem Ersetzen geändert</translation>
    </message>
    <message>
        <source>outside the searched folder</source>
        <translation>außerhalb des durchsuchten Ordners</translation>
    </message>
    <message>
        <source>path changed (a link appeared)</source>
        <translation>Pfad geändert (ein Link ist aufgetaucht)</translation>
    </message>
    <message>
        <source>hard-linked</source>
        <translation>mehrfach verlinkt (Hardlink)</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>zu groß</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>matches not found again</source>
        <translation>Treffer nicht wiedergefunden</translation>
    </message>
    <message>
        <source>write failed</source>
        <translation>Schreiben fehlgeschlagen</translation>
    </message>
    <message>
        <source>permissions could not be kept</source>
        <translation>Rechte konnten nicht erhalten werden</translation>
    </message>
    <message>
        <source>not written (stopped)</source>
        <translation>nicht geschrieben (abgebrochen)</translation>
    </message>
    <message>
        <source>other encoding</source>
        <translation>andere Kodierung</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>Searching… %1 files, %2 matches, %3 MB/s, %4 s</source>
        <translation>Suche läuft… %1 Dateien, %2 Treffer, %3 MB/s, %4 s</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>Memory usage stats:
Total allocated: %1 bytes
Peak allocated: %2 bytes
Memory mapped: %3 bytes
Cache size: %4 bytes
Cache hits/misses: %5/%6
Files processed (small/buffered/mmap): %7/%8/%9
</source>
        <translation>Speicherstatistik:
Insgesamt belegt: %1 Bytes
Maximal belegt: %2 Bytes
In den Speicher eingeblendet: %3 Bytes
Cache-Größe: %4 Bytes
Cache-Treffer/-Fehltreffer: %5/%6
Verarbeitete Dateien (klein/gepuffert/mmap): %7/%8/%9
</translation>
    </message>
    <message>
        <source>Skipped: %1 ignored, %2 hidden, %3 binary, %4 too large, %5 unreadable, %6 special
</source>
        <translation>Übersprungen: %1 ignoriert, %2 versteckt, %3 binär, %4 zu groß, %5 nicht lesbar, %6 speziell
</translation>
    </message>
    <message>
        <source>%1 more matches were found but not listed: the result limit (Settings) was reached.
</source>
        <translation>%1 weitere Treffer wurden gefunden, aber nicht aufgelistet: Die Ergebnisgrenze (Einstellungen) wurde erreicht.
</translation>
    </message>
    <message>
        <source>%1 in %2 (%3 searched, %4 MB/s) in %5 s</source>
        <comment>%1: the number of matches, %2: the number of files</comment>
        <translation>%1 in %2 (%3 durchsucht, %4 MB/s) in %5 s</translation>
    </message>
    <message numerus="yes">
        <source>%Ln matches</source>
        <translation>
            <numerusform>%Ln Treffer</numerusform>
            <numerusform>%Ln Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln files</source>
        <translation>
            <numerusform>%Ln Datei</numerusform>
            <numerusform>%Ln Dateien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TypeFilter</name>
    <message>
        <source>Unknown file type: %1. The file-type field lists the known types as you type.</source>
        <translation>Unbekannter Dateityp: %1. Das Dateityp-Feld zeigt beim Tippen die bekannten Typen.</translation>
    </message>
</context>
<context>
    <name>codescout::gui::ApplyHistoryDialog</name>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>ausgeführt</translation>
    </message>
    <message>
        <source>undo interrupted</source>
        <translation>Rückgängigmachen unterbrochen</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>rückgängig gemacht</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>zurückgerollt</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>&amp;Undo This Replace</source>
        <translation>Diese Ersetzung &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Apply History</source>
        <translation>Verlauf der Ersetzungen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Suchmuster</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Ersetzung</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Applied replaces</source>
        <translation>Ausgeführte Ersetzungen</translation>
    </message>
</context>
<context>
    <name>codescout::gui::DiffView</name>
    <message>
        <source>Replace diff</source>
        <translation>Diff der Ersetzung</translation>
    </message>
    <message>
        <source>Unified</source>
        <translation>Untereinander</translation>
    </message>
    <message>
        <source>Show the diff as one column: removed lines (-) above the lines that replace them (+)</source>
        <translation>Den Diff in einer Spalte zeigen: entfernte Zeilen (-) über den Zeilen, die sie ersetzen (+)</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Show the old file on the left and the new file on the right, line beside line</source>
        <translation>Die alte Datei links und die neue rechts zeigen, Zeile neben Zeile</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
</context>
<context>
    <name>codescout::gui::IndexManager</name>
    <message>
        <source>Indexing is turned off (Settings).</source>
        <translation>Die Indizierung ist ausgeschaltet (Einstellungen).</translation>
    </message>
    <message>
        <source>Not indexed: the index takes %1, over the cap of %2 (Settings).</source>
        <translation>Nicht indiziert: Der Index belegt %1, mehr als die Grenze von %2 (Einstellungen).</translation>
    </message>
    <message>
        <source>The index was built but cannot be opened.</source>
        <translation>Der Index wurde erstellt, lässt sich aber nicht öffnen.</translation>
    </message>
    <message>
        <source>Indexing was cancelled: searches scan the folder.</source>
        <translation>Die Indizierung wurde abgebrochen: Suchen durchsuchen den ganzen Ordner.</translation>
    </message>
    <message>
        <source>Not indexed: the index would exceed the cap of %1 (Settings).</source>
        <translation>Nicht indiziert: Der Index würde die Grenze von %1 überschreiten (Einstellungen).</translation>
    </message>
    <message>
        <source>Indexing failed: %1</source>
        <translation>Indizierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Files are checked at each search: %1</source>
        <translation>Dateien werden bei jeder Suche geprüft: %1</translation>
    </message>
    <message>
        <source>Command-line searches of this folder check each file: %1</source>
        <translation>Suchen auf der Kommandozeile prüfen in diesem Ordner jede Datei: %1</translation>
    </message>
    <message>
        <source>Command-line searches of this folder (codescout-cli --index) trust this window&apos;s watcher.</source>
        <translation>Suchen auf der Kommandozeile (codescout-cli --index) vertrauen in diesem Ordner der Überwachung dieses Fensters.</translation>
    </message>
    <message>
        <source>Command-line searches of this folder check each file until the watcher is trusted again: %1</source>
        <translation>Suchen auf der Kommandozeile prüfen in diesem Ordner jede Datei, bis der Überwachung wieder vertraut wird: %1</translation>
    </message>
    <message>
        <source>Command-line searches of this folder check each file until this window has compared it with its index.</source>
        <translation>Suchen auf der Kommandozeile prüfen in diesem Ordner jede Datei, bis dieses Fenster ihn mit seinem Index verglichen hat.</translation>
    </message>
</context>
<context>
    <name>codescout::gui::IndexPanel</name>
    <message>
        <source>Search index memory</source>
        <translation>Speicher des Suchindex</translation>
    </message>
    <message>
        <source>Search index counters</source>
        <translation>Zähler des Suchindex</translation>
    </message>
    <message>
        <source>Index: no indexed search yet.</source>
        <translation>Index: noch keine indizierte Suche.</translation>
    </message>
    <message>
        <source>Search index: not mapped.</source>
        <translation>Suchindex: nicht eingeblendet.</translation>
    </message>
    <message>
        <source>Search index: %1 mapped, %2 resident.</source>
        <translation>Suchindex: %1 eingeblendet, %2 resident.</translation>
    </message>
    <message>
        <source>Last search: scanned without the index (%1 read).</source>
        <translation>Letzte Suche: ohne Index durchsucht (%1 gelesen).</translation>
    </message>
    <message>
        <source>Last search: %1 candidate files of %2 in the tree, %3 skipped unopened, %4 verified.</source>
        <translation>Letzte Suche: %1 Kandidatendateien von %2 im Baum, %3 ungeöffnet übersprungen, %4 geprüft.</translation>
    </message>
</context>
<context>
    <name>codescout::gui::IndexSettingsFields</name>
    <message>
        <source>Index folders for instant search</source>
        <translation>Ordner für die Sofortsuche indizieren</translation>
    </message>
    <message>
        <source>Builds an index of each opened folder in the background, then searches as you type. Results are always a full scan&apos;s.</source>
        <translation>Erstellt im Hintergrund einen Index jedes geöffneten Ordners und sucht dann schon beim Tippen. Die Ergebnisse sind immer die einer vollständigen Suche.</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source>A folder whose index would take more disk space is not indexed.</source>
        <translation>Ein Ordner, dessen Index mehr Speicherplatz belegen würde, wird nicht indiziert.</translation>
    </message>
    <message>
        <source>Index disk cap</source>
        <translation>Speichergrenze des Index</translation>
    </message>
    <message>
        <source>Indexing:</source>
        <translation>Indizierung:</translation>
    </message>
    <message>
        <source>Index disk cap:</source>
        <translation>Speichergrenze des Index:</translation>
    </message>
</context>
<context>
    <name>codescout::gui::IndexStatusWidget</name>
    <message>
        <source>Indexing progress</source>
        <translation>Fortschritt der Indizierung</translation>
    </message>
    <message>
        <source>Index status</source>
        <translation>Indexstatus</translation>
    </message>
    <message>
        <source>Cancel indexing</source>
        <translation>Indizierung abbrechen</translation>
    </message>
    <message>
        <source>Index: off</source>
        <translation>Index: aus</translation>
    </message>
    <message>
        <source>Index: building %1%</source>
        <translation>Index: wird erstellt, %1 %</translation>
    </message>
    <message>
        <source>Index: ready</source>
        <translation>Index: bereit</translation>
    </message>
    <message>
        <source>Index: stale</source>
        <translation>Index: veraltet</translation>
    </message>
    <message>
        <source>Index: not used</source>
        <translation>Index: nicht verwendet</translation>
    </message>
    <message>
        <source>Files changed since the index was built are searched directly until it is updated.</source>
        <translation>Seit der Erstellung geänderte Dateien werden direkt durchsucht, bis der Index aktualisiert ist.</translation>
    </message>
    <message>
        <source>Searches read only the files the index cannot rule out; the results are a full scan&apos;s.</source>
        <translation>Suchen lesen nur die Dateien, die der Index nicht ausschließen kann; die Ergebnisse sind die einer vollständigen Suche.</translation>
    </message>
</context>
<context>
    <name>codescout::gui::MainWindow</name>
    <message>
        <source>Search progress</source>
        <translation>Suchfortschritt</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>Open a folder to search (Ctrl+O), or drop one here.</source>
        <translation>Öffnen Sie einen Ordner zum Durchsuchen (Strg+O) oder ziehen Sie ihn hierher.</translation>
    </message>
    <message>
        <source>Type a pattern and press Enter.</source>
        <translation>Geben Sie ein Suchmuster ein und drücken Sie die Eingabetaste.</translation>
    </message>
    <message>
        <source>The memory statistics of the last search appear here.</source>
        <translation>Hier erscheint die Speicherstatistik der letzten Suche.</translation>
    </message>
    <message>
        <source>&amp;Memory View</source>
        <translation>&amp;Speicheransicht</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>CodeScout</source>
        <translation>CodeScout</translation>
    </message>
    <message>
        <source>Cannot open %1: not a readable folder.</source>
        <translation>%1 kann nicht geöffnet werden: kein lesbarer Ordner.</translation>
    </message>
    <message>
        <source>%1 — CodeScout</source>
        <translation>%1 — CodeScout</translation>
    </message>
    <message>
        <source>%1 in %2 — %3 — CodeScout</source>
        <comment>%1: the number of matches, %2: of files, %3: the folder</comment>
        <translation>%1 in %2 — %3 — CodeScout</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Type a pattern to search for.</source>
        <translation>Geben Sie ein Suchmuster ein.</translation>
    </message>
    <message>
        <source>Open a folder first (File ▸ Open Folder…, Ctrl+O).</source>
        <translation>Öffnen Sie zuerst einen Ordner (Datei ▸ Ordner öffnen…, Strg+O).</translation>
    </message>
    <message>
        <source>Nothing searched: the query has an error.</source>
        <translation>Nichts durchsucht: Die Suchanfrage enthält einen Fehler.</translation>
    </message>
    <message>
        <source>Opened %1 at line %2.</source>
        <translation>%1 in Zeile %2 geöffnet.</translation>
    </message>
    <message>
        <source>About CodeScout</source>
        <translation>Über CodeScout</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CodeScout %1&lt;/h3&gt;&lt;p&gt;Fast parallel code search with live memory metrics.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CodeScout %1&lt;/h3&gt;&lt;p&gt;Schnelle parallele Codesuche mit Live-Speichermesswerten.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>codescout::gui::MatchDelegate</name>
    <message>
        <source>Ctrl+click: leave this match out of the replace, or take it back in</source>
        <translation>Strg+Klick: diesen Treffer vom Ersetzen ausnehmen oder wieder einschließen</translation>
    </message>
</context>
<context>
    <name>codescout::gui::MemoryAdvisor</name>
    <message>
        <source>Small-file threshold</source>
        <translation>Schwelle für kleine Dateien</translation>
    </message>
    <message>
        <source>Large-file threshold</source>
        <translation>Schwelle für große Dateien</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>Speicherbudget</translation>
    </message>
    <message>
        <source>Max results shown</source>
        <translation>Max. angezeigte Ergebnisse</translation>
    </message>
    <message>
        <source>Peak memory %1 exceeded the budget of %2: lower &apos;%3&apos; so big files are memory-mapped instead of buffered, or reduce &apos;%4&apos;.</source>
        <translation>Der Spitzenspeicher von %1 hat das Budget von %2 überschritten: Senken Sie „%3“, damit große Dateien in den Speicher eingeblendet statt gepuffert werden, oder verringern Sie „%4“.</translation>
    </message>
    <message>
        <source>The application&apos;s resident memory reached %1, above the budget of %2, while the search&apos;s own buffers peaked at %3: the rest is the application, mapped file pages and the results kept in the window. Lower &apos;%4&apos; to keep fewer results in memory.</source>
        <translation>Der residente Speicher der Anwendung erreichte %1 und lag damit über dem Budget von %2, während die Puffer der Suche selbst höchstens %3 belegten: Der Rest entfällt auf die Anwendung, eingeblendete Dateiseiten und die im Fenster gehaltenen Ergebnisse. Senken Sie „%4“, um weniger Ergebnisse im Speicher zu halten.</translation>
    </message>
    <message>
        <source>Only %1% of pattern lookups hit the cache (%2 of %3): most searches compiled their pattern anew. This is expected while trying new patterns; re-running a query from the pattern history reuses its compiled form.</source>
        <translation>Nur %1 % der Musterabfragen trafen den Cache (%2 von %3): Die meisten Suchen haben ihr Muster neu kompiliert. Das ist beim Ausprobieren neuer Muster zu erwarten; eine erneut ausgeführte Suchanfrage aus dem Musterverlauf verwendet ihre kompilierte Form wieder.</translation>
    </message>
    <message>
        <source>%1 of %2 files were larger than the &apos;%3&apos; (%4) and were read in chunks, several system calls each: raise &apos;%3&apos; to %5 so they are read whole in one call.</source>
        <translation>%1 von %2 Dateien waren größer als die Einstellung „%3“ (%4) und wurden blockweise mit jeweils mehreren Systemaufrufen gelesen: Erhöhen Sie „%3“ auf %5, damit sie mit einem Aufruf am Stück gelesen werden.</translation>
    </message>
    <message>
        <source>Read buffers peaked at %1, as much as the &apos;%2&apos; (%3): files just below it were copied into memory. Lower &apos;%2&apos; to %4 so they are memory-mapped instead.</source>
        <translation>Die Lesepuffer erreichten bis zu %1, so viel wie die Einstellung „%2“ (%3): Dateien knapp darunter wurden in den Speicher kopiert. Senken Sie „%2“ auf %4, damit sie stattdessen in den Speicher eingeblendet werden.</translation>
    </message>
    <message>
        <source>%1 files were memory-mapped because the &apos;%2&apos; is only %3: mapping a small file costs more system calls and page faults than reading it. Raise &apos;%2&apos; to %4 (the default).</source>
        <translation>%1 Dateien wurden in den Speicher eingeblendet, weil die Einstellung „%2“ nur %3 beträgt: Eine kleine Datei einzublenden kostet mehr Systemaufrufe und Seitenfehler, als sie zu lesen. Erhöhen Sie „%2“ auf %4 (den Standardwert).</translation>
    </message>
    <message>
        <source>The results list holds %1 for %2 matches (%3% of the resident memory): lower &apos;%4&apos; in Settings to keep fewer results in memory.</source>
        <translation>Die Ergebnisliste belegt %1 für %2 Treffer (%3 % des residenten Speichers): Senken Sie „%4“ in den Einstellungen, um weniger Ergebnisse im Speicher zu halten.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The application&apos;s resident memory reached %1, above the budget of %2, while the search&apos;s own buffers peaked at %3. The largest parts: %4. Lower &apos;%5&apos; to keep fewer results in memory.</source>
        <translation>Der residente Speicher der Anwendung erreichte %1 und lag damit über dem Budget von %2, während die Puffer der Suche höchstens %3 belegten. Die größten Anteile: %4. Senken Sie „%5“, um weniger Ergebnisse im Speicher zu halten.</translation>
    </message>
    <message>
        <source>The application&apos;s resident memory reached %1, above the budget of %2, while the search&apos;s own buffers peaked at %3. The largest parts: %4, which the search settings do not control: raise &apos;%5&apos; if this is expected.</source>
        <translation>Der residente Speicher der Anwendung erreichte %1 und lag damit über dem Budget von %2, während die Puffer der Suche höchstens %3 belegten. Die größten Anteile: %4, auf die die Sucheinstellungen keinen Einfluss haben: Erhöhen Sie „%5“, wenn das zu erwarten ist.</translation>
    </message>
</context>
<context>
    <name>codescout::gui::MemoryCharts</name>
    <message>
        <source>Files and pattern cache</source>
        <translation>Dateien und Muster-Cache</translation>
    </message>
    <message>
        <source>Small files</source>
        <translation>Kleine Dateien</translation>
    </message>
    <message>
        <source>Buffered files</source>
        <translation>Gepufferte Dateien</translation>
    </message>
    <message>
        <source>Mapped files</source>
        <translation>Eingeblendete Dateien</translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation>Cache-Treffer</translation>
    </message>
    <message>
        <source>Cache misses</source>
        <translation>Cache-Fehltreffer</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>Speicherbudget</translation>
    </message>
    <message>
        <source>Elapsed (s)</source>
        <translation>Verstrichen (s)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Cache lookups</source>
        <translation>Cache-Abfragen</translation>
    </message>
    <message>
        <source>Files per strategy and pattern cache chart</source>
        <translation>Diagramm der Dateien pro Strategie und des Muster-Caches</translation>
    </message>
    <message>
        <source>Files and pattern cache chart legend</source>
        <translation>Legende des Diagramms der Dateien und des Muster-Caches</translation>
    </message>
    <message>
        <source>Budget (%1)</source>
        <translation>Budget (%1)</translation>
    </message>
    <message>
        <source>Where the memory is</source>
        <translation>Wo der Speicher liegt</translation>
    </message>
    <message>
        <source>Memory (KiB, log scale)</source>
        <translation>Speicher (KiB, logarithmisch)</translation>
    </message>
    <message>
        <source>Memory by component chart</source>
        <translation>Diagramm: Speicher nach Bestandteil</translation>
    </message>
    <message>
        <source>Memory by component chart legend</source>
        <translation>Legende des Diagramms Speicher nach Bestandteil</translation>
    </message>
    <message>
        <source>Bytes (%1)</source>
        <translation>Bytes (%1)</translation>
    </message>
    <message>
        <source>Collector plugins</source>
        <translation>Collector-Plugins</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Other units</source>
        <translation>Andere Einheiten</translation>
    </message>
    <message>
        <source>Collector plugins chart</source>
        <translation>Diagramm der Collector-Plugins</translation>
    </message>
    <message>
        <source>Collector plugins chart legend</source>
        <translation>Legende des Diagramms der Collector-Plugins</translation>
    </message>
    <message>
        <source>%1 (%2, from %3)</source>
        <translation>%1 (%2, aus %3)</translation>
    </message>
    <message>
        <source>%1 — stale</source>
        <translation>%1 — veraltet</translation>
    </message>
    <message>
        <source>%1 — unavailable</source>
        <translation>%1 — nicht verfügbar</translation>
    </message>
    <message>
        <source>%1 — unlimited</source>
        <translation>%1 — unbegrenzt</translation>
    </message>
</context>
<context>
    <name>codescout::gui::MemoryView</name>
    <message>
        <source>Memory view</source>
        <translation>Speicheransicht</translation>
    </message>
    <message>
        <source>Current memory counters</source>
        <translation>Aktuelle Speicherzähler</translation>
    </message>
    <message>
        <source>Memory alerts and recommendations</source>
        <translation>Speicherwarnungen und Empfehlungen</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Diagramm exportieren…</translation>
    </message>
    <message>
        <source>Export the charts as a PNG image</source>
        <translation>Die Diagramme als PNG-Bild exportieren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export the samples as CSV</source>
        <translation>Die Messpunkte als CSV exportieren</translation>
    </message>
    <message>
        <source>Export Prometheus…</source>
        <translation>Prometheus exportieren…</translation>
    </message>
    <message>
        <source>Export the current counters as Prometheus text</source>
        <translation>Die aktuellen Zähler als Prometheus-Text exportieren</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Exportstatus</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export Samples</source>
        <translation>Messpunkte exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export Counters</source>
        <translation>Zähler exportieren</translation>
    </message>
    <message>
        <source>Prometheus text (*.prom *.txt)</source>
        <translation>Prometheus-Text (*.prom *.txt)</translation>
    </message>
    <message>
        <source>No search sampled yet.</source>
        <translation>Noch keine Suche gemessen.</translation>
    </message>
    <message>
        <source>Allocated %1 (peak %2) · mapped %3 · pattern cache %4 · resident %5
Files small/buffered/mapped: %6/%7/%8 · cache hits/misses: %9/%10</source>
        <translation>Belegt %1 (Spitze %2) · eingeblendet %3 · Muster-Cache %4 · resident %5
Dateien klein/gepuffert/eingeblendet: %6/%7/%8 · Cache-Treffer/-Fehltreffer: %9/%10</translation>
    </message>
    <message>
        <source>Alerts and recommendations appear here during a search.</source>
        <translation>Warnungen und Empfehlungen erscheinen hier während einer Suche.</translation>
    </message>
    <message>
        <source>No memory alerts: this search used memory well.</source>
        <translation>Keine Speicherwarnungen: Diese Suche ist gut mit dem Speicher umgegangen.</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <source>Could not render the charts to an image.</source>
        <translation>Die Diagramme konnten nicht als Bild gezeichnet werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Charts saved to %1.</source>
        <translation>Diagramme in %1 gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) saved to %1.</source>
        <translation>
            <numerusform>%n Messpunkt in %1 gespeichert.</numerusform>
            <numerusform>%n Messpunkte in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to export yet: run a search first.</source>
        <translation>Noch nichts zu exportieren: Starten Sie zuerst eine Suche.</translation>
    </message>
    <message>
        <source>Counters saved to %1.</source>
        <translation>Zähler in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>Suchverlauf</translation>
    </message>
    <message>
        <source>Select all searches</source>
        <translation>Alle Suchen auswählen</translation>
    </message>
    <message>
        <source>Export History…</source>
        <translation>Verlauf exportieren…</translation>
    </message>
    <message>
        <source>Export the search history as CSV</source>
        <translation>Den Suchverlauf als CSV exportieren</translation>
    </message>
    <message>
        <source>Export Search History</source>
        <translation>Suchverlauf exportieren</translation>
    </message>
    <message numerus="yes">
        <source>%n search(es) saved to %1.</source>
        <translation>
            <numerusform>%n Suche in %1 gespeichert.</numerusform>
            <numerusform>%n Suchen in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Collector plugin messages</source>
        <translation>Meldungen der Collector-Plugins</translation>
    </message>
    <message>
        <source>Collector plugins: %1</source>
        <translation>Collector-Plugins: %1</translation>
    </message>
</context>
<context>
    <name>codescout::gui::MultilinePattern</name>
    <message>
        <source>Multi-line (Alt+J): matches may span lines; the pattern field takes several lines, Enter inserts a line break and Ctrl+Enter searches</source>
        <translation>Mehrzeilig (Alt+J): Treffer dürfen über Zeilen reichen; das Suchfeld nimmt mehrere Zeilen auf, Enter fügt einen Zeilenumbruch ein und Strg+Enter sucht</translation>
    </message>
    <message>
        <source>Multi-line</source>
        <translation>Mehrzeilig</translation>
    </message>
    <message>
        <source>Search (Ctrl+Enter searches)</source>
        <translation>Suchen (Strg+Enter sucht)</translation>
    </message>
    <message>
        <source>Multi-line search pattern</source>
        <translation>Mehrzeiliges Suchmuster</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln lines</source>
        <translation>
            <numerusform>+%Ln weitere Zeile</numerusform>
            <numerusform>+%Ln weitere Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>codescout::gui::OutcomeDialog</name>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Files not changed</source>
        <translation>Nicht geänderte Dateien</translation>
    </message>
    <message>
        <source>Replace finished</source>
        <translation>Ersetzen abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) changed</source>
        <translation>
            <numerusform>%Ln Datei geändert</numerusform>
            <numerusform>%Ln Dateien geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) skipped</source>
        <translation>
            <numerusform>%Ln Datei übersprungen</numerusform>
            <numerusform>%Ln Dateien übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the files already written were restored.</source>
        <translation>Abgebrochen: die schon geschriebenen Dateien wurden wiederhergestellt.</translation>
    </message>
    <message>
        <source>Cancelled: no file was changed.</source>
        <translation>Abgebrochen: keine Datei wurde geändert.</translation>
    </message>
    <message>
        <source>The replace stopped: %1</source>
        <translation>Das Ersetzen wurde angehalten: %1</translation>
    </message>
    <message>
        <source>Edit ▸ Undo Replace restores the files.</source>
        <translation>Bearbeiten ▸ Ersetzen rückgängig stellt die Dateien wieder her.</translation>
    </message>
    <message>
        <source>changed, owner not kept</source>
        <translation>geändert, Eigentümer nicht erhalten</translation>
    </message>
    <message>
        <source>the file now belongs to you</source>
        <translation>die Datei gehört jetzt Ihnen</translation>
    </message>
    <message>
        <source>Undo Replace</source>
        <translation>Ersetzen rückgängig</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>Nothing was undone: %1</source>
        <translation>Nichts wurde rückgängig gemacht: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) restored</source>
        <translation>
            <numerusform>%Ln Datei wiederhergestellt</numerusform>
            <numerusform>%Ln Dateien wiederhergestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) left as they are</source>
        <translation>
            <numerusform>%Ln Datei unverändert gelassen</numerusform>
            <numerusform>%Ln Dateien unverändert gelassen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>codescout::gui::PreviewPane</name>
    <message>
        <source>File preview</source>
        <translation>Dateivorschau</translation>
    </message>
    <message>
        <source>Previewed file</source>
        <translation>Angezeigte Datei</translation>
    </message>
    <message>
        <source>Preview notice</source>
        <translation>Hinweis zur Vorschau</translation>
    </message>
    <message>
        <source>Select a result to preview its file</source>
        <translation>Wählen Sie ein Ergebnis, um seine Datei anzuzeigen</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Cannot read this file: %1</source>
        <translation>Diese Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Binary file (%1): not shown as text.</source>
        <translation>Binärdatei (%1): wird nicht als Text angezeigt.</translation>
    </message>
    <message>
        <source>Large file: shown without syntax highlighting.</source>
        <translation>Große Datei: wird ohne Syntaxhervorhebung angezeigt.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2.</source>
        <translation>Angezeigt werden die ersten %1 von %2.</translation>
    </message>
    <message>
        <source>Decoded from %1.</source>
        <translation>Dekodiert aus %1.</translation>
    </message>
    <message>
        <source>Not valid UTF-8: shown as %1.</source>
        <translation>Kein gültiges UTF-8: angezeigt als %1.</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
</context>
<context>
    <name>codescout::gui::QueryBar</name>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
</context>
<context>
    <name>codescout::gui::ReplaceBar</name>
    <message>
        <source>Replace &amp;All</source>
        <translation>Alle erse&amp;tzen</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Ersetzung</translation>
    </message>
    <message>
        <source>Replaces each checked match; $1 or ${name} insert a captured group, $$ a dollar sign</source>
        <translation>Ersetzt jeden angehakten Treffer; $1 oder ${name} fügen eine erfasste Gruppe ein, $$ ein Dollarzeichen</translation>
    </message>
    <message>
        <source>foo → bar, Foo → Bar, FOO → BAR</source>
        <translation>foo → bar, Foo → Bar, FOO → BAR</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <source>Show the whole-file diff of the selected file instead of the preview</source>
        <translation>Statt der Vorschau den Diff der ganzen ausgewählten Datei zeigen</translation>
    </message>
    <message>
        <source>Replace the checked matches of the selected result line or file</source>
        <translation>Die angehakten Treffer der ausgewählten Ergebniszeile oder -datei ersetzen</translation>
    </message>
    <message>
        <source>Replace the checked matches of the selected result&apos;s file</source>
        <translation>Die angehakten Treffer in der Datei des ausgewählten Ergebnisses ersetzen</translation>
    </message>
    <message>
        <source>Replace every checked match in every file</source>
        <translation>Jeden angehakten Treffer in jeder Datei ersetzen</translation>
    </message>
    <message>
        <source>Preserve case</source>
        <translation>Groß-/Kleinschreibung erhalten</translation>
    </message>
    <message>
        <source>Replace Selected</source>
        <translation>Auswahl ersetzen</translation>
    </message>
    <message>
        <source>Replace i&amp;n This File</source>
        <translation>I&amp;n dieser Datei ersetzen</translation>
    </message>
</context>
<context>
    <name>codescout::gui::ReplaceController</name>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>&amp;Undo Replace</source>
        <translation>Ersetzen &amp;rückgängig</translation>
    </message>
    <message>
        <source>Apply &amp;History…</source>
        <translation>&amp;Verlauf der Ersetzungen…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>Show the Replace field under the pattern</source>
        <translation>Das Ersetzen-Feld unter dem Suchmuster zeigen</translation>
    </message>
    <message>
        <source>Restore every file of the last replace</source>
        <translation>Jede Datei der letzten Ersetzung wiederherstellen</translation>
    </message>
    <message>
        <source>Every replace applied, each of which can be undone</source>
        <translation>Jede ausgeführte Ersetzung, jede kann rückgängig gemacht werden</translation>
    </message>
    <message>
        <source>A replace or undo is running.</source>
        <translation>Ein Ersetzen oder Rückgängigmachen läuft.</translation>
    </message>
    <message>
        <source>Replace needs a folder for its undo history: neither XDG_STATE_HOME nor HOME is set.</source>
        <translation>Ersetzen braucht einen Ordner für den Rückgängig-Verlauf: weder XDG_STATE_HOME noch HOME ist gesetzt.</translation>
    </message>
    <message>
        <source>Nothing to replace: search first.</source>
        <translation>Nichts zu ersetzen: zuerst suchen.</translation>
    </message>
    <message>
        <source>Nothing to replace: no match is checked.</source>
        <translation>Nichts zu ersetzen: kein Treffer ist angehakt.</translation>
    </message>
    <message>
        <source>Nothing to replace: select a checked result first.</source>
        <translation>Nichts zu ersetzen: zuerst ein angehaktes Ergebnis auswählen.</translation>
    </message>
    <message>
        <source>Replacing…</source>
        <translation>Ersetze…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>Lese die Dateien…</translation>
    </message>
    <message>
        <source>Preparing the new contents (originals kept for undo)…</source>
        <translation>Bereite die neuen Inhalte vor (Originale bleiben für Rückgängig erhalten)…</translation>
    </message>
    <message>
        <source>Replacing the files…</source>
        <translation>Ersetze die Dateien…</translation>
    </message>
    <message>
        <source>Nothing replaced: %1</source>
        <translation>Nichts ersetzt: %1</translation>
    </message>
    <message>
        <source>Cannot undo now: a replace or undo is running.</source>
        <translation>Rückgängig geht gerade nicht: ein Ersetzen oder Rückgängigmachen läuft.</translation>
    </message>
    <message>
        <source>An interrupted replace was settled at start: %1</source>
        <translation>Ein unterbrochenes Ersetzen wurde beim Start bereinigt: %1</translation>
    </message>
    <message>
        <source>Select a result to see the diff of its file.</source>
        <translation>Ein Ergebnis auswählen, um den Diff seiner Datei zu sehen.</translation>
    </message>
    <message>
        <source>No match of this file is checked.</source>
        <translation>Kein Treffer dieser Datei ist angehakt.</translation>
    </message>
    <message>
        <source>The replacement changes nothing.</source>
        <translation>Die Ersetzung ändert nichts.</translation>
    </message>
</context>
<context>
    <name>codescout::gui::ResultsActions</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Path</source>
        <translation>&amp;Pfad kopieren</translation>
    </message>
    <message>
        <source>&amp;Export Results…</source>
        <translation>Ergebnisse &amp;exportieren …</translation>
    </message>
    <message>
        <source>By &amp;Path</source>
        <translation>Nach &amp;Pfad</translation>
    </message>
    <message>
        <source>As &amp;Found</source>
        <translation>In &amp;Fundreihenfolge</translation>
    </message>
    <message>
        <source>Copy the selected results as rg prints them (PATH:LINE:TEXT)</source>
        <translation>Die ausgewählten Ergebnisse so kopieren, wie rg sie ausgibt (PFAD:ZEILE:TEXT)</translation>
    </message>
    <message>
        <source>Copy the paths of the selected files</source>
        <translation>Die Pfade der ausgewählten Dateien kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Save all results as rg&apos;s text, JSON Lines or CSV</source>
        <translation>Alle Ergebnisse als rg-Text, JSON Lines oder CSV speichern</translation>
    </message>
    <message>
        <source>&amp;Results Order</source>
        <translation>&amp;Reihenfolge der Ergebnisse</translation>
    </message>
    <message>
        <source>Files sorted by path while they stream in: the same search shows the same order</source>
        <translation>Dateien beim Eintreffen nach Pfad sortiert: dieselbe Suche zeigt dieselbe Reihenfolge</translation>
    </message>
    <message>
        <source>Files in the order the search finds them (varies from run to run)</source>
        <translation>Dateien in der Reihenfolge, in der die Suche sie findet (ändert sich von Lauf zu Lauf)</translation>
    </message>
    <message>
        <source>Still copying or exporting the previous results; try again in a moment.</source>
        <translation>Die vorigen Ergebnisse werden noch kopiert oder exportiert; bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <source>There are no results to copy or export.</source>
        <translation>Es gibt keine Ergebnisse zum Kopieren oder Exportieren.</translation>
    </message>
    <message numerus="yes">
        <source>Copied the results of %Ln file(s).</source>
        <translation>
            <numerusform>Die Ergebnisse von %Ln Datei kopiert.</numerusform>
            <numerusform>Die Ergebnisse von %Ln Dateien kopiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported the results of %Ln file(s) to %1.</source>
        <translation>
            <numerusform>Die Ergebnisse von %Ln Datei nach %1 exportiert.</numerusform>
            <numerusform>Die Ergebnisse von %Ln Dateien nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) no longer match or are gone: not included.</source>
        <translation>
            <numerusform>%Ln Datei passt nicht mehr oder ist verschwunden: nicht enthalten.</numerusform>
            <numerusform>%Ln Dateien passen nicht mehr oder sind verschwunden: nicht enthalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n path(s).</source>
        <translation>
            <numerusform>%n Pfad kopiert.</numerusform>
            <numerusform>%n Pfade kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
</context>
<context>
    <name>codescout::gui::ResultsModel</name>
    <message numerus="yes">
        <source>%1, %n match(es)</source>
        <translation>
            <numerusform>%1, %n Treffer</numerusform>
            <numerusform>%1, %n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>binary file: matches after byte %1 not shown</source>
        <translation>Binärdatei: Treffer nach Byte %1 werden nicht angezeigt</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <comment>%1: the number of matches, %2: the number of files</comment>
        <translation>%1 in %2</translation>
    </message>
</context>
<context>
    <name>codescout::gui::SearchController</name>
    <message>
        <source>Invalid pattern: %1</source>
        <translation>Ungültiges Suchmuster: %1</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>codescout::gui::SearchHistory</name>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Peak heap (sampled)</source>
        <translation>Heap-Spitze (abgetastet)</translation>
    </message>
    <message>
        <source>Peak resident (sampled)</source>
        <translation>Resident-Spitze (abgetastet)</translation>
    </message>
    <message>
        <source>Small files</source>
        <translation>Kleine Dateien</translation>
    </message>
    <message>
        <source>Buffered files</source>
        <translation>Gepufferte Dateien</translation>
    </message>
    <message>
        <source>Mapped files</source>
        <translation>Eingeblendete Dateien</translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation>Cache-Treffer</translation>
    </message>
    <message>
        <source>Cache misses</source>
        <translation>Cache-Fehlgriffe</translation>
    </message>
</context>
<context>
    <name>codescout::gui::SeriesLegend</name>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Show or hide “%1” in the chart</source>
        <translation>„%1“ im Diagramm ein- oder ausblenden</translation>
    </message>
</context>
<context>
    <name>codescout::gui::SettingsDialog</name>
    <message>
        <source>The small-file threshold must be below the large-file threshold.</source>
        <translation>Die Schwelle für kleine Dateien muss unter der Schwelle für große Dateien liegen.</translation>
    </message>
</context>
<context>
    <name>codescout::gui::SideBySideView</name>
    <message>
        <source>Old file</source>
        <translation>Alte Datei</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>Neue Datei</translation>
    </message>
</context>
<context>
    <name>codescout::gui::TypeFilterEdit</name>
    <message>
        <source>file types, e.g. cpp, rust, !js</source>
        <translation>Dateitypen, z. B. cpp, rust, !js</translation>
    </message>
    <message>
        <source>File types</source>
        <translation>Dateitypen</translation>
    </message>
    <message>
        <source>Only files of these types (as rg -t); !type skips a type (rg -T). Comma-separated; the list of types opens as you type.</source>
        <translation>Nur Dateien dieser Typen (wie rg -t); !typ überspringt einen Typ (rg -T). Durch Kommas getrennt; die Liste der Typen öffnet sich beim Tippen.</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Search a folder&apos;s files, preview matches, watch memory.</source>
        <translation>Die Dateien eines Ordners durchsuchen, Treffer in der Vorschau ansehen, den Speicher beobachten.</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>Die Version ausgeben und beenden.</translation>
    </message>
    <message>
        <source>The folder to search.</source>
        <translation>Der zu durchsuchende Ordner.</translation>
    </message>
</context>
</TS>
