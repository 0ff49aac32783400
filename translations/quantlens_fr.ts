<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QObject</name>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1 : écriture impossible (%2)</translation>
    </message>
    <message>
        <source>%1: choose a .png, .svg or .pdf file</source>
        <translation>%1 : choisissez un fichier .png, .svg ou .pdf</translation>
    </message>
    <message>
        <source>%1: cannot write</source>
        <translation>%1 : écriture impossible</translation>
    </message>
    <message>
        <source>%1: cannot replace the file (%2)</source>
        <translation>%1 : impossible de remplacer le fichier (%2)</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>Exporter le graphique…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg);;Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot export the chart</source>
        <translation>Impossible d&apos;exporter le graphique</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>Copier dans le presse-papiers</translation>
    </message>
    <message>
        <source>%1: choose a .csv or .json file</source>
        <translation>%1 : choisissez un fichier .csv ou .json</translation>
    </message>
    <message>
        <source>%1: choose a .svg, .pdf or .png file</source>
        <translation>%1 : choisissez un fichier .svg, .pdf ou .png</translation>
    </message>
    <message>
        <source>There is no graph to export yet.</source>
        <translation>Il n’y a pas encore de graphe à exporter.</translation>
    </message>
    <message>
        <source>Model graph</source>
        <translation>Graphe du modèle</translation>
    </message>
    <message>
        <source>%1: cannot encode the picture</source>
        <translation>%1 : impossible d’encoder l’image</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explore the quantization of TensorFlow Lite models</source>
        <translation>Explorer la quantification des modèles TensorFlow Lite</translation>
    </message>
    <message>
        <source>A .tflite model to open</source>
        <translation>Un modèle .tflite à ouvrir</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once the model is shown, then quit</source>
        <translation>Enregistrer une image de la fenêtre dans FILE une fois le modèle affiché, puis quitter</translation>
    </message>
    <message>
        <source>unknown view &apos;%1&apos;</source>
        <translation>vue inconnue « %1 »</translation>
    </message>
    <message>
        <source>Use this language for this run: en, de, es, fr or zh_CN</source>
        <translation>Utiliser cette langue pour cette exécution : en, de, es, fr ou zh_CN</translation>
    </message>
    <message>
        <source>Compare the model with this second model (the Diff view)</source>
        <translation>Comparer le modèle avec ce second modèle (vue Diff)</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modèle</translation>
    </message>
    <message>
        <source>Show this view at start: weights, graph, errors, compare, side-by-side, train or diff</source>
        <translation>Afficher cette vue au démarrage : weights, graph, errors, compare, side-by-side, train ou diff</translation>
    </message>
</context>
<context>
    <name>ql::app::CompareTab</name>
    <message>
        <source>E&amp;valuate all modes</source>
        <translation>É&amp;valuer tous les modes</translation>
    </message>
    <message>
        <source>Run the model in float32, float16, dynamic range, int8 and 16x8 over the data set: accuracy, agreement with float, KL divergence, size and latency (Ctrl+E)</source>
        <translation>Exécuter le modèle en float32, float16, plage dynamique, int8 et 16x8 sur le jeu de données : exactitude, concordance avec le modèle flottant, divergence KL, taille et latence (Ctrl+E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>Exporter le tableau…</translation>
    </message>
    <message>
        <source>Save the comparison as CSV or JSON</source>
        <translation>Enregistrer la comparaison en CSV ou JSON</translation>
    </message>
    <message>
        <source>%1: %2 / %3</source>
        <translation>%1 : %2 / %3</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Exporter le tableau</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot export the table</source>
        <translation>Impossible d&apos;exporter le tableau</translation>
    </message>
    <message>
        <source>Out of date: %1 since these results were measured. Evaluate all modes again (Ctrl+E).</source>
        <translation>Obsolète : %1 depuis la mesure de ces résultats. Évaluez à nouveau tous les modes (Ctrl+E).</translation>
    </message>
</context>
<context>
    <name>ql::app::DiffTab</name>
    <message>
        <source>Only what differs</source>
        <translation>Seulement les différences</translation>
    </message>
    <message>
        <source>File › Compare with… opens a second model (the converter&apos;s file of the same network, another export, an older version) to compare with this one.</source>
        <translation>Fichier › Comparer avec… ouvre un second modèle (le fichier du convertisseur pour le même réseau, un autre export, une version plus ancienne) pour le comparer à celui-ci.</translation>
    </message>
    <message>
        <source>A: %1 (%2 operators) — B: %3 (%4 operators). %5 pairs matched, %6 of them differ; %7 only in A, %8 only in B.</source>
        <translation>A : %1 (%2 opérateurs) — B : %3 (%4 opérateurs). %5 paires appariées, dont %6 diffèrent ; %7 seulement dans A, %8 seulement dans B.</translation>
    </message>
    <message>
        <source>The outputs could not be compared on the data set: %1</source>
        <translation>Les sorties n’ont pas pu être comparées sur le jeu de données : %1</translation>
    </message>
    <message>
        <source>On %1 sample(s) of the data set, the two models pick the same class on %2% of them; the last columns give each pair&apos;s output SQNR (B against A) and cosine.</source>
        <translation>Sur %1 échantillon(s) du jeu de données, les deux modèles choisissent la même classe dans %2% des cas ; les dernières colonnes donnent le SQNR de sortie (B face à A) et le cosinus de chaque paire.</translation>
    </message>
    <message>
        <source>On %1 sample(s) of the data set; the last columns give each pair&apos;s output SQNR (B against A) and cosine.</source>
        <translation>Sur %1 échantillon(s) du jeu de données ; les dernières colonnes donnent le SQNR de sortie (B face à A) et le cosinus de chaque paire.</translation>
    </message>
    <message>
        <source>Open a data set (File › Open data set…) to see how far each pair&apos;s outputs are apart.</source>
        <translation>Ouvrez un jeu de données (Fichier › Ouvrir un jeu de données…) pour voir l’écart entre les sorties de chaque paire.</translation>
    </message>
</context>
<context>
    <name>ql::app::Document</name>
    <message>
        <source>keep operator %1 in float</source>
        <translation>garder l&apos;opérateur %1 en virgule flottante</translation>
    </message>
    <message>
        <source>quantize operator %1</source>
        <translation>quantifier l&apos;opérateur %1</translation>
    </message>
    <message>
        <source>%1 needs a data set to calibrate on (File › Open data set…)</source>
        <translation>%1 nécessite un jeu de données pour la calibration (Fichier › Ouvrir un jeu de données…)</translation>
    </message>
    <message numerus="yes">
        <source>Keeping %n layer(s) in float: %1 %2 → %3 (float %4)</source>
        <translation>
            <numerusform>%n couche gardée en virgule flottante : %1 %2 → %3 (flottant %4)</numerusform>
            <numerusform>%n couches gardées en virgule flottante : %1 %2 → %3 (flottant %4)</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote %1; LiteRT runs %2 on its built-in kernels, everything else on XNNPACK</source>
        <translation>%1 écrit ; LiteRT exécute %2 avec ses noyaux intégrés, tout le reste avec XNNPACK</translation>
    </message>
    <message>
        <source>Wrote %1; LiteRT runs every operator on XNNPACK</source>
        <translation>%1 écrit ; LiteRT exécute chaque opérateur avec XNNPACK</translation>
    </message>
    <message>
        <source>another model was opened meanwhile</source>
        <translation>un autre modèle a été ouvert entre-temps</translation>
    </message>
    <message>
        <source>cancelled: another model was opened</source>
        <translation>annulé : un autre modèle a été ouvert</translation>
    </message>
    <message>
        <source>cancelled: the options or the data changed meanwhile; evaluate again</source>
        <translation>annulé : les options ou les données ont changé entre-temps ; évaluez à nouveau</translation>
    </message>
    <message>
        <source>keep suggested layers in float</source>
        <translation>garder les couches suggérées en virgule flottante</translation>
    </message>
    <message>
        <source>the options or the data changed meanwhile; ask again</source>
        <translation>les options ou les données ont changé entre-temps ; redemandez</translation>
    </message>
    <message>
        <source>Open a model with one input first: images are sized to its input.</source>
        <translation>Ouvrez d&apos;abord un modèle à une seule entrée : les images sont redimensionnées à la taille de son entrée.</translation>
    </message>
    <message>
        <source>operator %1 (%2) in subgraph %3 — %4</source>
        <translation>opérateur %1 (%2) dans le sous-graphe %3 — %4</translation>
    </message>
    <message>
        <source>operator %1 (%2) — %3</source>
        <translation>opérateur %1 (%2) — %3</translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; et %n autre</numerusform>
            <numerusform>; et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>QuantLens cannot run this model: %1.</source>
        <translation>QuantLens ne peut pas exécuter ce modèle : %1.</translation>
    </message>
    <message>
        <source>%1 does not fit this model: %2</source>
        <translation>%1 ne convient pas à ce modèle : %2</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>votre choix</translation>
    </message>
    <message>
        <source>pixels / 255, the default (the float model does not say which range it was trained on)</source>
        <translation>pixels / 255, la valeur par défaut (le modèle flottant n&apos;indique pas sur quelle plage il a été entraîné)</translation>
    </message>
    <message>
        <source>The calibration data do not fit this model&apos;s input: %1 (%2). An int8 export would be calibrated for the wrong range; choose the value range with File › Data value range….</source>
        <translation>Les données de calibration ne conviennent pas à l&apos;entrée de ce modèle : %1 (%2). Un export int8 serait calibré pour une mauvaise plage ; choisissez la plage de valeurs avec Fichier › Plage de valeurs des données….</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Already within %1 point(s) of float: nothing to keep in float</source>
        <translation>Déjà à moins de %1 point(s) du flottant : rien à garder en flottant</translation>
    </message>
    <message>
        <source> — still not within the budget</source>
        <translation> — toujours hors du budget</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>Ouvrez d&apos;abord un modèle.</translation>
    </message>
    <message>
        <source>The report evaluates the model on a data set: open one first (File › Open data set…).</source>
        <translation>Le rapport évalue le modèle sur un jeu de données : ouvrez-en d&apos;abord un (Fichier › Ouvrir un jeu de données…).</translation>
    </message>
    <message>
        <source>The data set was not read from a file, so the report&apos;s command could not read it again; open it from a file.</source>
        <translation>Le jeu de données n&apos;a pas été lu depuis un fichier, donc la commande du rapport ne pourrait pas le relire ; ouvrez-le depuis un fichier.</translation>
    </message>
    <message>
        <source>Choose where to write the report.</source>
        <translation>Choisissez où écrire le rapport.</translation>
    </message>
    <message>
        <source>The calibration data were not read from a file, so the report&apos;s command could not read them again; open them from a file.</source>
        <translation>Les données de calibration n&apos;ont pas été lues depuis un fichier, donc la commande du rapport ne pourrait pas les relire ; ouvrez-les depuis un fichier.</translation>
    </message>
    <message>
        <source>Could not copy %1 to %2 for the report&apos;s command</source>
        <translation>Impossible de copier %1 vers %2 pour la commande du rapport</translation>
    </message>
    <message>
        <source>The ranking only: the selection of layers to keep in float was not measured (merge the selection stage&apos;s shards with the ranking&apos;s)</source>
        <translation>Le classement seulement : la sélection des couches à garder en flottant n’a pas été mesurée (fusionnez les parts de l’étape de sélection avec celles du classement)</translation>
    </message>
    <message>
        <source>keep the opened results&apos; layers in float</source>
        <translation>garder en flottant les couches des résultats ouverts</translation>
    </message>
</context>
<context>
    <name>ql::app::LayerPane</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2, subgraph %3)</source>
        <translation>%1 (%2, sous-graphe %3)</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot export the table</source>
        <translation>Impossible d&apos;exporter le tableau</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Exporter le tableau</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>Exporter le tableau…</translation>
    </message>
    <message>
        <source>Filter layers (operator, shape, type…)</source>
        <translation>Filtrer les couches (opérateur, forme, type…)</translation>
    </message>
    <message>
        <source>Open a .tflite model with File › Open, or drop one on this window.</source>
        <translation>Ouvrez un modèle .tflite avec Fichier › Ouvrir, ou déposez-en un sur cette fenêtre.</translation>
    </message>
    <message>
        <source>QuantLens cannot run this model, so inference, errors on data and export are not available. Blocking operator(s): %1</source>
        <translation>QuantLens ne peut pas exécuter ce modèle : l’inférence, les erreurs sur les données et l’export ne sont pas disponibles. Opérateurs bloquants : %1</translation>
    </message>
</context>
<context>
    <name>ql::app::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open &amp;data set…</source>
        <translation>Ouvrir un &amp;jeu de données…</translation>
    </message>
    <message>
        <source>Images for Compare: IDX (.gz), .npy, or a folder with one sub-folder per class</source>
        <translation>Images pour Comparer : IDX (.gz), .npy, ou un dossier avec un sous-dossier par classe</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Export model…</source>
        <translation>&amp;Exporter le modèle…</translation>
    </message>
    <message>
        <source>Write the model in the selected mode as a .tflite the TensorFlow Lite runtime loads</source>
        <translation>Enregistrer le modèle dans le mode choisi sous forme de .tflite chargeable par l&apos;environnement d&apos;exécution TensorFlow Lite</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Measure every weighted layer&apos;s effect on accuracy (or agreement) on the data set and keep the fewest layers in float that bring the drop within one point</source>
        <translation>Mesurer l&apos;effet de chaque couche à poids sur l&apos;exactitude (ou la concordance) sur le jeu de données et garder en virgule flottante le moins de couches possible pour ramener la baisse à moins d&apos;un point</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About QuantLens</source>
        <translation>À &amp;propos de QuantLens</translation>
    </message>
    <message>
        <source>&amp;Weights</source>
        <translation>&amp;Poids</translation>
    </message>
    <message>
        <source>activation SQNR (dB)</source>
        <translation>SQNR des activations (dB)</translation>
    </message>
    <message>
        <source>E&amp;rrors</source>
        <translation>&amp;Erreurs</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparer</translation>
    </message>
    <message>
        <source>&amp;Side by side</source>
        <translation>Côte à cô&amp;te</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>Entraî&amp;ner</translation>
    </message>
    <message>
        <source>Training: %1</source>
        <translation>Entraînement : %1</translation>
    </message>
    <message>
        <source>Training done: float, PTQ and QAT are in the Compare tab</source>
        <translation>Entraînement terminé : flottant, PTQ et QAT sont dans l&apos;onglet Comparer</translation>
    </message>
    <message>
        <source>Quantization mode</source>
        <translation>Mode de quantification</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Ouvrir un modèle</translation>
    </message>
    <message>
        <source>TensorFlow Lite models (*.tflite);;All files (*)</source>
        <translation>Modèles TensorFlow Lite (*.tflite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>Impossible d&apos;ouvrir %1</translation>
    </message>
    <message>
        <source>Cannot open model</source>
        <translation>Impossible d&apos;ouvrir le modèle</translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation>%1 n&apos;a pas pu être ouvert.</translation>
    </message>
    <message numerus="yes">
        <source>the bundled Fashion-MNIST sample (%n test image(s))</source>
        <translation>
            <numerusform>l&apos;extrait Fashion-MNIST fourni (%n image de test)</numerusform>
            <numerusform>l&apos;extrait Fashion-MNIST fourni (%n images de test)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 operators, %3, mode: %4 (%5)</source>
        <translation>%1 — %2 opérateurs, %3, mode : %4 (%5)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n sample(s))</source>
        <translation>
            <numerusform>%1 (%n échantillon)</numerusform>
            <numerusform>%1 (%n échantillons)</numerusform>
        </translation>
    </message>
    <message>
        <source>no data set yet (File › Open data set…)</source>
        <translation>pas encore de jeu de données (Fichier › Ouvrir un jeu de données…)</translation>
    </message>
    <message>
        <source>Calibration data (cancel: use the data set)</source>
        <translation>Données de calibration (annuler : utiliser le jeu de données)</translation>
    </message>
    <message>
        <source>Data sets (*.gz *-ubyte *.idx *.npy);;All files (*)</source>
        <translation>Jeux de données (*.gz *-ubyte *.idx *.npy);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot open calibration data</source>
        <translation>Impossible d&apos;ouvrir les données de calibration</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>T-shirt/haut</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>Pantalon</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>Pull-over</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>Robe</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>Manteau</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>Sandale</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>Chemise</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>Basket</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>Sac</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>Bottine</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Ouvrir les images</translation>
    </message>
    <message>
        <source>Open labels (cancel: no labels)</source>
        <translation>Ouvrir les étiquettes (annuler : sans étiquettes)</translation>
    </message>
    <message>
        <source>Labels (*.gz *-ubyte *.idx *.npy);;All files (*)</source>
        <translation>Étiquettes (*.gz *-ubyte *.idx *.npy);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot open data set</source>
        <translation>Impossible d&apos;ouvrir le jeu de données</translation>
    </message>
    <message>
        <source>Open a data set (File › Open data set…) to compare the modes.</source>
        <translation>Ouvrez un jeu de données (Fichier › Ouvrir un jeu de données…) pour comparer les modes.</translation>
    </message>
    <message>
        <source>, no labels (agreement only)</source>
        <translation>, sans étiquettes (concordance seulement)</translation>
    </message>
    <message>
        <source>The data set %1 does not fit this model: %2</source>
        <translation>Le jeu de données %1 ne convient pas à ce modèle : %2</translation>
    </message>
    <message>
        <source>About QuantLens</source>
        <translation>À propos de QuantLens</translation>
    </message>
    <message>
        <source>&lt;h3&gt;QuantLens %1&lt;/h3&gt;&lt;p&gt;Explore the quantization of TensorFlow Lite models: weights, errors, modes, accuracy and size, side by side.&lt;/p&gt;&lt;p&gt;MIT license. The bundled demo model was trained by QuantLens on Fashion-MNIST (© Zalando SE, MIT license).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QuantLens %1&lt;/h3&gt;&lt;p&gt;Explorez la quantification des modèles TensorFlow Lite : poids, erreurs, modes, exactitude et taille, côte à côte.&lt;/p&gt;&lt;p&gt;Licence MIT. Le modèle de démonstration fourni a été entraîné par QuantLens sur Fashion-MNIST (© Zalando SE, licence MIT).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>QuantLens</source>
        <translation>QuantLens</translation>
    </message>
    <message>
        <source>%1 — QuantLens</source>
        <translation>%1 — QuantLens</translation>
    </message>
    <message>
        <source>calibrating…</source>
        <translation>calibration…</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>Ouvrez d&apos;abord un modèle.</translation>
    </message>
    <message>
        <source>Mode %1, %2 weights</source>
        <translation>Mode %1, poids %2</translation>
    </message>
    <message>
        <source>per-channel</source>
        <translation>par canal</translation>
    </message>
    <message>
        <source>per-tensor</source>
        <translation>par tenseur</translation>
    </message>
    <message>
        <source>; I/O %1</source>
        <translation>; E/S %1</translation>
    </message>
    <message>
        <source>; activation ranges calibrated (%1) on the first %2 samples of %3</source>
        <translation>; plages d&apos;activation calibrées (%1) sur les %2 premiers échantillons de %3</translation>
    </message>
    <message>
        <source>; needs a data set for calibration (File › Open data set…)</source>
        <translation>; nécessite un jeu de données pour la calibration (Fichier › Ouvrir un jeu de données…)</translation>
    </message>
    <message>
        <source>. The file is already quantized: this re-quantizes its dequantized weights.</source>
        <translation>. Le fichier est déjà quantifié : ceci requantifie ses poids déquantifiés.</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>Exporter le modèle</translation>
    </message>
    <message>
        <source>TensorFlow Lite models (*.tflite)</source>
        <translation>Modèles TensorFlow Lite (*.tflite)</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>aucun modèle</translation>
    </message>
    <message>
        <source>%1 is the open model; choose another file</source>
        <translation>%1 est le modèle ouvert ; choisissez un autre fichier</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportation de %1…</translation>
    </message>
    <message>
        <source>Open a data set first (File › Open data set…).</source>
        <translation>Ouvrez d&apos;abord un jeu de données (Fichier › Ouvrir un jeu de données…).</translation>
    </message>
    <message>
        <source>Choose a TFLite mode: the suggestion measures that mode.</source>
        <translation>Choisissez un mode TFLite : la suggestion mesure ce mode.</translation>
    </message>
    <message>
        <source>Measuring every layer&apos;s sensitivity…</source>
        <translation>Mesure de la sensibilité de chaque couche…</translation>
    </message>
    <message>
        <source>Suggestion failed: %1</source>
        <translation>Échec de la suggestion : %1</translation>
    </message>
    <message>
        <source>Open a data set to see the activation error per operator output.</source>
        <translation>Ouvrez un jeu de données pour voir l&apos;erreur d&apos;activation par sortie d&apos;opérateur.</translation>
    </message>
    <message numerus="yes">
        <source>Activation SQNR per operator output (the quantized model&apos;s tensor against the float one, %n sample(s) of the data set); the lowest is outlined.</source>
        <translation>
            <numerusform>SQNR des activations par sortie d&apos;opérateur (tenseur du modèle quantifié comparé à celui du modèle flottant, %n échantillon du jeu de données) ; le plus faible est entouré.</numerusform>
            <numerusform>SQNR des activations par sortie d&apos;opérateur (tenseur du modèle quantifié comparé à celui du modèle flottant, %n échantillons du jeu de données) ; le plus faible est entouré.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n layer(s) kept float</source>
        <translation>
            <numerusform>, %n couche gardée en virgule flottante</numerusform>
            <numerusform>, %n couches gardées en virgule flottante</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight analysis failed: %1</source>
        <translation>Échec de l&apos;analyse des poids : %1</translation>
    </message>
    <message>
        <source>%1: not found in the application&apos;s resources</source>
        <translation>%1 : introuvable dans les ressources de l&apos;application</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>QuantLens will use %1 the next time it starts.</source>
        <translation>QuantLens utilisera %1 au prochain démarrage.</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>la langue du système</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>Impossible de lire %1</translation>
    </message>
    <message>
        <source>How close each operator output of the quantized model stays to the float one on the data set (higher is better). Click a bar to select its layer.</source>
        <translation>À quel point chaque sortie d’opérateur du modèle quantifié reste proche de celle du modèle en virgule flottante sur le jeu de données (plus haut est meilleur). Cliquez sur une barre pour sélectionner sa couche.</translation>
    </message>
    <message>
        <source>Open image &amp;folder…</source>
        <translation>Ouvrir un dossier d’&amp;images…</translation>
    </message>
    <message>
        <source>Open image folder</source>
        <translation>Ouvrir un dossier d’images</translation>
    </message>
    <message>
        <source>A folder of images (PNG, JPEG, …), or one sub-folder per class for labelled data; images are scaled to the model&apos;s input</source>
        <translation>Un dossier d’images (PNG, JPEG, …), ou un sous-dossier par classe pour des données étiquetées ; les images sont mises à l’échelle de l’entrée du modèle</translation>
    </message>
    <message>
        <source>Cannot export the model</source>
        <translation>Impossible d’exporter le modèle</translation>
    </message>
    <message>
        <source>int8 weights and float32 activations; small weights left in float32</source>
        <translation>poids int8 et activations float32 ; les petits poids restent en float32</translation>
    </message>
    <message>
        <source>float16 weights behind DEQUANTIZE; small weights left in float32</source>
        <translation>poids float16 derrière DEQUANTIZE ; les petits poids restent en float32</translation>
    </message>
    <message>
        <source>float32 weights and activations</source>
        <translation>poids et activations float32</translation>
    </message>
    <message>
        <source>float16 weights behind DEQUANTIZE</source>
        <translation>poids float16 derrière DEQUANTIZE</translation>
    </message>
    <message>
        <source>int8 weights and float32 activations</source>
        <translation>poids int8 et activations float32</translation>
    </message>
    <message>
        <source>int8 weights and int8 activations</source>
        <translation>poids int8 et activations int8</translation>
    </message>
    <message>
        <source>uint8 weights and uint8 activations</source>
        <translation>poids uint8 et activations uint8</translation>
    </message>
    <message>
        <source>int8 weights and int16 activations</source>
        <translation>poids int8 et activations int16</translation>
    </message>
    <message numerus="yes">
        <source>; %n activation range(s) from the model itself</source>
        <translation>
            <numerusform>; %n plage d’activation issue du modèle lui-même</numerusform>
            <numerusform>; %n plages d’activation issues du modèle lui-même</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight analysis: %1</source>
        <translation>Analyse des poids : %1</translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation>&amp;Graphe</translation>
    </message>
    <message>
        <source>&amp;Diff</source>
        <translation>&amp;Diff</translation>
    </message>
    <message>
        <source>Open a model first, then compare it with another.</source>
        <translation>Ouvrez d’abord un modèle, puis comparez-le à un autre.</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>Comparaison de %1 avec %2…</translation>
    </message>
    <message>
        <source>%1 could not be compared: %2</source>
        <translation>%1 n’a pas pu être comparé : %2</translation>
    </message>
    <message>
        <source>%1 against %2: %3 operator pair(s) differ</source>
        <translation>%1 face à %2 : %3 paire(s) d’opérateurs diffèrent</translation>
    </message>
    <message>
        <source>Compare &amp;with…</source>
        <translation>Comparer &amp;avec…</translation>
    </message>
    <message>
        <source>Compare with model</source>
        <translation>Comparer avec un modèle</translation>
    </message>
    <message>
        <source>Match this model&apos;s operators with another model&apos;s (the converter&apos;s file of the same network, another export, an older version) and show what differs</source>
        <translation>Apparier les opérateurs de ce modèle avec ceux d’un autre (le fichier du convertisseur pour le même réseau, un autre export, une version plus ancienne) et montrer ce qui diffère</translation>
    </message>
    <message>
        <source>Could not measure: %1</source>
        <translation>Mesure impossible : %1</translation>
    </message>
    <message>
        <source>the layers kept in float changed</source>
        <translation>les couches gardées en flottant ont changé</translation>
    </message>
    <message>
        <source>the quantization options changed</source>
        <translation>les options de quantification ont changé</translation>
    </message>
    <message>
        <source>the data set changed</source>
        <translation>le jeu de données a changé</translation>
    </message>
    <message>
        <source>the calibration data changed</source>
        <translation>les données de calibration ont changé</translation>
    </message>
    <message>
        <source>, values in %1</source>
        <translation>, valeurs dans %1</translation>
    </message>
    <message>
        <source>The data set&apos;s values now lie in %1 (%2).</source>
        <translation>Les valeurs du jeu de données sont maintenant dans %1 (%2).</translation>
    </message>
    <message>
        <source>No data set is open yet; the choice applies to the next one.</source>
        <translation>Aucun jeu de données n&apos;est encore ouvert ; le choix s&apos;appliquera au suivant.</translation>
    </message>
    <message numerus="yes">
        <source>int8 and 16x8 are calibrated on all %n sample(s) of %1.</source>
        <translation>
            <numerusform>int8 et 16x8 sont calibrés sur %n échantillon de %1.</numerusform>
            <numerusform>int8 et 16x8 sont calibrés sur les %n échantillons de %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>int8 and 16x8 are calibrated on the first %n sample(s) of %1.</source>
        <translation>
            <numerusform>int8 et 16x8 sont calibrés sur le premier échantillon (%n) de %1.</numerusform>
            <numerusform>int8 et 16x8 sont calibrés sur les %n premiers échantillons de %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Data: %1%2. %3</source>
        <translation>Données : %1%2. %3</translation>
    </message>
    <message>
        <source>Evaluating every mode failed: %1</source>
        <translation>L&apos;évaluation de tous les modes a échoué : %1</translation>
    </message>
    <message>
        <source>Suggesting layers to keep in float failed: %1</source>
        <translation>La suggestion des couches à garder en flottant a échoué : %1</translation>
    </message>
    <message>
        <source>Activation error on the data set: %1</source>
        <translation>Erreur d&apos;activation sur le jeu de données : %1</translation>
    </message>
    <message>
        <source>The model in %1 could not be built: %2</source>
        <translation>Le modèle en %1 n&apos;a pas pu être construit : %2</translation>
    </message>
    <message>
        <source>Teaching bit widths (here %1) are simulated on the weights for analysis and are not exported. Choose a TFLite mode to export: float16, dynamic range, int8 or 16x8.</source>
        <translation>Les largeurs de bits pédagogiques (ici %1) sont simulées sur les poids pour l&apos;analyse et ne sont pas exportées. Choisissez un mode TFLite pour exporter : float16, plage dynamique, int8 ou 16x8.</translation>
    </message>
    <message>
        <source>%1 int8 and 16x8 calibrate by running the model; float16 and dynamic range can still be exported.</source>
        <translation>%1 int8 et 16x8 calibrent en exécutant le modèle ; float16 et la plage dynamique peuvent toujours être exportés.</translation>
    </message>
    <message>
        <source>Data &amp;value range…</source>
        <translation>&amp;Plage de valeurs des données…</translation>
    </message>
    <message>
        <source>How 8-bit images become input values ([0, 1], [-1, 1], [0, 255], mean and standard deviation, channel order); by default what the model&apos;s input stands for</source>
        <translation>Comment les images 8 bits deviennent des valeurs d&apos;entrée ([0, 1], [-1, 1], [0, 255], moyenne et écart type, ordre des canaux) ; par défaut, ce que représente l&apos;entrée du modèle</translation>
    </message>
    <message>
        <source>&amp;Evaluate all modes</source>
        <translation>É&amp;valuer tous les modes</translation>
    </message>
    <message>
        <source>Run every mode over the data set in the Compare tab</source>
        <translation>Exécuter chaque mode sur le jeu de données dans l&apos;onglet Comparer</translation>
    </message>
    <message>
        <source>&amp;Suggest layers to keep in float…</source>
        <translation>&amp;Suggérer les couches à garder en flottant…</translation>
    </message>
    <message>
        <source>operator %1 (%2): %3</source>
        <translation>opérateur %1 (%2) : %3</translation>
    </message>
    <message>
        <source>does not run (%1)</source>
        <translation>ne s&apos;exécute pas (%1)</translation>
    </message>
    <message>
        <source>runs, but from operator %1 on the CPU (%2)</source>
        <translation>s&apos;exécute, mais à partir de l&apos;opérateur %1 sur le CPU (%2)</translation>
    </message>
    <message numerus="yes">
        <source>runs; %n operator(s) on a slower path (%1)</source>
        <translation>
            <numerusform>s&apos;exécute ; %n opérateur sur un chemin plus lent (%1)</numerusform>
            <numerusform>s&apos;exécute ; %n opérateurs sur un chemin plus lent (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>runs</source>
        <translation>s&apos;exécute</translation>
    </message>
    <message>
        <source>On %1: %2</source>
        <translation>Sur %1 : %2</translation>
    </message>
    <message>
        <source>On %1, this file %2.</source>
        <translation>Sur %1, ce fichier %2.</translation>
    </message>
    <message>
        <source>In %1, as QuantLens would export it: %2.</source>
        <translation>En %1, tel que QuantLens l&apos;exporterait : %2.</translation>
    </message>
    <message>
        <source>Open a model first</source>
        <translation>Ouvrez d&apos;abord un modèle</translation>
    </message>
    <message>
        <source>Device &amp;memory per step…</source>
        <translation>&amp;Mémoire de l&apos;appareil par étape…</translation>
    </message>
    <message>
        <source>The RAM a microcontroller needs at each step of a run (tflite-micro&apos;s tensor arena), as opened and in the chosen mode, against the target&apos;s RAM</source>
        <translation>La RAM dont un microcontrôleur a besoin à chaque étape d&apos;une exécution (l&apos;arène de tenseurs de tflite-micro), tel qu&apos;ouvert et dans le mode choisi, face à la RAM de la cible</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>E&amp;xporter le rapport…</translation>
    </message>
    <message>
        <source>Write one self-contained HTML (and PDF) report of the model on the data set: every mode, every layer&apos;s error, the worst layers, with the command that writes it again</source>
        <translation>Écrire un rapport HTML (et PDF) autonome du modèle sur le jeu de données : chaque mode, l&apos;erreur de chaque couche, les pires couches, avec la commande qui le régénère</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Writing the report failed: %1</source>
        <translation>Échec de l&apos;écriture du rapport : %1</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>Rapport écrit</translation>
    </message>
    <message>
        <source>No report written</source>
        <translation>Aucun rapport écrit</translation>
    </message>
    <message>
        <source>int8 and 16x8 calibrated (%1) on the first %2 samples of %3; weights %4</source>
        <translation>int8 et 16x8 calibrés (%1) sur les %2 premiers échantillons de %3 ; poids %4</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>par canal</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>par tenseur</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) kept in float</source>
        <translation>
            <numerusform>%n couche gardée en virgule flottante</numerusform>
            <numerusform>%n couches gardées en virgule flottante</numerusform>
        </translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Cible : %1</translation>
    </message>
    <message>
        <source>Model %1, evaluated on %2</source>
        <translation>Modèle %1, évalué sur %2</translation>
    </message>
    <message>
        <source>Open res&amp;ults…</source>
        <translation>Ouvrir des rés&amp;ultats…</translation>
    </message>
    <message>
        <source>Open results</source>
        <translation>Ouvrir des résultats</translation>
    </message>
    <message>
        <source>Cannot open the results %1: %2</source>
        <translation>Impossible d’ouvrir les résultats %1 : %2</translation>
    </message>
    <message>
        <source>Open the model the results %1 belong to first (they name %2).</source>
        <translation>Ouvrez d’abord le modèle auquel appartiennent les résultats %1 (ils nomment %2).</translation>
    </message>
    <message>
        <source>The results %1 do not record which model they measured: check that they are of %2.</source>
        <translation>Les résultats %1 n’indiquent pas quel modèle ils ont mesuré : vérifiez qu’ils sont bien de %2.</translation>
    </message>
    <message>
        <source>The results %1 are of another model (%2), not of the open %3.</source>
        <translation>Les résultats %1 sont ceux d’un autre modèle (%2), pas du modèle ouvert %3.</translation>
    </message>
    <message numerus="yes">
        <source>Measured elsewhere, opened from %1: %n sample(s)</source>
        <translation>
            <numerusform>Mesuré ailleurs, ouvert depuis %1 : %n échantillon</numerusform>
            <numerusform>Mesuré ailleurs, ouvert depuis %1 : %n échantillons</numerusform>
        </translation>
    </message>
    <message>
        <source>, labelled</source>
        <translation>, étiquetés</translation>
    </message>
    <message>
        <source>QuantLens results (*.json);;All files (*)</source>
        <translation>Résultats QuantLens (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Show results measured elsewhere: an evaluation in Compare, a sensitivity ranking in the suggestion dialog, an activation analysis in Errors (the JSON of quantlens-cli eval, sensitivity, analyze or merge with --json, e.g. of a cluster run)</source>
        <translation>Afficher des résultats mesurés ailleurs : une évaluation dans Comparer, un classement de sensibilité dans la boîte de suggestion, une analyse des activations dans Erreurs (le JSON de quantlens-cli eval, sensitivity, analyze ou merge avec --json, p. ex. d’une exécution sur une grappe)</translation>
    </message>
    <message>
        <source>Activation SQNR per operator output in %1, measured elsewhere (opened from %2); the lowest is outlined. The next analysis here replaces it.</source>
        <translation>SQNR des activations par sortie d’opérateur en %1, mesuré ailleurs (ouvert depuis %2) ; la plus basse est entourée. La prochaine analyse ici le remplace.</translation>
    </message>
</context>
<context>
    <name>ql::app::MemoryDialog</name>
    <message>
        <source>Device memory per step</source>
        <translation>Mémoire de l&apos;appareil par étape</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>the inputs</source>
        <translation>les entrées</translation>
    </message>
    <message>
        <source>operator %1 (%2)</source>
        <translation>l&apos;opérateur %1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 KiB at %3: %4 KiB of tensors and scratch buffers, %5 KiB persistent.</source>
        <translation>%1 : %2 Kio à %3 : %4 Kio de tenseurs et de tampons de travail, %5 Kio persistants.</translation>
    </message>
    <message numerus="yes">
        <source>Kernel data of %n operator(s) unknown here, counted as 0.</source>
        <translation>
            <numerusform>Données de noyau de %n opérateur inconnues ici, comptées comme 0.</numerusform>
            <numerusform>Données de noyau de %n opérateurs inconnues ici, comptées comme 0.</numerusform>
        </translation>
    </message>
    <message>
        <source>as opened</source>
        <translation>tel qu&apos;ouvert</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>tflite-micro&apos;s greedy memory planner on a 64-bit host, as MicroInterpreter::arena_used_bytes() reports it. Each model is drawn over its own operators; clicking a step of the file as opened selects that operator.</source>
        <translation>Le planificateur de mémoire glouton de tflite-micro sur un hôte 64 bits, tel que MicroInterpreter::arena_used_bytes() le rapporte. Chaque modèle est tracé sur ses propres opérateurs ; un clic sur une étape du fichier ouvert sélectionne cet opérateur.</translation>
    </message>
</context>
<context>
    <name>ql::app::MessageArea</name>
    <message>
        <source>Dismiss these messages</source>
        <translation>Fermer ces messages</translation>
    </message>
</context>
<context>
    <name>ql::app::ModePanel</name>
    <message>
        <source>float16 (half-precision weights)</source>
        <translation>float16 (poids en demi-précision)</translation>
    </message>
    <message>
        <source>dynamic range (int8 weights, float activations)</source>
        <translation>plage dynamique (poids int8, activations flottantes)</translation>
    </message>
    <message>
        <source>full integer int8</source>
        <translation>entier complet int8</translation>
    </message>
    <message>
        <source>16x8 (int16 activations, int8 weights)</source>
        <translation>16x8 (activations int16, poids int8)</translation>
    </message>
    <message>
        <source>teaching: any bit width</source>
        <translation>pédagogique : nombre de bits libre</translation>
    </message>
    <message>
        <source>The quantization the layer table, the histograms and the error charts show</source>
        <translation>La quantification affichée par le tableau des couches, les histogrammes et les graphiques d&apos;erreur</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Mode :</translation>
    </message>
    <message>
        <source>integer (int8, or int16 for 16x8)</source>
        <translation>entier (int8, ou int16 pour 16x8)</translation>
    </message>
    <message>
        <source>uint8</source>
        <translation>uint8</translation>
    </message>
    <message>
        <source>float (QUANTIZE / DEQUANTIZE at the edges)</source>
        <translation>flottant (QUANTIZE / DEQUANTIZE aux extrémités)</translation>
    </message>
    <message>
        <source>Input and output type of an exported full-integer model</source>
        <translation>Type d&apos;entrée et de sortie d&apos;un modèle exporté en entier complet</translation>
    </message>
    <message>
        <source>&amp;I/O:</source>
        <translation>E/&amp;S :</translation>
    </message>
    <message>
        <source>Per-channel convolution weights</source>
        <translation>Poids de convolution par canal</translation>
    </message>
    <message>
        <source>One scale per output channel (what the TFLite converter does) instead of one per tensor: channels with small weights keep their precision</source>
        <translation>Une échelle par canal de sortie (comme le fait le convertisseur TFLite) au lieu d&apos;une par tenseur : les canaux aux petits poids gardent leur précision</translation>
    </message>
    <message>
        <source>Per-channel dense weights</source>
        <translation>Poids denses par canal</translation>
    </message>
    <message>
        <source>min/max</source>
        <translation>min/max</translation>
    </message>
    <message>
        <source>moving average of min/max</source>
        <translation>moyenne glissante de min/max</translation>
    </message>
    <message>
        <source>percentile 99.99 %</source>
        <translation>centile 99,99 %</translation>
    </message>
    <message>
        <source>percentile 99.9 %</source>
        <translation>centile 99,9 %</translation>
    </message>
    <message>
        <source>least squared error (MSE)</source>
        <translation>moindre erreur quadratique (MSE)</translation>
    </message>
    <message>
        <source>entropy (KL divergence)</source>
        <translation>entropie (divergence KL)</translation>
    </message>
    <message>
        <source>How each activation&apos;s range is chosen from the calibration samples. min/max keeps every value (what the TFLite converter does); percentiles, MSE and KL clip rare outliers to get a finer grid for the rest</source>
        <translation>Comment la plage de chaque activation est choisie à partir des échantillons de calibration. min/max garde toutes les valeurs (comme le convertisseur TFLite) ; les centiles, MSE et KL écrêtent les rares valeurs aberrantes pour obtenir une grille plus fine pour le reste</translation>
    </message>
    <message>
        <source>Ca&amp;libration:</source>
        <translation>Ca&amp;libration :</translation>
    </message>
    <message>
        <source> samples</source>
        <translation> échantillons</translation>
    </message>
    <message>
        <source>How many samples of the calibration data are run through the float model (the first ones); the converter&apos;s guidance is about 100 representative samples</source>
        <translation>Nombre d&apos;échantillons des données de calibration passés dans le modèle flottant (les premiers) ; le convertisseur recommande environ 100 échantillons représentatifs</translation>
    </message>
    <message>
        <source>Sam&amp;ples:</source>
        <translation>Échantill&amp;ons :</translation>
    </message>
    <message>
        <source>the data set</source>
        <translation>le jeu de données</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Calibrate on other data than the evaluation data set (for example training images)</source>
        <translation>Calibrer sur d&apos;autres données que le jeu de données d&apos;évaluation (par exemple des images d&apos;entraînement)</translation>
    </message>
    <message>
        <source>Calibrate on:</source>
        <translation>Calibrer sur :</translation>
    </message>
    <message>
        <source>Bits per weight for the teaching scheme: each bit halves the step between levels</source>
        <translation>Bits par poids pour le schéma pédagogique : chaque bit divise par deux le pas entre les niveaux</translation>
    </message>
    <message>
        <source>&amp;Bits:</source>
        <translation>&amp;Bits :</translation>
    </message>
    <message>
        <source>Symmetric (zero point 0)</source>
        <translation>Symétrique (point zéro 0)</translation>
    </message>
    <message>
        <source>Symmetric: the grid is centred on 0. Asymmetric: a zero point shifts the grid to cover [min, max] exactly, one more level</source>
        <translation>Symétrique : la grille est centrée sur 0. Asymétrique : un point zéro décale la grille pour couvrir exactement [min, max], avec un niveau de plus</translation>
    </message>
    <message numerus="yes">
        <source>%n bit(s)</source>
        <translation>
            <numerusform>%n bit</numerusform>
            <numerusform>%n bits</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (teaching)</source>
        <translation>%1 (pédagogique)</translation>
    </message>
    <message>
        <source>, per-channel</source>
        <translation>, par canal</translation>
    </message>
    <message>
        <source>, per-tensor</source>
        <translation>, par tenseur</translation>
    </message>
    <message numerus="yes">
        <source>, %1 on %n sample(s)</source>
        <translation>
            <numerusform>, %1 sur %n échantillon</numerusform>
            <numerusform>, %1 sur %n échantillons</numerusform>
        </translation>
    </message>
    <message>
        <source>Also one scale per output unit for FULLY_CONNECTED (the current converter&apos;s default; older converters used one per tensor)</source>
        <translation>Aussi une échelle par unité de sortie pour FULLY_CONNECTED (le choix par défaut du convertisseur actuel ; les anciens convertisseurs en utilisaient une par tenseur)</translation>
    </message>
    <message>
        <source>any device</source>
        <translation>tout appareil</translation>
    </message>
    <message>
        <source>The device the model is for: the choices below follow what it needs, and the layer table marks the operators that would not run there (docs/targets.md)</source>
        <translation>L&apos;appareil auquel le modèle est destiné : les choix ci-dessous suivent ce qu&apos;il exige, et la table des couches marque les opérateurs qui n&apos;y tourneraient pas (docs/targets.md)</translation>
    </message>
    <message>
        <source>T&amp;arget:</source>
        <translation>C&amp;ible :</translation>
    </message>
</context>
<context>
    <name>ql::app::OptionsCommand</name>
    <message>
        <source>mode %1 → %2</source>
        <translation>mode %1 → %2</translation>
    </message>
    <message>
        <source>%1 → %2 bits</source>
        <translation>%1 → %2 bits</translation>
    </message>
    <message>
        <source>change the quantization options</source>
        <translation>modifier les options de quantification</translation>
    </message>
</context>
<context>
    <name>ql::app::ReportDialog</name>
    <message>
        <source>Export report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>One self-contained HTML document (charts as vectors, readable offline, printable) with the model, the settings and their provenance, every mode on the data set, the weight and activation error of every layer, the worst layers and the confusion matrices. It embeds the command that writes it again.</source>
        <translation>Un document HTML autonome (graphiques vectoriels, lisible hors ligne, imprimable) avec le modèle, les réglages et leur provenance, chaque mode sur le jeu de données, l&apos;erreur des poids et des activations de chaque couche, les pires couches et les matrices de confusion. Il contient la commande qui le régénère.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Rapport :</translation>
    </message>
    <message>
        <source>Also as PDF (A4, same name)</source>
        <translation>Aussi en PDF (A4, même nom)</translation>
    </message>
    <message>
        <source>Tables as CSV and JSON in a folder beside it</source>
        <translation>Tableaux en CSV et JSON dans un dossier à côté</translation>
    </message>
    <message>
        <source>Rank the layers by sensitivity (slower), allowed drop:</source>
        <translation>Classer les couches par sensibilité (plus lent), baisse permise :</translation>
    </message>
    <message>
        <source> points</source>
        <translation> points</translation>
    </message>
    <message>
        <source>&amp;Write report</source>
        <translation>É&amp;crire le rapport</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>HTML documents (*.html)</source>
        <translation>Documents HTML (*.html)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>No report was written: %1</source>
        <translation>Aucun rapport n&apos;a été écrit : %1</translation>
    </message>
    <message>
        <source>Written again by (from the report&apos;s folder):</source>
        <translation>Régénéré par (depuis le dossier du rapport) :</translation>
    </message>
</context>
<context>
    <name>ql::app::SideBySideView</name>
    <message>
        <source>Click a sample to run both models on it</source>
        <translation>Cliquez sur un échantillon pour y exécuter les deux modèles</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Dessiner</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Ouvrir une image…</translation>
    </message>
    <message>
        <source>Run both models on a picture (PNG, JPEG, BMP, …), scaled to the model&apos;s input size</source>
        <translation>Exécuter les deux modèles sur une image (PNG, JPEG, BMP, …), redimensionnée à la taille d&apos;entrée du modèle</translation>
    </message>
    <message>
        <source>no image yet</source>
        <translation>pas encore d&apos;image</translation>
    </message>
    <message>
        <source>[0, 1] (pixels / 255)</source>
        <translation>[0, 1] (pixels / 255)</translation>
    </message>
    <message>
        <source>[-1, 1] (MobileNet, Inception)</source>
        <translation>[-1, 1] (MobileNet, Inception)</translation>
    </message>
    <message>
        <source>[0, 255] (raw pixel values)</source>
        <translation>[0, 255] (valeurs brutes des pixels)</translation>
    </message>
    <message>
        <source>The value range the model was trained on; a wrong range gives confident nonsense</source>
        <translation>La plage de valeurs sur laquelle le modèle a été entraîné ; une mauvaise plage donne des résultats absurdes mais confiants</translation>
    </message>
    <message>
        <source>MNIST and Fashion-MNIST show light objects on a black background</source>
        <translation>MNIST et Fashion-MNIST montrent des objets clairs sur fond noir</translation>
    </message>
    <message>
        <source>Value range:</source>
        <translation>Plage de valeurs :</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>Fichier image</translation>
    </message>
    <message>
        <source>The input both models see</source>
        <translation>L&apos;entrée que voient les deux modèles</translation>
    </message>
    <message>
        <source>Pick a sample or draw to run the float and the quantized model side by side.</source>
        <translation>Choisissez un échantillon ou dessinez pour exécuter côte à côte le modèle flottant et le modèle quantifié.</translation>
    </message>
    <message>
        <source>SQNR vs float (dB)</source>
        <translation>SQNR vs flottant (dB)</translation>
    </message>
    <message>
        <source>Per operator output: how close the quantized run&apos;s tensor is to the float run&apos;s. The lowest (outlined) is where the two runs part ways.</source>
        <translation>Par sortie d&apos;opérateur : à quel point le tenseur de l&apos;exécution quantifiée est proche de celui de l&apos;exécution flottante. Le plus faible (entouré) est l&apos;endroit où les deux exécutions divergent.</translation>
    </message>
    <message>
        <source>Class names…</source>
        <translation>Noms de classes…</translation>
    </message>
    <message>
        <source>Name the outputs from a text file with one class per line (for example ImageNet&apos;s labels file); models that carry a label file use it automatically</source>
        <translation>Nommer les sorties à partir d&apos;un fichier texte contenant une classe par ligne (par exemple le fichier d&apos;étiquettes d&apos;ImageNet) ; les modèles qui contiennent un fichier d&apos;étiquettes l&apos;utilisent automatiquement</translation>
    </message>
    <message>
        <source>Where the two runs part ways (per operator output):</source>
        <translation>Où les deux exécutions divergent (par sortie d&apos;opérateur) :</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n name(s), but the model has %2 outputs</source>
        <translation>
            <numerusform>%1 contient %n nom, mais le modèle a %2 sorties</numerusform>
            <numerusform>%1 contient %n noms, mais le modèle a %2 sorties</numerusform>
        </translation>
    </message>
    <message>
        <source> (1001-class ImageNet models put &quot;background&quot; first)</source>
        <translation> (les modèles ImageNet à 1001 classes placent « background » en premier)</translation>
    </message>
    <message>
        <source>Class names</source>
        <translation>Noms de classes</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot use these class names</source>
        <translation>Impossible d&apos;utiliser ces noms de classes</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Ouvrir une image</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.webp);;All files (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.webp);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open a model with one image input first.</source>
        <translation>Ouvrez d&apos;abord un modèle à une seule entrée image.</translation>
    </message>
    <message>
        <source>This model does not take images: %1</source>
        <translation>Ce modèle ne prend pas d&apos;images en entrée : %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>classe %1</translation>
    </message>
    <message>
        <source>float32: %1 (%2%) — %3: %4 (%5%)%6</source>
        <translation>float32 : %1 (%2 %) — %3 : %4 (%5 %)%6</translation>
    </message>
    <message>
        <source> — they agree</source>
        <translation> — ils concordent</translation>
    </message>
    <message>
        <source> — they disagree</source>
        <translation> — ils ne concordent pas</translation>
    </message>
    <message>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <source>Invert colours</source>
        <translation>Inverser les couleurs</translation>
    </message>
    <message>
        <source>Open a model to run it side by side with its quantized version.</source>
        <translation>Ouvrez un modèle pour l&apos;exécuter à côté de sa version quantifiée.</translation>
    </message>
    <message>
        <source>The quantized model is not ready yet.</source>
        <translation>Le modèle quantifié n&apos;est pas encore prêt.</translation>
    </message>
    <message>
        <source>Updating for %1…</source>
        <translation>Mise à jour pour %1…</translation>
    </message>
</context>
<context>
    <name>ql::app::SuggestDialog</name>
    <message>
        <source>Suggest layers to keep in float</source>
        <translation>Suggérer les couches à garder en flottant</translation>
    </message>
    <message>
        <source>Measures every weighted layer on (at most 500 samples of) the data set in the chosen mode: the metric with only that layer kept in float, and with only that layer quantized. Then keeps the fewest layers in float that bring the drop within the budget (one undo step).</source>
        <translation>Mesure chaque couche à poids sur (au plus 500 échantillons de) le jeu de données dans le mode choisi : la métrique avec seulement cette couche gardée en flottant, et avec seulement cette couche quantifiée. Puis garde en flottant le moins de couches possible pour ramener la baisse dans le budget (une étape d&apos;annulation).</translation>
    </message>
    <message>
        <source> points</source>
        <translation> points</translation>
    </message>
    <message>
        <source>The allowed drop of accuracy (or agreement without labels) against the float model</source>
        <translation>La baisse permise de la précision (ou de l&apos;accord sans étiquettes) par rapport au modèle flottant</translation>
    </message>
    <message>
        <source>Allowed drop:</source>
        <translation>Baisse permise :</translation>
    </message>
    <message>
        <source>&amp;Measure</source>
        <translation>&amp;Mesurer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Only this float</source>
        <translation>Seulement celle-ci en flottant</translation>
    </message>
    <message>
        <source>Only this quantized</source>
        <translation>Seulement celle-ci quantifiée</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>Gain</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Kept in float</source>
        <translation>Gardée en flottant</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>mesure…</translation>
    </message>
    <message>
        <source>%1 / %2 variants</source>
        <translation>%1 / %2 variantes</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>Not finished: %1</source>
        <translation>Inachevé : %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
</context>
<context>
    <name>ql::app::TrainView</name>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose a file (IDX, .gz or .npy)</source>
        <translation>Choisir un fichier (IDX, .gz ou .npy)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <source>Training images:</source>
        <translation>Images d&apos;entraînement :</translation>
    </message>
    <message>
        <source>Training labels:</source>
        <translation>Étiquettes d&apos;entraînement :</translation>
    </message>
    <message>
        <source>Test images:</source>
        <translation>Images de test :</translation>
    </message>
    <message>
        <source>Test labels:</source>
        <translation>Étiquettes de test :</translation>
    </message>
    <message>
        <source>Passes over the training set (5 reach about 88.6% on Fashion-MNIST)</source>
        <translation>Passages sur le jeu d&apos;entraînement (5 atteignent environ 88,6 % sur Fashion-MNIST)</translation>
    </message>
    <message>
        <source>Quantization-aware fine-tuning after float training: int8 fake quantization of weights and activations, so the network learns to live with the rounding</source>
        <translation>Affinage avec prise en compte de la quantification après l&apos;entraînement en virgule flottante : fausse quantification int8 des poids et des activations, pour que le réseau apprenne à composer avec l&apos;arrondi</translation>
    </message>
    <message>
        <source>The same seed gives the same weights</source>
        <translation>La même graine donne les mêmes poids</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>Use only the first N training samples (all: the whole set)</source>
        <translation>N&apos;utiliser que les N premiers échantillons d&apos;entraînement (tous : le jeu complet)</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Époques :</translation>
    </message>
    <message>
        <source>QAT epochs:</source>
        <translation>Époques QAT :</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Graine :</translation>
    </message>
    <message>
        <source>Training samples:</source>
        <translation>Échantillons d&apos;entraînement :</translation>
    </message>
    <message>
        <source>Trai&amp;n</source>
        <translation>Ent&amp;raîner</translation>
    </message>
    <message>
        <source>Train the classic CNN (Conv 12 3x3, MaxPool, Dense) and compare float, PTQ and QAT</source>
        <translation>Entraîner le CNN classique (Conv 12 3x3, MaxPool, Dense) et comparer flottant, PTQ et QAT</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>Enregistrer le modèle…</translation>
    </message>
    <message>
        <source>Save trained model</source>
        <translation>Enregistrer le modèle entraîné</translation>
    </message>
    <message>
        <source>TensorFlow Lite models (*.tflite)</source>
        <translation>Modèles TensorFlow Lite (*.tflite)</translation>
    </message>
    <message>
        <source>Cannot save the model</source>
        <translation>Impossible d&apos;enregistrer le modèle</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>Chargement des données…</translation>
    </message>
    <message>
        <source>%1epoch %2 of %3: loss %4, training accuracy %5%</source>
        <translation>Époque %1%2 sur %3 : perte %4, exactitude d&apos;entraînement %5 %</translation>
    </message>
    <message>
        <source>QAT </source>
        <translation>QAT </translation>
    </message>
    <message>
        <source>Test accuracy: %1. The rows are in the Compare tab.</source>
        <translation>Exactitude de test : %1. Les lignes sont dans l&apos;onglet Comparer.</translation>
    </message>
</context>
<context>
    <name>ql::app::ValueRangeDialog</name>
    <message>
        <source>Data value range</source>
        <translation>Plage de valeurs des données</translation>
    </message>
    <message>
        <source>How 8-bit data (IDX files, uint8 .npy, image folders) become input values. A model trained on other values gives confident nonsense, and its int8 export is calibrated for the wrong range.</source>
        <translation>Comment les données 8 bits (fichiers IDX, .npy uint8, dossiers d&apos;images) deviennent des valeurs d&apos;entrée. Un modèle entraîné sur d&apos;autres valeurs donne des absurdités avec assurance, et son export int8 est calibré pour une mauvaise plage.</translation>
    </message>
    <message>
        <source>As the model asks: %1</source>
        <translation>Comme le demande le modèle : %1</translation>
    </message>
    <message>
        <source>[0, 1] (pixels / 255)</source>
        <translation>[0, 1] (pixels / 255)</translation>
    </message>
    <message>
        <source>[-1, 1] (MobileNet, Inception)</source>
        <translation>[-1, 1] (MobileNet, Inception)</translation>
    </message>
    <message>
        <source>[0, 255] (raw pixel values)</source>
        <translation>[0, 255] (valeurs brutes des pixels)</translation>
    </message>
    <message>
        <source>(pixel − mean) / standard deviation</source>
        <translation>(pixel − moyenne) / écart type</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>Valeurs :</translation>
    </message>
    <message>
        <source>Mean:</source>
        <translation>Moyenne :</translation>
    </message>
    <message>
        <source>Standard deviation:</source>
        <translation>Écart type :</translation>
    </message>
    <message>
        <source>Colour channels in BGR order (Caffe-style models)</source>
        <translation>Canaux de couleur dans l&apos;ordre BGR (modèles de style Caffe)</translation>
    </message>
</context>
<context>
    <name>ql::report::Report</name>
    <message>
        <source>model</source>
        <translation>modèle</translation>
    </message>
    <message>
        <source>data</source>
        <translation>données</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>étiquettes</translation>
    </message>
    <message>
        <source>calibration data</source>
        <translation>données de calibration</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source> on %1 samples of %2</source>
        <translation> sur %1 échantillons de %2</translation>
    </message>
    <message>
        <source>Evaluating %1</source>
        <translation>Évaluation de %1</translation>
    </message>
    <message>
        <source>Analysing the weights</source>
        <translation>Analyse des poids</translation>
    </message>
    <message>
        <source>Measuring the activation error</source>
        <translation>Mesure de l&apos;erreur d&apos;activation</translation>
    </message>
    <message>
        <source>Ranking the layers by sensitivity</source>
        <translation>Classement des couches par sensibilité</translation>
    </message>
    <message>
        <source>Checking the target</source>
        <translation>Vérification de la cible</translation>
    </message>
    <message>
        <source>the file as given</source>
        <translation>le fichier tel quel</translation>
    </message>
    <message>
        <source>int8 (float I/O, as evaluated)</source>
        <translation>int8 (E/S flottantes, tel qu&apos;évalué)</translation>
    </message>
    <message>
        <source>wrote %1 (%2 pages)</source>
        <translation>%1 écrit (%2 pages)</translation>
    </message>
    <message>
        <source>wrote %1 (%2 modes, %3 weighted layers, %4 activations)</source>
        <translation>%1 écrit (%2 modes, %3 couches à poids, %4 activations)</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Taille du fichier</translation>
    </message>
    <message>
        <source>Mode recognised</source>
        <translation>Mode reconnu</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Opérateurs</translation>
    </message>
    <message>
        <source>Weights by type</source>
        <translation>Poids par type</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>The model</source>
        <translation>Le modèle</translation>
    </message>
    <message>
        <source>QuantLens</source>
        <translation>QuantLens</translation>
    </message>
    <message>
        <source>Evaluation samples</source>
        <translation>Échantillons d&apos;évaluation</translation>
    </message>
    <message>
        <source>, labelled</source>
        <translation>, avec étiquettes</translation>
    </message>
    <message>
        <source>, without labels</source>
        <translation>, sans étiquettes</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Calibration</translation>
    </message>
    <message>
        <source>none (no integer mode)</source>
        <translation>aucune (aucun mode entier)</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>par canal</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>par tenseur</translation>
    </message>
    <message>
        <source>Kept in float</source>
        <translation>Gardées en virgule flottante</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>This command, run from the same folder, regenerates the report with the same numbers, timings aside:</source>
        <translation>Cette commande, lancée depuis le même dossier, régénère le rapport avec les mêmes chiffres, hormis les temps mesurés :</translation>
    </message>
    <message>
        <source>Settings and provenance</source>
        <translation>Réglages et provenance</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>mode</translation>
    </message>
    <message>
        <source>top-1</source>
        <translation>top-1</translation>
    </message>
    <message>
        <source>top-5</source>
        <translation>top-5</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>concordance</translation>
    </message>
    <message>
        <source>KL mean</source>
        <translation>KL (moyenne)</translation>
    </message>
    <message>
        <source>KL p99</source>
        <translation>KL p99</translation>
    </message>
    <message>
        <source>file size</source>
        <translation>taille du fichier</translation>
    </message>
    <message>
        <source>tflite-micro arena</source>
        <translation>arène tflite-micro</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>latence (ms)</translation>
    </message>
    <message>
        <source>Agreement: the share of samples on which the mode picks the float32 model&apos;s top class.</source>
        <translation>Concordance : la part des échantillons pour lesquels le mode choisit la classe principale du modèle float32.</translation>
    </message>
    <message>
        <source>Accuracy against file size</source>
        <translation>Exactitude en fonction de la taille du fichier</translation>
    </message>
    <message>
        <source>file size (KiB)</source>
        <translation>taille du fichier (Kio)</translation>
    </message>
    <message>
        <source>top-1 accuracy (%)</source>
        <translation>exactitude top-1 (%)</translation>
    </message>
    <message>
        <source>agreement with float32 (%)</source>
        <translation>concordance avec float32 (%)</translation>
    </message>
    <message>
        <source>Latency: the median single-sample run on the machine that made the report, one thread.</source>
        <translation>Latence : le temps médian d&apos;une exécution sur un seul échantillon, sur la machine qui a produit le rapport, un seul thread.</translation>
    </message>
    <message>
        <source>The modes compared</source>
        <translation>Comparaison des modes</translation>
    </message>
    <message>
        <source>Weight error per layer (%1)</source>
        <translation>Erreur des poids par couche (%1)</translation>
    </message>
    <message>
        <source>operator (number, type)</source>
        <translation>opérateur (numéro, type)</translation>
    </message>
    <message>
        <source>weight SQNR (dB)</source>
        <translation>SQNR des poids (dB)</translation>
    </message>
    <message>
        <source>good above %1 dB</source>
        <translation>bon au-dessus de %1 dB</translation>
    </message>
    <message>
        <source>bad below %1 dB</source>
        <translation>mauvais en dessous de %1 dB</translation>
    </message>
    <message>
        <source>Signal-to-quantization-noise ratio of each layer&apos;s weights, quantized and dequantized, against the float weights. Green: good, orange: suspect, red: bad.</source>
        <translation>Rapport signal sur bruit de quantification des poids de chaque couche, quantifiés puis déquantifiés, face aux poids flottants. Vert : bon, orange : suspect, rouge : mauvais.</translation>
    </message>
    <message>
        <source>op</source>
        <translation>op</translation>
    </message>
    <message>
        <source>type</source>
        <translation>type</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>schéma</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>RMSE / scale</source>
        <translation>RMSE / échelle</translation>
    </message>
    <message>
        <source>clipped</source>
        <translation>écrêté</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>verdict</translation>
    </message>
    <message>
        <source>why</source>
        <translation>raison</translation>
    </message>
    <message>
        <source>Weights, layer by layer</source>
        <translation>Poids, couche par couche</translation>
    </message>
    <message>
        <source>Activations, operator by operator</source>
        <translation>Activations, opérateur par opérateur</translation>
    </message>
    <message>
        <source>Not analysed: the report was made without data.</source>
        <translation>Non analysé : le rapport a été produit sans données.</translation>
    </message>
    <message>
        <source>Activation error per operator output (%1)</source>
        <translation>Erreur d&apos;activation par sortie d&apos;opérateur (%1)</translation>
    </message>
    <message>
        <source>activation SQNR (dB)</source>
        <translation>SQNR des activations (dB)</translation>
    </message>
    <message>
        <source>this tensor&apos;s own quantization</source>
        <translation>la quantification de ce tenseur seul</translation>
    </message>
    <message>
        <source>with everything upstream</source>
        <translation>avec tout ce qui est en amont</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>tenseur</translation>
    </message>
    <message>
        <source>type in the model</source>
        <translation>type dans le modèle</translation>
    </message>
    <message>
        <source>local SQNR (dB)</source>
        <translation>SQNR local (dB)</translation>
    </message>
    <message>
        <source>propagated SQNR (dB)</source>
        <translation>SQNR propagé (dB)</translation>
    </message>
    <message>
        <source>Operator %1 (%2): weights</source>
        <translation>Opérateur %1 (%2) : poids</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>valeur du poids</translation>
    </message>
    <message>
        <source>count</source>
        <translation>effectif</translation>
    </message>
    <message>
        <source>float</source>
        <translation>flottant</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>quantifié</translation>
    </message>
    <message>
        <source>Operator %1 (%2), %3</source>
        <translation>Opérateur %1 (%2), %3</translation>
    </message>
    <message>
        <source>The mode quantizes no weights.</source>
        <translation>Le mode ne quantifie aucun poids.</translation>
    </message>
    <message>
        <source>The worst layers</source>
        <translation>Les pires couches</translation>
    </message>
    <message>
        <source>Confusion matrix, %1</source>
        <translation>Matrice de confusion, %1</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>classe prédite</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>classe réelle</translation>
    </message>
    <message>
        <source>No confusion matrices: the data set has no labels.</source>
        <translation>Aucune matrice de confusion : le jeu de données n&apos;a pas d&apos;étiquettes.</translation>
    </message>
    <message>
        <source>Confusion matrices</source>
        <translation>Matrices de confusion</translation>
    </message>
    <message>
        <source>top-1 accuracy</source>
        <translation>exactitude top-1</translation>
    </message>
    <message>
        <source>agreement with float32</source>
        <translation>concordance avec float32</translation>
    </message>
    <message>
        <source>What each layer costs in int8, and what keeping it float buys</source>
        <translation>Ce que coûte chaque couche en int8, et ce que rapporte le fait de la garder en virgule flottante</translation>
    </message>
    <message>
        <source>change of %1 (points)</source>
        <translation>%1 : variation (points)</translation>
    </message>
    <message>
        <source>cost: only this layer quantized</source>
        <translation>coût : seulement cette couche quantifiée</translation>
    </message>
    <message>
        <source>gain: only this layer kept float</source>
        <translation>gain : seulement cette couche en flottant</translation>
    </message>
    <message>
        <source>Metric: %1. float32 %2, all weighted layers in int8 %3; budget %4 points.</source>
        <translation>Métrique : %1. float32 %2, toutes les couches à poids en int8 %3 ; budget %4 points.</translation>
    </message>
    <message>
        <source>only this layer quantized</source>
        <translation>seulement cette couche quantifiée</translation>
    </message>
    <message>
        <source>only this layer float</source>
        <translation>seulement cette couche en flottant</translation>
    </message>
    <message>
        <source>cost (points)</source>
        <translation>coût (points)</translation>
    </message>
    <message>
        <source>gain (points)</source>
        <translation>gain (points)</translation>
    </message>
    <message>
        <source>No layer needs to stay float: int8 is within the budget.</source>
        <translation>Aucune couche n&apos;a besoin de rester en flottant : int8 est dans le budget.</translation>
    </message>
    <message>
        <source>Keep in float: --keep-float %1 (then %2, within the budget).</source>
        <translation>Garder en flottant : --keep-float %1 (on obtient alors %2, dans le budget).</translation>
    </message>
    <message>
        <source>Even with --keep-float %1 the metric stays outside the budget (%2).</source>
        <translation>Même avec --keep-float %1, la métrique reste hors du budget (%2).</translation>
    </message>
    <message>
        <source>Sensitivity of each layer</source>
        <translation>Sensibilité de chaque couche</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>s&apos;exécute</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>RAM of the target</source>
        <translation>RAM de la cible</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>flash</translation>
    </message>
    <message>
        <source>flash of the target</source>
        <translation>flash de la cible</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>constats</translation>
    </message>
    <message>
        <source>partly on the CPU</source>
        <translation>en partie sur le CPU</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>le modèle</translation>
    </message>
    <message>
        <source>impact</source>
        <translation>impact</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>opérateur</translation>
    </message>
    <message>
        <source>On the target: %1</source>
        <translation>Sur la cible : %1</translation>
    </message>
    <message>
        <source>Made in (seconds):</source>
        <translation>Produit en (secondes) :</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the report&apos;s language code</comment>
        <translation>fr</translation>
    </message>
    <message>
        <source>Quantization report: %1</source>
        <translation>Rapport de quantification : %1</translation>
    </message>
</context>
<context>
    <name>ql::widgets::CompareModel</name>
    <message>
        <source>collapse</source>
        <translation>effondrement</translation>
    </message>
    <message>
        <source>Share of samples where this mode picks the same class as the float model</source>
        <translation>Part des échantillons pour lesquels ce mode choisit la même classe que le modèle flottant</translation>
    </message>
    <message>
        <source>Mean KL divergence of this mode&apos;s output distribution from the float model&apos;s: 0 = identical</source>
        <translation>Divergence KL moyenne de la distribution de sortie de ce mode par rapport à celle du modèle flottant : 0 = identique</translation>
    </message>
    <message>
        <source>Median time of one single-sample run on this machine, one thread (QuantLens&apos; interpreter)</source>
        <translation>Temps médian d&apos;une exécution sur un seul échantillon sur cette machine, un seul thread (interpréteur de QuantLens)</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Exactitude</translation>
    </message>
    <message>
        <source>Top-5</source>
        <translation>Top-5</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Concordance</translation>
    </message>
    <message>
        <source>KL (mean)</source>
        <translation>KL (moyenne)</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latence (ms)</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>The model file: what it takes in flash on a device</source>
        <translation>Le fichier du modèle : ce qu&apos;il occupe en flash sur un appareil</translation>
    </message>
    <message>
        <source>The tensor arena tflite-micro&apos;s interpreter needs for this mode on a microcontroller (activations and its persistent data; 64-bit host figure, as arena_used_bytes() reports it)</source>
        <translation>L&apos;arène de tenseurs dont l&apos;interpréteur de tflite-micro a besoin pour ce mode sur un microcontrôleur (activations et données persistantes ; valeur d&apos;un hôte 64 bits, telle que arena_used_bytes() la donne)</translation>
    </message>
    <message>
        <source>MCU RAM</source>
        <translation>RAM du MCU</translation>
    </message>
    <message>
        <source>%1 has %2 of flash; this mode&apos;s file takes more</source>
        <translation>%1 a %2 de flash ; le fichier de ce mode en prend plus</translation>
    </message>
    <message>
        <source>%1 has %2 of RAM; this mode needs more for its tensor arena</source>
        <translation>%1 a %2 de RAM ; ce mode en demande plus pour son arène de tenseurs</translation>
    </message>
</context>
<context>
    <name>ql::widgets::CurveChart</name>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>perte</translation>
    </message>
    <message>
        <source>training accuracy</source>
        <translation>exactitude d&apos;entraînement</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>exactitude</translation>
    </message>
    <message>
        <source>Loss (left) and training accuracy (right), averaged over the epoch so far</source>
        <translation>Perte (à gauche) et exactitude d&apos;entraînement (à droite), moyennées sur l&apos;époque en cours</translation>
    </message>
    <message>
        <source>training-curves</source>
        <translation>courbes-entrainement</translation>
    </message>
</context>
<context>
    <name>ql::widgets::DiffTableModel</name>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n canal</numerusform>
            <numerusform>%n canaux</numerusform>
        </translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>seulement dans A</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>seulement dans B</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>same</source>
        <translation>identique</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>changed (largest scale ratio)</source>
        <translation>modifié (plus grand rapport d’échelles)</translation>
    </message>
    <message>
        <source>only in this model</source>
        <translation>seulement dans ce modèle</translation>
    </message>
    <message>
        <source># A</source>
        <translation># A</translation>
    </message>
    <message>
        <source># B</source>
        <translation># B</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Output scale A</source>
        <translation>Échelle de sortie A</translation>
    </message>
    <message>
        <source>Output scale B</source>
        <translation>Échelle de sortie B</translation>
    </message>
    <message>
        <source>Largest scale ratio</source>
        <translation>Plus grand rapport d’échelles</translation>
    </message>
    <message>
        <source>Output zero point</source>
        <translation>Point zéro de sortie</translation>
    </message>
    <message>
        <source>Weights (max LSB)</source>
        <translation>Poids (LSB max.)</translation>
    </message>
    <message>
        <source>Output tensor</source>
        <translation>Tenseur de sortie</translation>
    </message>
    <message>
        <source>equal</source>
        <translation>égal</translation>
    </message>
    <message>
        <source>Output SQNR B vs A (dB)</source>
        <translation>SQNR de sortie B face à A (dB)</translation>
    </message>
    <message>
        <source>Output cosine</source>
        <translation>Cosinus de sortie</translation>
    </message>
</context>
<context>
    <name>ql::widgets::DrawCanvas</name>
    <message>
        <source>Draw with the left mouse button, erase with the right one</source>
        <translation>Dessinez avec le bouton gauche de la souris, effacez avec le droit</translation>
    </message>
</context>
<context>
    <name>ql::widgets::ErrorChart</name>
    <message>
        <source>weight SQNR (dB)</source>
        <translation>SQNR des poids (dB)</translation>
    </message>
    <message>
        <source>weight-sqnr-per-layer</source>
        <translation>sqnr-poids-par-couche</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>opérateur</translation>
    </message>
    <message>
        <source>No layers with weights (or no analysis yet).</source>
        <translation>Aucune couche à poids (ou pas encore d&apos;analyse).</translation>
    </message>
    <message numerus="yes">
        <source>Weight SQNR of %n layer(s); worst outlined in red.</source>
        <translation>
            <numerusform>SQNR des poids de %n couche ; la pire est entourée en rouge.</numerusform>
            <numerusform>SQNR des poids de %n couches ; les pires sont entourées en rouge.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight SQNR per layer: higher is better, each bit is worth about 6 dB. Green good, yellow suspect, red bad; the worst (up to three) are outlined. Click a bar to select its layer; the wheel zooms along the operators.</source>
        <translation>SQNR des poids par couche : plus haut est meilleur, chaque bit vaut environ 6 dB. Vert bon, jaune douteux, rouge mauvais ; les pires (jusqu&apos;à trois) sont entourés. Cliquez sur une barre pour sélectionner sa couche ; la molette zoome le long des opérateurs.</translation>
    </message>
    <message>
        <source>dB</source>
        <translation>dB</translation>
    </message>
</context>
<context>
    <name>ql::widgets::GraphOverlay</name>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>Type de données</translation>
    </message>
    <message>
        <source>Weight SQNR</source>
        <translation>SQNR des poids</translation>
    </message>
    <message>
        <source>Weight verdict</source>
        <translation>Verdict des poids</translation>
    </message>
    <message>
        <source>Activation SQNR</source>
        <translation>SQNR des activations</translation>
    </message>
    <message>
        <source>Clipped weights</source>
        <translation>Poids écrêtés</translation>
    </message>
    <message>
        <source>Kept in float</source>
        <translation>Gardé en float</translation>
    </message>
    <message>
        <source>Constant bytes</source>
        <translation>Octets des constantes</translation>
    </message>
    <message>
        <source>The weight analysis has not finished.</source>
        <translation>L’analyse des poids n’est pas encore terminée.</translation>
    </message>
    <message>
        <source>float</source>
        <translation>float</translation>
    </message>
    <message>
        <source>left in float</source>
        <translation>laissé en float</translation>
    </message>
    <message>
        <source>Open a data set to see the activation error of each operator output.</source>
        <translation>Ouvrez un jeu de données pour voir l’erreur d’activation de chaque sortie d’opérateur.</translation>
    </message>
    <message>
        <source>kept float</source>
        <translation>en float</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>quantifié</translation>
    </message>
    <message>
        <source>kept in float</source>
        <translation>gardé en float</translation>
    </message>
    <message>
        <source>Activation SQNR (this tensor only)</source>
        <translation>SQNR des activations (ce tenseur seul)</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
</context>
<context>
    <name>ql::widgets::GraphView</name>
    <message>
        <source>Double-click the title to fold this group</source>
        <translation>Double-cliquez sur le titre pour replier ce groupe</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>Colorer selon :</translation>
    </message>
    <message>
        <source>Find operator, #number or tensor (Enter: next)</source>
        <translation>Chercher un opérateur, un #numéro ou un tenseur (Entrée : suivant)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>Afficher tout le graphe</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Tout déplier</translation>
    </message>
    <message>
        <source>Open every group of operators</source>
        <translation>Ouvrir tous les groupes d’opérateurs</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Tout replier</translation>
    </message>
    <message>
        <source>Fold the operators into their name scopes</source>
        <translation>Replier les opérateurs dans leurs espaces de noms</translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s)</source>
        <translation>
            <numerusform>%n opérateur</numerusform>
            <numerusform>%n opérateurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>laying out %n operator(s)…</source>
        <translation>
            <numerusform>disposition de %n opérateur…</numerusform>
            <numerusform>disposition de %n opérateurs…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s), %1 boxes, laid out in %2 s</source>
        <translation>
            <numerusform>%n opérateur, %1 boîtes, disposé en %2 s</numerusform>
            <numerusform>%n opérateurs, %1 boîtes, disposés en %2 s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2
Double-click to expand</source>
        <translation>%1
%2
Double-cliquez pour déplier</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n autre)</numerusform>
            <numerusform> (+%n autres)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Collapse</source>
        <translation>&amp;Replier</translation>
    </message>
    <message>
        <source>&amp;Expand</source>
        <translation>&amp;Déplier</translation>
    </message>
    <message>
        <source>worst: %1</source>
        <translation>le pire : %1</translation>
    </message>
    <message>
        <source>no match for “%1”</source>
        <translation>aucun résultat pour « %1 »</translation>
    </message>
    <message>
        <source>match %1 of %2</source>
        <translation>résultat %1 sur %2</translation>
    </message>
    <message>
        <source>&amp;Keep in float</source>
        <translation>&amp;Garder en float</translation>
    </message>
    <message>
        <source>Only operators with weights can be kept in float here</source>
        <translation>Seuls les opérateurs avec des poids peuvent être gardés en float ici</translation>
    </message>
    <message>
        <source>Show &amp;weights</source>
        <translation>Afficher les &amp;poids</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save the graph with its colours and legend as SVG, PDF or PNG, or the colours as node data for Google&apos;s Model Explorer</source>
        <translation>Enregistrer le graphe avec ses couleurs et sa légende en SVG, PDF ou PNG, ou les couleurs comme données de nœuds pour Model Explorer de Google</translation>
    </message>
    <message>
        <source>There is no model to export node data for.</source>
        <translation>Il n’y a pas de modèle pour lequel exporter des données de nœuds.</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1 : écriture impossible (%2)</translation>
    </message>
    <message>
        <source>Model Explorer node data (*.json)</source>
        <translation>Données de nœuds Model Explorer (*.json)</translation>
    </message>
    <message>
        <source>Export graph</source>
        <translation>Exporter le graphe</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PDF document (*.pdf);;PNG image (*.png)</source>
        <translation>Dessin SVG (*.svg);;Document PDF (*.pdf);;Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot export the graph</source>
        <translation>Impossible d’exporter le graphe</translation>
    </message>
    <message>
        <source>Measuring each operator&apos;s time…</source>
        <translation>Mesure du temps de chaque opérateur…</translation>
    </message>
    <message>
        <source>The subgraph shown (control-flow bodies, other signatures); colours and the shared selection are for the main subgraph</source>
        <translation>Le sous-graphe affiché (corps de flot de contrôle, autres signatures) ; les couleurs et la sélection partagée concernent le sous-graphe principal</translation>
    </message>
    <message>
        <source>main</source>
        <translation>principal</translation>
    </message>
    <message>
        <source>subgraph %1</source>
        <translation>sous-graphe %1</translation>
    </message>
    <message>
        <source>Colours are shown for the main subgraph&apos;s operators.</source>
        <translation>Les couleurs sont affichées pour les opérateurs du sous-graphe principal.</translation>
    </message>
</context>
<context>
    <name>ql::widgets::LayerTableModel</name>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>Keep this layer in float: it is not quantized, QUANTIZE/DEQUANTIZE go around it (Ctrl+Z undoes)</source>
        <translation>Garder cette couche en virgule flottante : elle n&apos;est pas quantifiée, QUANTIZE/DEQUANTIZE l&apos;entourent (Ctrl+Z annule)</translation>
    </message>
    <message>
        <source>%1 weights: %2. SQNR = 10·log10(Σw² / Σ(w − ŵ)²): each bit is worth about 6 dB.</source>
        <translation>Poids %1 : %2. SQNR = 10·log10(Σw² / Σ(w − ŵ)²) : chaque bit vaut environ 6 dB.</translation>
    </message>
    <message>
        <source>Weight quantization: %1</source>
        <translation>Quantification des poids : %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Weight type</source>
        <translation>Type des poids</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Quantification</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Weight SQNR (dB)</source>
        <translation>SQNR des poids (dB)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Keep float</source>
        <translation>Garder en flottant</translation>
    </message>
    <message>
        <source>QuantLens cannot run this operator: %1</source>
        <translation>QuantLens ne peut pas exécuter cet opérateur : %1</translation>
    </message>
</context>
<context>
    <name>ql::widgets::MemoryChart</name>
    <message>
        <source>step (0: the inputs, then each operator)</source>
        <translation>étape (0 : les entrées, puis chaque opérateur)</translation>
    </message>
    <message>
        <source>RAM in use (KiB)</source>
        <translation>RAM utilisée (Kio)</translation>
    </message>
    <message>
        <source>tflite-micro&apos;s tensor arena at each step: the tensors and scratch buffers alive then, plus the persistent part. The highest point is the arena the device needs. Click a step to select its operator.</source>
        <translation>L&apos;arène de tenseurs de tflite-micro à chaque étape : les tenseurs et tampons de travail vivants à ce moment, plus la partie persistante. Le point le plus haut est l&apos;arène dont l&apos;appareil a besoin. Cliquez sur une étape pour sélectionner son opérateur.</translation>
    </message>
    <message>
        <source>device-memory</source>
        <translation>memoire-appareil</translation>
    </message>
    <message>
        <source>peak %1 KiB</source>
        <translation>pic %1 Kio</translation>
    </message>
    <message>
        <source>RAM of %1: %2 KiB</source>
        <translation>RAM de %1 : %2 Kio</translation>
    </message>
    <message>
        <source>RAM on the device per step</source>
        <translation>RAM sur l&apos;appareil par étape</translation>
    </message>
</context>
<context>
    <name>ql::widgets::Minimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>Vue d’ensemble : cliquez ou faites glisser pour déplacer la vue</translation>
    </message>
</context>
<context>
    <name>ql::widgets::OperatorBars</name>
    <message>
        <source>exact (no error)</source>
        <translation>exact (aucune erreur)</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>aucune valeur</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
</context>
<context>
    <name>ql::widgets::OutputBars</name>
    <message>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <source>The top classes of the float model, with both models&apos; scores</source>
        <translation>Les classes principales du modèle flottant, avec les scores des deux modèles</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>sorties</translation>
    </message>
</context>
<context>
    <name>ql::widgets::Reason</name>
    <message>
        <source>not quantized in this mode: no weight error</source>
        <translation>non quantifié dans ce mode : aucune erreur sur les poids</translation>
    </message>
    <message>
        <source>stays float in this mode (%1): no weight error</source>
        <translation>reste en virgule flottante dans ce mode (%1) : aucune erreur sur les poids</translation>
    </message>
    <message>
        <source>weights beyond float16&apos;s largest value 65504 overflow</source>
        <translation>les poids au-delà de la plus grande valeur de float16, 65504, débordent</translation>
    </message>
    <message>
        <source>float16 keeps 11 significant bits: relative error about 2^-12 (%1 dB)</source>
        <translation>float16 garde 11 bits significatifs : erreur relative d’environ 2^-12 (%1 dB)</translation>
    </message>
    <message>
        <source>many weights are below float16&apos;s normal range (6.1e-5) and lose precision</source>
        <translation>beaucoup de poids sont sous la plage normale de float16 (6,1e-5) et perdent en précision</translation>
    </message>
    <message>
        <source>%1% of the weights lie outside the clipping range [%2, %3]</source>
        <translation>%1 % des poids sont hors de la plage d’écrêtage [%2, %3]</translation>
    </message>
    <message>
        <source>channel %1 has a range %2x the median; a per-tensor scale wastes %3 bits of the other channels (per-channel dense weights would fix it)</source>
        <translation>le canal %1 a une plage %2 fois la médiane ; une échelle par tenseur gaspille %3 bits des autres canaux (des poids denses par canal corrigeraient cela)</translation>
    </message>
    <message>
        <source>channel %1 has a range %2x the median; a per-tensor scale wastes %3 bits of the other channels (per-channel weights would fix it)</source>
        <translation>le canal %1 a une plage %2 fois la médiane ; une échelle par tenseur gaspille %3 bits des autres canaux (des poids par canal corrigeraient cela)</translation>
    </message>
    <message>
        <source>%1 of %2 channels are (nearly) all zero (pruned or dead) and quantize to zero; the others show rounding noise only (%3 dB SQNR)</source>
        <translation>%1 canaux sur %2 sont (presque) entièrement nuls (élagués ou morts) et sont quantifiés à zéro ; les autres ne montrent que du bruit d’arrondi (%3 dB de SQNR)</translation>
    </message>
    <message>
        <source>%1 of %2 channels are (nearly) all zero (pruned or dead) and quantize to zero; the others lose precision (%3 dB SQNR)</source>
        <translation>%1 canaux sur %2 sont (presque) entièrement nuls (élagués ou morts) et sont quantifiés à zéro ; les autres perdent en précision (%3 dB de SQNR)</translation>
    </message>
    <message>
        <source>outliers: the largest |weight| is %1x the standard deviation, so most weights fall on a few of the %2 levels (%3 dB SQNR)</source>
        <translation>valeurs aberrantes : le plus grand |poids| vaut %1 fois l’écart type, donc la plupart des poids tombent sur quelques-uns des %2 niveaux (%3 dB de SQNR)</translation>
    </message>
    <message>
        <source>only %1 dB SQNR: %2 bits are too coarse for this weight distribution (RMSE/scale %3)</source>
        <translation>seulement %1 dB de SQNR : %2 bits sont trop grossiers pour cette distribution de poids (RMSE/échelle %3)</translation>
    </message>
    <message>
        <source>rounding noise only: RMSE/scale %1 (ideal 1/sqrt(12) = 0.289), %2 dB SQNR</source>
        <translation>bruit d’arrondi seulement : RMSE/échelle %1 (idéal 1/sqrt(12) = 0,289), %2 dB de SQNR</translation>
    </message>
</context>
<context>
    <name>ql::widgets::SampleListModel</name>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
</context>
<context>
    <name>ql::widgets::TradeoffChart</name>
    <message>
        <source>model size (kB)</source>
        <translation>taille du modèle (ko)</translation>
    </message>
    <message>
        <source>accuracy (%) — or agreement without labels</source>
        <translation>exactitude (%) — ou concordance sans étiquettes</translation>
    </message>
    <message>
        <source>Each mode as a point: further left is smaller, higher is more accurate; the dashed line is the float model. Labels give the latency.</source>
        <translation>Chaque mode est un point : plus à gauche, plus petit ; plus haut, plus exact ; la ligne en tirets est le modèle flottant. Les étiquettes indiquent la latence.</translation>
    </message>
    <message>
        <source>accuracy-vs-size</source>
        <translation>exactitude-vs-taille</translation>
    </message>
    <message>
        <source>Accuracy against size</source>
        <translation>Exactitude en fonction de la taille</translation>
    </message>
</context>
<context>
    <name>ql::widgets::ValueBars</name>
    <message>
        <source>operator</source>
        <translation>opérateur</translation>
    </message>
    <message>
        <source>dB</source>
        <translation>dB</translation>
    </message>
</context>
<context>
    <name>ql::widgets::Verdict</name>
    <message>
        <source>good</source>
        <translation>bon</translation>
    </message>
    <message>
        <source>suspect</source>
        <translation>suspect</translation>
    </message>
    <message>
        <source>bad</source>
        <translation>mauvais</translation>
    </message>
</context>
<context>
    <name>ql::widgets::WeightView</name>
    <message>
        <source>How the scale and zero point of this weight tensor follow from its values</source>
        <translation>Comment l&apos;échelle et le point zéro de ce tenseur de poids découlent de ses valeurs</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Échelle logarithmique</translation>
    </message>
    <message>
        <source>Counts on a logarithmic axis: shows the sparse tails where outliers and clipping live</source>
        <translation>Effectifs sur un axe logarithmique : montre les queues clairsemées où se trouvent les valeurs aberrantes et l&apos;écrêtage</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>valeur du poids</translation>
    </message>
    <message>
        <source>count</source>
        <translation>effectif</translation>
    </message>
    <message>
        <source>Float weights (blue) and quantized weights (orange); dashed red: the clipping range; grey: the quantization grid. Wheel to zoom, drag to pan.</source>
        <translation>Poids flottants (bleu) et poids quantifiés (orange) ; rouge en tirets : la plage d&apos;écrêtage ; gris : la grille de quantification. Molette pour zoomer, glisser pour déplacer.</translation>
    </message>
    <message>
        <source>quantized − float</source>
        <translation>quantifié − flottant</translation>
    </message>
    <message>
        <source>Quantization error of the weights: for pure rounding, flat between −scale/2 and +scale/2</source>
        <translation>Erreur de quantification des poids : pour un arrondi pur, uniforme entre −échelle/2 et +échelle/2</translation>
    </message>
    <message>
        <source>output channel</source>
        <translation>canal de sortie</translation>
    </message>
    <message>
        <source>weight range</source>
        <translation>plage des poids</translation>
    </message>
    <message>
        <source>Minimum and maximum weight of each output channel: very unequal ranges make a per-tensor scale waste bits</source>
        <translation>Poids minimal et maximal de chaque canal de sortie : des plages très inégales font gaspiller des bits à une échelle par tenseur</translation>
    </message>
    <message>
        <source>weight-histogram</source>
        <translation>histogramme-poids</translation>
    </message>
    <message>
        <source>weight-error-histogram</source>
        <translation>histogramme-erreur-poids</translation>
    </message>
    <message>
        <source>weight-ranges-per-channel</source>
        <translation>plages-poids-par-canal</translation>
    </message>
    <message>
        <source>Select a layer with weights to see their histogram.</source>
        <translation>Sélectionnez une couche à poids pour voir l&apos;histogramme de ses poids.</translation>
    </message>
    <message>
        <source>Operator %1 %2 — weights %3 (%4): %5 — %6</source>
        <translation>Opérateur %1 %2 — poids %3 (%4) : %5 — %6</translation>
    </message>
    <message>
        <source>float</source>
        <translation>flottant</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>quantifié</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>Not quantized in this mode: the float32 weights are used as they are.</source>
        <translation>Non quantifié dans ce mode : les poids float32 sont utilisés tels quels.</translation>
    </message>
    <message>
        <source>float16: each weight is rounded to the nearest float16 (11 significant bits); max |error| = %1, SQNR %2 dB.</source>
        <translation>float16 : chaque poids est arrondi au float16 le plus proche (11 bits significatifs) ; |erreur| max = %1, SQNR %2 dB.</translation>
    </message>
    <message>
        <source> (per output channel; shown: channel %1, the widest)</source>
        <translation> (par canal de sortie ; affiché : canal %1, le plus large)</translation>
    </message>
    <message>
        <source>Symmetric%1: scale = max|w| / %2 = %3 / %2 = %4; zero point 0; q = clamp(round(w / scale), %5, %2); ŵ = q × scale. Error per weight at most scale / 2 = %6 unless clipped; RMSE / scale = %7 (1/√12 ≈ 0.289 for pure rounding).</source>
        <translation>Symétrique%1 : échelle = max|w| / %2 = %3 / %2 = %4 ; point zéro 0 ; q = clamp(round(w / échelle), %5, %2) ; ŵ = q × échelle. Erreur par poids au plus échelle / 2 = %6 sauf écrêtage ; RMSE / échelle = %7 (1/√12 ≈ 0.289 pour un arrondi pur).</translation>
    </message>
    <message>
        <source>Asymmetric%1: range [%2, %3] extended to contain 0; scale = (max − min) / (%4 − (%5)) = %6; zero point = round(%5 − min / scale) = %7; q = clamp(round(w / scale) + zp, %5, %4); ŵ = (q − zp) × scale. RMSE / scale = %8.</source>
        <translation>Asymétrique%1 : plage [%2, %3] étendue pour contenir 0 ; échelle = (max − min) / (%4 − (%5)) = %6 ; point zéro = round(%5 − min / échelle) = %7 ; q = clamp(round(w / échelle) + zp, %5, %4) ; ŵ = (q − zp) × échelle. RMSE / échelle = %8.</translation>
    </message>
</context>
</TS>
