<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>EditorLauncher</name>
    <message>
        <source>No application is set up to open %1.</source>
        <translation>Aucune application n’est configurée pour ouvrir %1.</translation>
    </message>
    <message>
        <source>Could not start the editor &quot;%1&quot;. Check the editor command in Settings.</source>
        <translation>Impossible de lancer l’éditeur « %1 ». Vérifiez la commande de l’éditeur dans les paramètres.</translation>
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
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Search summary</source>
        <translation>Résumé de la recherche</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Recent Folders</source>
        <translation>Dossiers &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>R&amp;echercher</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Memory view</source>
        <translation>Vue mémoire</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>&amp;Ouvrir un dossier…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Choose the folder to search</source>
        <translation>Choisir le dossier dans lequel rechercher</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Folders</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Motif de recherche…</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Put the cursor in the pattern field</source>
        <translation>Placer le curseur dans le champ du motif</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Search the folder for the pattern</source>
        <translation>Rechercher le motif dans le dossier</translation>
    </message>
    <message>
        <source>&amp;Cancel Search</source>
        <translation>A&amp;nnuler la recherche</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Stop the running search</source>
        <translation>Arrêter la recherche en cours</translation>
    </message>
    <message>
        <source>&amp;Next Match</source>
        <translation>Correspondance &amp;suivante</translation>
    </message>
    <message>
        <source>F3</source>
        <translation>F3</translation>
    </message>
    <message>
        <source>Select and preview the next match</source>
        <translation>Sélectionner la correspondance suivante et l’afficher dans l’aperçu</translation>
    </message>
    <message>
        <source>&amp;Previous Match</source>
        <translation>Correspondance &amp;précédente</translation>
    </message>
    <message>
        <source>Shift+F3</source>
        <translation>Shift+F3</translation>
    </message>
    <message>
        <source>Select and preview the previous match</source>
        <translation>Sélectionner la correspondance précédente et l’afficher dans l’aperçu</translation>
    </message>
    <message>
        <source>&amp;Open in Editor</source>
        <translation>&amp;Ouvrir dans l’éditeur</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Open the file at the selected line in your editor</source>
        <translation>Ouvrir le fichier à la ligne sélectionnée dans votre éditeur</translation>
    </message>
    <message>
        <source>&amp;Expand All Results</source>
        <translation>&amp;Déplier tous les résultats</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Down</source>
        <translation>Ctrl+Shift+Down</translation>
    </message>
    <message>
        <source>C&amp;ollapse All Results</source>
        <translation>&amp;Replier tous les résultats</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Up</source>
        <translation>Ctrl+Shift+Up</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Thresholds, threads, memory budget, editor</source>
        <translation>Seuils, threads, budget mémoire, éditeur</translation>
    </message>
    <message>
        <source>&amp;About CodeScout</source>
        <translation>À &amp;propos de CodeScout</translation>
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
        <translation>À %1 s : résidente %2</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>indisponible</translation>
    </message>
    <message>
        <source>Small-file buffers</source>
        <translation>Tampons des petits fichiers</translation>
    </message>
    <message>
        <source>Chunk buffers</source>
        <translation>Tampons par blocs</translation>
    </message>
    <message>
        <source>Pattern cache</source>
        <translation>Cache des motifs</translation>
    </message>
    <message>
        <source>Match scratch</source>
        <translation>Mémoire de travail des correspondances</translation>
    </message>
    <message>
        <source>Directory walker</source>
        <translation>Parcours des dossiers</translation>
    </message>
    <message>
        <source>Results list</source>
        <translation>Liste des résultats</translation>
    </message>
    <message>
        <source>Preview document</source>
        <translation>Document d’aperçu</translation>
    </message>
    <message>
        <source>Syntax definitions</source>
        <translation>Définitions de syntaxe</translation>
    </message>
    <message>
        <source>Chart samples</source>
        <translation>Échantillons des graphiques</translation>
    </message>
    <message>
        <source>Other heap</source>
        <translation>Reste du tas</translation>
    </message>
    <message>
        <source>Heap kept free</source>
        <translation>Tas libre conservé</translation>
    </message>
    <message>
        <source>Mapped files</source>
        <translation>Fichiers projetés</translation>
    </message>
    <message>
        <source>Code and libraries</source>
        <translation>Code et bibliothèques</translation>
    </message>
    <message>
        <source>Thread stacks</source>
        <translation>Piles des threads</translation>
    </message>
    <message>
        <source>Unattributed</source>
        <translation>Non attribuée</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>Index de recherche</translation>
    </message>
    <message>
        <source>Decoding buffers</source>
        <translation>Tampons de décodage</translation>
    </message>
    <message>
        <source>Index build</source>
        <translation>Construction de l’index</translation>
    </message>
</context>
<context>
    <name>QueryBar</name>
    <message>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>The pattern to search for (Enter searches; the list holds earlier patterns)</source>
        <translation>Le motif à rechercher (Entrée lance la recherche ; la liste contient les motifs précédents)</translation>
    </message>
    <message>
        <source>Search pattern</source>
        <translation>Motif de recherche</translation>
    </message>
    <message>
        <source>.*</source>
        <translation>.*</translation>
    </message>
    <message>
        <source>Use regular expression (Alt+R)</source>
        <translation>Utiliser une expression régulière (Alt+R)</translation>
    </message>
    <message>
        <source>Use regular expression</source>
        <translation>Utiliser une expression régulière</translation>
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
        <translation>Respecter la casse (Alt+C)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
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
        <translation>Mots entiers uniquement (Alt+W)</translation>
    </message>
    <message>
        <source>Match whole word</source>
        <translation>Mots entiers uniquement</translation>
    </message>
    <message>
        <source>Alt+W</source>
        <translation>Alt+W</translation>
    </message>
    <message>
        <source>Search the folder (Enter)</source>
        <translation>Rechercher dans le dossier (Entrée)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the running search (Esc)</source>
        <translation>Arrêter la recherche en cours (Échap)</translation>
    </message>
    <message>
        <source>Cancel search</source>
        <translation>Annuler la recherche</translation>
    </message>
    <message>
        <source>Pattern error</source>
        <translation>Erreur dans le motif</translation>
    </message>
    <message>
        <source>files to include, e.g. src/**, *.cpp</source>
        <translation>fichiers à inclure, p. ex. src/**, *.cpp</translation>
    </message>
    <message>
        <source>Globs of files to search; comma-separated</source>
        <translation>Motifs glob des fichiers à parcourir, séparés par des virgules</translation>
    </message>
    <message>
        <source>Files to include</source>
        <translation>Fichiers à inclure</translation>
    </message>
    <message>
        <source>files to exclude, e.g. build/**</source>
        <translation>fichiers à exclure, p. ex. build/**</translation>
    </message>
    <message>
        <source>Globs of files to skip; comma-separated</source>
        <translation>Motifs glob des fichiers à ignorer, séparés par des virgules</translation>
    </message>
    <message>
        <source>Files to exclude</source>
        <translation>Fichiers à exclure</translation>
    </message>
    <message>
        <source>extensions, e.g. cpp, h</source>
        <translation>extensions, p. ex. cpp, h</translation>
    </message>
    <message>
        <source>Only files with these extensions; comma-separated</source>
        <translation>Seulement les fichiers ayant ces extensions, séparées par des virgules</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <source>Conte&amp;xt:</source>
        <translation>Conte&amp;xte :</translation>
    </message>
    <message>
        <source>Lines of context shown before and after each match</source>
        <translation>Lignes de contexte affichées avant et après chaque correspondance</translation>
    </message>
    <message>
        <source>Context lines</source>
        <translation>Lignes de contexte</translation>
    </message>
    <message>
        <source>Also search hidden files and folders</source>
        <translation>Rechercher aussi dans les fichiers et dossiers masqués</translation>
    </message>
    <message>
        <source>Search hidden files</source>
        <translation>Rechercher dans les fichiers masqués</translation>
    </message>
    <message>
        <source>Follow &amp;links</source>
        <translation>Suivre les &amp;liens</translation>
    </message>
    <message>
        <source>Follow symbolic links</source>
        <translation>Suivre les liens symboliques</translation>
    </message>
    <message>
        <source>Use &amp;ignore files</source>
        <translation>Appliquer les fichiers i&amp;gnore</translation>
    </message>
    <message>
        <source>Skip what .gitignore and .ignore files exclude</source>
        <translation>Ignorer ce qu’excluent les fichiers .gitignore et .ignore</translation>
    </message>
    <message>
        <source>Respect ignore files</source>
        <translation>Appliquer les fichiers ignore</translation>
    </message>
    <message>
        <source>S&amp;earch</source>
        <translation>Rec&amp;hercher</translation>
    </message>
    <message>
        <source>Hi&amp;dden</source>
        <translation>&amp;Masqués</translation>
    </message>
</context>
<context>
    <name>ResultsExport</name>
    <message>
        <source>The results could not be searched again: %1</source>
        <translation>Impossible de relancer la recherche des résultats : %1</translation>
    </message>
    <message>
        <source>ripgrep text (*.txt)</source>
        <translation>Texte ripgrep (*.txt)</translation>
    </message>
    <message>
        <source>JSON Lines, as rg --json (*.jsonl *.json)</source>
        <translation>JSON Lines, comme rg --json (*.jsonl *.json)</translation>
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
        <translation>Paramètres de CodeScout</translation>
    </message>
    <message>
        <source>&amp;Small-file threshold:</source>
        <translation>Seuil des &amp;petits fichiers :</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> Kio</translation>
    </message>
    <message>
        <source>Files below this size are read whole (the seed&apos;s small-file strategy)</source>
        <translation>Les fichiers en dessous de cette taille sont lus en entier (stratégie des petits fichiers)</translation>
    </message>
    <message>
        <source>Small-file threshold in KiB</source>
        <translation>Seuil des petits fichiers en Kio</translation>
    </message>
    <message>
        <source>&amp;Large-file threshold:</source>
        <translation>Seuil des &amp;gros fichiers :</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>Files from this size on are memory-mapped; between the thresholds they are read in chunks</source>
        <translation>À partir de cette taille, les fichiers sont projetés en mémoire ; entre les deux seuils, ils sont lus par blocs</translation>
    </message>
    <message>
        <source>Large-file threshold in MiB</source>
        <translation>Seuil des gros fichiers en Mio</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads :</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Worker threads per search; Automatic starts with one per processor and adds more while reads wait for the disk</source>
        <translation>Threads de travail par recherche ; « Automatique » commence avec un par processeur et en ajoute tant que les lectures attendent le disque</translation>
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
        <translation>Fréquence à laquelle la vue mémoire relève les mesures mémoire de la recherche</translation>
    </message>
    <message>
        <source>Memory sampling interval in milliseconds</source>
        <translation>Intervalle d’échantillonnage mémoire en millisecondes</translation>
    </message>
    <message>
        <source>Memory &amp;budget:</source>
        <translation>&amp;Budget mémoire :</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>Aucun budget</translation>
    </message>
    <message>
        <source>The memory view warns when a search&apos;s peak exceeds this</source>
        <translation>La vue mémoire avertit lorsque le pic d’une recherche dépasse cette valeur</translation>
    </message>
    <message>
        <source>Memory budget in MiB</source>
        <translation>Budget mémoire en Mio</translation>
    </message>
    <message>
        <source>&amp;Editor command:</source>
        <translation>Commande de l’é&amp;diteur :</translation>
    </message>
    <message>
        <source>Desktop default, or e.g. kate --line {line} {file}</source>
        <translation>Application par défaut du bureau, ou p. ex. kate --line {line} {file}</translation>
    </message>
    <message>
        <source>Command that opens a file at a line; {file} and {line} are replaced. Empty: the desktop&apos;s default application.</source>
        <translation>Commande qui ouvre un fichier à une ligne ; {file} et {line} sont remplacés. Vide : l’application par défaut du bureau.</translation>
    </message>
    <message>
        <source>Editor command</source>
        <translation>Commande de l’éditeur</translation>
    </message>
    <message>
        <source>Ma&amp;x results shown:</source>
        <translation>Résultats affichés au ma&amp;ximum :</translation>
    </message>
    <message>
        <source>Matches listed per search; the search still counts those past the limit</source>
        <translation>Correspondances listées par recherche ; celles au-delà de la limite sont tout de même comptées</translation>
    </message>
    <message>
        <source>Maximum results shown</source>
        <translation>Nombre maximal de résultats affichés</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>Problème de paramètres</translation>
    </message>
    <message>
        <source>Memory sam&amp;pling interval:</source>
        <translation>Intervalle d’é&amp;chantillonnage mémoire :</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>The language of menus and messages; takes effect when CodeScout starts again</source>
        <translation>La langue des menus et des messages ; prend effet au prochain démarrage de CodeScout</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Undo history limit:</source>
        <translation>Limite de l’&amp;historique d’annulation :</translation>
    </message>
    <message>
        <source>Disk space the undo history of Replace may take (original file contents); the oldest applies are dropped beyond it</source>
        <translation>Espace disque que l’historique d’annulation du remplacement peut occuper (contenus d’origine des fichiers) ; au-delà, les remplacements les plus anciens sont supprimés</translation>
    </message>
    <message>
        <source>Undo history limit in MiB</source>
        <translation>Limite de l’historique d’annulation en Mio</translation>
    </message>
    <message>
        <source>&amp;When a file cannot be written:</source>
        <translation>En cas d’&amp;erreur d’écriture :</translation>
    </message>
    <message>
        <source>What Replace does when a file cannot be written (disk full, I/O error, no permission): stop and put every file back as it was, or skip that file and go on with the others</source>
        <translation>Ce que fait Remplacer quand un fichier ne peut pas être écrit (disque plein, erreur d’E/S, pas de permission) : s’arrêter et remettre chaque fichier tel qu’il était, ou ignorer ce fichier et continuer avec les autres</translation>
    </message>
    <message>
        <source>When a file cannot be written</source>
        <translation>Quand un fichier ne peut pas être écrit</translation>
    </message>
    <message>
        <source>Stop and roll back the replace</source>
        <translation>Arrêter et annuler le remplacement</translation>
    </message>
    <message>
        <source>Skip it and go on with the other files</source>
        <translation>L’ignorer et continuer avec les autres fichiers</translation>
    </message>
</context>
<context>
    <name>SkipReason</name>
    <message>
        <source>changed since the search</source>
        <translation>modifié depuis la recherche</translation>
    </message>
    <message>
        <source>changed since the replace</source>
        <translation>modifié depuis le remplacement</translation>
    </message>
    <message>
        <source>outside the searched folder</source>
        <translation>hors du dossier recherché</translation>
    </message>
    <message>
        <source>path changed (a link appeared)</source>
        <translation>chemin modifié (un lien est apparu)</translation>
    </message>
    <message>
        <source>hard-linked</source>
        <translation>lien physique multiple</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>en lecture seule</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binaire</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>trop volumineux</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>matches not found again</source>
        <translation>correspondances introuvables</translation>
    </message>
    <message>
        <source>write failed</source>
        <translation>échec de l’écriture</translation>
    </message>
    <message>
        <source>permissions could not be kept</source>
        <translation>les droits n’ont pas pu être conservés</translation>
    </message>
    <message>
        <source>not written (stopped)</source>
        <translation>non écrit (arrêté)</translation>
    </message>
    <message>
        <source>other encoding</source>
        <translation>autre encodage</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>Searching… %1 files, %2 matches, %3 MB/s, %4 s</source>
        <translation>Recherche en cours… %1 fichiers, %2 correspondances, %3 Mo/s, %4 s</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Annulée : %1</translation>
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
        <translation>Statistiques mémoire :
Total alloué : %1 octets
Pic d’allocation : %2 octets
Projeté en mémoire : %3 octets
Taille du cache : %4 octets
Succès/échecs du cache : %5/%6
Fichiers traités (petits/en tampon/mmap) : %7/%8/%9
</translation>
    </message>
    <message>
        <source>Skipped: %1 ignored, %2 hidden, %3 binary, %4 too large, %5 unreadable, %6 special
</source>
        <translation>Non parcourus : %1 ignorés, %2 masqués, %3 binaires, %4 trop gros, %5 illisibles, %6 spéciaux
</translation>
    </message>
    <message>
        <source>%1 more matches were found but not listed: the result limit (Settings) was reached.
</source>
        <translation>%1 correspondances supplémentaires ont été trouvées mais non listées : la limite de résultats (Paramètres) a été atteinte.
</translation>
    </message>
    <message>
        <source>%1 in %2 (%3 searched, %4 MB/s) in %5 s</source>
        <comment>%1: the number of matches, %2: the number of files</comment>
        <translation>%1 dans %2 (%3 parcourus, %4 Mo/s) en %5 s</translation>
    </message>
    <message numerus="yes">
        <source>%Ln matches</source>
        <translation>
            <numerusform>%Ln correspondance</numerusform>
            <numerusform>%Ln correspondances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln files</source>
        <translation>
            <numerusform>%Ln fichier</numerusform>
            <numerusform>%Ln fichiers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TypeFilter</name>
    <message>
        <source>Unknown file type: %1. The file-type field lists the known types as you type.</source>
        <translation>Type de fichier inconnu : %1. Le champ des types de fichiers propose les types connus pendant la saisie.</translation>
    </message>
</context>
<context>
    <name>codescout::gui::ApplyHistoryDialog</name>
    <message>
        <source>interrupted</source>
        <translation>interrompu</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>appliqué</translation>
    </message>
    <message>
        <source>undo interrupted</source>
        <translation>annulation interrompue</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>restauré</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>&amp;Undo This Replace</source>
        <translation>&amp;Annuler ce remplacement</translation>
    </message>
    <message>
        <source>Apply History</source>
        <translation>Historique des remplacements</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Remplacement</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Applied replaces</source>
        <translation>Remplacements appliqués</translation>
    </message>
</context>
<context>
    <name>codescout::gui::DiffView</name>
    <message>
        <source>Replace diff</source>
        <translation>Diff du remplacement</translation>
    </message>
    <message>
        <source>Unified</source>
        <translation>Unifié</translation>
    </message>
    <message>
        <source>Show the diff as one column: removed lines (-) above the lines that replace them (+)</source>
        <translation>Afficher le diff sur une colonne : les lignes supprimées (-) au-dessus des lignes qui les remplacent (+)</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Show the old file on the left and the new file on the right, line beside line</source>
        <translation>Afficher l’ancien fichier à gauche et le nouveau à droite, ligne en regard de ligne</translation>
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
        <translation>L’indexation est désactivée (Paramètres).</translation>
    </message>
    <message>
        <source>Not indexed: the index takes %1, over the cap of %2 (Settings).</source>
        <translation>Non indexé : l’index occupe %1, au-delà du plafond de %2 (Paramètres).</translation>
    </message>
    <message>
        <source>The index was built but cannot be opened.</source>
        <translation>L’index a été créé mais ne peut pas être ouvert.</translation>
    </message>
    <message>
        <source>Indexing was cancelled: searches scan the folder.</source>
        <translation>L’indexation a été annulée : les recherches parcourent tout le dossier.</translation>
    </message>
    <message>
        <source>Not indexed: the index would exceed the cap of %1 (Settings).</source>
        <translation>Non indexé : l’index dépasserait le plafond de %1 (Paramètres).</translation>
    </message>
    <message>
        <source>Indexing failed: %1</source>
        <translation>Échec de l’indexation : %1</translation>
    </message>
    <message>
        <source>Files are checked at each search: %1</source>
        <translation>Les fichiers sont vérifiés à chaque recherche : %1</translation>
    </message>
    <message>
        <source>Command-line searches of this folder check each file: %1</source>
        <translation>Les recherches en ligne de commande dans ce dossier vérifient chaque fichier : %1</translation>
    </message>
    <message>
        <source>Command-line searches of this folder (codescout-cli --index) trust this window&apos;s watcher.</source>
        <translation>Les recherches en ligne de commande dans ce dossier (codescout-cli --index) se fient à la surveillance de cette fenêtre.</translation>
    </message>
    <message>
        <source>Command-line searches of this folder check each file until the watcher is trusted again: %1</source>
        <translation>Les recherches en ligne de commande dans ce dossier vérifient chaque fichier jusqu’à ce que la surveillance soit de nouveau fiable : %1</translation>
    </message>
    <message>
        <source>Command-line searches of this folder check each file until this window has compared it with its index.</source>
        <translation>Les recherches en ligne de commande dans ce dossier vérifient chaque fichier jusqu’à ce que cette fenêtre l’ait comparé à son index.</translation>
    </message>
</context>
<context>
    <name>codescout::gui::IndexPanel</name>
    <message>
        <source>Search index memory</source>
        <translation>Mémoire de l’index de recherche</translation>
    </message>
    <message>
        <source>Search index counters</source>
        <translation>Compteurs de l’index de recherche</translation>
    </message>
    <message>
        <source>Index: no indexed search yet.</source>
        <translation>Index : aucune recherche indexée pour l’instant.</translation>
    </message>
    <message>
        <source>Search index: not mapped.</source>
        <translation>Index de recherche : non projeté en mémoire.</translation>
    </message>
    <message>
        <source>Search index: %1 mapped, %2 resident.</source>
        <translation>Index de recherche : %1 projetés, %2 résidents.</translation>
    </message>
    <message>
        <source>Last search: scanned without the index (%1 read).</source>
        <translation>Dernière recherche : parcours sans l’index (%1 lus).</translation>
    </message>
    <message>
        <source>Last search: %1 candidate files of %2 in the tree, %3 skipped unopened, %4 verified.</source>
        <translation>Dernière recherche : %1 fichiers candidats sur %2 dans l’arborescence, %3 ignorés sans ouverture, %4 vérifiés.</translation>
    </message>
</context>
<context>
    <name>codescout::gui::IndexSettingsFields</name>
    <message>
        <source>Index folders for instant search</source>
        <translation>Indexer les dossiers pour la recherche instantanée</translation>
    </message>
    <message>
        <source>Builds an index of each opened folder in the background, then searches as you type. Results are always a full scan&apos;s.</source>
        <translation>Crée en arrière-plan un index de chaque dossier ouvert, puis recherche pendant la saisie. Les résultats sont toujours ceux d’un parcours complet.</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>Aucun plafond</translation>
    </message>
    <message>
        <source>A folder whose index would take more disk space is not indexed.</source>
        <translation>Un dossier dont l’index occuperait plus d’espace disque n’est pas indexé.</translation>
    </message>
    <message>
        <source>Index disk cap</source>
        <translation>Plafond disque de l’index</translation>
    </message>
    <message>
        <source>Indexing:</source>
        <translation>Indexation :</translation>
    </message>
    <message>
        <source>Index disk cap:</source>
        <translation>Plafond disque de l’index :</translation>
    </message>
</context>
<context>
    <name>codescout::gui::IndexStatusWidget</name>
    <message>
        <source>Indexing progress</source>
        <translation>Progression de l’indexation</translation>
    </message>
    <message>
        <source>Index status</source>
        <translation>État de l’index</translation>
    </message>
    <message>
        <source>Cancel indexing</source>
        <translation>Annuler l’indexation</translation>
    </message>
    <message>
        <source>Index: off</source>
        <translation>Index : désactivé</translation>
    </message>
    <message>
        <source>Index: building %1%</source>
        <translation>Index : création, %1 %</translation>
    </message>
    <message>
        <source>Index: ready</source>
        <translation>Index : prêt</translation>
    </message>
    <message>
        <source>Index: stale</source>
        <translation>Index : périmé</translation>
    </message>
    <message>
        <source>Index: not used</source>
        <translation>Index : non utilisé</translation>
    </message>
    <message>
        <source>Files changed since the index was built are searched directly until it is updated.</source>
        <translation>Les fichiers modifiés depuis la création de l’index sont parcourus directement jusqu’à sa mise à jour.</translation>
    </message>
    <message>
        <source>Searches read only the files the index cannot rule out; the results are a full scan&apos;s.</source>
        <translation>Les recherches ne lisent que les fichiers que l’index ne peut pas exclure ; les résultats sont ceux d’un parcours complet.</translation>
    </message>
</context>
<context>
    <name>codescout::gui::MainWindow</name>
    <message>
        <source>Search progress</source>
        <translation>Progression de la recherche</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>État de la recherche</translation>
    </message>
    <message>
        <source>Open a folder to search (Ctrl+O), or drop one here.</source>
        <translation>Ouvrez un dossier dans lequel rechercher (Ctrl+O) ou déposez-en un ici.</translation>
    </message>
    <message>
        <source>Type a pattern and press Enter.</source>
        <translation>Saisissez un motif et appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>The memory statistics of the last search appear here.</source>
        <translation>Les statistiques mémoire de la dernière recherche apparaissent ici.</translation>
    </message>
    <message>
        <source>&amp;Memory View</source>
        <translation>Vue &amp;mémoire</translation>
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
        <translation>Impossible d’ouvrir %1 : ce n’est pas un dossier lisible.</translation>
    </message>
    <message>
        <source>%1 — CodeScout</source>
        <translation>%1 — CodeScout</translation>
    </message>
    <message>
        <source>%1 in %2 — %3 — CodeScout</source>
        <comment>%1: the number of matches, %2: of files, %3: the folder</comment>
        <translation>%1 dans %2 — %3 — CodeScout</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ouvrir un dossier</translation>
    </message>
    <message>
        <source>Type a pattern to search for.</source>
        <translation>Saisissez un motif à rechercher.</translation>
    </message>
    <message>
        <source>Open a folder first (File ▸ Open Folder…, Ctrl+O).</source>
        <translation>Ouvrez d’abord un dossier (Fichier ▸ Ouvrir un dossier…, Ctrl+O).</translation>
    </message>
    <message>
        <source>Nothing searched: the query has an error.</source>
        <translation>Aucune recherche effectuée : la requête contient une erreur.</translation>
    </message>
    <message>
        <source>Opened %1 at line %2.</source>
        <translation>%1 ouvert à la ligne %2.</translation>
    </message>
    <message>
        <source>About CodeScout</source>
        <translation>À propos de CodeScout</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CodeScout %1&lt;/h3&gt;&lt;p&gt;Fast parallel code search with live memory metrics.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CodeScout %1&lt;/h3&gt;&lt;p&gt;Recherche de code rapide et parallèle, avec mesures de la mémoire en direct.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>codescout::gui::MatchDelegate</name>
    <message>
        <source>Ctrl+click: leave this match out of the replace, or take it back in</source>
        <translation>Ctrl+clic : exclure cette correspondance du remplacement, ou l’y remettre</translation>
    </message>
</context>
<context>
    <name>codescout::gui::MemoryAdvisor</name>
    <message>
        <source>Small-file threshold</source>
        <translation>Seuil des petits fichiers</translation>
    </message>
    <message>
        <source>Large-file threshold</source>
        <translation>Seuil des gros fichiers</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>Budget mémoire</translation>
    </message>
    <message>
        <source>Max results shown</source>
        <translation>Résultats affichés au maximum</translation>
    </message>
    <message>
        <source>Peak memory %1 exceeded the budget of %2: lower &apos;%3&apos; so big files are memory-mapped instead of buffered, or reduce &apos;%4&apos;.</source>
        <translation>Le pic mémoire de %1 a dépassé le budget de %2 : abaissez « %3 » pour que les gros fichiers soient projetés en mémoire au lieu d’être mis en tampon, ou réduisez « %4 ».</translation>
    </message>
    <message>
        <source>The application&apos;s resident memory reached %1, above the budget of %2, while the search&apos;s own buffers peaked at %3: the rest is the application, mapped file pages and the results kept in the window. Lower &apos;%4&apos; to keep fewer results in memory.</source>
        <translation>La mémoire résidente de l’application a atteint %1, au-dessus du budget de %2, alors que les tampons de la recherche elle-même culminaient à %3 : le reste correspond à l’application, aux pages de fichiers projetées et aux résultats conservés dans la fenêtre. Abaissez « %4 » pour garder moins de résultats en mémoire.</translation>
    </message>
    <message>
        <source>Only %1% of pattern lookups hit the cache (%2 of %3): most searches compiled their pattern anew. This is expected while trying new patterns; re-running a query from the pattern history reuses its compiled form.</source>
        <translation>Seulement %1 % des consultations de motifs ont trouvé le cache (%2 sur %3) : la plupart des recherches ont recompilé leur motif. C’est normal quand on essaie de nouveaux motifs ; relancer une requête depuis l’historique des motifs réutilise sa forme compilée.</translation>
    </message>
    <message>
        <source>%1 of %2 files were larger than the &apos;%3&apos; (%4) and were read in chunks, several system calls each: raise &apos;%3&apos; to %5 so they are read whole in one call.</source>
        <translation>%1 fichiers sur %2 dépassaient le réglage « %3 » (%4) et ont été lus par blocs, avec plusieurs appels système chacun : augmentez « %3 » à %5 pour qu’ils soient lus en entier en un seul appel.</translation>
    </message>
    <message>
        <source>Read buffers peaked at %1, as much as the &apos;%2&apos; (%3): files just below it were copied into memory. Lower &apos;%2&apos; to %4 so they are memory-mapped instead.</source>
        <translation>Les tampons de lecture ont culminé à %1, autant que le réglage « %2 » (%3) : des fichiers juste en dessous ont été copiés en mémoire. Abaissez « %2 » à %4 pour qu’ils soient plutôt projetés en mémoire.</translation>
    </message>
    <message>
        <source>%1 files were memory-mapped because the &apos;%2&apos; is only %3: mapping a small file costs more system calls and page faults than reading it. Raise &apos;%2&apos; to %4 (the default).</source>
        <translation>%1 fichiers ont été projetés en mémoire car le réglage « %2 » n’est que de %3 : projeter un petit fichier coûte plus d’appels système et de défauts de page que de le lire. Augmentez « %2 » à %4 (la valeur par défaut).</translation>
    </message>
    <message>
        <source>The results list holds %1 for %2 matches (%3% of the resident memory): lower &apos;%4&apos; in Settings to keep fewer results in memory.</source>
        <translation>La liste des résultats occupe %1 pour %2 correspondances (%3 % de la mémoire résidente) : réduisez « %4 » dans les Paramètres pour garder moins de résultats en mémoire.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The application&apos;s resident memory reached %1, above the budget of %2, while the search&apos;s own buffers peaked at %3. The largest parts: %4. Lower &apos;%5&apos; to keep fewer results in memory.</source>
        <translation>La mémoire résidente de l’application a atteint %1, au-dessus du budget de %2, alors que les tampons de la recherche culminaient à %3. Les plus grandes parts : %4. Réduisez « %5 » pour garder moins de résultats en mémoire.</translation>
    </message>
    <message>
        <source>The application&apos;s resident memory reached %1, above the budget of %2, while the search&apos;s own buffers peaked at %3. The largest parts: %4, which the search settings do not control: raise &apos;%5&apos; if this is expected.</source>
        <translation>La mémoire résidente de l’application a atteint %1, au-dessus du budget de %2, alors que les tampons de la recherche culminaient à %3. Les plus grandes parts : %4, que les réglages de recherche ne contrôlent pas : augmentez « %5 » si c’est attendu.</translation>
    </message>
</context>
<context>
    <name>codescout::gui::MemoryCharts</name>
    <message>
        <source>Files and pattern cache</source>
        <translation>Fichiers et cache des motifs</translation>
    </message>
    <message>
        <source>Small files</source>
        <translation>Petits fichiers</translation>
    </message>
    <message>
        <source>Buffered files</source>
        <translation>Fichiers en tampon</translation>
    </message>
    <message>
        <source>Mapped files</source>
        <translation>Fichiers projetés</translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation>Succès du cache</translation>
    </message>
    <message>
        <source>Cache misses</source>
        <translation>Échecs du cache</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>Budget mémoire</translation>
    </message>
    <message>
        <source>Elapsed (s)</source>
        <translation>Écoulé (s)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Cache lookups</source>
        <translation>Consultations du cache</translation>
    </message>
    <message>
        <source>Files per strategy and pattern cache chart</source>
        <translation>Graphique des fichiers par stratégie et du cache des motifs</translation>
    </message>
    <message>
        <source>Files and pattern cache chart legend</source>
        <translation>Légende du graphique des fichiers et du cache des motifs</translation>
    </message>
    <message>
        <source>Budget (%1)</source>
        <translation>Budget (%1)</translation>
    </message>
    <message>
        <source>Where the memory is</source>
        <translation>Où se trouve la mémoire</translation>
    </message>
    <message>
        <source>Memory (KiB, log scale)</source>
        <translation>Mémoire (Kio, échelle logarithmique)</translation>
    </message>
    <message>
        <source>Memory by component chart</source>
        <translation>Graphique de la mémoire par composant</translation>
    </message>
    <message>
        <source>Memory by component chart legend</source>
        <translation>Légende du graphique de la mémoire par composant</translation>
    </message>
    <message>
        <source>Bytes (%1)</source>
        <translation>Octets (%1)</translation>
    </message>
    <message>
        <source>Collector plugins</source>
        <translation>Plugins de collecte</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Other units</source>
        <translation>Autres unités</translation>
    </message>
    <message>
        <source>Collector plugins chart</source>
        <translation>Graphique des plugins de collecte</translation>
    </message>
    <message>
        <source>Collector plugins chart legend</source>
        <translation>Légende du graphique des plugins de collecte</translation>
    </message>
    <message>
        <source>%1 (%2, from %3)</source>
        <translation>%1 (%2, de %3)</translation>
    </message>
    <message>
        <source>%1 — stale</source>
        <translation>%1 — périmé</translation>
    </message>
    <message>
        <source>%1 — unavailable</source>
        <translation>%1 — indisponible</translation>
    </message>
    <message>
        <source>%1 — unlimited</source>
        <translation>%1 — illimité</translation>
    </message>
</context>
<context>
    <name>codescout::gui::MemoryView</name>
    <message>
        <source>Memory view</source>
        <translation>Vue mémoire</translation>
    </message>
    <message>
        <source>Current memory counters</source>
        <translation>Compteurs mémoire actuels</translation>
    </message>
    <message>
        <source>Memory alerts and recommendations</source>
        <translation>Alertes et recommandations mémoire</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Exporter le graphique…</translation>
    </message>
    <message>
        <source>Export the charts as a PNG image</source>
        <translation>Exporter les graphiques en image PNG</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export the samples as CSV</source>
        <translation>Exporter les échantillons au format CSV</translation>
    </message>
    <message>
        <source>Export Prometheus…</source>
        <translation>Exporter pour Prometheus…</translation>
    </message>
    <message>
        <source>Export the current counters as Prometheus text</source>
        <translation>Exporter les compteurs actuels au format texte Prometheus</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>État de l’exportation</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Export Samples</source>
        <translation>Exporter les échantillons</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export Counters</source>
        <translation>Exporter les compteurs</translation>
    </message>
    <message>
        <source>Prometheus text (*.prom *.txt)</source>
        <translation>Texte Prometheus (*.prom *.txt)</translation>
    </message>
    <message>
        <source>No search sampled yet.</source>
        <translation>Aucune recherche mesurée pour l’instant.</translation>
    </message>
    <message>
        <source>Allocated %1 (peak %2) · mapped %3 · pattern cache %4 · resident %5
Files small/buffered/mapped: %6/%7/%8 · cache hits/misses: %9/%10</source>
        <translation>Alloué %1 (pic %2) · projeté %3 · cache des motifs %4 · résident %5
Fichiers petits/en tampon/projetés : %6/%7/%8 · succès/échecs du cache : %9/%10</translation>
    </message>
    <message>
        <source>Alerts and recommendations appear here during a search.</source>
        <translation>Les alertes et recommandations apparaissent ici pendant une recherche.</translation>
    </message>
    <message>
        <source>No memory alerts: this search used memory well.</source>
        <translation>Aucune alerte mémoire : cette recherche a bien utilisé la mémoire.</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Could not render the charts to an image.</source>
        <translation>Impossible de dessiner les graphiques dans une image.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Charts saved to %1.</source>
        <translation>Graphiques enregistrés dans %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) saved to %1.</source>
        <translation>
            <numerusform>%n échantillon enregistré dans %1.</numerusform>
            <numerusform>%n échantillons enregistrés dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to export yet: run a search first.</source>
        <translation>Rien à exporter pour l’instant : lancez d’abord une recherche.</translation>
    </message>
    <message>
        <source>Counters saved to %1.</source>
        <translation>Compteurs enregistrés dans %1.</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>Historique des recherches</translation>
    </message>
    <message>
        <source>Select all searches</source>
        <translation>Sélectionner toutes les recherches</translation>
    </message>
    <message>
        <source>Export History…</source>
        <translation>Exporter l’historique…</translation>
    </message>
    <message>
        <source>Export the search history as CSV</source>
        <translation>Exporter l’historique des recherches en CSV</translation>
    </message>
    <message>
        <source>Export Search History</source>
        <translation>Exporter l’historique des recherches</translation>
    </message>
    <message numerus="yes">
        <source>%n search(es) saved to %1.</source>
        <translation>
            <numerusform>%n recherche enregistrée dans %1.</numerusform>
            <numerusform>%n recherches enregistrées dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Collector plugin messages</source>
        <translation>Messages des plugins de collecte</translation>
    </message>
    <message>
        <source>Collector plugins: %1</source>
        <translation>Plugins de collecte : %1</translation>
    </message>
</context>
<context>
    <name>codescout::gui::MultilinePattern</name>
    <message>
        <source>Multi-line (Alt+J): matches may span lines; the pattern field takes several lines, Enter inserts a line break and Ctrl+Enter searches</source>
        <translation>Multiligne (Alt+J) : les correspondances peuvent s’étendre sur plusieurs lignes ; le champ de recherche accepte plusieurs lignes, Entrée insère un saut de ligne et Ctrl+Entrée lance la recherche</translation>
    </message>
    <message>
        <source>Multi-line</source>
        <translation>Multiligne</translation>
    </message>
    <message>
        <source>Search (Ctrl+Enter searches)</source>
        <translation>Rechercher (Ctrl+Entrée lance la recherche)</translation>
    </message>
    <message>
        <source>Multi-line search pattern</source>
        <translation>Motif de recherche multiligne</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln lines</source>
        <translation>
            <numerusform>+%Ln ligne</numerusform>
            <numerusform>+%Ln lignes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>codescout::gui::OutcomeDialog</name>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Files not changed</source>
        <translation>Fichiers non modifiés</translation>
    </message>
    <message>
        <source>Replace finished</source>
        <translation>Remplacement terminé</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) changed</source>
        <translation>
            <numerusform>%Ln fichier modifié</numerusform>
            <numerusform>%Ln fichiers modifiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) skipped</source>
        <translation>
            <numerusform>%Ln fichier ignoré</numerusform>
            <numerusform>%Ln fichiers ignorés</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the files already written were restored.</source>
        <translation>Annulé : les fichiers déjà écrits ont été restaurés.</translation>
    </message>
    <message>
        <source>Cancelled: no file was changed.</source>
        <translation>Annulé : aucun fichier n’a été modifié.</translation>
    </message>
    <message>
        <source>The replace stopped: %1</source>
        <translation>Le remplacement s’est arrêté : %1</translation>
    </message>
    <message>
        <source>Edit ▸ Undo Replace restores the files.</source>
        <translation>Édition ▸ Annuler le remplacement restaure les fichiers.</translation>
    </message>
    <message>
        <source>changed, owner not kept</source>
        <translation>modifié, propriétaire non conservé</translation>
    </message>
    <message>
        <source>the file now belongs to you</source>
        <translation>le fichier vous appartient désormais</translation>
    </message>
    <message>
        <source>Undo Replace</source>
        <translation>Annuler le remplacement</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>Nothing was undone: %1</source>
        <translation>Rien n’a été annulé : %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) restored</source>
        <translation>
            <numerusform>%Ln fichier restauré</numerusform>
            <numerusform>%Ln fichiers restaurés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) left as they are</source>
        <translation>
            <numerusform>%Ln fichier laissé tel quel</numerusform>
            <numerusform>%Ln fichiers laissés tels quels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>codescout::gui::PreviewPane</name>
    <message>
        <source>File preview</source>
        <translation>Aperçu du fichier</translation>
    </message>
    <message>
        <source>Previewed file</source>
        <translation>Fichier affiché</translation>
    </message>
    <message>
        <source>Preview notice</source>
        <translation>Remarque sur l’aperçu</translation>
    </message>
    <message>
        <source>Select a result to preview its file</source>
        <translation>Sélectionnez un résultat pour afficher l’aperçu de son fichier</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>Cannot read this file: %1</source>
        <translation>Impossible de lire ce fichier : %1</translation>
    </message>
    <message>
        <source>Binary file (%1): not shown as text.</source>
        <translation>Fichier binaire (%1) : non affiché comme texte.</translation>
    </message>
    <message>
        <source>Large file: shown without syntax highlighting.</source>
        <translation>Fichier volumineux : affiché sans coloration syntaxique.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2.</source>
        <translation>Affichage des premiers %1 sur %2.</translation>
    </message>
    <message>
        <source>Decoded from %1.</source>
        <translation>Décodé depuis %1.</translation>
    </message>
    <message>
        <source>Not valid UTF-8: shown as %1.</source>
        <translation>UTF-8 non valide : affiché en %1.</translation>
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
        <translation>Rechercher</translation>
    </message>
</context>
<context>
    <name>codescout::gui::ReplaceBar</name>
    <message>
        <source>Replace &amp;All</source>
        <translation>&amp;Tout remplacer</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Remplacement</translation>
    </message>
    <message>
        <source>Replaces each checked match; $1 or ${name} insert a captured group, $$ a dollar sign</source>
        <translation>Remplace chaque correspondance cochée ; $1 ou ${name} insèrent un groupe capturé, $$ un signe dollar</translation>
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
        <translation>Afficher le diff du fichier sélectionné entier au lieu de l’aperçu</translation>
    </message>
    <message>
        <source>Replace the checked matches of the selected result line or file</source>
        <translation>Remplacer les correspondances cochées de la ligne ou du fichier sélectionné</translation>
    </message>
    <message>
        <source>Replace the checked matches of the selected result&apos;s file</source>
        <translation>Remplacer les correspondances cochées du fichier du résultat sélectionné</translation>
    </message>
    <message>
        <source>Replace every checked match in every file</source>
        <translation>Remplacer chaque correspondance cochée dans chaque fichier</translation>
    </message>
    <message>
        <source>Preserve case</source>
        <translation>Conserver la casse</translation>
    </message>
    <message>
        <source>Replace Selected</source>
        <translation>Remplacer la sélection</translation>
    </message>
    <message>
        <source>Replace i&amp;n This File</source>
        <translation>Remplacer &amp;dans ce fichier</translation>
    </message>
</context>
<context>
    <name>codescout::gui::ReplaceController</name>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
    <message>
        <source>&amp;Undo Replace</source>
        <translation>&amp;Annuler le remplacement</translation>
    </message>
    <message>
        <source>Apply &amp;History…</source>
        <translation>&amp;Historique des remplacements…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Édition</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>Show the Replace field under the pattern</source>
        <translation>Afficher le champ Remplacer sous le motif</translation>
    </message>
    <message>
        <source>Restore every file of the last replace</source>
        <translation>Restaurer chaque fichier du dernier remplacement</translation>
    </message>
    <message>
        <source>Every replace applied, each of which can be undone</source>
        <translation>Chaque remplacement appliqué, chacun pouvant être annulé</translation>
    </message>
    <message>
        <source>A replace or undo is running.</source>
        <translation>Un remplacement ou une annulation est en cours.</translation>
    </message>
    <message>
        <source>Replace needs a folder for its undo history: neither XDG_STATE_HOME nor HOME is set.</source>
        <translation>Le remplacement a besoin d’un dossier pour son historique d’annulation : ni XDG_STATE_HOME ni HOME n’est défini.</translation>
    </message>
    <message>
        <source>Nothing to replace: search first.</source>
        <translation>Rien à remplacer : lancez d’abord une recherche.</translation>
    </message>
    <message>
        <source>Nothing to replace: no match is checked.</source>
        <translation>Rien à remplacer : aucune correspondance n’est cochée.</translation>
    </message>
    <message>
        <source>Nothing to replace: select a checked result first.</source>
        <translation>Rien à remplacer : sélectionnez d’abord un résultat coché.</translation>
    </message>
    <message>
        <source>Replacing…</source>
        <translation>Remplacement…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>Lecture des fichiers…</translation>
    </message>
    <message>
        <source>Preparing the new contents (originals kept for undo)…</source>
        <translation>Préparation des nouveaux contenus (originaux conservés pour l’annulation)…</translation>
    </message>
    <message>
        <source>Replacing the files…</source>
        <translation>Remplacement des fichiers…</translation>
    </message>
    <message>
        <source>Nothing replaced: %1</source>
        <translation>Rien n’a été remplacé : %1</translation>
    </message>
    <message>
        <source>Cannot undo now: a replace or undo is running.</source>
        <translation>Impossible d’annuler maintenant : un remplacement ou une annulation est en cours.</translation>
    </message>
    <message>
        <source>An interrupted replace was settled at start: %1</source>
        <translation>Un remplacement interrompu a été réglé au démarrage : %1</translation>
    </message>
    <message>
        <source>Select a result to see the diff of its file.</source>
        <translation>Sélectionnez un résultat pour voir le diff de son fichier.</translation>
    </message>
    <message>
        <source>No match of this file is checked.</source>
        <translation>Aucune correspondance de ce fichier n’est cochée.</translation>
    </message>
    <message>
        <source>The replacement changes nothing.</source>
        <translation>Le remplacement ne change rien.</translation>
    </message>
</context>
<context>
    <name>codescout::gui::ResultsActions</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy &amp;Path</source>
        <translation>Copier le c&amp;hemin</translation>
    </message>
    <message>
        <source>&amp;Export Results…</source>
        <translation>&amp;Exporter les résultats…</translation>
    </message>
    <message>
        <source>By &amp;Path</source>
        <translation>Par &amp;chemin</translation>
    </message>
    <message>
        <source>As &amp;Found</source>
        <translation>Dans l’ordre &amp;trouvé</translation>
    </message>
    <message>
        <source>Copy the selected results as rg prints them (PATH:LINE:TEXT)</source>
        <translation>Copier les résultats sélectionnés comme rg les affiche (CHEMIN:LIGNE:TEXTE)</translation>
    </message>
    <message>
        <source>Copy the paths of the selected files</source>
        <translation>Copier les chemins des fichiers sélectionnés</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Save all results as rg&apos;s text, JSON Lines or CSV</source>
        <translation>Enregistrer tous les résultats en texte rg, JSON Lines ou CSV</translation>
    </message>
    <message>
        <source>&amp;Results Order</source>
        <translation>&amp;Ordre des résultats</translation>
    </message>
    <message>
        <source>Files sorted by path while they stream in: the same search shows the same order</source>
        <translation>Fichiers triés par chemin à leur arrivée : la même recherche donne le même ordre</translation>
    </message>
    <message>
        <source>Files in the order the search finds them (varies from run to run)</source>
        <translation>Fichiers dans l’ordre où la recherche les trouve (varie d’une fois à l’autre)</translation>
    </message>
    <message>
        <source>Still copying or exporting the previous results; try again in a moment.</source>
        <translation>Copie ou export des résultats précédents en cours ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>There are no results to copy or export.</source>
        <translation>Aucun résultat à copier ou exporter.</translation>
    </message>
    <message numerus="yes">
        <source>Copied the results of %Ln file(s).</source>
        <translation>
            <numerusform>Résultats de %Ln fichier copiés.</numerusform>
            <numerusform>Résultats de %Ln fichiers copiés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported the results of %Ln file(s) to %1.</source>
        <translation>
            <numerusform>Résultats de %Ln fichier exportés vers %1.</numerusform>
            <numerusform>Résultats de %Ln fichiers exportés vers %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) no longer match or are gone: not included.</source>
        <translation>
            <numerusform>%Ln fichier ne correspond plus ou a disparu : non inclus.</numerusform>
            <numerusform>%Ln fichiers ne correspondent plus ou ont disparu : non inclus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n path(s).</source>
        <translation>
            <numerusform>%n chemin copié.</numerusform>
            <numerusform>%n chemins copiés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Exporter les résultats</translation>
    </message>
</context>
<context>
    <name>codescout::gui::ResultsModel</name>
    <message numerus="yes">
        <source>%1, %n match(es)</source>
        <translation>
            <numerusform>%1, %n correspondance</numerusform>
            <numerusform>%1, %n correspondances</numerusform>
        </translation>
    </message>
    <message>
        <source>binary file: matches after byte %1 not shown</source>
        <translation>fichier binaire : les correspondances après l’octet %1 ne sont pas affichées</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <comment>%1: the number of matches, %2: the number of files</comment>
        <translation>%1 dans %2</translation>
    </message>
</context>
<context>
    <name>codescout::gui::SearchController</name>
    <message>
        <source>Invalid pattern: %1</source>
        <translation>Motif non valide : %1</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Échec de la recherche : %1</translation>
    </message>
</context>
<context>
    <name>codescout::gui::SearchHistory</name>
    <message>
        <source>unavailable</source>
        <translation>indisponible</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Peak heap (sampled)</source>
        <translation>Pic du tas (échantillonné)</translation>
    </message>
    <message>
        <source>Peak resident (sampled)</source>
        <translation>Pic résident (échantillonné)</translation>
    </message>
    <message>
        <source>Small files</source>
        <translation>Petits fichiers</translation>
    </message>
    <message>
        <source>Buffered files</source>
        <translation>Fichiers en tampon</translation>
    </message>
    <message>
        <source>Mapped files</source>
        <translation>Fichiers projetés</translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation>Succès du cache</translation>
    </message>
    <message>
        <source>Cache misses</source>
        <translation>Échecs du cache</translation>
    </message>
</context>
<context>
    <name>codescout::gui::SeriesLegend</name>
    <message>
        <source>Show %1</source>
        <translation>Afficher %1</translation>
    </message>
    <message>
        <source>Show or hide “%1” in the chart</source>
        <translation>Afficher ou masquer « %1 » dans le graphique</translation>
    </message>
</context>
<context>
    <name>codescout::gui::SettingsDialog</name>
    <message>
        <source>The small-file threshold must be below the large-file threshold.</source>
        <translation>Le seuil des petits fichiers doit être inférieur au seuil des gros fichiers.</translation>
    </message>
</context>
<context>
    <name>codescout::gui::SideBySideView</name>
    <message>
        <source>Old file</source>
        <translation>Ancien fichier</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>Nouveau fichier</translation>
    </message>
</context>
<context>
    <name>codescout::gui::TypeFilterEdit</name>
    <message>
        <source>file types, e.g. cpp, rust, !js</source>
        <translation>types de fichiers, p. ex. cpp, rust, !js</translation>
    </message>
    <message>
        <source>File types</source>
        <translation>Types de fichiers</translation>
    </message>
    <message>
        <source>Only files of these types (as rg -t); !type skips a type (rg -T). Comma-separated; the list of types opens as you type.</source>
        <translation>Seulement les fichiers de ces types (comme rg -t) ; !type exclut un type (rg -T). Séparés par des virgules ; la liste des types s’ouvre pendant la saisie.</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>exclu : %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Search a folder&apos;s files, preview matches, watch memory.</source>
        <translation>Rechercher dans les fichiers d’un dossier, prévisualiser les correspondances, surveiller la mémoire.</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>Afficher la version et quitter.</translation>
    </message>
    <message>
        <source>The folder to search.</source>
        <translation>Le dossier dans lequel rechercher.</translation>
    </message>
</context>
</TS>
