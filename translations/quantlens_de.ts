<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1: Schreiben nicht möglich (%2)</translation>
    </message>
    <message>
        <source>%1: choose a .png, .svg or .pdf file</source>
        <translation>%1: Wählen Sie eine .png-, .svg- oder .pdf-Datei</translation>
    </message>
    <message>
        <source>%1: cannot write</source>
        <translation>%1: Schreiben nicht möglich</translation>
    </message>
    <message>
        <source>%1: cannot replace the file (%2)</source>
        <translation>%1: Datei kann nicht ersetzt werden (%2)</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>Diagramm exportieren…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot export the chart</source>
        <translation>Diagramm kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>%1: choose a .csv or .json file</source>
        <translation>%1: Wählen Sie eine .csv- oder .json-Datei</translation>
    </message>
    <message>
        <source>%1: choose a .svg, .pdf or .png file</source>
        <translation>%1: Wählen Sie eine .svg-, .pdf- oder .png-Datei</translation>
    </message>
    <message>
        <source>There is no graph to export yet.</source>
        <translation>Es gibt noch keinen Graphen zum Exportieren.</translation>
    </message>
    <message>
        <source>Model graph</source>
        <translation>Modellgraph</translation>
    </message>
    <message>
        <source>%1: cannot encode the picture</source>
        <translation>%1: Das Bild kann nicht kodiert werden</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explore the quantization of TensorFlow Lite models</source>
        <translation>Die Quantisierung von Modellen für TensorFlow Lite untersuchen</translation>
    </message>
    <message>
        <source>A .tflite model to open</source>
        <translation>Zu öffnendes .tflite-Modell</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once the model is shown, then quit</source>
        <translation>Ein Bild des Fensters in FILE speichern, sobald das Modell angezeigt wird, dann beenden</translation>
    </message>
    <message>
        <source>unknown view &apos;%1&apos;</source>
        <translation>unbekannte Ansicht „%1“</translation>
    </message>
    <message>
        <source>Use this language for this run: en, de, es, fr or zh_CN</source>
        <translation>Diese Sprache für diesen Aufruf verwenden: en, de, es, fr oder zh_CN</translation>
    </message>
    <message>
        <source>Compare the model with this second model (the Diff view)</source>
        <translation>Das Modell mit diesem zweiten Modell vergleichen (Ansicht Diff)</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Show this view at start: weights, graph, errors, compare, side-by-side, train or diff</source>
        <translation>Diese Ansicht beim Start zeigen: weights, graph, errors, compare, side-by-side, train oder diff</translation>
    </message>
</context>
<context>
    <name>ql::app::CompareTab</name>
    <message>
        <source>E&amp;valuate all modes</source>
        <translation>Alle Modi a&amp;uswerten</translation>
    </message>
    <message>
        <source>Run the model in float32, float16, dynamic range, int8 and 16x8 over the data set: accuracy, agreement with float, KL divergence, size and latency (Ctrl+E)</source>
        <translation>Das Modell in float32, float16, Dynamic Range, int8 und 16x8 auf dem Datensatz ausführen: Genauigkeit, Übereinstimmung mit Gleitkomma, KL-Divergenz, Größe und Latenz (Strg+E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>Tabelle exportieren…</translation>
    </message>
    <message>
        <source>Save the comparison as CSV or JSON</source>
        <translation>Vergleich als CSV oder JSON speichern</translation>
    </message>
    <message>
        <source>%1: %2 / %3</source>
        <translation>%1: %2 / %3</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot export the table</source>
        <translation>Tabelle kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Out of date: %1 since these results were measured. Evaluate all modes again (Ctrl+E).</source>
        <translation>Veraltet: %1, seit diese Ergebnisse gemessen wurden. Alle Modi erneut auswerten (Strg+E).</translation>
    </message>
</context>
<context>
    <name>ql::app::DiffTab</name>
    <message>
        <source>Only what differs</source>
        <translation>Nur Unterschiede</translation>
    </message>
    <message>
        <source>File › Compare with… opens a second model (the converter&apos;s file of the same network, another export, an older version) to compare with this one.</source>
        <translation>Datei › Vergleichen mit… öffnet ein zweites Modell (die Datei des Konverters für dasselbe Netz, einen anderen Export, eine ältere Version), um es mit diesem zu vergleichen.</translation>
    </message>
    <message>
        <source>A: %1 (%2 operators) — B: %3 (%4 operators). %5 pairs matched, %6 of them differ; %7 only in A, %8 only in B.</source>
        <translation>A: %1 (%2 Operatoren) — B: %3 (%4 Operatoren). %5 Paare zugeordnet, %6 davon unterschiedlich; %7 nur in A, %8 nur in B.</translation>
    </message>
    <message>
        <source>The outputs could not be compared on the data set: %1</source>
        <translation>Die Ausgaben konnten auf dem Datensatz nicht verglichen werden: %1</translation>
    </message>
    <message>
        <source>On %1 sample(s) of the data set, the two models pick the same class on %2% of them; the last columns give each pair&apos;s output SQNR (B against A) and cosine.</source>
        <translation>Auf %1 Beispiel(en) des Datensatzes wählen beide Modelle bei %2% dieselbe Klasse; die letzten Spalten geben für jedes Paar das Ausgabe-SQNR (B gegen A) und den Kosinus an.</translation>
    </message>
    <message>
        <source>On %1 sample(s) of the data set; the last columns give each pair&apos;s output SQNR (B against A) and cosine.</source>
        <translation>Auf %1 Beispiel(en) des Datensatzes; die letzten Spalten geben für jedes Paar das Ausgabe-SQNR (B gegen A) und den Kosinus an.</translation>
    </message>
    <message>
        <source>Open a data set (File › Open data set…) to see how far each pair&apos;s outputs are apart.</source>
        <translation>Öffnen Sie einen Datensatz (Datei › Datensatz öffnen…), um zu sehen, wie weit die Ausgaben jedes Paares auseinanderliegen.</translation>
    </message>
</context>
<context>
    <name>ql::app::Document</name>
    <message>
        <source>keep operator %1 in float</source>
        <translation>Operator %1 in Gleitkomma belassen</translation>
    </message>
    <message>
        <source>quantize operator %1</source>
        <translation>Operator %1 quantisieren</translation>
    </message>
    <message>
        <source>%1 needs a data set to calibrate on (File › Open data set…)</source>
        <translation>%1 benötigt einen Datensatz zur Kalibrierung (Datei › Datensatz öffnen…)</translation>
    </message>
    <message numerus="yes">
        <source>Keeping %n layer(s) in float: %1 %2 → %3 (float %4)</source>
        <translation>
            <numerusform>%n Schicht bleibt in Gleitkomma: %1 %2 → %3 (Gleitkomma %4)</numerusform>
            <numerusform>%n Schichten bleiben in Gleitkomma: %1 %2 → %3 (Gleitkomma %4)</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote %1; LiteRT runs %2 on its built-in kernels, everything else on XNNPACK</source>
        <translation>%1 geschrieben; LiteRT führt %2 mit seinen eingebauten Kernels aus, alles andere mit XNNPACK</translation>
    </message>
    <message>
        <source>Wrote %1; LiteRT runs every operator on XNNPACK</source>
        <translation>%1 geschrieben; LiteRT führt jeden Operator mit XNNPACK aus</translation>
    </message>
    <message>
        <source>another model was opened meanwhile</source>
        <translation>inzwischen wurde ein anderes Modell geöffnet</translation>
    </message>
    <message>
        <source>cancelled: another model was opened</source>
        <translation>abgebrochen: ein anderes Modell wurde geöffnet</translation>
    </message>
    <message>
        <source>cancelled: the options or the data changed meanwhile; evaluate again</source>
        <translation>abgebrochen: Optionen oder Daten haben sich inzwischen geändert; bitte erneut auswerten</translation>
    </message>
    <message>
        <source>keep suggested layers in float</source>
        <translation>vorgeschlagene Schichten in Gleitkomma belassen</translation>
    </message>
    <message>
        <source>the options or the data changed meanwhile; ask again</source>
        <translation>Optionen oder Daten haben sich inzwischen geändert; bitte erneut anfordern</translation>
    </message>
    <message>
        <source>Open a model with one input first: images are sized to its input.</source>
        <translation>Öffnen Sie zuerst ein Modell mit genau einer Eingabe: Die Bilder werden an diese Eingabe angepasst.</translation>
    </message>
    <message>
        <source>operator %1 (%2) in subgraph %3 — %4</source>
        <translation>Operator %1 (%2) in Teilgraph %3 — %4</translation>
    </message>
    <message>
        <source>operator %1 (%2) — %3</source>
        <translation>Operator %1 (%2) — %3</translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; und %n weiterer</numerusform>
            <numerusform>; und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>QuantLens cannot run this model: %1.</source>
        <translation>QuantLens kann dieses Modell nicht ausführen: %1.</translation>
    </message>
    <message>
        <source>%1 does not fit this model: %2</source>
        <translation>%1 passt nicht zu diesem Modell: %2</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>Ihre Wahl</translation>
    </message>
    <message>
        <source>pixels / 255, the default (the float model does not say which range it was trained on)</source>
        <translation>Pixel / 255, die Vorgabe (das Gleitkommamodell sagt nicht, auf welchem Bereich es trainiert wurde)</translation>
    </message>
    <message>
        <source>The calibration data do not fit this model&apos;s input: %1 (%2). An int8 export would be calibrated for the wrong range; choose the value range with File › Data value range….</source>
        <translation>Die Kalibrierungsdaten passen nicht zur Eingabe dieses Modells: %1 (%2). Ein int8-Export würde für den falschen Bereich kalibriert; wählen Sie den Wertebereich mit Datei › Wertebereich der Daten….</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Already within %1 point(s) of float: nothing to keep in float</source>
        <translation>Bereits innerhalb von %1 Prozentpunkt(en) von Gleitkomma: keine Schicht muss in Gleitkomma bleiben</translation>
    </message>
    <message>
        <source> — still not within the budget</source>
        <translation> — noch nicht innerhalb des Budgets</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>Öffnen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>The report evaluates the model on a data set: open one first (File › Open data set…).</source>
        <translation>Der Bericht wertet das Modell auf einem Datensatz aus: Öffnen Sie zuerst einen (Datei › Datensatz öffnen…).</translation>
    </message>
    <message>
        <source>The data set was not read from a file, so the report&apos;s command could not read it again; open it from a file.</source>
        <translation>Der Datensatz wurde nicht aus einer Datei gelesen, daher könnte der Befehl des Berichts ihn nicht erneut lesen; öffnen Sie ihn aus einer Datei.</translation>
    </message>
    <message>
        <source>Choose where to write the report.</source>
        <translation>Wählen Sie, wohin der Bericht geschrieben werden soll.</translation>
    </message>
    <message>
        <source>The calibration data were not read from a file, so the report&apos;s command could not read them again; open them from a file.</source>
        <translation>Die Kalibrierungsdaten wurden nicht aus einer Datei gelesen, daher könnte der Befehl des Berichts sie nicht erneut lesen; öffnen Sie sie aus einer Datei.</translation>
    </message>
    <message>
        <source>Could not copy %1 to %2 for the report&apos;s command</source>
        <translation>%1 konnte nicht nach %2 kopiert werden (für den Befehl des Berichts)</translation>
    </message>
    <message>
        <source>The ranking only: the selection of layers to keep in float was not measured (merge the selection stage&apos;s shards with the ranking&apos;s)</source>
        <translation>Nur die Rangfolge: Die Auswahl der in Gleitkomma zu belassenden Schichten wurde nicht gemessen (führen Sie die Teile der Auswahlstufe mit denen der Rangfolge zusammen)</translation>
    </message>
    <message>
        <source>keep the opened results&apos; layers in float</source>
        <translation>Schichten der geöffneten Ergebnisse in Gleitkomma belassen</translation>
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
        <translation>%1 (%2, Teilgraph %3)</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot export the table</source>
        <translation>Tabelle kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>Tabelle exportieren…</translation>
    </message>
    <message>
        <source>Filter layers (operator, shape, type…)</source>
        <translation>Schichten filtern (Operator, Form, Typ…)</translation>
    </message>
    <message>
        <source>Open a .tflite model with File › Open, or drop one on this window.</source>
        <translation>Öffnen Sie ein .tflite-Modell über Datei › Öffnen oder ziehen Sie es auf dieses Fenster.</translation>
    </message>
    <message>
        <source>QuantLens cannot run this model, so inference, errors on data and export are not available. Blocking operator(s): %1</source>
        <translation>QuantLens kann dieses Modell nicht ausführen; Inferenz, Fehler auf Daten und Export sind daher nicht verfügbar. Blockierende Operatoren: %1</translation>
    </message>
</context>
<context>
    <name>ql::app::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;data set…</source>
        <translation>&amp;Datensatz öffnen…</translation>
    </message>
    <message>
        <source>Images for Compare: IDX (.gz), .npy, or a folder with one sub-folder per class</source>
        <translation>Bilder für den Vergleich: IDX (.gz), .npy oder ein Ordner mit einem Unterordner pro Klasse</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Export model…</source>
        <translation>Modell &amp;exportieren…</translation>
    </message>
    <message>
        <source>Write the model in the selected mode as a .tflite the TensorFlow Lite runtime loads</source>
        <translation>Das Modell im gewählten Modus als .tflite-Datei schreiben, die die Laufzeitumgebung von TensorFlow Lite lädt</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Measure every weighted layer&apos;s effect on accuracy (or agreement) on the data set and keep the fewest layers in float that bring the drop within one point</source>
        <translation>Den Einfluss jeder Schicht mit Gewichten auf Genauigkeit (oder Übereinstimmung) im Datensatz messen und so wenige Schichten wie möglich in Gleitkomma belassen, dass der Rückgang höchstens einen Prozentpunkt beträgt</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About QuantLens</source>
        <translation>Ü&amp;ber QuantLens</translation>
    </message>
    <message>
        <source>&amp;Weights</source>
        <translation>&amp;Gewichte</translation>
    </message>
    <message>
        <source>activation SQNR (dB)</source>
        <translation>Aktivierungs-SQNR (dB)</translation>
    </message>
    <message>
        <source>E&amp;rrors</source>
        <translation>&amp;Fehler</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleich</translation>
    </message>
    <message>
        <source>&amp;Side by side</source>
        <translation>&amp;Nebeneinander</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>Training: %1</source>
        <translation>Training: %1</translation>
    </message>
    <message>
        <source>Training done: float, PTQ and QAT are in the Compare tab</source>
        <translation>Training abgeschlossen: Gleitkomma, PTQ und QAT stehen im Tab „Vergleich“</translation>
    </message>
    <message>
        <source>Quantization mode</source>
        <translation>Quantisierungsmodus</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>TensorFlow Lite models (*.tflite);;All files (*)</source>
        <translation>Modelle für TensorFlow Lite (*.tflite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot open model</source>
        <translation>Modell kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation>%1 konnte nicht geöffnet werden.</translation>
    </message>
    <message numerus="yes">
        <source>the bundled Fashion-MNIST sample (%n test image(s))</source>
        <translation>
            <numerusform>die mitgelieferte Fashion-MNIST-Stichprobe (%n Testbild)</numerusform>
            <numerusform>die mitgelieferte Fashion-MNIST-Stichprobe (%n Testbilder)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 operators, %3, mode: %4 (%5)</source>
        <translation>%1 — %2 Operatoren, %3, Modus: %4 (%5)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n sample(s))</source>
        <translation>
            <numerusform>%1 (%n Beispiel)</numerusform>
            <numerusform>%1 (%n Beispiele)</numerusform>
        </translation>
    </message>
    <message>
        <source>no data set yet (File › Open data set…)</source>
        <translation>noch kein Datensatz (Datei › Datensatz öffnen…)</translation>
    </message>
    <message>
        <source>Calibration data (cancel: use the data set)</source>
        <translation>Kalibrierungsdaten (Abbrechen: Datensatz verwenden)</translation>
    </message>
    <message>
        <source>Data sets (*.gz *-ubyte *.idx *.npy);;All files (*)</source>
        <translation>Datensätze (*.gz *-ubyte *.idx *.npy);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open calibration data</source>
        <translation>Kalibrierungsdaten können nicht geöffnet werden</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>T-Shirt/Top</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>Hose</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>Pullover</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>Kleid</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>Mantel</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>Sandale</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>Hemd</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>Sneaker</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>Tasche</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>Stiefelette</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Bilder öffnen</translation>
    </message>
    <message>
        <source>Open labels (cancel: no labels)</source>
        <translation>Labels öffnen (Abbrechen: keine Labels)</translation>
    </message>
    <message>
        <source>Labels (*.gz *-ubyte *.idx *.npy);;All files (*)</source>
        <translation>Labels (*.gz *-ubyte *.idx *.npy);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open data set</source>
        <translation>Datensatz kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Open a data set (File › Open data set…) to compare the modes.</source>
        <translation>Öffnen Sie einen Datensatz (Datei › Datensatz öffnen…), um die Modi zu vergleichen.</translation>
    </message>
    <message>
        <source>, no labels (agreement only)</source>
        <translation>, keine Labels (nur Übereinstimmung)</translation>
    </message>
    <message>
        <source>The data set %1 does not fit this model: %2</source>
        <translation>Der Datensatz %1 passt nicht zu diesem Modell: %2</translation>
    </message>
    <message>
        <source>About QuantLens</source>
        <translation>Über QuantLens</translation>
    </message>
    <message>
        <source>&lt;h3&gt;QuantLens %1&lt;/h3&gt;&lt;p&gt;Explore the quantization of TensorFlow Lite models: weights, errors, modes, accuracy and size, side by side.&lt;/p&gt;&lt;p&gt;MIT license. The bundled demo model was trained by QuantLens on Fashion-MNIST (© Zalando SE, MIT license).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QuantLens %1&lt;/h3&gt;&lt;p&gt;Untersuchen Sie die Quantisierung von Modellen für TensorFlow Lite: Gewichte, Fehler, Modi, Genauigkeit und Größe, nebeneinander.&lt;/p&gt;&lt;p&gt;MIT-Lizenz. Das mitgelieferte Demomodell wurde von QuantLens auf Fashion-MNIST trainiert (© Zalando SE, MIT-Lizenz).&lt;/p&gt;</translation>
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
        <translation>Kalibrierung…</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>Öffnen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>Mode %1, %2 weights</source>
        <translation>Modus %1, Gewichte %2</translation>
    </message>
    <message>
        <source>per-channel</source>
        <translation>kanalweise</translation>
    </message>
    <message>
        <source>per-tensor</source>
        <translation>pro Tensor</translation>
    </message>
    <message>
        <source>; I/O %1</source>
        <translation>; E/A %1</translation>
    </message>
    <message>
        <source>; activation ranges calibrated (%1) on the first %2 samples of %3</source>
        <translation>; Aktivierungsbereiche kalibriert (%1) mit den ersten %2 Beispielen (Quelle: %3)</translation>
    </message>
    <message>
        <source>; needs a data set for calibration (File › Open data set…)</source>
        <translation>; benötigt einen Datensatz zur Kalibrierung (Datei › Datensatz öffnen…)</translation>
    </message>
    <message>
        <source>. The file is already quantized: this re-quantizes its dequantized weights.</source>
        <translation>. Die Datei ist bereits quantisiert: Ihre dequantisierten Gewichte werden erneut quantisiert.</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>Modell exportieren</translation>
    </message>
    <message>
        <source>TensorFlow Lite models (*.tflite)</source>
        <translation>Modelle für TensorFlow Lite (*.tflite)</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <source>%1 is the open model; choose another file</source>
        <translation>%1 ist das geöffnete Modell; wählen Sie eine andere Datei</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Open a data set first (File › Open data set…).</source>
        <translation>Öffnen Sie zuerst einen Datensatz (Datei › Datensatz öffnen…).</translation>
    </message>
    <message>
        <source>Choose a TFLite mode: the suggestion measures that mode.</source>
        <translation>Wählen Sie einen TFLite-Modus: Der Vorschlag misst diesen Modus.</translation>
    </message>
    <message>
        <source>Measuring every layer&apos;s sensitivity…</source>
        <translation>Empfindlichkeit jeder Schicht wird gemessen…</translation>
    </message>
    <message>
        <source>Suggestion failed: %1</source>
        <translation>Vorschlag fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Open a data set to see the activation error per operator output.</source>
        <translation>Öffnen Sie einen Datensatz, um den Aktivierungsfehler pro Operatorausgabe zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>Activation SQNR per operator output (the quantized model&apos;s tensor against the float one, %n sample(s) of the data set); the lowest is outlined.</source>
        <translation>
            <numerusform>Aktivierungs-SQNR pro Operatorausgabe (Tensor des quantisierten Modells gegenüber dem des Gleitkommamodells, %n Beispiel des Datensatzes); der niedrigste Wert ist umrandet.</numerusform>
            <numerusform>Aktivierungs-SQNR pro Operatorausgabe (Tensor des quantisierten Modells gegenüber dem des Gleitkommamodells, %n Beispiele des Datensatzes); der niedrigste Wert ist umrandet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n layer(s) kept float</source>
        <translation>
            <numerusform>, %n Schicht in Gleitkomma belassen</numerusform>
            <numerusform>, %n Schichten in Gleitkomma belassen</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight analysis failed: %1</source>
        <translation>Gewichtsanalyse fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1: not found in the application&apos;s resources</source>
        <translation>%1: nicht in den Ressourcen der Anwendung gefunden</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>QuantLens will use %1 the next time it starts.</source>
        <translation>QuantLens verwendet beim nächsten Start %1.</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>die Systemsprache</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>%1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>How close each operator output of the quantized model stays to the float one on the data set (higher is better). Click a bar to select its layer.</source>
        <translation>Wie nah jede Operatorausgabe des quantisierten Modells auf dem Datensatz an der des Gleitkommamodells bleibt (höher ist besser). Klicken Sie auf einen Balken, um seine Schicht auszuwählen.</translation>
    </message>
    <message>
        <source>Open image &amp;folder…</source>
        <translation>Bildo&amp;rdner öffnen…</translation>
    </message>
    <message>
        <source>Open image folder</source>
        <translation>Bildordner öffnen</translation>
    </message>
    <message>
        <source>A folder of images (PNG, JPEG, …), or one sub-folder per class for labelled data; images are scaled to the model&apos;s input</source>
        <translation>Ein Ordner mit Bildern (PNG, JPEG, …) oder ein Unterordner pro Klasse für Daten mit Labels; die Bilder werden auf die Eingabegröße des Modells skaliert</translation>
    </message>
    <message>
        <source>Cannot export the model</source>
        <translation>Das Modell kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>int8 weights and float32 activations; small weights left in float32</source>
        <translation>int8-Gewichte und float32-Aktivierungen; kleine Gewichte bleiben in float32</translation>
    </message>
    <message>
        <source>float16 weights behind DEQUANTIZE; small weights left in float32</source>
        <translation>float16-Gewichte hinter DEQUANTIZE; kleine Gewichte bleiben in float32</translation>
    </message>
    <message>
        <source>float32 weights and activations</source>
        <translation>float32-Gewichte und -Aktivierungen</translation>
    </message>
    <message>
        <source>float16 weights behind DEQUANTIZE</source>
        <translation>float16-Gewichte hinter DEQUANTIZE</translation>
    </message>
    <message>
        <source>int8 weights and float32 activations</source>
        <translation>int8-Gewichte und float32-Aktivierungen</translation>
    </message>
    <message>
        <source>int8 weights and int8 activations</source>
        <translation>int8-Gewichte und int8-Aktivierungen</translation>
    </message>
    <message>
        <source>uint8 weights and uint8 activations</source>
        <translation>uint8-Gewichte und uint8-Aktivierungen</translation>
    </message>
    <message>
        <source>int8 weights and int16 activations</source>
        <translation>int8-Gewichte und int16-Aktivierungen</translation>
    </message>
    <message numerus="yes">
        <source>; %n activation range(s) from the model itself</source>
        <translation>
            <numerusform>; %n Aktivierungsbereich aus dem Modell selbst</numerusform>
            <numerusform>; %n Aktivierungsbereiche aus dem Modell selbst</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight analysis: %1</source>
        <translation>Gewichtsanalyse: %1</translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation>&amp;Graph</translation>
    </message>
    <message>
        <source>&amp;Diff</source>
        <translation>&amp;Diff</translation>
    </message>
    <message>
        <source>Open a model first, then compare it with another.</source>
        <translation>Öffnen Sie zuerst ein Modell und vergleichen Sie es dann mit einem anderen.</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>%1 wird mit %2 verglichen…</translation>
    </message>
    <message>
        <source>%1 could not be compared: %2</source>
        <translation>%1 konnte nicht verglichen werden: %2</translation>
    </message>
    <message>
        <source>%1 against %2: %3 operator pair(s) differ</source>
        <translation>%1 gegen %2: %3 Operatorpaar(e) unterscheiden sich</translation>
    </message>
    <message>
        <source>Compare &amp;with…</source>
        <translation>&amp;Vergleichen mit…</translation>
    </message>
    <message>
        <source>Compare with model</source>
        <translation>Mit Modell vergleichen</translation>
    </message>
    <message>
        <source>Match this model&apos;s operators with another model&apos;s (the converter&apos;s file of the same network, another export, an older version) and show what differs</source>
        <translation>Die Operatoren dieses Modells denen eines anderen zuordnen (Datei des Konverters für dasselbe Netz, anderer Export, ältere Version) und die Unterschiede zeigen</translation>
    </message>
    <message>
        <source>Could not measure: %1</source>
        <translation>Messung nicht möglich: %1</translation>
    </message>
    <message>
        <source>the layers kept in float changed</source>
        <translation>die in Gleitkomma belassenen Schichten haben sich geändert</translation>
    </message>
    <message>
        <source>the quantization options changed</source>
        <translation>die Quantisierungsoptionen haben sich geändert</translation>
    </message>
    <message>
        <source>the data set changed</source>
        <translation>der Datensatz hat sich geändert</translation>
    </message>
    <message>
        <source>the calibration data changed</source>
        <translation>die Kalibrierungsdaten haben sich geändert</translation>
    </message>
    <message>
        <source>, values in %1</source>
        <translation>, Werte in %1</translation>
    </message>
    <message>
        <source>The data set&apos;s values now lie in %1 (%2).</source>
        <translation>Die Werte des Datensatzes liegen jetzt in %1 (%2).</translation>
    </message>
    <message>
        <source>No data set is open yet; the choice applies to the next one.</source>
        <translation>Noch ist kein Datensatz geöffnet; die Wahl gilt für den nächsten.</translation>
    </message>
    <message numerus="yes">
        <source>int8 and 16x8 are calibrated on all %n sample(s) of %1.</source>
        <translation>
            <numerusform>int8 und 16x8 werden auf %n Beispiel von %1 kalibriert.</numerusform>
            <numerusform>int8 und 16x8 werden auf allen %n Beispielen von %1 kalibriert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>int8 and 16x8 are calibrated on the first %n sample(s) of %1.</source>
        <translation>
            <numerusform>int8 und 16x8 werden auf dem ersten Beispiel (%n) von %1 kalibriert.</numerusform>
            <numerusform>int8 und 16x8 werden auf den ersten %n Beispielen von %1 kalibriert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Data: %1%2. %3</source>
        <translation>Daten: %1%2. %3</translation>
    </message>
    <message>
        <source>Evaluating every mode failed: %1</source>
        <translation>Die Auswertung aller Modi ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Suggesting layers to keep in float failed: %1</source>
        <translation>Der Vorschlag der in Gleitkomma zu belassenden Schichten ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Activation error on the data set: %1</source>
        <translation>Aktivierungsfehler auf dem Datensatz: %1</translation>
    </message>
    <message>
        <source>The model in %1 could not be built: %2</source>
        <translation>Das Modell in %1 konnte nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>Teaching bit widths (here %1) are simulated on the weights for analysis and are not exported. Choose a TFLite mode to export: float16, dynamic range, int8 or 16x8.</source>
        <translation>Lehr-Bitbreiten (hier %1) werden für die Analyse auf den Gewichten simuliert und nicht exportiert. Wählen Sie zum Exportieren einen TFLite-Modus: float16, Dynamic Range, int8 oder 16x8.</translation>
    </message>
    <message>
        <source>%1 int8 and 16x8 calibrate by running the model; float16 and dynamic range can still be exported.</source>
        <translation>%1 int8 und 16x8 kalibrieren, indem sie das Modell ausführen; float16 und Dynamic Range lassen sich weiterhin exportieren.</translation>
    </message>
    <message>
        <source>Data &amp;value range…</source>
        <translation>&amp;Wertebereich der Daten…</translation>
    </message>
    <message>
        <source>How 8-bit images become input values ([0, 1], [-1, 1], [0, 255], mean and standard deviation, channel order); by default what the model&apos;s input stands for</source>
        <translation>Wie 8-Bit-Bilder zu Eingabewerten werden ([0, 1], [-1, 1], [0, 255], Mittelwert und Standardabweichung, Kanalreihenfolge); standardmäßig das, wofür die Eingabe des Modells steht</translation>
    </message>
    <message>
        <source>&amp;Evaluate all modes</source>
        <translation>Alle Modi &amp;auswerten</translation>
    </message>
    <message>
        <source>Run every mode over the data set in the Compare tab</source>
        <translation>Jeden Modus auf dem Datensatz im Reiter Vergleich ausführen</translation>
    </message>
    <message>
        <source>&amp;Suggest layers to keep in float…</source>
        <translation>In Gleitkomma zu belassende Schichten &amp;vorschlagen…</translation>
    </message>
    <message>
        <source>operator %1 (%2): %3</source>
        <translation>Operator %1 (%2): %3</translation>
    </message>
    <message>
        <source>does not run (%1)</source>
        <translation>läuft nicht (%1)</translation>
    </message>
    <message>
        <source>runs, but from operator %1 on the CPU (%2)</source>
        <translation>läuft, ab Operator %1 aber auf der CPU (%2)</translation>
    </message>
    <message numerus="yes">
        <source>runs; %n operator(s) on a slower path (%1)</source>
        <translation>
            <numerusform>läuft; %n Operator auf einem langsameren Weg (%1)</numerusform>
            <numerusform>läuft; %n Operatoren auf einem langsameren Weg (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>runs</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>On %1: %2</source>
        <translation>Auf %1: %2</translation>
    </message>
    <message>
        <source>On %1, this file %2.</source>
        <translation>Auf %1: diese Datei %2.</translation>
    </message>
    <message>
        <source>In %1, as QuantLens would export it: %2.</source>
        <translation>In %1, wie QuantLens es exportieren würde: %2.</translation>
    </message>
    <message>
        <source>Open a model first</source>
        <translation>Öffnen Sie zuerst ein Modell</translation>
    </message>
    <message>
        <source>Device &amp;memory per step…</source>
        <translation>&amp;Gerätespeicher pro Schritt…</translation>
    </message>
    <message>
        <source>The RAM a microcontroller needs at each step of a run (tflite-micro&apos;s tensor arena), as opened and in the chosen mode, against the target&apos;s RAM</source>
        <translation>Der RAM, den ein Mikrocontroller in jedem Schritt eines Laufs braucht (die Tensor-Arena von tflite-micro), wie geöffnet und im gewählten Modus, verglichen mit dem RAM des Ziels</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>Berich&amp;t exportieren…</translation>
    </message>
    <message>
        <source>Write one self-contained HTML (and PDF) report of the model on the data set: every mode, every layer&apos;s error, the worst layers, with the command that writes it again</source>
        <translation>Einen eigenständigen HTML-Bericht (und PDF) über das Modell auf dem Datensatz schreiben: jeder Modus, der Fehler jeder Schicht, die schlechtesten Schichten, mit dem Befehl, der ihn erneut erzeugt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Writing the report failed: %1</source>
        <translation>Schreiben des Berichts fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>Bericht geschrieben</translation>
    </message>
    <message>
        <source>No report written</source>
        <translation>Kein Bericht geschrieben</translation>
    </message>
    <message>
        <source>int8 and 16x8 calibrated (%1) on the first %2 samples of %3; weights %4</source>
        <translation>int8 und 16x8 kalibriert (%1) auf den ersten %2 Beispielen von %3; Gewichte %4</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>kanalweise</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>pro Tensor</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) kept in float</source>
        <translation>
            <numerusform>%n Schicht in Gleitkomma belassen</numerusform>
            <numerusform>%n Schichten in Gleitkomma belassen</numerusform>
        </translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Zielgerät: %1</translation>
    </message>
    <message>
        <source>Model %1, evaluated on %2</source>
        <translation>Modell %1, ausgewertet auf %2</translation>
    </message>
    <message>
        <source>Open res&amp;ults…</source>
        <translation>Erge&amp;bnisse öffnen…</translation>
    </message>
    <message>
        <source>Open results</source>
        <translation>Ergebnisse öffnen</translation>
    </message>
    <message>
        <source>Cannot open the results %1: %2</source>
        <translation>Die Ergebnisse %1 können nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Open the model the results %1 belong to first (they name %2).</source>
        <translation>Öffnen Sie zuerst das Modell, zu dem die Ergebnisse %1 gehören (sie nennen %2).</translation>
    </message>
    <message>
        <source>The results %1 do not record which model they measured: check that they are of %2.</source>
        <translation>Die Ergebnisse %1 verzeichnen nicht, welches Modell sie gemessen haben: Prüfen Sie, ob sie zu %2 gehören.</translation>
    </message>
    <message>
        <source>The results %1 are of another model (%2), not of the open %3.</source>
        <translation>Die Ergebnisse %1 gehören zu einem anderen Modell (%2), nicht zum geöffneten %3.</translation>
    </message>
    <message numerus="yes">
        <source>Measured elsewhere, opened from %1: %n sample(s)</source>
        <translation>
            <numerusform>Anderswo gemessen, geöffnet aus %1: %n Beispiel</numerusform>
            <numerusform>Anderswo gemessen, geöffnet aus %1: %n Beispiele</numerusform>
        </translation>
    </message>
    <message>
        <source>, labelled</source>
        <translation>, mit Labels</translation>
    </message>
    <message>
        <source>QuantLens results (*.json);;All files (*)</source>
        <translation>QuantLens-Ergebnisse (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Show results measured elsewhere: an evaluation in Compare, a sensitivity ranking in the suggestion dialog, an activation analysis in Errors (the JSON of quantlens-cli eval, sensitivity, analyze or merge with --json, e.g. of a cluster run)</source>
        <translation>Anderswo gemessene Ergebnisse zeigen: eine Auswertung im Reiter Vergleich, eine Sensitivitätsrangfolge im Vorschlagsdialog, eine Aktivierungsanalyse im Reiter Fehler (das JSON von quantlens-cli eval, sensitivity, analyze oder merge mit --json, z. B. eines Clusterlaufs)</translation>
    </message>
    <message>
        <source>Activation SQNR per operator output in %1, measured elsewhere (opened from %2); the lowest is outlined. The next analysis here replaces it.</source>
        <translation>Aktivierungs-SQNR je Operatorausgabe in %1, anderswo gemessen (geöffnet aus %2); die niedrigste ist umrandet. Die nächste Analyse hier ersetzt sie.</translation>
    </message>
</context>
<context>
    <name>ql::app::MemoryDialog</name>
    <message>
        <source>Device memory per step</source>
        <translation>Gerätespeicher pro Schritt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the inputs</source>
        <translation>den Eingaben</translation>
    </message>
    <message>
        <source>operator %1 (%2)</source>
        <translation>Operator %1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 KiB at %3: %4 KiB of tensors and scratch buffers, %5 KiB persistent.</source>
        <translation>%1: %2 KiB bei %3: %4 KiB Tensoren und Arbeitspuffer, %5 KiB dauerhaft.</translation>
    </message>
    <message numerus="yes">
        <source>Kernel data of %n operator(s) unknown here, counted as 0.</source>
        <translation>
            <numerusform>Kerneldaten von %n Operator hier unbekannt, als 0 gezählt.</numerusform>
            <numerusform>Kerneldaten von %n Operatoren hier unbekannt, als 0 gezählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>as opened</source>
        <translation>wie geöffnet</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>tflite-micro&apos;s greedy memory planner on a 64-bit host, as MicroInterpreter::arena_used_bytes() reports it. Each model is drawn over its own operators; clicking a step of the file as opened selects that operator.</source>
        <translation>Der gierige Speicherplaner von tflite-micro auf einem 64-Bit-Host, wie MicroInterpreter::arena_used_bytes() ihn meldet. Jedes Modell wird über seine eigenen Operatoren gezeichnet; ein Klick auf einen Schritt der geöffneten Datei wählt diesen Operator aus.</translation>
    </message>
</context>
<context>
    <name>ql::app::MessageArea</name>
    <message>
        <source>Dismiss these messages</source>
        <translation>Diese Meldungen schließen</translation>
    </message>
</context>
<context>
    <name>ql::app::ModePanel</name>
    <message>
        <source>float16 (half-precision weights)</source>
        <translation>float16 (Gewichte mit halber Genauigkeit)</translation>
    </message>
    <message>
        <source>dynamic range (int8 weights, float activations)</source>
        <translation>Dynamic Range (int8-Gewichte, Gleitkomma-Aktivierungen)</translation>
    </message>
    <message>
        <source>full integer int8</source>
        <translation>vollständig ganzzahlig int8</translation>
    </message>
    <message>
        <source>16x8 (int16 activations, int8 weights)</source>
        <translation>16x8 (int16-Aktivierungen, int8-Gewichte)</translation>
    </message>
    <message>
        <source>teaching: any bit width</source>
        <translation>Lehrmodus: beliebige Bitbreite</translation>
    </message>
    <message>
        <source>The quantization the layer table, the histograms and the error charts show</source>
        <translation>Die Quantisierung, die Schichttabelle, Histogramme und Fehlerdiagramme zeigen</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modus:</translation>
    </message>
    <message>
        <source>integer (int8, or int16 for 16x8)</source>
        <translation>ganzzahlig (int8, bei 16x8 int16)</translation>
    </message>
    <message>
        <source>uint8</source>
        <translation>uint8</translation>
    </message>
    <message>
        <source>float (QUANTIZE / DEQUANTIZE at the edges)</source>
        <translation>Gleitkomma (QUANTIZE / DEQUANTIZE an den Rändern)</translation>
    </message>
    <message>
        <source>Input and output type of an exported full-integer model</source>
        <translation>Ein- und Ausgabetyp eines exportierten, vollständig ganzzahligen Modells</translation>
    </message>
    <message>
        <source>&amp;I/O:</source>
        <translation>&amp;E/A:</translation>
    </message>
    <message>
        <source>Per-channel convolution weights</source>
        <translation>Kanalweise Faltungsgewichte</translation>
    </message>
    <message>
        <source>One scale per output channel (what the TFLite converter does) instead of one per tensor: channels with small weights keep their precision</source>
        <translation>Ein Skalierungsfaktor pro Ausgabekanal (wie beim TFLite-Konverter) statt einem pro Tensor: Kanäle mit kleinen Gewichten behalten ihre Präzision</translation>
    </message>
    <message>
        <source>Per-channel dense weights</source>
        <translation>Kanalweise Dense-Gewichte</translation>
    </message>
    <message>
        <source>min/max</source>
        <translation>min/max</translation>
    </message>
    <message>
        <source>moving average of min/max</source>
        <translation>gleitender Mittelwert von min/max</translation>
    </message>
    <message>
        <source>percentile 99.99 %</source>
        <translation>Perzentil 99,99 %</translation>
    </message>
    <message>
        <source>percentile 99.9 %</source>
        <translation>Perzentil 99,9 %</translation>
    </message>
    <message>
        <source>least squared error (MSE)</source>
        <translation>kleinster quadratischer Fehler (MSE)</translation>
    </message>
    <message>
        <source>entropy (KL divergence)</source>
        <translation>Entropie (KL-Divergenz)</translation>
    </message>
    <message>
        <source>How each activation&apos;s range is chosen from the calibration samples. min/max keeps every value (what the TFLite converter does); percentiles, MSE and KL clip rare outliers to get a finer grid for the rest</source>
        <translation>Wie der Bereich jeder Aktivierung aus den Kalibrierungsbeispielen bestimmt wird. min/max behält jeden Wert (wie der TFLite-Konverter); Perzentile, MSE und KL schneiden seltene Ausreißer ab (Clipping), um für den Rest ein feineres Raster zu erhalten</translation>
    </message>
    <message>
        <source>Ca&amp;libration:</source>
        <translation>&amp;Kalibrierung:</translation>
    </message>
    <message>
        <source> samples</source>
        <translation> Beispiele</translation>
    </message>
    <message>
        <source>How many samples of the calibration data are run through the float model (the first ones); the converter&apos;s guidance is about 100 representative samples</source>
        <translation>Wie viele Beispiele der Kalibrierungsdaten durch das Gleitkommamodell laufen (die ersten); der Konverter empfiehlt etwa 100 repräsentative Beispiele</translation>
    </message>
    <message>
        <source>Sam&amp;ples:</source>
        <translation>Beis&amp;piele:</translation>
    </message>
    <message>
        <source>the data set</source>
        <translation>der Datensatz</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Calibrate on other data than the evaluation data set (for example training images)</source>
        <translation>Mit anderen Daten als dem Auswertungsdatensatz kalibrieren (zum Beispiel Trainingsbildern)</translation>
    </message>
    <message>
        <source>Calibrate on:</source>
        <translation>Kalibrierungsdaten:</translation>
    </message>
    <message>
        <source>Bits per weight for the teaching scheme: each bit halves the step between levels</source>
        <translation>Bits pro Gewicht für das Lehrschema: Jedes Bit halbiert den Abstand zwischen den Stufen</translation>
    </message>
    <message>
        <source>&amp;Bits:</source>
        <translation>B&amp;its:</translation>
    </message>
    <message>
        <source>Symmetric (zero point 0)</source>
        <translation>Symmetrisch (Nullpunkt 0)</translation>
    </message>
    <message>
        <source>Symmetric: the grid is centred on 0. Asymmetric: a zero point shifts the grid to cover [min, max] exactly, one more level</source>
        <translation>Symmetrisch: Das Raster ist um 0 zentriert. Asymmetrisch: Ein Nullpunkt verschiebt das Raster, sodass es [min, max] genau abdeckt; eine Stufe mehr</translation>
    </message>
    <message numerus="yes">
        <source>%n bit(s)</source>
        <translation>
            <numerusform>%n Bit</numerusform>
            <numerusform>%n Bit</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (teaching)</source>
        <translation>%1 (Lehrmodus)</translation>
    </message>
    <message>
        <source>, per-channel</source>
        <translation>, kanalweise</translation>
    </message>
    <message>
        <source>, per-tensor</source>
        <translation>, pro Tensor</translation>
    </message>
    <message numerus="yes">
        <source>, %1 on %n sample(s)</source>
        <translation>
            <numerusform>, %1 mit %n Beispiel</numerusform>
            <numerusform>, %1 mit %n Beispielen</numerusform>
        </translation>
    </message>
    <message>
        <source>Also one scale per output unit for FULLY_CONNECTED (the current converter&apos;s default; older converters used one per tensor)</source>
        <translation>Auch für FULLY_CONNECTED ein Skalierungsfaktor pro Ausgabeneuron (Voreinstellung des aktuellen Konverters; ältere Konverter verwendeten einen pro Tensor)</translation>
    </message>
    <message>
        <source>any device</source>
        <translation>beliebiges Gerät</translation>
    </message>
    <message>
        <source>The device the model is for: the choices below follow what it needs, and the layer table marks the operators that would not run there (docs/targets.md)</source>
        <translation>Das Gerät, für das das Modell bestimmt ist: die Einstellungen darunter folgen seinen Anforderungen, und die Schichttabelle markiert die Operatoren, die dort nicht laufen würden (docs/targets.md)</translation>
    </message>
    <message>
        <source>T&amp;arget:</source>
        <translation>Zielger&amp;ät:</translation>
    </message>
</context>
<context>
    <name>ql::app::OptionsCommand</name>
    <message>
        <source>mode %1 → %2</source>
        <translation>Modus %1 → %2</translation>
    </message>
    <message>
        <source>%1 → %2 bits</source>
        <translation>%1 → %2 Bit</translation>
    </message>
    <message>
        <source>change the quantization options</source>
        <translation>Quantisierungsoptionen ändern</translation>
    </message>
</context>
<context>
    <name>ql::app::ReportDialog</name>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>One self-contained HTML document (charts as vectors, readable offline, printable) with the model, the settings and their provenance, every mode on the data set, the weight and activation error of every layer, the worst layers and the confusion matrices. It embeds the command that writes it again.</source>
        <translation>Ein eigenständiges HTML-Dokument (Diagramme als Vektorgrafik, offline lesbar, druckbar) mit dem Modell, den Einstellungen und ihrer Herkunft, jedem Modus auf dem Datensatz, dem Gewichts- und Aktivierungsfehler jeder Schicht, den schlechtesten Schichten und den Konfusionsmatrizen. Es enthält den Befehl, der es erneut erzeugt.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Bericht:</translation>
    </message>
    <message>
        <source>Also as PDF (A4, same name)</source>
        <translation>Auch als PDF (A4, gleicher Name)</translation>
    </message>
    <message>
        <source>Tables as CSV and JSON in a folder beside it</source>
        <translation>Tabellen als CSV und JSON in einem Ordner daneben</translation>
    </message>
    <message>
        <source>Rank the layers by sensitivity (slower), allowed drop:</source>
        <translation>Schichten nach Empfindlichkeit ordnen (langsamer), erlaubter Rückgang:</translation>
    </message>
    <message>
        <source> points</source>
        <translation> Prozentpunkte</translation>
    </message>
    <message>
        <source>&amp;Write report</source>
        <translation>&amp;Bericht schreiben</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>HTML documents (*.html)</source>
        <translation>HTML-Dokumente (*.html)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>No report was written: %1</source>
        <translation>Es wurde kein Bericht geschrieben: %1</translation>
    </message>
    <message>
        <source>Written again by (from the report&apos;s folder):</source>
        <translation>Erneut erzeugt durch (im Ordner des Berichts):</translation>
    </message>
</context>
<context>
    <name>ql::app::SideBySideView</name>
    <message>
        <source>Click a sample to run both models on it</source>
        <translation>Klicken Sie auf ein Beispiel, um beide Modelle darauf auszuführen</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Zeichnen</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Bild öffnen…</translation>
    </message>
    <message>
        <source>Run both models on a picture (PNG, JPEG, BMP, …), scaled to the model&apos;s input size</source>
        <translation>Beide Modelle auf ein Bild (PNG, JPEG, BMP, …) anwenden, skaliert auf die Eingabegröße des Modells</translation>
    </message>
    <message>
        <source>no image yet</source>
        <translation>noch kein Bild</translation>
    </message>
    <message>
        <source>[0, 1] (pixels / 255)</source>
        <translation>[0, 1] (Pixel / 255)</translation>
    </message>
    <message>
        <source>[-1, 1] (MobileNet, Inception)</source>
        <translation>[-1, 1] (MobileNet, Inception)</translation>
    </message>
    <message>
        <source>[0, 255] (raw pixel values)</source>
        <translation>[0, 255] (rohe Pixelwerte)</translation>
    </message>
    <message>
        <source>The value range the model was trained on; a wrong range gives confident nonsense</source>
        <translation>Der Wertebereich, mit dem das Modell trainiert wurde; ein falscher Bereich liefert selbstsicheren Unsinn</translation>
    </message>
    <message>
        <source>MNIST and Fashion-MNIST show light objects on a black background</source>
        <translation>MNIST und Fashion-MNIST zeigen helle Objekte auf schwarzem Hintergrund</translation>
    </message>
    <message>
        <source>Value range:</source>
        <translation>Wertebereich:</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>Bilddatei</translation>
    </message>
    <message>
        <source>The input both models see</source>
        <translation>Die Eingabe, die beide Modelle sehen</translation>
    </message>
    <message>
        <source>Pick a sample or draw to run the float and the quantized model side by side.</source>
        <translation>Wählen Sie ein Beispiel oder zeichnen Sie, um Gleitkomma- und quantisiertes Modell nebeneinander auszuführen.</translation>
    </message>
    <message>
        <source>SQNR vs float (dB)</source>
        <translation>SQNR ggü. Gleitkomma (dB)</translation>
    </message>
    <message>
        <source>Per operator output: how close the quantized run&apos;s tensor is to the float run&apos;s. The lowest (outlined) is where the two runs part ways.</source>
        <translation>Pro Operatorausgabe: wie nah der Tensor des quantisierten Laufs an dem des Gleitkomma-Laufs liegt. Am niedrigsten Wert (umrandet) trennen sich die Wege der beiden Läufe.</translation>
    </message>
    <message>
        <source>Class names…</source>
        <translation>Klassennamen…</translation>
    </message>
    <message>
        <source>Name the outputs from a text file with one class per line (for example ImageNet&apos;s labels file); models that carry a label file use it automatically</source>
        <translation>Die Ausgaben aus einer Textdatei mit einer Klasse pro Zeile benennen (zum Beispiel der Label-Datei von ImageNet); Modelle mit eigener Label-Datei verwenden diese automatisch</translation>
    </message>
    <message>
        <source>Where the two runs part ways (per operator output):</source>
        <translation>Wo sich die Wege der beiden Läufe trennen (pro Operatorausgabe):</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n name(s), but the model has %2 outputs</source>
        <translation>
            <numerusform>%1 enthält %n Namen, das Modell hat aber %2 Ausgaben</numerusform>
            <numerusform>%1 enthält %n Namen, das Modell hat aber %2 Ausgaben</numerusform>
        </translation>
    </message>
    <message>
        <source> (1001-class ImageNet models put &quot;background&quot; first)</source>
        <translation> (ImageNet-Modelle mit 1001 Klassen stellen „background“ an den Anfang)</translation>
    </message>
    <message>
        <source>Class names</source>
        <translation>Klassennamen</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot use these class names</source>
        <translation>Diese Klassennamen können nicht verwendet werden</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.webp);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.webp);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open a model with one image input first.</source>
        <translation>Öffnen Sie zuerst ein Modell mit einer Bildeingabe.</translation>
    </message>
    <message>
        <source>This model does not take images: %1</source>
        <translation>Dieses Modell verarbeitet keine Bilder: %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>float32: %1 (%2%) — %3: %4 (%5%)%6</source>
        <translation>float32: %1 (%2 %) — %3: %4 (%5 %)%6</translation>
    </message>
    <message>
        <source> — they agree</source>
        <translation> — sie stimmen überein</translation>
    </message>
    <message>
        <source> — they disagree</source>
        <translation> — sie weichen ab</translation>
    </message>
    <message>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <source>Invert colours</source>
        <translation>Farben umkehren</translation>
    </message>
    <message>
        <source>Open a model to run it side by side with its quantized version.</source>
        <translation>Öffnen Sie ein Modell, um es neben seiner quantisierten Fassung auszuführen.</translation>
    </message>
    <message>
        <source>The quantized model is not ready yet.</source>
        <translation>Das quantisierte Modell ist noch nicht bereit.</translation>
    </message>
    <message>
        <source>Updating for %1…</source>
        <translation>Wird für %1 aktualisiert…</translation>
    </message>
</context>
<context>
    <name>ql::app::SuggestDialog</name>
    <message>
        <source>Suggest layers to keep in float</source>
        <translation>In Gleitkomma zu belassende Schichten vorschlagen</translation>
    </message>
    <message>
        <source>Measures every weighted layer on (at most 500 samples of) the data set in the chosen mode: the metric with only that layer kept in float, and with only that layer quantized. Then keeps the fewest layers in float that bring the drop within the budget (one undo step).</source>
        <translation>Misst jede Schicht mit Gewichten auf (höchstens 500 Beispielen) des Datensatzes im gewählten Modus: die Metrik, wenn nur diese Schicht in Gleitkomma bleibt, und wenn nur diese Schicht quantisiert wird. Dann bleiben so wenige Schichten wie möglich in Gleitkomma, dass der Rückgang im Budget liegt (ein Rückgängig-Schritt).</translation>
    </message>
    <message>
        <source> points</source>
        <translation> Prozentpunkte</translation>
    </message>
    <message>
        <source>The allowed drop of accuracy (or agreement without labels) against the float model</source>
        <translation>Der erlaubte Rückgang der Genauigkeit (oder Übereinstimmung ohne Labels) gegenüber dem Gleitkommamodell</translation>
    </message>
    <message>
        <source>Allowed drop:</source>
        <translation>Erlaubter Rückgang:</translation>
    </message>
    <message>
        <source>&amp;Measure</source>
        <translation>&amp;Messen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Only this float</source>
        <translation>Nur diese in Gleitkomma</translation>
    </message>
    <message>
        <source>Only this quantized</source>
        <translation>Nur diese quantisiert</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>Gewinn</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Kept in float</source>
        <translation>In Gleitkomma belassen</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>wird gemessen…</translation>
    </message>
    <message>
        <source>%1 / %2 variants</source>
        <translation>%1 / %2 Varianten</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>Not finished: %1</source>
        <translation>Nicht abgeschlossen: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
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
        <translation>Datei auswählen (IDX, .gz oder .npy)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>Training images:</source>
        <translation>Trainingsbilder:</translation>
    </message>
    <message>
        <source>Training labels:</source>
        <translation>Trainingslabels:</translation>
    </message>
    <message>
        <source>Test images:</source>
        <translation>Testbilder:</translation>
    </message>
    <message>
        <source>Test labels:</source>
        <translation>Testlabels:</translation>
    </message>
    <message>
        <source>Passes over the training set (5 reach about 88.6% on Fashion-MNIST)</source>
        <translation>Durchläufe über den Trainingsdatensatz (5 erreichen etwa 88,6 % auf Fashion-MNIST)</translation>
    </message>
    <message>
        <source>Quantization-aware fine-tuning after float training: int8 fake quantization of weights and activations, so the network learns to live with the rounding</source>
        <translation>Quantisierungsbewusstes Feintuning nach dem Gleitkomma-Training: int8-Fake-Quantisierung von Gewichten und Aktivierungen, damit das Netz lernt, mit der Rundung umzugehen</translation>
    </message>
    <message>
        <source>The same seed gives the same weights</source>
        <translation>Derselbe Seed ergibt dieselben Gewichte</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Use only the first N training samples (all: the whole set)</source>
        <translation>Nur die ersten N Trainingsbeispiele verwenden (alle: der gesamte Datensatz)</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>QAT epochs:</source>
        <translation>QAT-Epochen:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Training samples:</source>
        <translation>Trainingsbeispiele:</translation>
    </message>
    <message>
        <source>Trai&amp;n</source>
        <translation>T&amp;rainieren</translation>
    </message>
    <message>
        <source>Train the classic CNN (Conv 12 3x3, MaxPool, Dense) and compare float, PTQ and QAT</source>
        <translation>Das klassische CNN (Conv 12 3x3, MaxPool, Dense) trainieren und Gleitkomma, PTQ und QAT vergleichen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>Modell speichern…</translation>
    </message>
    <message>
        <source>Save trained model</source>
        <translation>Trainiertes Modell speichern</translation>
    </message>
    <message>
        <source>TensorFlow Lite models (*.tflite)</source>
        <translation>Modelle für TensorFlow Lite (*.tflite)</translation>
    </message>
    <message>
        <source>Cannot save the model</source>
        <translation>Modell kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>Daten werden geladen…</translation>
    </message>
    <message>
        <source>%1epoch %2 of %3: loss %4, training accuracy %5%</source>
        <translation>%1Epoche %2 von %3: Verlust %4, Trainingsgenauigkeit %5 %</translation>
    </message>
    <message>
        <source>QAT </source>
        <translation>QAT-</translation>
    </message>
    <message>
        <source>Test accuracy: %1. The rows are in the Compare tab.</source>
        <translation>Testgenauigkeit: %1. Die Zeilen stehen im Tab „Vergleich“.</translation>
    </message>
</context>
<context>
    <name>ql::app::ValueRangeDialog</name>
    <message>
        <source>Data value range</source>
        <translation>Wertebereich der Daten</translation>
    </message>
    <message>
        <source>How 8-bit data (IDX files, uint8 .npy, image folders) become input values. A model trained on other values gives confident nonsense, and its int8 export is calibrated for the wrong range.</source>
        <translation>Wie 8-Bit-Daten (IDX-Dateien, uint8-.npy, Bildordner) zu Eingabewerten werden. Ein auf anderen Werten trainiertes Modell liefert selbstsicheren Unsinn, und sein int8-Export wird für den falschen Bereich kalibriert.</translation>
    </message>
    <message>
        <source>As the model asks: %1</source>
        <translation>Wie das Modell es verlangt: %1</translation>
    </message>
    <message>
        <source>[0, 1] (pixels / 255)</source>
        <translation>[0, 1] (Pixel / 255)</translation>
    </message>
    <message>
        <source>[-1, 1] (MobileNet, Inception)</source>
        <translation>[-1, 1] (MobileNet, Inception)</translation>
    </message>
    <message>
        <source>[0, 255] (raw pixel values)</source>
        <translation>[0, 255] (rohe Pixelwerte)</translation>
    </message>
    <message>
        <source>(pixel − mean) / standard deviation</source>
        <translation>(Pixel − Mittelwert) / Standardabweichung</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>Werte:</translation>
    </message>
    <message>
        <source>Mean:</source>
        <translation>Mittelwert:</translation>
    </message>
    <message>
        <source>Standard deviation:</source>
        <translation>Standardabweichung:</translation>
    </message>
    <message>
        <source>Colour channels in BGR order (Caffe-style models)</source>
        <translation>Farbkanäle in BGR-Reihenfolge (Modelle im Caffe-Stil)</translation>
    </message>
</context>
<context>
    <name>ql::report::Report</name>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>calibration data</source>
        <translation>Kalibrierungsdaten</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source> on %1 samples of %2</source>
        <translation> mit %1 Beispielen von %2</translation>
    </message>
    <message>
        <source>Evaluating %1</source>
        <translation>%1 wird ausgewertet</translation>
    </message>
    <message>
        <source>Analysing the weights</source>
        <translation>Gewichte werden analysiert</translation>
    </message>
    <message>
        <source>Measuring the activation error</source>
        <translation>Aktivierungsfehler wird gemessen</translation>
    </message>
    <message>
        <source>Ranking the layers by sensitivity</source>
        <translation>Schichten werden nach Empfindlichkeit geordnet</translation>
    </message>
    <message>
        <source>Checking the target</source>
        <translation>Zielgerät wird geprüft</translation>
    </message>
    <message>
        <source>the file as given</source>
        <translation>die Datei wie angegeben</translation>
    </message>
    <message>
        <source>int8 (float I/O, as evaluated)</source>
        <translation>int8 (Gleitkomma-E/A, wie ausgewertet)</translation>
    </message>
    <message>
        <source>wrote %1 (%2 pages)</source>
        <translation>%1 geschrieben (%2 Seiten)</translation>
    </message>
    <message>
        <source>wrote %1 (%2 modes, %3 weighted layers, %4 activations)</source>
        <translation>%1 geschrieben (%2 Modi, %3 Schichten mit Gewichten, %4 Aktivierungen)</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Mode recognised</source>
        <translation>Erkannter Modus</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operatoren</translation>
    </message>
    <message>
        <source>Weights by type</source>
        <translation>Gewichte nach Typ</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>The model</source>
        <translation>Das Modell</translation>
    </message>
    <message>
        <source>QuantLens</source>
        <translation>QuantLens</translation>
    </message>
    <message>
        <source>Evaluation samples</source>
        <translation>Auswertungsbeispiele</translation>
    </message>
    <message>
        <source>, labelled</source>
        <translation>, mit Labels</translation>
    </message>
    <message>
        <source>, without labels</source>
        <translation>, ohne Labels</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>none (no integer mode)</source>
        <translation>keine (kein Ganzzahlmodus)</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>kanalweise</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>pro Tensor</translation>
    </message>
    <message>
        <source>Kept in float</source>
        <translation>In Gleitkomma belassen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>This command, run from the same folder, regenerates the report with the same numbers, timings aside:</source>
        <translation>Dieser Befehl, im selben Ordner ausgeführt, erzeugt den Bericht mit denselben Zahlen neu, abgesehen von den Zeitmessungen:</translation>
    </message>
    <message>
        <source>Settings and provenance</source>
        <translation>Einstellungen und Herkunft</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>top-1</source>
        <translation>Top-1</translation>
    </message>
    <message>
        <source>top-5</source>
        <translation>Top-5</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>KL mean</source>
        <translation>KL (Mittel)</translation>
    </message>
    <message>
        <source>KL p99</source>
        <translation>KL p99</translation>
    </message>
    <message>
        <source>file size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>tflite-micro arena</source>
        <translation>tflite-micro-Arena</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Agreement: the share of samples on which the mode picks the float32 model&apos;s top class.</source>
        <translation>Übereinstimmung: der Anteil der Beispiele, bei denen der Modus dieselbe Top-Klasse wählt wie das float32-Modell.</translation>
    </message>
    <message>
        <source>Accuracy against file size</source>
        <translation>Genauigkeit gegenüber Dateigröße</translation>
    </message>
    <message>
        <source>file size (KiB)</source>
        <translation>Dateigröße (KiB)</translation>
    </message>
    <message>
        <source>top-1 accuracy (%)</source>
        <translation>Top-1-Genauigkeit (%)</translation>
    </message>
    <message>
        <source>agreement with float32 (%)</source>
        <translation>Übereinstimmung mit float32 (%)</translation>
    </message>
    <message>
        <source>Latency: the median single-sample run on the machine that made the report, one thread.</source>
        <translation>Latenz: der Median eines Laufs mit einem einzelnen Beispiel auf dem Rechner, der den Bericht erstellt hat, ein Thread.</translation>
    </message>
    <message>
        <source>The modes compared</source>
        <translation>Die Modi im Vergleich</translation>
    </message>
    <message>
        <source>Weight error per layer (%1)</source>
        <translation>Gewichtsfehler pro Schicht (%1)</translation>
    </message>
    <message>
        <source>operator (number, type)</source>
        <translation>Operator (Nummer, Typ)</translation>
    </message>
    <message>
        <source>weight SQNR (dB)</source>
        <translation>Gewichts-SQNR (dB)</translation>
    </message>
    <message>
        <source>good above %1 dB</source>
        <translation>gut über %1 dB</translation>
    </message>
    <message>
        <source>bad below %1 dB</source>
        <translation>schlecht unter %1 dB</translation>
    </message>
    <message>
        <source>Signal-to-quantization-noise ratio of each layer&apos;s weights, quantized and dequantized, against the float weights. Green: good, orange: suspect, red: bad.</source>
        <translation>Signal-Quantisierungsrausch-Verhältnis der Gewichte jeder Schicht, quantisiert und dequantisiert, gegenüber den Gleitkomma-Gewichten. Grün: gut, orange: fraglich, rot: schlecht.</translation>
    </message>
    <message>
        <source>op</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>RMSE / scale</source>
        <translation>RMSE / Skalierung</translation>
    </message>
    <message>
        <source>clipped</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Weights, layer by layer</source>
        <translation>Gewichte, Schicht für Schicht</translation>
    </message>
    <message>
        <source>Activations, operator by operator</source>
        <translation>Aktivierungen, Operator für Operator</translation>
    </message>
    <message>
        <source>Not analysed: the report was made without data.</source>
        <translation>Nicht analysiert: Der Bericht wurde ohne Daten erstellt.</translation>
    </message>
    <message>
        <source>Activation error per operator output (%1)</source>
        <translation>Aktivierungsfehler pro Operatorausgabe (%1)</translation>
    </message>
    <message>
        <source>activation SQNR (dB)</source>
        <translation>Aktivierungs-SQNR (dB)</translation>
    </message>
    <message>
        <source>this tensor&apos;s own quantization</source>
        <translation>nur die Quantisierung dieses Tensors</translation>
    </message>
    <message>
        <source>with everything upstream</source>
        <translation>samt allem Vorgelagerten</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>type in the model</source>
        <translation>Typ im Modell</translation>
    </message>
    <message>
        <source>local SQNR (dB)</source>
        <translation>lokales SQNR (dB)</translation>
    </message>
    <message>
        <source>propagated SQNR (dB)</source>
        <translation>propagiertes SQNR (dB)</translation>
    </message>
    <message>
        <source>Operator %1 (%2): weights</source>
        <translation>Operator %1 (%2): Gewichte</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>float</source>
        <translation>Gleitkomma</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>quantisiert</translation>
    </message>
    <message>
        <source>Operator %1 (%2), %3</source>
        <translation>Operator %1 (%2), %3</translation>
    </message>
    <message>
        <source>The mode quantizes no weights.</source>
        <translation>Der Modus quantisiert keine Gewichte.</translation>
    </message>
    <message>
        <source>The worst layers</source>
        <translation>Die schlechtesten Schichten</translation>
    </message>
    <message>
        <source>Confusion matrix, %1</source>
        <translation>Konfusionsmatrix, %1</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>vorhergesagte Klasse</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>tatsächliche Klasse</translation>
    </message>
    <message>
        <source>No confusion matrices: the data set has no labels.</source>
        <translation>Keine Konfusionsmatrizen: Der Datensatz hat keine Labels.</translation>
    </message>
    <message>
        <source>Confusion matrices</source>
        <translation>Konfusionsmatrizen</translation>
    </message>
    <message>
        <source>top-1 accuracy</source>
        <translation>Top-1-Genauigkeit</translation>
    </message>
    <message>
        <source>agreement with float32</source>
        <translation>Übereinstimmung mit float32</translation>
    </message>
    <message>
        <source>What each layer costs in int8, and what keeping it float buys</source>
        <translation>Was jede Schicht in int8 kostet und was das Belassen in Gleitkomma bringt</translation>
    </message>
    <message>
        <source>change of %1 (points)</source>
        <translation>Änderung der %1 (Prozentpunkte)</translation>
    </message>
    <message>
        <source>cost: only this layer quantized</source>
        <translation>Kosten: nur diese Schicht quantisiert</translation>
    </message>
    <message>
        <source>gain: only this layer kept float</source>
        <translation>Gewinn: nur diese Schicht in Gleitkomma</translation>
    </message>
    <message>
        <source>Metric: %1. float32 %2, all weighted layers in int8 %3; budget %4 points.</source>
        <translation>Metrik: %1. float32 %2, alle Schichten mit Gewichten in int8 %3; Budget %4 Prozentpunkte.</translation>
    </message>
    <message>
        <source>only this layer quantized</source>
        <translation>nur diese Schicht quantisiert</translation>
    </message>
    <message>
        <source>only this layer float</source>
        <translation>nur diese Schicht in Gleitkomma</translation>
    </message>
    <message>
        <source>cost (points)</source>
        <translation>Kosten (Prozentpunkte)</translation>
    </message>
    <message>
        <source>gain (points)</source>
        <translation>Gewinn (Prozentpunkte)</translation>
    </message>
    <message>
        <source>No layer needs to stay float: int8 is within the budget.</source>
        <translation>Keine Schicht muss in Gleitkomma bleiben: int8 liegt innerhalb des Budgets.</translation>
    </message>
    <message>
        <source>Keep in float: --keep-float %1 (then %2, within the budget).</source>
        <translation>In Gleitkomma belassen: --keep-float %1 (dann %2, innerhalb des Budgets).</translation>
    </message>
    <message>
        <source>Even with --keep-float %1 the metric stays outside the budget (%2).</source>
        <translation>Selbst mit --keep-float %1 bleibt die Metrik außerhalb des Budgets (%2).</translation>
    </message>
    <message>
        <source>Sensitivity of each layer</source>
        <translation>Empfindlichkeit jeder Schicht</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>RAM of the target</source>
        <translation>RAM des Zielgeräts</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>Flash</translation>
    </message>
    <message>
        <source>flash of the target</source>
        <translation>Flash des Zielgeräts</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>partly on the CPU</source>
        <translation>teilweise auf der CPU</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>das Modell</translation>
    </message>
    <message>
        <source>impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>On the target: %1</source>
        <translation>Auf dem Zielgerät: %1</translation>
    </message>
    <message>
        <source>Made in (seconds):</source>
        <translation>Erstellt in (Sekunden):</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the report&apos;s language code</comment>
        <translation>de</translation>
    </message>
    <message>
        <source>Quantization report: %1</source>
        <translation>Quantisierungsbericht: %1</translation>
    </message>
</context>
<context>
    <name>ql::widgets::CompareModel</name>
    <message>
        <source>collapse</source>
        <translation>Kollaps</translation>
    </message>
    <message>
        <source>Share of samples where this mode picks the same class as the float model</source>
        <translation>Anteil der Beispiele, bei denen dieser Modus dieselbe Klasse wählt wie das Gleitkommamodell</translation>
    </message>
    <message>
        <source>Mean KL divergence of this mode&apos;s output distribution from the float model&apos;s: 0 = identical</source>
        <translation>Mittlere KL-Divergenz der Ausgabeverteilung dieses Modus von der des Gleitkommamodells: 0 = identisch</translation>
    </message>
    <message>
        <source>Median time of one single-sample run on this machine, one thread (QuantLens&apos; interpreter)</source>
        <translation>Median der Laufzeit für ein einzelnes Beispiel auf diesem Rechner, ein Thread (Interpreter von QuantLens)</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Top-5</source>
        <translation>Top-5</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>KL (mean)</source>
        <translation>KL (Mittel)</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>The model file: what it takes in flash on a device</source>
        <translation>Die Modelldatei: was sie auf einem Gerät im Flash belegt</translation>
    </message>
    <message>
        <source>The tensor arena tflite-micro&apos;s interpreter needs for this mode on a microcontroller (activations and its persistent data; 64-bit host figure, as arena_used_bytes() reports it)</source>
        <translation>Die Tensor-Arena, die der Interpreter von tflite-micro für diesen Modus auf einem Mikrocontroller braucht (Aktivierungen und persistente Daten; Wert für einen 64-Bit-Host, wie arena_used_bytes() ihn meldet)</translation>
    </message>
    <message>
        <source>MCU RAM</source>
        <translation>MCU-RAM</translation>
    </message>
    <message>
        <source>%1 has %2 of flash; this mode&apos;s file takes more</source>
        <translation>%1 hat %2 Flash; die Datei dieses Modus braucht mehr</translation>
    </message>
    <message>
        <source>%1 has %2 of RAM; this mode needs more for its tensor arena</source>
        <translation>%1 hat %2 RAM; dieser Modus braucht mehr für seine Tensor-Arena</translation>
    </message>
</context>
<context>
    <name>ql::widgets::CurveChart</name>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>training accuracy</source>
        <translation>Trainingsgenauigkeit</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Loss (left) and training accuracy (right), averaged over the epoch so far</source>
        <translation>Verlust (links) und Trainingsgenauigkeit (rechts), gemittelt über die bisherige Epoche</translation>
    </message>
    <message>
        <source>training-curves</source>
        <translation>trainingskurven</translation>
    </message>
</context>
<context>
    <name>ql::widgets::DiffTableModel</name>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n Kanal</numerusform>
            <numerusform>%n Kanäle</numerusform>
        </translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>nur in A</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>nur in B</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Unterschied</translation>
    </message>
    <message>
        <source>changed (largest scale ratio)</source>
        <translation>geändert (größtes Skalenverhältnis)</translation>
    </message>
    <message>
        <source>only in this model</source>
        <translation>nur in diesem Modell</translation>
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
        <translation>Operator</translation>
    </message>
    <message>
        <source>Output scale A</source>
        <translation>Ausgabeskala A</translation>
    </message>
    <message>
        <source>Output scale B</source>
        <translation>Ausgabeskala B</translation>
    </message>
    <message>
        <source>Largest scale ratio</source>
        <translation>Größtes Skalenverhältnis</translation>
    </message>
    <message>
        <source>Output zero point</source>
        <translation>Ausgabe-Nullpunkt</translation>
    </message>
    <message>
        <source>Weights (max LSB)</source>
        <translation>Gewichte (max. LSB)</translation>
    </message>
    <message>
        <source>Output tensor</source>
        <translation>Ausgabetensor</translation>
    </message>
    <message>
        <source>equal</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>Output SQNR B vs A (dB)</source>
        <translation>Ausgabe-SQNR B gegen A (dB)</translation>
    </message>
    <message>
        <source>Output cosine</source>
        <translation>Ausgabe-Kosinus</translation>
    </message>
</context>
<context>
    <name>ql::widgets::DrawCanvas</name>
    <message>
        <source>Draw with the left mouse button, erase with the right one</source>
        <translation>Mit der linken Maustaste zeichnen, mit der rechten radieren</translation>
    </message>
</context>
<context>
    <name>ql::widgets::ErrorChart</name>
    <message>
        <source>weight SQNR (dB)</source>
        <translation>Gewichts-SQNR (dB)</translation>
    </message>
    <message>
        <source>weight-sqnr-per-layer</source>
        <translation>gewichts-sqnr-pro-schicht</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>No layers with weights (or no analysis yet).</source>
        <translation>Keine Schichten mit Gewichten (oder noch keine Analyse).</translation>
    </message>
    <message numerus="yes">
        <source>Weight SQNR of %n layer(s); worst outlined in red.</source>
        <translation>
            <numerusform>Gewichts-SQNR von %n Schicht; die schlechteste ist rot umrandet.</numerusform>
            <numerusform>Gewichts-SQNR von %n Schichten; die schlechtesten sind rot umrandet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight SQNR per layer: higher is better, each bit is worth about 6 dB. Green good, yellow suspect, red bad; the worst (up to three) are outlined. Click a bar to select its layer; the wheel zooms along the operators.</source>
        <translation>Gewichts-SQNR pro Schicht: höher ist besser, jedes Bit bringt etwa 6 dB. Grün gut, gelb verdächtig, rot schlecht; die schlechtesten (bis zu drei) sind umrandet. Ein Klick auf einen Balken wählt seine Schicht; das Mausrad zoomt entlang der Operatoren.</translation>
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
        <translation>exakt</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>Weight SQNR</source>
        <translation>Gewichts-SQNR</translation>
    </message>
    <message>
        <source>Weight verdict</source>
        <translation>Gewichtsurteil</translation>
    </message>
    <message>
        <source>Activation SQNR</source>
        <translation>Aktivierungs-SQNR</translation>
    </message>
    <message>
        <source>Clipped weights</source>
        <translation>Abgeschnittene Gewichte</translation>
    </message>
    <message>
        <source>Kept in float</source>
        <translation>In Float belassen</translation>
    </message>
    <message>
        <source>Constant bytes</source>
        <translation>Konstanten-Bytes</translation>
    </message>
    <message>
        <source>The weight analysis has not finished.</source>
        <translation>Die Gewichtsanalyse ist noch nicht fertig.</translation>
    </message>
    <message>
        <source>float</source>
        <translation>Float</translation>
    </message>
    <message>
        <source>left in float</source>
        <translation>in Float belassen</translation>
    </message>
    <message>
        <source>Open a data set to see the activation error of each operator output.</source>
        <translation>Öffnen Sie einen Datensatz, um den Aktivierungsfehler jeder Operatorausgabe zu sehen.</translation>
    </message>
    <message>
        <source>kept float</source>
        <translation>in Float</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>quantisiert</translation>
    </message>
    <message>
        <source>kept in float</source>
        <translation>in Float belassen</translation>
    </message>
    <message>
        <source>Activation SQNR (this tensor only)</source>
        <translation>Aktivierungs-SQNR (nur dieser Tensor)</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
</context>
<context>
    <name>ql::widgets::GraphView</name>
    <message>
        <source>Double-click the title to fold this group</source>
        <translation>Doppelklick auf den Titel klappt diese Gruppe zu</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>Färben nach:</translation>
    </message>
    <message>
        <source>Find operator, #number or tensor (Enter: next)</source>
        <translation>Operator, #Nummer oder Tensor suchen (Enter: nächster)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>Den ganzen Graphen zeigen</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <source>Open every group of operators</source>
        <translation>Jede Operatorgruppe öffnen</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Alle zuklappen</translation>
    </message>
    <message>
        <source>Fold the operators into their name scopes</source>
        <translation>Die Operatoren in ihre Namensbereiche falten</translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s)</source>
        <translation>
            <numerusform>%n Operator</numerusform>
            <numerusform>%n Operatoren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>laying out %n operator(s)…</source>
        <translation>
            <numerusform>%n Operator wird angeordnet…</numerusform>
            <numerusform>%n Operatoren werden angeordnet…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s), %1 boxes, laid out in %2 s</source>
        <translation>
            <numerusform>%n Operator, %1 Kästen, angeordnet in %2 s</numerusform>
            <numerusform>%n Operatoren, %1 Kästen, angeordnet in %2 s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2
Double-click to expand</source>
        <translation>%1
%2
Doppelklick zum Aufklappen</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n weiterer)</numerusform>
            <numerusform> (+%n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Collapse</source>
        <translation>&amp;Zuklappen</translation>
    </message>
    <message>
        <source>&amp;Expand</source>
        <translation>&amp;Aufklappen</translation>
    </message>
    <message>
        <source>worst: %1</source>
        <translation>schlechtester: %1</translation>
    </message>
    <message>
        <source>no match for “%1”</source>
        <translation>kein Treffer für „%1“</translation>
    </message>
    <message>
        <source>match %1 of %2</source>
        <translation>Treffer %1 von %2</translation>
    </message>
    <message>
        <source>&amp;Keep in float</source>
        <translation>In &amp;Float belassen</translation>
    </message>
    <message>
        <source>Only operators with weights can be kept in float here</source>
        <translation>Nur Operatoren mit Gewichten können hier in Float belassen werden</translation>
    </message>
    <message>
        <source>Show &amp;weights</source>
        <translation>&amp;Gewichte zeigen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the graph with its colours and legend as SVG, PDF or PNG, or the colours as node data for Google&apos;s Model Explorer</source>
        <translation>Den Graphen mit Farben und Legende als SVG, PDF oder PNG speichern, oder die Farben als Knotendaten für Googles Model Explorer</translation>
    </message>
    <message>
        <source>There is no model to export node data for.</source>
        <translation>Es gibt kein Modell, für das Knotendaten exportiert werden könnten.</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1: kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>Model Explorer node data (*.json)</source>
        <translation>Model-Explorer-Knotendaten (*.json)</translation>
    </message>
    <message>
        <source>Export graph</source>
        <translation>Graph exportieren</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PDF document (*.pdf);;PNG image (*.png)</source>
        <translation>SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf);;PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Cannot export the graph</source>
        <translation>Der Graph kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Measuring each operator&apos;s time…</source>
        <translation>Die Zeit jedes Operators wird gemessen…</translation>
    </message>
    <message>
        <source>The subgraph shown (control-flow bodies, other signatures); colours and the shared selection are for the main subgraph</source>
        <translation>Der gezeigte Teilgraph (Rümpfe von Kontrollfluss, andere Signaturen); Farben und die gemeinsame Auswahl gelten für den Hauptgraphen</translation>
    </message>
    <message>
        <source>main</source>
        <translation>Hauptgraph</translation>
    </message>
    <message>
        <source>subgraph %1</source>
        <translation>Teilgraph %1</translation>
    </message>
    <message>
        <source>Colours are shown for the main subgraph&apos;s operators.</source>
        <translation>Farben werden für die Operatoren des Hauptgraphen gezeigt.</translation>
    </message>
</context>
<context>
    <name>ql::widgets::LayerTableModel</name>
    <message>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
    <message>
        <source>Keep this layer in float: it is not quantized, QUANTIZE/DEQUANTIZE go around it (Ctrl+Z undoes)</source>
        <translation>Diese Schicht in Gleitkomma belassen: Sie wird nicht quantisiert, QUANTIZE/DEQUANTIZE umschließen sie (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>%1 weights: %2. SQNR = 10·log10(Σw² / Σ(w − ŵ)²): each bit is worth about 6 dB.</source>
        <translation>%1-Gewichte: %2. SQNR = 10·log10(Σw² / Σ(w − ŵ)²): Jedes Bit bringt etwa 6 dB.</translation>
    </message>
    <message>
        <source>Weight quantization: %1</source>
        <translation>Gewichtsquantisierung: %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Weight type</source>
        <translation>Gewichtstyp</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Quantisierung</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Weight SQNR (dB)</source>
        <translation>Gewichts-SQNR (dB)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Keep float</source>
        <translation>In Gleitkomma</translation>
    </message>
    <message>
        <source>QuantLens cannot run this operator: %1</source>
        <translation>QuantLens kann diesen Operator nicht ausführen: %1</translation>
    </message>
</context>
<context>
    <name>ql::widgets::MemoryChart</name>
    <message>
        <source>step (0: the inputs, then each operator)</source>
        <translation>Schritt (0: die Eingaben, dann jeder Operator)</translation>
    </message>
    <message>
        <source>RAM in use (KiB)</source>
        <translation>belegter RAM (KiB)</translation>
    </message>
    <message>
        <source>tflite-micro&apos;s tensor arena at each step: the tensors and scratch buffers alive then, plus the persistent part. The highest point is the arena the device needs. Click a step to select its operator.</source>
        <translation>Die Tensor-Arena von tflite-micro in jedem Schritt: die dann lebenden Tensoren und Arbeitspuffer plus der dauerhafte Teil. Der höchste Punkt ist die Arena, die das Gerät braucht. Klicken Sie auf einen Schritt, um seinen Operator auszuwählen.</translation>
    </message>
    <message>
        <source>device-memory</source>
        <translation>geraetespeicher</translation>
    </message>
    <message>
        <source>peak %1 KiB</source>
        <translation>Spitze %1 KiB</translation>
    </message>
    <message>
        <source>RAM of %1: %2 KiB</source>
        <translation>RAM von %1: %2 KiB</translation>
    </message>
    <message>
        <source>RAM on the device per step</source>
        <translation>RAM auf dem Gerät pro Schritt</translation>
    </message>
</context>
<context>
    <name>ql::widgets::Minimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>Übersicht: klicken oder ziehen, um die Ansicht zu verschieben</translation>
    </message>
</context>
<context>
    <name>ql::widgets::OperatorBars</name>
    <message>
        <source>exact (no error)</source>
        <translation>exakt (kein Fehler)</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
</context>
<context>
    <name>ql::widgets::OutputBars</name>
    <message>
        <source>score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>The top classes of the float model, with both models&apos; scores</source>
        <translation>Die Top-Klassen des Gleitkommamodells mit den Scores beider Modelle</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>ausgaben</translation>
    </message>
</context>
<context>
    <name>ql::widgets::Reason</name>
    <message>
        <source>not quantized in this mode: no weight error</source>
        <translation>in diesem Modus nicht quantisiert: kein Gewichtsfehler</translation>
    </message>
    <message>
        <source>stays float in this mode (%1): no weight error</source>
        <translation>bleibt in diesem Modus in Gleitkomma (%1): kein Gewichtsfehler</translation>
    </message>
    <message>
        <source>weights beyond float16&apos;s largest value 65504 overflow</source>
        <translation>Gewichte jenseits des größten float16-Werts 65504 laufen über</translation>
    </message>
    <message>
        <source>float16 keeps 11 significant bits: relative error about 2^-12 (%1 dB)</source>
        <translation>float16 behält 11 signifikante Bits: relativer Fehler etwa 2^-12 (%1 dB)</translation>
    </message>
    <message>
        <source>many weights are below float16&apos;s normal range (6.1e-5) and lose precision</source>
        <translation>viele Gewichte liegen unter dem Normalbereich von float16 (6,1e-5) und verlieren Genauigkeit</translation>
    </message>
    <message>
        <source>%1% of the weights lie outside the clipping range [%2, %3]</source>
        <translation>%1 % der Gewichte liegen außerhalb des Clipping-Bereichs [%2, %3]</translation>
    </message>
    <message>
        <source>channel %1 has a range %2x the median; a per-tensor scale wastes %3 bits of the other channels (per-channel dense weights would fix it)</source>
        <translation>Kanal %1 hat einen %2-mal so großen Bereich wie der Median; eine Skalierung pro Tensor verschenkt %3 Bit der übrigen Kanäle (kanalweise Dense-Gewichte würden das beheben)</translation>
    </message>
    <message>
        <source>channel %1 has a range %2x the median; a per-tensor scale wastes %3 bits of the other channels (per-channel weights would fix it)</source>
        <translation>Kanal %1 hat einen %2-mal so großen Bereich wie der Median; eine Skalierung pro Tensor verschenkt %3 Bit der übrigen Kanäle (kanalweise Gewichte würden das beheben)</translation>
    </message>
    <message>
        <source>%1 of %2 channels are (nearly) all zero (pruned or dead) and quantize to zero; the others show rounding noise only (%3 dB SQNR)</source>
        <translation>%1 von %2 Kanälen sind (nahezu) ganz null (beschnitten oder tot) und werden zu null quantisiert; die übrigen zeigen nur Rundungsrauschen (%3 dB SQNR)</translation>
    </message>
    <message>
        <source>%1 of %2 channels are (nearly) all zero (pruned or dead) and quantize to zero; the others lose precision (%3 dB SQNR)</source>
        <translation>%1 von %2 Kanälen sind (nahezu) ganz null (beschnitten oder tot) und werden zu null quantisiert; die übrigen verlieren Genauigkeit (%3 dB SQNR)</translation>
    </message>
    <message>
        <source>outliers: the largest |weight| is %1x the standard deviation, so most weights fall on a few of the %2 levels (%3 dB SQNR)</source>
        <translation>Ausreißer: das größte |Gewicht| ist das %1-Fache der Standardabweichung, daher fallen die meisten Gewichte auf wenige der %2 Stufen (%3 dB SQNR)</translation>
    </message>
    <message>
        <source>only %1 dB SQNR: %2 bits are too coarse for this weight distribution (RMSE/scale %3)</source>
        <translation>nur %1 dB SQNR: %2 Bit sind für diese Gewichtsverteilung zu grob (RMSE/Skalierung %3)</translation>
    </message>
    <message>
        <source>rounding noise only: RMSE/scale %1 (ideal 1/sqrt(12) = 0.289), %2 dB SQNR</source>
        <translation>nur Rundungsrauschen: RMSE/Skalierung %1 (ideal 1/sqrt(12) = 0,289), %2 dB SQNR</translation>
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
        <translation>Modellgröße (kB)</translation>
    </message>
    <message>
        <source>accuracy (%) — or agreement without labels</source>
        <translation>Genauigkeit (%) — ohne Labels Übereinstimmung</translation>
    </message>
    <message>
        <source>Each mode as a point: further left is smaller, higher is more accurate; the dashed line is the float model. Labels give the latency.</source>
        <translation>Jeder Modus als Punkt: weiter links ist kleiner, weiter oben genauer; die gestrichelte Linie ist das Gleitkommamodell. Die Beschriftungen geben die Latenz an.</translation>
    </message>
    <message>
        <source>accuracy-vs-size</source>
        <translation>genauigkeit-vs-groesse</translation>
    </message>
    <message>
        <source>Accuracy against size</source>
        <translation>Genauigkeit gegenüber Größe</translation>
    </message>
</context>
<context>
    <name>ql::widgets::ValueBars</name>
    <message>
        <source>operator</source>
        <translation>Operator</translation>
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
        <translation>gut</translation>
    </message>
    <message>
        <source>suspect</source>
        <translation>fraglich</translation>
    </message>
    <message>
        <source>bad</source>
        <translation>schlecht</translation>
    </message>
</context>
<context>
    <name>ql::widgets::WeightView</name>
    <message>
        <source>How the scale and zero point of this weight tensor follow from its values</source>
        <translation>Wie sich Skalierung und Nullpunkt dieses Gewichtstensors aus seinen Werten ergeben</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <source>Counts on a logarithmic axis: shows the sparse tails where outliers and clipping live</source>
        <translation>Häufigkeiten auf logarithmischer Achse: zeigt die dünn besetzten Ränder, wo Ausreißer und Clipping auftreten</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Float weights (blue) and quantized weights (orange); dashed red: the clipping range; grey: the quantization grid. Wheel to zoom, drag to pan.</source>
        <translation>Gleitkomma-Gewichte (blau) und quantisierte Gewichte (orange); rot gestrichelt: Clipping-Bereich; grau: Quantisierungsraster. Mausrad zum Zoomen, Ziehen zum Verschieben.</translation>
    </message>
    <message>
        <source>quantized − float</source>
        <translation>quantisiert − Gleitkomma</translation>
    </message>
    <message>
        <source>Quantization error of the weights: for pure rounding, flat between −scale/2 and +scale/2</source>
        <translation>Quantisierungsfehler der Gewichte: bei reiner Rundung gleichverteilt zwischen −Skalierung/2 und +Skalierung/2</translation>
    </message>
    <message>
        <source>output channel</source>
        <translation>Ausgabekanal</translation>
    </message>
    <message>
        <source>weight range</source>
        <translation>Gewichtsbereich</translation>
    </message>
    <message>
        <source>Minimum and maximum weight of each output channel: very unequal ranges make a per-tensor scale waste bits</source>
        <translation>Minimales und maximales Gewicht jedes Ausgabekanals: Bei sehr ungleichen Bereichen verschwendet eine tensorweite Skalierung Bits</translation>
    </message>
    <message>
        <source>weight-histogram</source>
        <translation>gewichts-histogramm</translation>
    </message>
    <message>
        <source>weight-error-histogram</source>
        <translation>gewichtsfehler-histogramm</translation>
    </message>
    <message>
        <source>weight-ranges-per-channel</source>
        <translation>gewichtsbereiche-pro-kanal</translation>
    </message>
    <message>
        <source>Select a layer with weights to see their histogram.</source>
        <translation>Wählen Sie eine Schicht mit Gewichten, um deren Histogramm zu sehen.</translation>
    </message>
    <message>
        <source>Operator %1 %2 — weights %3 (%4): %5 — %6</source>
        <translation>Operator %1 %2 — Gewichte %3 (%4): %5 — %6</translation>
    </message>
    <message>
        <source>float</source>
        <translation>Gleitkomma</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>quantisiert</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Not quantized in this mode: the float32 weights are used as they are.</source>
        <translation>In diesem Modus nicht quantisiert: Die float32-Gewichte werden unverändert verwendet.</translation>
    </message>
    <message>
        <source>float16: each weight is rounded to the nearest float16 (11 significant bits); max |error| = %1, SQNR %2 dB.</source>
        <translation>float16: Jedes Gewicht wird auf den nächsten float16-Wert gerundet (11 signifikante Bits); max. |Fehler| = %1, SQNR %2 dB.</translation>
    </message>
    <message>
        <source> (per output channel; shown: channel %1, the widest)</source>
        <translation> (pro Ausgabekanal; gezeigt: Kanal %1, der breiteste)</translation>
    </message>
    <message>
        <source>Symmetric%1: scale = max|w| / %2 = %3 / %2 = %4; zero point 0; q = clamp(round(w / scale), %5, %2); ŵ = q × scale. Error per weight at most scale / 2 = %6 unless clipped; RMSE / scale = %7 (1/√12 ≈ 0.289 for pure rounding).</source>
        <translation>Symmetrisch%1: Skalierung s = max|w| / %2 = %3 / %2 = %4; Nullpunkt 0; q = clamp(round(w / s), %5, %2); ŵ = q × s. Fehler pro Gewicht höchstens s / 2 = %6, sofern nicht abgeschnitten; RMSE / s = %7 (1/√12 ≈ 0,289 bei reiner Rundung).</translation>
    </message>
    <message>
        <source>Asymmetric%1: range [%2, %3] extended to contain 0; scale = (max − min) / (%4 − (%5)) = %6; zero point = round(%5 − min / scale) = %7; q = clamp(round(w / scale) + zp, %5, %4); ŵ = (q − zp) × scale. RMSE / scale = %8.</source>
        <translation>Asymmetrisch%1: Bereich [%2, %3] erweitert, sodass er 0 enthält; Skalierung s = (max − min) / (%4 − (%5)) = %6; Nullpunkt zp = round(%5 − min / s) = %7; q = clamp(round(w / s) + zp, %5, %4); ŵ = (q − zp) × s. RMSE / s = %8.</translation>
    </message>
</context>
</TS>
