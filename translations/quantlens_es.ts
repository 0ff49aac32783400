<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>QObject</name>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1: no se puede escribir (%2)</translation>
    </message>
    <message>
        <source>%1: choose a .png, .svg or .pdf file</source>
        <translation>%1: elija un archivo .png, .svg o .pdf</translation>
    </message>
    <message>
        <source>%1: cannot write</source>
        <translation>%1: no se puede escribir</translation>
    </message>
    <message>
        <source>%1: cannot replace the file (%2)</source>
        <translation>%1: no se puede reemplazar el archivo (%2)</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>Exportar gráfico…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exportar gráfico</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>Imagen PNG (*.png);;Dibujo SVG (*.svg);;Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot export the chart</source>
        <translation>No se puede exportar el gráfico</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>Copiar al portapapeles</translation>
    </message>
    <message>
        <source>%1: choose a .csv or .json file</source>
        <translation>%1: elija un archivo .csv o .json</translation>
    </message>
    <message>
        <source>%1: choose a .svg, .pdf or .png file</source>
        <translation>%1: elija un archivo .svg, .pdf o .png</translation>
    </message>
    <message>
        <source>There is no graph to export yet.</source>
        <translation>Aún no hay ningún grafo que exportar.</translation>
    </message>
    <message>
        <source>Model graph</source>
        <translation>Grafo del modelo</translation>
    </message>
    <message>
        <source>%1: cannot encode the picture</source>
        <translation>%1: no se puede codificar la imagen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explore the quantization of TensorFlow Lite models</source>
        <translation>Explorar la cuantización de modelos TensorFlow Lite</translation>
    </message>
    <message>
        <source>A .tflite model to open</source>
        <translation>Modelo .tflite que se abrirá</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once the model is shown, then quit</source>
        <translation>Guardar una imagen de la ventana en FILE cuando se muestre el modelo y después salir</translation>
    </message>
    <message>
        <source>unknown view &apos;%1&apos;</source>
        <translation>vista desconocida «%1»</translation>
    </message>
    <message>
        <source>Use this language for this run: en, de, es, fr or zh_CN</source>
        <translation>Usar este idioma en esta ejecución: en, de, es, fr o zh_CN</translation>
    </message>
    <message>
        <source>Compare the model with this second model (the Diff view)</source>
        <translation>Comparar el modelo con este segundo modelo (vista Diff)</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modelo</translation>
    </message>
    <message>
        <source>Show this view at start: weights, graph, errors, compare, side-by-side, train or diff</source>
        <translation>Mostrar esta vista al iniciar: weights, graph, errors, compare, side-by-side, train o diff</translation>
    </message>
</context>
<context>
    <name>ql::app::CompareTab</name>
    <message>
        <source>E&amp;valuate all modes</source>
        <translation>E&amp;valuar todos los modos</translation>
    </message>
    <message>
        <source>Run the model in float32, float16, dynamic range, int8 and 16x8 over the data set: accuracy, agreement with float, KL divergence, size and latency (Ctrl+E)</source>
        <translation>Ejecutar el modelo en float32, float16, rango dinámico, int8 y 16x8 sobre el conjunto de datos: exactitud, concordancia con coma flotante, divergencia KL, tamaño y latencia (Ctrl+E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>Exportar tabla…</translation>
    </message>
    <message>
        <source>Save the comparison as CSV or JSON</source>
        <translation>Guardar la comparación como CSV o JSON</translation>
    </message>
    <message>
        <source>%1: %2 / %3</source>
        <translation>%1: %2 / %3</translation>
    </message>
    <message>
        <source>done</source>
        <translation>listo</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Exportar tabla</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot export the table</source>
        <translation>No se puede exportar la tabla</translation>
    </message>
    <message>
        <source>Out of date: %1 since these results were measured. Evaluate all modes again (Ctrl+E).</source>
        <translation>Desactualizado: %1 desde que se midieron estos resultados. Evalúe de nuevo todos los modos (Ctrl+E).</translation>
    </message>
</context>
<context>
    <name>ql::app::DiffTab</name>
    <message>
        <source>Only what differs</source>
        <translation>Solo lo que difiere</translation>
    </message>
    <message>
        <source>File › Compare with… opens a second model (the converter&apos;s file of the same network, another export, an older version) to compare with this one.</source>
        <translation>Archivo › Comparar con… abre un segundo modelo (el archivo del convertidor de la misma red, otra exportación, una versión anterior) para compararlo con este.</translation>
    </message>
    <message>
        <source>A: %1 (%2 operators) — B: %3 (%4 operators). %5 pairs matched, %6 of them differ; %7 only in A, %8 only in B.</source>
        <translation>A: %1 (%2 operadores) — B: %3 (%4 operadores). %5 pares emparejados, %6 de ellos difieren; %7 solo en A, %8 solo en B.</translation>
    </message>
    <message>
        <source>The outputs could not be compared on the data set: %1</source>
        <translation>No se pudieron comparar las salidas en el conjunto de datos: %1</translation>
    </message>
    <message>
        <source>On %1 sample(s) of the data set, the two models pick the same class on %2% of them; the last columns give each pair&apos;s output SQNR (B against A) and cosine.</source>
        <translation>En %1 muestra(s) del conjunto de datos, los dos modelos eligen la misma clase en el %2%; las últimas columnas dan el SQNR de salida (B frente a A) y el coseno de cada par.</translation>
    </message>
    <message>
        <source>On %1 sample(s) of the data set; the last columns give each pair&apos;s output SQNR (B against A) and cosine.</source>
        <translation>En %1 muestra(s) del conjunto de datos; las últimas columnas dan el SQNR de salida (B frente a A) y el coseno de cada par.</translation>
    </message>
    <message>
        <source>Open a data set (File › Open data set…) to see how far each pair&apos;s outputs are apart.</source>
        <translation>Abra un conjunto de datos (Archivo › Abrir conjunto de datos…) para ver cuánto se separan las salidas de cada par.</translation>
    </message>
</context>
<context>
    <name>ql::app::Document</name>
    <message>
        <source>keep operator %1 in float</source>
        <translation>mantener el operador %1 en coma flotante</translation>
    </message>
    <message>
        <source>quantize operator %1</source>
        <translation>cuantizar el operador %1</translation>
    </message>
    <message>
        <source>%1 needs a data set to calibrate on (File › Open data set…)</source>
        <translation>%1 requiere un conjunto de datos para calibrar (Archivo › Abrir conjunto de datos…)</translation>
    </message>
    <message numerus="yes">
        <source>Keeping %n layer(s) in float: %1 %2 → %3 (float %4)</source>
        <translation>
            <numerusform>Se mantiene %n capa en coma flotante: %1 %2 → %3 (float %4)</numerusform>
            <numerusform>Se mantienen %n capas en coma flotante: %1 %2 → %3 (float %4)</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote %1; LiteRT runs %2 on its built-in kernels, everything else on XNNPACK</source>
        <translation>Escrito %1; LiteRT ejecuta %2 con sus kernels integrados y todo lo demás con XNNPACK</translation>
    </message>
    <message>
        <source>Wrote %1; LiteRT runs every operator on XNNPACK</source>
        <translation>Escrito %1; LiteRT ejecuta todos los operadores con XNNPACK</translation>
    </message>
    <message>
        <source>another model was opened meanwhile</source>
        <translation>mientras tanto se abrió otro modelo</translation>
    </message>
    <message>
        <source>cancelled: another model was opened</source>
        <translation>cancelado: se abrió otro modelo</translation>
    </message>
    <message>
        <source>cancelled: the options or the data changed meanwhile; evaluate again</source>
        <translation>cancelado: las opciones o los datos cambiaron mientras tanto; evalúe de nuevo</translation>
    </message>
    <message>
        <source>keep suggested layers in float</source>
        <translation>mantener en coma flotante las capas sugeridas</translation>
    </message>
    <message>
        <source>the options or the data changed meanwhile; ask again</source>
        <translation>las opciones o los datos cambiaron mientras tanto; vuelva a pedirlo</translation>
    </message>
    <message>
        <source>Open a model with one input first: images are sized to its input.</source>
        <translation>Abra primero un modelo con una sola entrada: las imágenes se ajustan al tamaño de su entrada.</translation>
    </message>
    <message>
        <source>operator %1 (%2) in subgraph %3 — %4</source>
        <translation>operador %1 (%2) en el subgrafo %3 — %4</translation>
    </message>
    <message>
        <source>operator %1 (%2) — %3</source>
        <translation>operador %1 (%2) — %3</translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; y %n más</numerusform>
            <numerusform>; y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>QuantLens cannot run this model: %1.</source>
        <translation>QuantLens no puede ejecutar este modelo: %1.</translation>
    </message>
    <message>
        <source>%1 does not fit this model: %2</source>
        <translation>%1 no encaja con este modelo: %2</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>su elección</translation>
    </message>
    <message>
        <source>pixels / 255, the default (the float model does not say which range it was trained on)</source>
        <translation>píxeles / 255, el valor por defecto (el modelo en coma flotante no indica con qué rango se entrenó)</translation>
    </message>
    <message>
        <source>The calibration data do not fit this model&apos;s input: %1 (%2). An int8 export would be calibrated for the wrong range; choose the value range with File › Data value range….</source>
        <translation>Los datos de calibración no encajan con la entrada de este modelo: %1 (%2). Una exportación int8 se calibraría para un rango equivocado; elija el rango de valores en Archivo › Rango de valores de los datos….</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>Already within %1 point(s) of float: nothing to keep in float</source>
        <translation>Ya dentro de %1 punto(s) de la coma flotante: no hay nada que mantener en coma flotante</translation>
    </message>
    <message>
        <source> — still not within the budget</source>
        <translation> — todavía fuera del margen</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>Abra primero un modelo.</translation>
    </message>
    <message>
        <source>The report evaluates the model on a data set: open one first (File › Open data set…).</source>
        <translation>El informe evalúa el modelo sobre un conjunto de datos: abra primero uno (Archivo › Abrir conjunto de datos…).</translation>
    </message>
    <message>
        <source>The data set was not read from a file, so the report&apos;s command could not read it again; open it from a file.</source>
        <translation>El conjunto de datos no se leyó de un archivo, así que el comando del informe no podría volver a leerlo; ábralo desde un archivo.</translation>
    </message>
    <message>
        <source>Choose where to write the report.</source>
        <translation>Elija dónde escribir el informe.</translation>
    </message>
    <message>
        <source>The calibration data were not read from a file, so the report&apos;s command could not read them again; open them from a file.</source>
        <translation>Los datos de calibración no se leyeron de un archivo, así que el comando del informe no podría volver a leerlos; ábralos desde un archivo.</translation>
    </message>
    <message>
        <source>Could not copy %1 to %2 for the report&apos;s command</source>
        <translation>No se pudo copiar %1 en %2 para el comando del informe</translation>
    </message>
    <message>
        <source>The ranking only: the selection of layers to keep in float was not measured (merge the selection stage&apos;s shards with the ranking&apos;s)</source>
        <translation>Solo la clasificación: la selección de capas que se mantienen en coma flotante no se midió (combine las partes de la etapa de selección con las de la clasificación)</translation>
    </message>
    <message>
        <source>keep the opened results&apos; layers in float</source>
        <translation>mantener en coma flotante las capas de los resultados abiertos</translation>
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
        <translation>%1 (%2, subgrafo %3)</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot export the table</source>
        <translation>No se puede exportar la tabla</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Exportar tabla</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>Exportar tabla…</translation>
    </message>
    <message>
        <source>Filter layers (operator, shape, type…)</source>
        <translation>Filtrar capas (operador, forma, tipo…)</translation>
    </message>
    <message>
        <source>Open a .tflite model with File › Open, or drop one on this window.</source>
        <translation>Abra un modelo .tflite con Archivo › Abrir o arrástrelo a esta ventana.</translation>
    </message>
    <message>
        <source>QuantLens cannot run this model, so inference, errors on data and export are not available. Blocking operator(s): %1</source>
        <translation>QuantLens no puede ejecutar este modelo, así que la inferencia, los errores sobre datos y la exportación no están disponibles. Operadores que lo impiden: %1</translation>
    </message>
</context>
<context>
    <name>ql::app::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open &amp;data set…</source>
        <translation>Abrir &amp;conjunto de datos…</translation>
    </message>
    <message>
        <source>Images for Compare: IDX (.gz), .npy, or a folder with one sub-folder per class</source>
        <translation>Imágenes para Comparar: IDX (.gz), .npy o una carpeta con una subcarpeta por clase</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Export model…</source>
        <translation>E&amp;xportar modelo…</translation>
    </message>
    <message>
        <source>Write the model in the selected mode as a .tflite the TensorFlow Lite runtime loads</source>
        <translation>Escribir el modelo en el modo seleccionado como un .tflite que el entorno de ejecución de TensorFlow Lite puede cargar</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Measure every weighted layer&apos;s effect on accuracy (or agreement) on the data set and keep the fewest layers in float that bring the drop within one point</source>
        <translation>Medir el efecto de cada capa con pesos en la exactitud (o la concordancia) sobre el conjunto de datos y mantener en coma flotante el menor número de capas que deje la caída en un punto o menos</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About QuantLens</source>
        <translation>&amp;Acerca de QuantLens</translation>
    </message>
    <message>
        <source>&amp;Weights</source>
        <translation>&amp;Pesos</translation>
    </message>
    <message>
        <source>activation SQNR (dB)</source>
        <translation>SQNR de activación (dB)</translation>
    </message>
    <message>
        <source>E&amp;rrors</source>
        <translation>E&amp;rrores</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparar</translation>
    </message>
    <message>
        <source>&amp;Side by side</source>
        <translation>&amp;Lado a lado</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>E&amp;ntrenar</translation>
    </message>
    <message>
        <source>Training: %1</source>
        <translation>Entrenamiento: %1</translation>
    </message>
    <message>
        <source>Training done: float, PTQ and QAT are in the Compare tab</source>
        <translation>Entrenamiento terminado: float, PTQ y QAT están en la pestaña Comparar</translation>
    </message>
    <message>
        <source>Quantization mode</source>
        <translation>Modo de cuantización</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Abrir modelo</translation>
    </message>
    <message>
        <source>TensorFlow Lite models (*.tflite);;All files (*)</source>
        <translation>Modelos TensorFlow Lite (*.tflite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>No se pudo abrir %1</translation>
    </message>
    <message>
        <source>Cannot open model</source>
        <translation>No se puede abrir el modelo</translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation>No se pudo abrir %1.</translation>
    </message>
    <message numerus="yes">
        <source>the bundled Fashion-MNIST sample (%n test image(s))</source>
        <translation>
            <numerusform>Fashion-MNIST (subconjunto incluido, %n imagen de prueba)</numerusform>
            <numerusform>Fashion-MNIST (subconjunto incluido, %n imágenes de prueba)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 operators, %3, mode: %4 (%5)</source>
        <translation>%1 — %2 operadores, %3, modo: %4 (%5)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n sample(s))</source>
        <translation>
            <numerusform>%1 (%n muestra)</numerusform>
            <numerusform>%1 (%n muestras)</numerusform>
        </translation>
    </message>
    <message>
        <source>no data set yet (File › Open data set…)</source>
        <translation>aún no hay conjunto de datos (Archivo › Abrir conjunto de datos…)</translation>
    </message>
    <message>
        <source>Calibration data (cancel: use the data set)</source>
        <translation>Datos de calibración (cancelar: usar el conjunto de datos)</translation>
    </message>
    <message>
        <source>Data sets (*.gz *-ubyte *.idx *.npy);;All files (*)</source>
        <translation>Conjuntos de datos (*.gz *-ubyte *.idx *.npy);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot open calibration data</source>
        <translation>No se pueden abrir los datos de calibración</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>Camiseta/top</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>Pantalón</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>Suéter</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>Vestido</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>Abrigo</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>Sandalia</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>Camisa</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>Zapatilla deportiva</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>Bolso</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>Botín</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Abrir imágenes</translation>
    </message>
    <message>
        <source>Open labels (cancel: no labels)</source>
        <translation>Abrir etiquetas (cancelar: sin etiquetas)</translation>
    </message>
    <message>
        <source>Labels (*.gz *-ubyte *.idx *.npy);;All files (*)</source>
        <translation>Etiquetas (*.gz *-ubyte *.idx *.npy);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot open data set</source>
        <translation>No se puede abrir el conjunto de datos</translation>
    </message>
    <message>
        <source>Open a data set (File › Open data set…) to compare the modes.</source>
        <translation>Abra un conjunto de datos (Archivo › Abrir conjunto de datos…) para comparar los modos.</translation>
    </message>
    <message>
        <source>, no labels (agreement only)</source>
        <translation>, sin etiquetas (solo concordancia)</translation>
    </message>
    <message>
        <source>The data set %1 does not fit this model: %2</source>
        <translation>El conjunto de datos %1 no es compatible con este modelo: %2</translation>
    </message>
    <message>
        <source>About QuantLens</source>
        <translation>Acerca de QuantLens</translation>
    </message>
    <message>
        <source>&lt;h3&gt;QuantLens %1&lt;/h3&gt;&lt;p&gt;Explore the quantization of TensorFlow Lite models: weights, errors, modes, accuracy and size, side by side.&lt;/p&gt;&lt;p&gt;MIT license. The bundled demo model was trained by QuantLens on Fashion-MNIST (© Zalando SE, MIT license).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QuantLens %1&lt;/h3&gt;&lt;p&gt;Explore la cuantización de modelos TensorFlow Lite: pesos, errores, modos, exactitud y tamaño, lado a lado.&lt;/p&gt;&lt;p&gt;Licencia MIT. El modelo de demostración incluido fue entrenado por QuantLens con Fashion-MNIST (© Zalando SE, licencia MIT).&lt;/p&gt;</translation>
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
        <translation>calibrando…</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>Abra primero un modelo.</translation>
    </message>
    <message>
        <source>Mode %1, %2 weights</source>
        <translation>Modo %1, pesos %2</translation>
    </message>
    <message>
        <source>per-channel</source>
        <translation>por canal</translation>
    </message>
    <message>
        <source>per-tensor</source>
        <translation>por tensor</translation>
    </message>
    <message>
        <source>; I/O %1</source>
        <translation>; E/S %1</translation>
    </message>
    <message>
        <source>; activation ranges calibrated (%1) on the first %2 samples of %3</source>
        <translation>; rangos de activación calibrados (%1) con las primeras %2 muestras de %3</translation>
    </message>
    <message>
        <source>; needs a data set for calibration (File › Open data set…)</source>
        <translation>; requiere un conjunto de datos para la calibración (Archivo › Abrir conjunto de datos…)</translation>
    </message>
    <message>
        <source>. The file is already quantized: this re-quantizes its dequantized weights.</source>
        <translation>. El archivo ya está cuantizado: se volverán a cuantizar sus pesos descuantizados.</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>Exportar modelo</translation>
    </message>
    <message>
        <source>TensorFlow Lite models (*.tflite)</source>
        <translation>Modelos TensorFlow Lite (*.tflite)</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>no hay modelo</translation>
    </message>
    <message>
        <source>%1 is the open model; choose another file</source>
        <translation>%1 es el modelo abierto; elija otro archivo</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportando %1…</translation>
    </message>
    <message>
        <source>Open a data set first (File › Open data set…).</source>
        <translation>Abra primero un conjunto de datos (Archivo › Abrir conjunto de datos…).</translation>
    </message>
    <message>
        <source>Choose a TFLite mode: the suggestion measures that mode.</source>
        <translation>Elija un modo TFLite: la sugerencia mide ese modo.</translation>
    </message>
    <message>
        <source>Measuring every layer&apos;s sensitivity…</source>
        <translation>Midiendo la sensibilidad de cada capa…</translation>
    </message>
    <message>
        <source>Suggestion failed: %1</source>
        <translation>Falló la sugerencia: %1</translation>
    </message>
    <message>
        <source>Open a data set to see the activation error per operator output.</source>
        <translation>Abra un conjunto de datos para ver el error de activación por salida de operador.</translation>
    </message>
    <message numerus="yes">
        <source>Activation SQNR per operator output (the quantized model&apos;s tensor against the float one, %n sample(s) of the data set); the lowest is outlined.</source>
        <translation>
            <numerusform>SQNR de activación por salida de operador (el tensor del modelo cuantizado frente al del modelo en coma flotante, %n muestra del conjunto de datos); el más bajo aparece recuadrado.</numerusform>
            <numerusform>SQNR de activación por salida de operador (el tensor del modelo cuantizado frente al del modelo en coma flotante, %n muestras del conjunto de datos); el más bajo aparece recuadrado.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n layer(s) kept float</source>
        <translation>
            <numerusform>, %n capa en coma flotante</numerusform>
            <numerusform>, %n capas en coma flotante</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight analysis failed: %1</source>
        <translation>Falló el análisis de pesos: %1</translation>
    </message>
    <message>
        <source>%1: not found in the application&apos;s resources</source>
        <translation>%1: no se encuentra en los recursos de la aplicación</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>QuantLens will use %1 the next time it starts.</source>
        <translation>QuantLens usará %1 la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>el idioma del sistema</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>No se pudo leer %1</translation>
    </message>
    <message>
        <source>How close each operator output of the quantized model stays to the float one on the data set (higher is better). Click a bar to select its layer.</source>
        <translation>Cuánto se acerca cada salida de operador del modelo cuantizado a la del modelo en coma flotante en el conjunto de datos (más alto es mejor). Haga clic en una barra para seleccionar su capa.</translation>
    </message>
    <message>
        <source>Open image &amp;folder…</source>
        <translation>Abrir carpeta de &amp;imágenes…</translation>
    </message>
    <message>
        <source>Open image folder</source>
        <translation>Abrir carpeta de imágenes</translation>
    </message>
    <message>
        <source>A folder of images (PNG, JPEG, …), or one sub-folder per class for labelled data; images are scaled to the model&apos;s input</source>
        <translation>Una carpeta de imágenes (PNG, JPEG, …), o una subcarpeta por clase para datos etiquetados; las imágenes se escalan a la entrada del modelo</translation>
    </message>
    <message>
        <source>Cannot export the model</source>
        <translation>No se puede exportar el modelo</translation>
    </message>
    <message>
        <source>int8 weights and float32 activations; small weights left in float32</source>
        <translation>pesos int8 y activaciones float32; los pesos pequeños quedan en float32</translation>
    </message>
    <message>
        <source>float16 weights behind DEQUANTIZE; small weights left in float32</source>
        <translation>pesos float16 tras DEQUANTIZE; los pesos pequeños quedan en float32</translation>
    </message>
    <message>
        <source>float32 weights and activations</source>
        <translation>pesos y activaciones float32</translation>
    </message>
    <message>
        <source>float16 weights behind DEQUANTIZE</source>
        <translation>pesos float16 tras DEQUANTIZE</translation>
    </message>
    <message>
        <source>int8 weights and float32 activations</source>
        <translation>pesos int8 y activaciones float32</translation>
    </message>
    <message>
        <source>int8 weights and int8 activations</source>
        <translation>pesos int8 y activaciones int8</translation>
    </message>
    <message>
        <source>uint8 weights and uint8 activations</source>
        <translation>pesos uint8 y activaciones uint8</translation>
    </message>
    <message>
        <source>int8 weights and int16 activations</source>
        <translation>pesos int8 y activaciones int16</translation>
    </message>
    <message numerus="yes">
        <source>; %n activation range(s) from the model itself</source>
        <translation>
            <numerusform>; %n rango de activación del propio modelo</numerusform>
            <numerusform>; %n rangos de activación del propio modelo</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight analysis: %1</source>
        <translation>Análisis de pesos: %1</translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation>&amp;Grafo</translation>
    </message>
    <message>
        <source>&amp;Diff</source>
        <translation>&amp;Diferencias</translation>
    </message>
    <message>
        <source>Open a model first, then compare it with another.</source>
        <translation>Abra primero un modelo y luego compárelo con otro.</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>Comparando %1 con %2…</translation>
    </message>
    <message>
        <source>%1 could not be compared: %2</source>
        <translation>%1 no se pudo comparar: %2</translation>
    </message>
    <message>
        <source>%1 against %2: %3 operator pair(s) differ</source>
        <translation>%1 frente a %2: %3 par(es) de operadores difieren</translation>
    </message>
    <message>
        <source>Compare &amp;with…</source>
        <translation>Comparar &amp;con…</translation>
    </message>
    <message>
        <source>Compare with model</source>
        <translation>Comparar con el modelo</translation>
    </message>
    <message>
        <source>Match this model&apos;s operators with another model&apos;s (the converter&apos;s file of the same network, another export, an older version) and show what differs</source>
        <translation>Emparejar los operadores de este modelo con los de otro (el archivo del convertidor de la misma red, otra exportación, una versión anterior) y mostrar lo que difiere</translation>
    </message>
    <message>
        <source>Could not measure: %1</source>
        <translation>No se pudo medir: %1</translation>
    </message>
    <message>
        <source>the layers kept in float changed</source>
        <translation>las capas mantenidas en coma flotante cambiaron</translation>
    </message>
    <message>
        <source>the quantization options changed</source>
        <translation>las opciones de cuantización cambiaron</translation>
    </message>
    <message>
        <source>the data set changed</source>
        <translation>el conjunto de datos cambió</translation>
    </message>
    <message>
        <source>the calibration data changed</source>
        <translation>los datos de calibración cambiaron</translation>
    </message>
    <message>
        <source>, values in %1</source>
        <translation>, valores en %1</translation>
    </message>
    <message>
        <source>The data set&apos;s values now lie in %1 (%2).</source>
        <translation>Los valores del conjunto de datos están ahora en %1 (%2).</translation>
    </message>
    <message>
        <source>No data set is open yet; the choice applies to the next one.</source>
        <translation>Aún no hay ningún conjunto de datos abierto; la elección se aplicará al siguiente.</translation>
    </message>
    <message numerus="yes">
        <source>int8 and 16x8 are calibrated on all %n sample(s) of %1.</source>
        <translation>
            <numerusform>int8 y 16x8 se calibran con %n muestra de %1.</numerusform>
            <numerusform>int8 y 16x8 se calibran con las %n muestras de %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>int8 and 16x8 are calibrated on the first %n sample(s) of %1.</source>
        <translation>
            <numerusform>int8 y 16x8 se calibran con la primera muestra (%n) de %1.</numerusform>
            <numerusform>int8 y 16x8 se calibran con las primeras %n muestras de %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Data: %1%2. %3</source>
        <translation>Datos: %1%2. %3</translation>
    </message>
    <message>
        <source>Evaluating every mode failed: %1</source>
        <translation>La evaluación de todos los modos falló: %1</translation>
    </message>
    <message>
        <source>Suggesting layers to keep in float failed: %1</source>
        <translation>La sugerencia de capas a mantener en coma flotante falló: %1</translation>
    </message>
    <message>
        <source>Activation error on the data set: %1</source>
        <translation>Error de activación en el conjunto de datos: %1</translation>
    </message>
    <message>
        <source>The model in %1 could not be built: %2</source>
        <translation>No se pudo construir el modelo en %1: %2</translation>
    </message>
    <message>
        <source>Teaching bit widths (here %1) are simulated on the weights for analysis and are not exported. Choose a TFLite mode to export: float16, dynamic range, int8 or 16x8.</source>
        <translation>Los anchos de bits didácticos (aquí %1) se simulan sobre los pesos para el análisis y no se exportan. Elija un modo de TFLite para exportar: float16, rango dinámico, int8 o 16x8.</translation>
    </message>
    <message>
        <source>%1 int8 and 16x8 calibrate by running the model; float16 and dynamic range can still be exported.</source>
        <translation>%1 int8 y 16x8 calibran ejecutando el modelo; float16 y rango dinámico aún pueden exportarse.</translation>
    </message>
    <message>
        <source>Data &amp;value range…</source>
        <translation>&amp;Rango de valores de los datos…</translation>
    </message>
    <message>
        <source>How 8-bit images become input values ([0, 1], [-1, 1], [0, 255], mean and standard deviation, channel order); by default what the model&apos;s input stands for</source>
        <translation>Cómo las imágenes de 8 bits se convierten en valores de entrada ([0, 1], [-1, 1], [0, 255], media y desviación típica, orden de canales); por defecto, lo que representa la entrada del modelo</translation>
    </message>
    <message>
        <source>&amp;Evaluate all modes</source>
        <translation>&amp;Evaluar todos los modos</translation>
    </message>
    <message>
        <source>Run every mode over the data set in the Compare tab</source>
        <translation>Ejecutar cada modo sobre el conjunto de datos en la pestaña Comparar</translation>
    </message>
    <message>
        <source>&amp;Suggest layers to keep in float…</source>
        <translation>&amp;Sugerir capas a mantener en coma flotante…</translation>
    </message>
    <message>
        <source>operator %1 (%2): %3</source>
        <translation>operador %1 (%2): %3</translation>
    </message>
    <message>
        <source>does not run (%1)</source>
        <translation>no se ejecuta (%1)</translation>
    </message>
    <message>
        <source>runs, but from operator %1 on the CPU (%2)</source>
        <translation>se ejecuta, pero desde el operador %1 en la CPU (%2)</translation>
    </message>
    <message numerus="yes">
        <source>runs; %n operator(s) on a slower path (%1)</source>
        <translation>
            <numerusform>se ejecuta; %n operador por un camino más lento (%1)</numerusform>
            <numerusform>se ejecuta; %n operadores por un camino más lento (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>runs</source>
        <translation>se ejecuta</translation>
    </message>
    <message>
        <source>On %1: %2</source>
        <translation>En %1: %2</translation>
    </message>
    <message>
        <source>On %1, this file %2.</source>
        <translation>En %1, este archivo %2.</translation>
    </message>
    <message>
        <source>In %1, as QuantLens would export it: %2.</source>
        <translation>En %1, tal como QuantLens lo exportaría: %2.</translation>
    </message>
    <message>
        <source>Open a model first</source>
        <translation>Abra primero un modelo</translation>
    </message>
    <message>
        <source>Device &amp;memory per step…</source>
        <translation>&amp;Memoria del dispositivo por paso…</translation>
    </message>
    <message>
        <source>The RAM a microcontroller needs at each step of a run (tflite-micro&apos;s tensor arena), as opened and in the chosen mode, against the target&apos;s RAM</source>
        <translation>La RAM que necesita un microcontrolador en cada paso de una ejecución (la arena de tensores de tflite-micro), tal como se abrió y en el modo elegido, frente a la RAM del destino</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>Exportar in&amp;forme…</translation>
    </message>
    <message>
        <source>Write one self-contained HTML (and PDF) report of the model on the data set: every mode, every layer&apos;s error, the worst layers, with the command that writes it again</source>
        <translation>Escribir un informe HTML (y PDF) autocontenido del modelo sobre el conjunto de datos: cada modo, el error de cada capa, las peores capas, con el comando que lo vuelve a generar</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>Writing the report failed: %1</source>
        <translation>Falló la escritura del informe: %1</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>Informe escrito</translation>
    </message>
    <message>
        <source>No report written</source>
        <translation>No se escribió ningún informe</translation>
    </message>
    <message>
        <source>int8 and 16x8 calibrated (%1) on the first %2 samples of %3; weights %4</source>
        <translation>int8 y 16x8 calibrados (%1) con las primeras %2 muestras de %3; pesos %4</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>por canal</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>por tensor</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) kept in float</source>
        <translation>
            <numerusform>%n capa mantenida en coma flotante</numerusform>
            <numerusform>%n capas mantenidas en coma flotante</numerusform>
        </translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Dispositivo objetivo: %1</translation>
    </message>
    <message>
        <source>Model %1, evaluated on %2</source>
        <translation>Modelo %1, evaluado sobre %2</translation>
    </message>
    <message>
        <source>Open res&amp;ults…</source>
        <translation>Abrir res&amp;ultados…</translation>
    </message>
    <message>
        <source>Open results</source>
        <translation>Abrir resultados</translation>
    </message>
    <message>
        <source>Cannot open the results %1: %2</source>
        <translation>No se pueden abrir los resultados %1: %2</translation>
    </message>
    <message>
        <source>Open the model the results %1 belong to first (they name %2).</source>
        <translation>Abra primero el modelo al que pertenecen los resultados %1 (nombran %2).</translation>
    </message>
    <message>
        <source>The results %1 do not record which model they measured: check that they are of %2.</source>
        <translation>Los resultados %1 no registran qué modelo midieron: compruebe que son de %2.</translation>
    </message>
    <message>
        <source>The results %1 are of another model (%2), not of the open %3.</source>
        <translation>Los resultados %1 son de otro modelo (%2), no del abierto %3.</translation>
    </message>
    <message numerus="yes">
        <source>Measured elsewhere, opened from %1: %n sample(s)</source>
        <translation>
            <numerusform>Medido en otro lugar, abierto desde %1: %n muestra</numerusform>
            <numerusform>Medido en otro lugar, abierto desde %1: %n muestras</numerusform>
        </translation>
    </message>
    <message>
        <source>, labelled</source>
        <translation>, etiquetados</translation>
    </message>
    <message>
        <source>QuantLens results (*.json);;All files (*)</source>
        <translation>Resultados de QuantLens (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Show results measured elsewhere: an evaluation in Compare, a sensitivity ranking in the suggestion dialog, an activation analysis in Errors (the JSON of quantlens-cli eval, sensitivity, analyze or merge with --json, e.g. of a cluster run)</source>
        <translation>Mostrar resultados medidos en otro lugar: una evaluación en Comparar, una clasificación de sensibilidad en el diálogo de sugerencias, un análisis de activaciones en Errores (el JSON de quantlens-cli eval, sensitivity, analyze o merge con --json, p. ej. de una ejecución en un clúster)</translation>
    </message>
    <message>
        <source>Activation SQNR per operator output in %1, measured elsewhere (opened from %2); the lowest is outlined. The next analysis here replaces it.</source>
        <translation>SQNR de activación por salida de operador en %1, medida en otro lugar (abierta desde %2); la más baja está resaltada. El próximo análisis aquí la reemplaza.</translation>
    </message>
</context>
<context>
    <name>ql::app::MemoryDialog</name>
    <message>
        <source>Device memory per step</source>
        <translation>Memoria del dispositivo por paso</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the inputs</source>
        <translation>las entradas</translation>
    </message>
    <message>
        <source>operator %1 (%2)</source>
        <translation>el operador %1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 KiB at %3: %4 KiB of tensors and scratch buffers, %5 KiB persistent.</source>
        <translation>%1: %2 KiB en %3: %4 KiB de tensores y búferes de trabajo, %5 KiB persistentes.</translation>
    </message>
    <message numerus="yes">
        <source>Kernel data of %n operator(s) unknown here, counted as 0.</source>
        <translation>
            <numerusform>Datos de kernel de %n operador desconocidos aquí, contados como 0.</numerusform>
            <numerusform>Datos de kernel de %n operadores desconocidos aquí, contados como 0.</numerusform>
        </translation>
    </message>
    <message>
        <source>as opened</source>
        <translation>tal como se abrió</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>tflite-micro&apos;s greedy memory planner on a 64-bit host, as MicroInterpreter::arena_used_bytes() reports it. Each model is drawn over its own operators; clicking a step of the file as opened selects that operator.</source>
        <translation>El planificador de memoria voraz de tflite-micro en un host de 64 bits, tal como lo indica MicroInterpreter::arena_used_bytes(). Cada modelo se dibuja sobre sus propios operadores; hacer clic en un paso del archivo abierto selecciona ese operador.</translation>
    </message>
</context>
<context>
    <name>ql::app::MessageArea</name>
    <message>
        <source>Dismiss these messages</source>
        <translation>Descartar estos mensajes</translation>
    </message>
</context>
<context>
    <name>ql::app::ModePanel</name>
    <message>
        <source>float16 (half-precision weights)</source>
        <translation>float16 (pesos de media precisión)</translation>
    </message>
    <message>
        <source>dynamic range (int8 weights, float activations)</source>
        <translation>rango dinámico (pesos int8, activaciones en coma flotante)</translation>
    </message>
    <message>
        <source>full integer int8</source>
        <translation>entero completo int8</translation>
    </message>
    <message>
        <source>16x8 (int16 activations, int8 weights)</source>
        <translation>16x8 (activaciones int16, pesos int8)</translation>
    </message>
    <message>
        <source>teaching: any bit width</source>
        <translation>didáctico: cualquier ancho de bits</translation>
    </message>
    <message>
        <source>The quantization the layer table, the histograms and the error charts show</source>
        <translation>La cuantización que muestran la tabla de capas, los histogramas y los gráficos de error</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modo:</translation>
    </message>
    <message>
        <source>integer (int8, or int16 for 16x8)</source>
        <translation>entero (int8, o int16 para 16x8)</translation>
    </message>
    <message>
        <source>uint8</source>
        <translation>uint8</translation>
    </message>
    <message>
        <source>float (QUANTIZE / DEQUANTIZE at the edges)</source>
        <translation>float (QUANTIZE / DEQUANTIZE en los extremos)</translation>
    </message>
    <message>
        <source>Input and output type of an exported full-integer model</source>
        <translation>Tipo de entrada y salida de un modelo exportado de entero completo</translation>
    </message>
    <message>
        <source>&amp;I/O:</source>
        <translation>E/&amp;S:</translation>
    </message>
    <message>
        <source>Per-channel convolution weights</source>
        <translation>Pesos de convolución por canal</translation>
    </message>
    <message>
        <source>One scale per output channel (what the TFLite converter does) instead of one per tensor: channels with small weights keep their precision</source>
        <translation>Una escala por canal de salida (como hace el convertidor de TFLite) en lugar de una por tensor: los canales con pesos pequeños conservan su precisión</translation>
    </message>
    <message>
        <source>Per-channel dense weights</source>
        <translation>Pesos densos por canal</translation>
    </message>
    <message>
        <source>min/max</source>
        <translation>min/max</translation>
    </message>
    <message>
        <source>moving average of min/max</source>
        <translation>media móvil de min/max</translation>
    </message>
    <message>
        <source>percentile 99.99 %</source>
        <translation>percentil 99.99 %</translation>
    </message>
    <message>
        <source>percentile 99.9 %</source>
        <translation>percentil 99.9 %</translation>
    </message>
    <message>
        <source>least squared error (MSE)</source>
        <translation>mínimo error cuadrático (MSE)</translation>
    </message>
    <message>
        <source>entropy (KL divergence)</source>
        <translation>entropía (divergencia KL)</translation>
    </message>
    <message>
        <source>How each activation&apos;s range is chosen from the calibration samples. min/max keeps every value (what the TFLite converter does); percentiles, MSE and KL clip rare outliers to get a finer grid for the rest</source>
        <translation>Cómo se elige el rango de cada activación a partir de las muestras de calibración. min/max conserva todos los valores (como hace el convertidor de TFLite); los percentiles, MSE y KL recortan los valores atípicos poco frecuentes para obtener una rejilla más fina para el resto</translation>
    </message>
    <message>
        <source>Ca&amp;libration:</source>
        <translation>Cal&amp;ibración:</translation>
    </message>
    <message>
        <source> samples</source>
        <translation> muestras</translation>
    </message>
    <message>
        <source>How many samples of the calibration data are run through the float model (the first ones); the converter&apos;s guidance is about 100 representative samples</source>
        <translation>Cuántas muestras de los datos de calibración se pasan por el modelo en coma flotante (las primeras); el convertidor recomienda unas 100 muestras representativas</translation>
    </message>
    <message>
        <source>Sam&amp;ples:</source>
        <translation>M&amp;uestras:</translation>
    </message>
    <message>
        <source>the data set</source>
        <translation>el conjunto de datos</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Calibrate on other data than the evaluation data set (for example training images)</source>
        <translation>Calibrar con datos distintos del conjunto de evaluación (por ejemplo, imágenes de entrenamiento)</translation>
    </message>
    <message>
        <source>Calibrate on:</source>
        <translation>Calibrar con:</translation>
    </message>
    <message>
        <source>Bits per weight for the teaching scheme: each bit halves the step between levels</source>
        <translation>Bits por peso del esquema didáctico: cada bit reduce a la mitad el paso entre niveles</translation>
    </message>
    <message>
        <source>&amp;Bits:</source>
        <translation>&amp;Bits:</translation>
    </message>
    <message>
        <source>Symmetric (zero point 0)</source>
        <translation>Simétrico (punto cero 0)</translation>
    </message>
    <message>
        <source>Symmetric: the grid is centred on 0. Asymmetric: a zero point shifts the grid to cover [min, max] exactly, one more level</source>
        <translation>Simétrico: la rejilla está centrada en 0. Asimétrico: un punto cero desplaza la rejilla para cubrir exactamente [min, max], con un nivel más</translation>
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
        <translation>%1 (didáctico)</translation>
    </message>
    <message>
        <source>, per-channel</source>
        <translation>, por canal</translation>
    </message>
    <message>
        <source>, per-tensor</source>
        <translation>, por tensor</translation>
    </message>
    <message numerus="yes">
        <source>, %1 on %n sample(s)</source>
        <translation>
            <numerusform>, %1 con %n muestra</numerusform>
            <numerusform>, %1 con %n muestras</numerusform>
        </translation>
    </message>
    <message>
        <source>Also one scale per output unit for FULLY_CONNECTED (the current converter&apos;s default; older converters used one per tensor)</source>
        <translation>También una escala por unidad de salida para FULLY_CONNECTED (lo predeterminado del convertidor actual; los convertidores antiguos usaban una por tensor)</translation>
    </message>
    <message>
        <source>any device</source>
        <translation>cualquier dispositivo</translation>
    </message>
    <message>
        <source>The device the model is for: the choices below follow what it needs, and the layer table marks the operators that would not run there (docs/targets.md)</source>
        <translation>El dispositivo al que va destinado el modelo: las opciones de abajo siguen lo que necesita, y la tabla de capas marca los operadores que no se ejecutarían allí (docs/targets.md)</translation>
    </message>
    <message>
        <source>T&amp;arget:</source>
        <translation>Dispositivo &amp;objetivo:</translation>
    </message>
</context>
<context>
    <name>ql::app::OptionsCommand</name>
    <message>
        <source>mode %1 → %2</source>
        <translation>modo %1 → %2</translation>
    </message>
    <message>
        <source>%1 → %2 bits</source>
        <translation>%1 → %2 bits</translation>
    </message>
    <message>
        <source>change the quantization options</source>
        <translation>cambiar las opciones de cuantización</translation>
    </message>
</context>
<context>
    <name>ql::app::ReportDialog</name>
    <message>
        <source>Export report</source>
        <translation>Exportar informe</translation>
    </message>
    <message>
        <source>One self-contained HTML document (charts as vectors, readable offline, printable) with the model, the settings and their provenance, every mode on the data set, the weight and activation error of every layer, the worst layers and the confusion matrices. It embeds the command that writes it again.</source>
        <translation>Un único documento HTML autocontenido (gráficos vectoriales, legible sin conexión, imprimible) con el modelo, los ajustes y su procedencia, cada modo sobre el conjunto de datos, el error de pesos y de activación de cada capa, las peores capas y las matrices de confusión. Incluye el comando que lo vuelve a generar.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Informe:</translation>
    </message>
    <message>
        <source>Also as PDF (A4, same name)</source>
        <translation>También como PDF (A4, mismo nombre)</translation>
    </message>
    <message>
        <source>Tables as CSV and JSON in a folder beside it</source>
        <translation>Tablas en CSV y JSON en una carpeta junto a él</translation>
    </message>
    <message>
        <source>Rank the layers by sensitivity (slower), allowed drop:</source>
        <translation>Ordenar las capas por sensibilidad (más lento), caída permitida:</translation>
    </message>
    <message>
        <source> points</source>
        <translation> puntos</translation>
    </message>
    <message>
        <source>&amp;Write report</source>
        <translation>&amp;Escribir informe</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>HTML documents (*.html)</source>
        <translation>Documentos HTML (*.html)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>No report was written: %1</source>
        <translation>No se escribió ningún informe: %1</translation>
    </message>
    <message>
        <source>Written again by (from the report&apos;s folder):</source>
        <translation>Se vuelve a generar con (desde la carpeta del informe):</translation>
    </message>
</context>
<context>
    <name>ql::app::SideBySideView</name>
    <message>
        <source>Click a sample to run both models on it</source>
        <translation>Hacer clic en una muestra para ejecutar ambos modelos con ella</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Dibujar</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Abrir imagen…</translation>
    </message>
    <message>
        <source>Run both models on a picture (PNG, JPEG, BMP, …), scaled to the model&apos;s input size</source>
        <translation>Ejecutar ambos modelos con una imagen (PNG, JPEG, BMP, …), escalada al tamaño de entrada del modelo</translation>
    </message>
    <message>
        <source>no image yet</source>
        <translation>aún no hay imagen</translation>
    </message>
    <message>
        <source>[0, 1] (pixels / 255)</source>
        <translation>[0, 1] (píxeles / 255)</translation>
    </message>
    <message>
        <source>[-1, 1] (MobileNet, Inception)</source>
        <translation>[-1, 1] (MobileNet, Inception)</translation>
    </message>
    <message>
        <source>[0, 255] (raw pixel values)</source>
        <translation>[0, 255] (valores de píxel sin procesar)</translation>
    </message>
    <message>
        <source>The value range the model was trained on; a wrong range gives confident nonsense</source>
        <translation>El rango de valores con el que se entrenó el modelo; un rango incorrecto produce resultados absurdos con mucha confianza</translation>
    </message>
    <message>
        <source>MNIST and Fashion-MNIST show light objects on a black background</source>
        <translation>MNIST y Fashion-MNIST muestran objetos claros sobre fondo negro</translation>
    </message>
    <message>
        <source>Value range:</source>
        <translation>Rango de valores:</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>Archivo de imagen</translation>
    </message>
    <message>
        <source>The input both models see</source>
        <translation>La entrada que ven ambos modelos</translation>
    </message>
    <message>
        <source>Pick a sample or draw to run the float and the quantized model side by side.</source>
        <translation>Elija una muestra o dibuje para ejecutar lado a lado el modelo en coma flotante y el cuantizado.</translation>
    </message>
    <message>
        <source>SQNR vs float (dB)</source>
        <translation>SQNR frente a float (dB)</translation>
    </message>
    <message>
        <source>Per operator output: how close the quantized run&apos;s tensor is to the float run&apos;s. The lowest (outlined) is where the two runs part ways.</source>
        <translation>Por salida de operador: cuánto se acerca el tensor de la ejecución cuantizada al de la ejecución en coma flotante. El más bajo (recuadrado) es donde ambas ejecuciones divergen.</translation>
    </message>
    <message>
        <source>Class names…</source>
        <translation>Nombres de clase…</translation>
    </message>
    <message>
        <source>Name the outputs from a text file with one class per line (for example ImageNet&apos;s labels file); models that carry a label file use it automatically</source>
        <translation>Nombrar las salidas a partir de un archivo de texto con una clase por línea (por ejemplo, el archivo de etiquetas de ImageNet); los modelos que incluyen un archivo de etiquetas lo usan automáticamente</translation>
    </message>
    <message>
        <source>Where the two runs part ways (per operator output):</source>
        <translation>Dónde divergen ambas ejecuciones (por salida de operador):</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n name(s), but the model has %2 outputs</source>
        <translation>
            <numerusform>%1 tiene %n nombre, pero el modelo tiene %2 salidas</numerusform>
            <numerusform>%1 tiene %n nombres, pero el modelo tiene %2 salidas</numerusform>
        </translation>
    </message>
    <message>
        <source> (1001-class ImageNet models put &quot;background&quot; first)</source>
        <translation> (los modelos ImageNet de 1001 clases ponen primero &quot;background&quot;)</translation>
    </message>
    <message>
        <source>Class names</source>
        <translation>Nombres de clase</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Archivos de texto (*.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot use these class names</source>
        <translation>No se pueden usar estos nombres de clase</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Abrir imagen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.webp);;All files (*)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.webp);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open a model with one image input first.</source>
        <translation>Abra primero un modelo con una sola entrada de imagen.</translation>
    </message>
    <message>
        <source>This model does not take images: %1</source>
        <translation>Este modelo no acepta imágenes: %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>clase %1</translation>
    </message>
    <message>
        <source>float32: %1 (%2%) — %3: %4 (%5%)%6</source>
        <translation>float32: %1 (%2%) — %3: %4 (%5%)%6</translation>
    </message>
    <message>
        <source> — they agree</source>
        <translation> — coinciden</translation>
    </message>
    <message>
        <source> — they disagree</source>
        <translation> — no coinciden</translation>
    </message>
    <message>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <source>Invert colours</source>
        <translation>Invertir colores</translation>
    </message>
    <message>
        <source>Open a model to run it side by side with its quantized version.</source>
        <translation>Abra un modelo para ejecutarlo junto a su versión cuantizada.</translation>
    </message>
    <message>
        <source>The quantized model is not ready yet.</source>
        <translation>El modelo cuantizado aún no está listo.</translation>
    </message>
    <message>
        <source>Updating for %1…</source>
        <translation>Actualizando para %1…</translation>
    </message>
</context>
<context>
    <name>ql::app::SuggestDialog</name>
    <message>
        <source>Suggest layers to keep in float</source>
        <translation>Sugerir capas a mantener en coma flotante</translation>
    </message>
    <message>
        <source>Measures every weighted layer on (at most 500 samples of) the data set in the chosen mode: the metric with only that layer kept in float, and with only that layer quantized. Then keeps the fewest layers in float that bring the drop within the budget (one undo step).</source>
        <translation>Mide cada capa con pesos sobre (como mucho 500 muestras de) el conjunto de datos en el modo elegido: la métrica con solo esa capa en coma flotante, y con solo esa capa cuantizada. Después mantiene en coma flotante las menos capas posibles que dejan la caída dentro del margen (un paso de deshacer).</translation>
    </message>
    <message>
        <source> points</source>
        <translation> puntos</translation>
    </message>
    <message>
        <source>The allowed drop of accuracy (or agreement without labels) against the float model</source>
        <translation>La caída permitida de la precisión (o de la concordancia sin etiquetas) frente al modelo en coma flotante</translation>
    </message>
    <message>
        <source>Allowed drop:</source>
        <translation>Caída permitida:</translation>
    </message>
    <message>
        <source>&amp;Measure</source>
        <translation>&amp;Medir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Only this float</source>
        <translation>Solo esta en coma flotante</translation>
    </message>
    <message>
        <source>Only this quantized</source>
        <translation>Solo esta cuantizada</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>Ganancia</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Kept in float</source>
        <translation>Mantenida en coma flotante</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>midiendo…</translation>
    </message>
    <message>
        <source>%1 / %2 variants</source>
        <translation>%1 / %2 variantes</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenido</translation>
    </message>
    <message>
        <source>Not finished: %1</source>
        <translation>Sin terminar: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
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
        <translation>Elegir un archivo (IDX, .gz o .npy)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Elegir un archivo</translation>
    </message>
    <message>
        <source>Training images:</source>
        <translation>Imágenes de entrenamiento:</translation>
    </message>
    <message>
        <source>Training labels:</source>
        <translation>Etiquetas de entrenamiento:</translation>
    </message>
    <message>
        <source>Test images:</source>
        <translation>Imágenes de prueba:</translation>
    </message>
    <message>
        <source>Test labels:</source>
        <translation>Etiquetas de prueba:</translation>
    </message>
    <message>
        <source>Passes over the training set (5 reach about 88.6% on Fashion-MNIST)</source>
        <translation>Pasadas por el conjunto de entrenamiento (con 5 se alcanza aproximadamente un 88.6 % en Fashion-MNIST)</translation>
    </message>
    <message>
        <source>Quantization-aware fine-tuning after float training: int8 fake quantization of weights and activations, so the network learns to live with the rounding</source>
        <translation>Ajuste fino consciente de la cuantización tras el entrenamiento en coma flotante: cuantización simulada int8 de pesos y activaciones, para que la red aprenda a convivir con el redondeo</translation>
    </message>
    <message>
        <source>The same seed gives the same weights</source>
        <translation>La misma semilla produce los mismos pesos</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todas</translation>
    </message>
    <message>
        <source>Use only the first N training samples (all: the whole set)</source>
        <translation>Usar solo las primeras N muestras de entrenamiento (todas: el conjunto completo)</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Épocas:</translation>
    </message>
    <message>
        <source>QAT epochs:</source>
        <translation>Épocas QAT:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Semilla:</translation>
    </message>
    <message>
        <source>Training samples:</source>
        <translation>Muestras de entrenamiento:</translation>
    </message>
    <message>
        <source>Trai&amp;n</source>
        <translation>En&amp;trenar</translation>
    </message>
    <message>
        <source>Train the classic CNN (Conv 12 3x3, MaxPool, Dense) and compare float, PTQ and QAT</source>
        <translation>Entrenar la CNN clásica (Conv 12 3x3, MaxPool, Dense) y comparar float, PTQ y QAT</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>Guardar modelo…</translation>
    </message>
    <message>
        <source>Save trained model</source>
        <translation>Guardar modelo entrenado</translation>
    </message>
    <message>
        <source>TensorFlow Lite models (*.tflite)</source>
        <translation>Modelos TensorFlow Lite (*.tflite)</translation>
    </message>
    <message>
        <source>Cannot save the model</source>
        <translation>No se puede guardar el modelo</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>Cargando los datos…</translation>
    </message>
    <message>
        <source>%1epoch %2 of %3: loss %4, training accuracy %5%</source>
        <translation>Época %2 de %3%1: pérdida %4, exactitud de entrenamiento %5%</translation>
    </message>
    <message>
        <source>QAT </source>
        <translation> (QAT)</translation>
    </message>
    <message>
        <source>Test accuracy: %1. The rows are in the Compare tab.</source>
        <translation>Exactitud de prueba: %1. Las filas están en la pestaña Comparar.</translation>
    </message>
</context>
<context>
    <name>ql::app::ValueRangeDialog</name>
    <message>
        <source>Data value range</source>
        <translation>Rango de valores de los datos</translation>
    </message>
    <message>
        <source>How 8-bit data (IDX files, uint8 .npy, image folders) become input values. A model trained on other values gives confident nonsense, and its int8 export is calibrated for the wrong range.</source>
        <translation>Cómo los datos de 8 bits (archivos IDX, .npy uint8, carpetas de imágenes) se convierten en valores de entrada. Un modelo entrenado con otros valores da disparates con seguridad, y su exportación int8 se calibra para un rango equivocado.</translation>
    </message>
    <message>
        <source>As the model asks: %1</source>
        <translation>Como pide el modelo: %1</translation>
    </message>
    <message>
        <source>[0, 1] (pixels / 255)</source>
        <translation>[0, 1] (píxeles / 255)</translation>
    </message>
    <message>
        <source>[-1, 1] (MobileNet, Inception)</source>
        <translation>[-1, 1] (MobileNet, Inception)</translation>
    </message>
    <message>
        <source>[0, 255] (raw pixel values)</source>
        <translation>[0, 255] (valores de píxel sin procesar)</translation>
    </message>
    <message>
        <source>(pixel − mean) / standard deviation</source>
        <translation>(píxel − media) / desviación típica</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>Valores:</translation>
    </message>
    <message>
        <source>Mean:</source>
        <translation>Media:</translation>
    </message>
    <message>
        <source>Standard deviation:</source>
        <translation>Desviación típica:</translation>
    </message>
    <message>
        <source>Colour channels in BGR order (Caffe-style models)</source>
        <translation>Canales de color en orden BGR (modelos al estilo Caffe)</translation>
    </message>
</context>
<context>
    <name>ql::report::Report</name>
    <message>
        <source>model</source>
        <translation>modelo</translation>
    </message>
    <message>
        <source>data</source>
        <translation>datos</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>etiquetas</translation>
    </message>
    <message>
        <source>calibration data</source>
        <translation>datos de calibración</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>ilegible</translation>
    </message>
    <message>
        <source> on %1 samples of %2</source>
        <translation> con %1 muestras de %2</translation>
    </message>
    <message>
        <source>Evaluating %1</source>
        <translation>Evaluando %1</translation>
    </message>
    <message>
        <source>Analysing the weights</source>
        <translation>Analizando los pesos</translation>
    </message>
    <message>
        <source>Measuring the activation error</source>
        <translation>Midiendo el error de activación</translation>
    </message>
    <message>
        <source>Ranking the layers by sensitivity</source>
        <translation>Ordenando las capas por sensibilidad</translation>
    </message>
    <message>
        <source>Checking the target</source>
        <translation>Comprobando el dispositivo objetivo</translation>
    </message>
    <message>
        <source>the file as given</source>
        <translation>el archivo tal cual</translation>
    </message>
    <message>
        <source>int8 (float I/O, as evaluated)</source>
        <translation>int8 (E/S en coma flotante, como se evaluó)</translation>
    </message>
    <message>
        <source>wrote %1 (%2 pages)</source>
        <translation>escrito %1 (%2 páginas)</translation>
    </message>
    <message>
        <source>wrote %1 (%2 modes, %3 weighted layers, %4 activations)</source>
        <translation>escrito %1 (%2 modos, %3 capas con pesos, %4 activaciones)</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exacto</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Tamaño del archivo</translation>
    </message>
    <message>
        <source>Mode recognised</source>
        <translation>Modo reconocido</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operadores</translation>
    </message>
    <message>
        <source>Weights by type</source>
        <translation>Pesos por tipo</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>The model</source>
        <translation>El modelo</translation>
    </message>
    <message>
        <source>QuantLens</source>
        <translation>QuantLens</translation>
    </message>
    <message>
        <source>Evaluation samples</source>
        <translation>Muestras de evaluación</translation>
    </message>
    <message>
        <source>, labelled</source>
        <translation>, con etiquetas</translation>
    </message>
    <message>
        <source>, without labels</source>
        <translation>, sin etiquetas</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Calibración</translation>
    </message>
    <message>
        <source>none (no integer mode)</source>
        <translation>ninguna (ningún modo entero)</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>por canal</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>por tensor</translation>
    </message>
    <message>
        <source>Kept in float</source>
        <translation>Mantenidas en coma flotante</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>This command, run from the same folder, regenerates the report with the same numbers, timings aside:</source>
        <translation>Este comando, ejecutado desde la misma carpeta, regenera el informe con las mismas cifras, salvo los tiempos:</translation>
    </message>
    <message>
        <source>Settings and provenance</source>
        <translation>Ajustes y procedencia</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>modo</translation>
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
        <translation>concordancia</translation>
    </message>
    <message>
        <source>KL mean</source>
        <translation>KL (media)</translation>
    </message>
    <message>
        <source>KL p99</source>
        <translation>KL p99</translation>
    </message>
    <message>
        <source>file size</source>
        <translation>tamaño del archivo</translation>
    </message>
    <message>
        <source>tflite-micro arena</source>
        <translation>arena de tflite-micro</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>latencia (ms)</translation>
    </message>
    <message>
        <source>Agreement: the share of samples on which the mode picks the float32 model&apos;s top class.</source>
        <translation>Concordancia: la proporción de muestras en las que el modo elige la clase principal del modelo float32.</translation>
    </message>
    <message>
        <source>Accuracy against file size</source>
        <translation>Exactitud frente a tamaño del archivo</translation>
    </message>
    <message>
        <source>file size (KiB)</source>
        <translation>tamaño del archivo (KiB)</translation>
    </message>
    <message>
        <source>top-1 accuracy (%)</source>
        <translation>exactitud top-1 (%)</translation>
    </message>
    <message>
        <source>agreement with float32 (%)</source>
        <translation>concordancia con float32 (%)</translation>
    </message>
    <message>
        <source>Latency: the median single-sample run on the machine that made the report, one thread.</source>
        <translation>Latencia: la mediana de una ejecución con una sola muestra en la máquina que generó el informe, con un hilo.</translation>
    </message>
    <message>
        <source>The modes compared</source>
        <translation>Comparación de los modos</translation>
    </message>
    <message>
        <source>Weight error per layer (%1)</source>
        <translation>Error de pesos por capa (%1)</translation>
    </message>
    <message>
        <source>operator (number, type)</source>
        <translation>operador (número, tipo)</translation>
    </message>
    <message>
        <source>weight SQNR (dB)</source>
        <translation>SQNR de pesos (dB)</translation>
    </message>
    <message>
        <source>good above %1 dB</source>
        <translation>bueno por encima de %1 dB</translation>
    </message>
    <message>
        <source>bad below %1 dB</source>
        <translation>malo por debajo de %1 dB</translation>
    </message>
    <message>
        <source>Signal-to-quantization-noise ratio of each layer&apos;s weights, quantized and dequantized, against the float weights. Green: good, orange: suspect, red: bad.</source>
        <translation>Relación señal/ruido de cuantización de los pesos de cada capa, cuantizados y descuantizados, frente a los pesos en coma flotante. Verde: bueno, naranja: dudoso, rojo: malo.</translation>
    </message>
    <message>
        <source>op</source>
        <translation>op</translation>
    </message>
    <message>
        <source>type</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>esquema</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>RMSE / scale</source>
        <translation>RMSE / escala</translation>
    </message>
    <message>
        <source>clipped</source>
        <translation>recortado</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>veredicto</translation>
    </message>
    <message>
        <source>why</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>Weights, layer by layer</source>
        <translation>Pesos, capa por capa</translation>
    </message>
    <message>
        <source>Activations, operator by operator</source>
        <translation>Activaciones, operador por operador</translation>
    </message>
    <message>
        <source>Not analysed: the report was made without data.</source>
        <translation>Sin analizar: el informe se generó sin datos.</translation>
    </message>
    <message>
        <source>Activation error per operator output (%1)</source>
        <translation>Error de activación por salida de operador (%1)</translation>
    </message>
    <message>
        <source>activation SQNR (dB)</source>
        <translation>SQNR de activación (dB)</translation>
    </message>
    <message>
        <source>this tensor&apos;s own quantization</source>
        <translation>solo la cuantización de este tensor</translation>
    </message>
    <message>
        <source>with everything upstream</source>
        <translation>con todo lo anterior en el grafo</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>tensor</translation>
    </message>
    <message>
        <source>type in the model</source>
        <translation>tipo en el modelo</translation>
    </message>
    <message>
        <source>local SQNR (dB)</source>
        <translation>SQNR local (dB)</translation>
    </message>
    <message>
        <source>propagated SQNR (dB)</source>
        <translation>SQNR propagado (dB)</translation>
    </message>
    <message>
        <source>Operator %1 (%2): weights</source>
        <translation>Operador %1 (%2): pesos</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>valor del peso</translation>
    </message>
    <message>
        <source>count</source>
        <translation>recuento</translation>
    </message>
    <message>
        <source>float</source>
        <translation>coma flotante</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>cuantizado</translation>
    </message>
    <message>
        <source>Operator %1 (%2), %3</source>
        <translation>Operador %1 (%2), %3</translation>
    </message>
    <message>
        <source>The mode quantizes no weights.</source>
        <translation>El modo no cuantiza ningún peso.</translation>
    </message>
    <message>
        <source>The worst layers</source>
        <translation>Las peores capas</translation>
    </message>
    <message>
        <source>Confusion matrix, %1</source>
        <translation>Matriz de confusión, %1</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>clase predicha</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>clase real</translation>
    </message>
    <message>
        <source>No confusion matrices: the data set has no labels.</source>
        <translation>No hay matrices de confusión: el conjunto de datos no tiene etiquetas.</translation>
    </message>
    <message>
        <source>Confusion matrices</source>
        <translation>Matrices de confusión</translation>
    </message>
    <message>
        <source>top-1 accuracy</source>
        <translation>exactitud top-1</translation>
    </message>
    <message>
        <source>agreement with float32</source>
        <translation>concordancia con float32</translation>
    </message>
    <message>
        <source>What each layer costs in int8, and what keeping it float buys</source>
        <translation>Lo que cuesta cada capa en int8 y lo que se gana manteniéndola en coma flotante</translation>
    </message>
    <message>
        <source>change of %1 (points)</source>
        <translation>cambio de %1 (puntos)</translation>
    </message>
    <message>
        <source>cost: only this layer quantized</source>
        <translation>coste: solo esta capa cuantizada</translation>
    </message>
    <message>
        <source>gain: only this layer kept float</source>
        <translation>ganancia: solo esta capa en coma flotante</translation>
    </message>
    <message>
        <source>Metric: %1. float32 %2, all weighted layers in int8 %3; budget %4 points.</source>
        <translation>Métrica: %1. float32 %2, todas las capas con pesos en int8 %3; margen %4 puntos.</translation>
    </message>
    <message>
        <source>only this layer quantized</source>
        <translation>solo esta capa cuantizada</translation>
    </message>
    <message>
        <source>only this layer float</source>
        <translation>solo esta capa en coma flotante</translation>
    </message>
    <message>
        <source>cost (points)</source>
        <translation>coste (puntos)</translation>
    </message>
    <message>
        <source>gain (points)</source>
        <translation>ganancia (puntos)</translation>
    </message>
    <message>
        <source>No layer needs to stay float: int8 is within the budget.</source>
        <translation>Ninguna capa necesita quedarse en coma flotante: int8 está dentro del margen.</translation>
    </message>
    <message>
        <source>Keep in float: --keep-float %1 (then %2, within the budget).</source>
        <translation>Mantener en coma flotante: --keep-float %1 (entonces %2, dentro del margen).</translation>
    </message>
    <message>
        <source>Even with --keep-float %1 the metric stays outside the budget (%2).</source>
        <translation>Incluso con --keep-float %1 la métrica queda fuera del margen (%2).</translation>
    </message>
    <message>
        <source>Sensitivity of each layer</source>
        <translation>Sensibilidad de cada capa</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>se ejecuta</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>RAM of the target</source>
        <translation>RAM del dispositivo objetivo</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>flash</translation>
    </message>
    <message>
        <source>flash of the target</source>
        <translation>flash del dispositivo objetivo</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>hallazgos</translation>
    </message>
    <message>
        <source>partly on the CPU</source>
        <translation>en parte en la CPU</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>el modelo</translation>
    </message>
    <message>
        <source>impact</source>
        <translation>impacto</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operador</translation>
    </message>
    <message>
        <source>On the target: %1</source>
        <translation>En el dispositivo objetivo: %1</translation>
    </message>
    <message>
        <source>Made in (seconds):</source>
        <translation>Generado en (segundos):</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the report&apos;s language code</comment>
        <translation>es</translation>
    </message>
    <message>
        <source>Quantization report: %1</source>
        <translation>Informe de cuantización: %1</translation>
    </message>
</context>
<context>
    <name>ql::widgets::CompareModel</name>
    <message>
        <source>collapse</source>
        <translation>colapso</translation>
    </message>
    <message>
        <source>Share of samples where this mode picks the same class as the float model</source>
        <translation>Proporción de muestras en las que este modo elige la misma clase que el modelo en coma flotante</translation>
    </message>
    <message>
        <source>Mean KL divergence of this mode&apos;s output distribution from the float model&apos;s: 0 = identical</source>
        <translation>Divergencia KL media de la distribución de salida de este modo respecto a la del modelo en coma flotante: 0 = idénticas</translation>
    </message>
    <message>
        <source>Median time of one single-sample run on this machine, one thread (QuantLens&apos; interpreter)</source>
        <translation>Mediana del tiempo de una ejecución con una sola muestra en esta máquina, con un hilo (intérprete de QuantLens)</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Exactitud</translation>
    </message>
    <message>
        <source>Top-5</source>
        <translation>Top-5</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Concordancia</translation>
    </message>
    <message>
        <source>KL (mean)</source>
        <translation>KL (media)</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latencia (ms)</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>The model file: what it takes in flash on a device</source>
        <translation>El archivo del modelo: lo que ocupa en la flash de un dispositivo</translation>
    </message>
    <message>
        <source>The tensor arena tflite-micro&apos;s interpreter needs for this mode on a microcontroller (activations and its persistent data; 64-bit host figure, as arena_used_bytes() reports it)</source>
        <translation>La arena de tensores que el intérprete de tflite-micro necesita para este modo en un microcontrolador (activaciones y sus datos persistentes; cifra de un host de 64 bits, como la da arena_used_bytes())</translation>
    </message>
    <message>
        <source>MCU RAM</source>
        <translation>RAM del MCU</translation>
    </message>
    <message>
        <source>%1 has %2 of flash; this mode&apos;s file takes more</source>
        <translation>%1 tiene %2 de flash; el archivo de este modo ocupa más</translation>
    </message>
    <message>
        <source>%1 has %2 of RAM; this mode needs more for its tensor arena</source>
        <translation>%1 tiene %2 de RAM; este modo necesita más para su arena de tensores</translation>
    </message>
</context>
<context>
    <name>ql::widgets::CurveChart</name>
    <message>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>training accuracy</source>
        <translation>exactitud de entrenamiento</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>exactitud</translation>
    </message>
    <message>
        <source>Loss (left) and training accuracy (right), averaged over the epoch so far</source>
        <translation>Pérdida (izquierda) y exactitud de entrenamiento (derecha), promediadas sobre lo que va de época</translation>
    </message>
    <message>
        <source>training-curves</source>
        <translation>curvas-entrenamiento</translation>
    </message>
</context>
<context>
    <name>ql::widgets::DiffTableModel</name>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n canal</numerusform>
            <numerusform>%n canales</numerusform>
        </translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>solo en A</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>solo en B</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>cambiado</translation>
    </message>
    <message>
        <source>same</source>
        <translation>igual</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>changed (largest scale ratio)</source>
        <translation>cambiado (mayor razón de escalas)</translation>
    </message>
    <message>
        <source>only in this model</source>
        <translation>solo en este modelo</translation>
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
        <translation>Operador</translation>
    </message>
    <message>
        <source>Output scale A</source>
        <translation>Escala de salida A</translation>
    </message>
    <message>
        <source>Output scale B</source>
        <translation>Escala de salida B</translation>
    </message>
    <message>
        <source>Largest scale ratio</source>
        <translation>Mayor razón de escalas</translation>
    </message>
    <message>
        <source>Output zero point</source>
        <translation>Punto cero de salida</translation>
    </message>
    <message>
        <source>Weights (max LSB)</source>
        <translation>Pesos (LSB máx.)</translation>
    </message>
    <message>
        <source>Output tensor</source>
        <translation>Tensor de salida</translation>
    </message>
    <message>
        <source>equal</source>
        <translation>igual</translation>
    </message>
    <message>
        <source>Output SQNR B vs A (dB)</source>
        <translation>SQNR de salida B frente a A (dB)</translation>
    </message>
    <message>
        <source>Output cosine</source>
        <translation>Coseno de salida</translation>
    </message>
</context>
<context>
    <name>ql::widgets::DrawCanvas</name>
    <message>
        <source>Draw with the left mouse button, erase with the right one</source>
        <translation>Dibujar con el botón izquierdo, borrar con el derecho</translation>
    </message>
</context>
<context>
    <name>ql::widgets::ErrorChart</name>
    <message>
        <source>weight SQNR (dB)</source>
        <translation>SQNR de pesos (dB)</translation>
    </message>
    <message>
        <source>weight-sqnr-per-layer</source>
        <translation>sqnr-pesos-por-capa</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operador</translation>
    </message>
    <message>
        <source>No layers with weights (or no analysis yet).</source>
        <translation>No hay capas con pesos (o aún no hay análisis).</translation>
    </message>
    <message numerus="yes">
        <source>Weight SQNR of %n layer(s); worst outlined in red.</source>
        <translation>
            <numerusform>SQNR de pesos de %n capa; la peor, recuadrada en rojo.</numerusform>
            <numerusform>SQNR de pesos de %n capas; la peor, recuadrada en rojo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight SQNR per layer: higher is better, each bit is worth about 6 dB. Green good, yellow suspect, red bad; the worst (up to three) are outlined. Click a bar to select its layer; the wheel zooms along the operators.</source>
        <translation>SQNR de los pesos por capa: más alto es mejor, cada bit vale unos 6 dB. Verde bueno, amarillo dudoso, rojo malo; los peores (hasta tres) están remarcados. Haga clic en una barra para seleccionar su capa; la rueda hace zoom a lo largo de los operadores.</translation>
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
        <translation>exacto</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>Tipo de datos</translation>
    </message>
    <message>
        <source>Weight SQNR</source>
        <translation>SQNR de pesos</translation>
    </message>
    <message>
        <source>Weight verdict</source>
        <translation>Veredicto de pesos</translation>
    </message>
    <message>
        <source>Activation SQNR</source>
        <translation>SQNR de activaciones</translation>
    </message>
    <message>
        <source>Clipped weights</source>
        <translation>Pesos recortados</translation>
    </message>
    <message>
        <source>Kept in float</source>
        <translation>Mantenido en float</translation>
    </message>
    <message>
        <source>Constant bytes</source>
        <translation>Bytes de constantes</translation>
    </message>
    <message>
        <source>The weight analysis has not finished.</source>
        <translation>El análisis de pesos aún no ha terminado.</translation>
    </message>
    <message>
        <source>float</source>
        <translation>float</translation>
    </message>
    <message>
        <source>left in float</source>
        <translation>dejado en float</translation>
    </message>
    <message>
        <source>Open a data set to see the activation error of each operator output.</source>
        <translation>Abra un conjunto de datos para ver el error de activación de cada salida de operador.</translation>
    </message>
    <message>
        <source>kept float</source>
        <translation>en float</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>cuantizado</translation>
    </message>
    <message>
        <source>kept in float</source>
        <translation>mantenido en float</translation>
    </message>
    <message>
        <source>Activation SQNR (this tensor only)</source>
        <translation>SQNR de activaciones (solo este tensor)</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
</context>
<context>
    <name>ql::widgets::GraphView</name>
    <message>
        <source>Double-click the title to fold this group</source>
        <translation>Doble clic en el título para plegar este grupo</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>Colorear por:</translation>
    </message>
    <message>
        <source>Find operator, #number or tensor (Enter: next)</source>
        <translation>Buscar operador, #número o tensor (Intro: siguiente)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>Mostrar todo el grafo</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Expandir todo</translation>
    </message>
    <message>
        <source>Open every group of operators</source>
        <translation>Abrir todos los grupos de operadores</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Contraer todo</translation>
    </message>
    <message>
        <source>Fold the operators into their name scopes</source>
        <translation>Plegar los operadores en sus ámbitos de nombres</translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s)</source>
        <translation>
            <numerusform>%n operador</numerusform>
            <numerusform>%n operadores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>laying out %n operator(s)…</source>
        <translation>
            <numerusform>distribuyendo %n operador…</numerusform>
            <numerusform>distribuyendo %n operadores…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s), %1 boxes, laid out in %2 s</source>
        <translation>
            <numerusform>%n operador, %1 cajas, distribuido en %2 s</numerusform>
            <numerusform>%n operadores, %1 cajas, distribuidos en %2 s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2
Double-click to expand</source>
        <translation>%1
%2
Doble clic para expandir</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n más)</numerusform>
            <numerusform> (+%n más)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Collapse</source>
        <translation>&amp;Contraer</translation>
    </message>
    <message>
        <source>&amp;Expand</source>
        <translation>&amp;Expandir</translation>
    </message>
    <message>
        <source>worst: %1</source>
        <translation>peor: %1</translation>
    </message>
    <message>
        <source>no match for “%1”</source>
        <translation>sin resultados para «%1»</translation>
    </message>
    <message>
        <source>match %1 of %2</source>
        <translation>resultado %1 de %2</translation>
    </message>
    <message>
        <source>&amp;Keep in float</source>
        <translation>&amp;Mantener en float</translation>
    </message>
    <message>
        <source>Only operators with weights can be kept in float here</source>
        <translation>Aquí solo se pueden mantener en float los operadores con pesos</translation>
    </message>
    <message>
        <source>Show &amp;weights</source>
        <translation>Mostrar &amp;pesos</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Save the graph with its colours and legend as SVG, PDF or PNG, or the colours as node data for Google&apos;s Model Explorer</source>
        <translation>Guardar el grafo con sus colores y leyenda como SVG, PDF o PNG, o los colores como datos de nodos para Model Explorer de Google</translation>
    </message>
    <message>
        <source>There is no model to export node data for.</source>
        <translation>No hay ningún modelo para el que exportar datos de nodos.</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1: no se puede escribir (%2)</translation>
    </message>
    <message>
        <source>Model Explorer node data (*.json)</source>
        <translation>Datos de nodos de Model Explorer (*.json)</translation>
    </message>
    <message>
        <source>Export graph</source>
        <translation>Exportar grafo</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PDF document (*.pdf);;PNG image (*.png)</source>
        <translation>Dibujo SVG (*.svg);;Documento PDF (*.pdf);;Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot export the graph</source>
        <translation>No se puede exportar el grafo</translation>
    </message>
    <message>
        <source>Measuring each operator&apos;s time…</source>
        <translation>Midiendo el tiempo de cada operador…</translation>
    </message>
    <message>
        <source>The subgraph shown (control-flow bodies, other signatures); colours and the shared selection are for the main subgraph</source>
        <translation>El subgrafo mostrado (cuerpos de flujo de control, otras firmas); los colores y la selección compartida son para el subgrafo principal</translation>
    </message>
    <message>
        <source>main</source>
        <translation>principal</translation>
    </message>
    <message>
        <source>subgraph %1</source>
        <translation>subgrafo %1</translation>
    </message>
    <message>
        <source>Colours are shown for the main subgraph&apos;s operators.</source>
        <translation>Los colores se muestran para los operadores del subgrafo principal.</translation>
    </message>
</context>
<context>
    <name>ql::widgets::LayerTableModel</name>
    <message>
        <source>exact</source>
        <translation>exacto</translation>
    </message>
    <message>
        <source>Keep this layer in float: it is not quantized, QUANTIZE/DEQUANTIZE go around it (Ctrl+Z undoes)</source>
        <translation>Mantener esta capa en coma flotante: no se cuantiza y queda rodeada por QUANTIZE/DEQUANTIZE (Ctrl+Z lo deshace)</translation>
    </message>
    <message>
        <source>%1 weights: %2. SQNR = 10·log10(Σw² / Σ(w − ŵ)²): each bit is worth about 6 dB.</source>
        <translation>Pesos %1: %2. SQNR = 10·log10(Σw² / Σ(w − ŵ)²): cada bit aporta unos 6 dB.</translation>
    </message>
    <message>
        <source>Weight quantization: %1</source>
        <translation>Cuantización de pesos: %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <source>Weight type</source>
        <translation>Tipo de pesos</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Cuantización</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Weight SQNR (dB)</source>
        <translation>SQNR de pesos (dB)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Keep float</source>
        <translation>En coma flotante</translation>
    </message>
    <message>
        <source>QuantLens cannot run this operator: %1</source>
        <translation>QuantLens no puede ejecutar este operador: %1</translation>
    </message>
</context>
<context>
    <name>ql::widgets::MemoryChart</name>
    <message>
        <source>step (0: the inputs, then each operator)</source>
        <translation>paso (0: las entradas, luego cada operador)</translation>
    </message>
    <message>
        <source>RAM in use (KiB)</source>
        <translation>RAM en uso (KiB)</translation>
    </message>
    <message>
        <source>tflite-micro&apos;s tensor arena at each step: the tensors and scratch buffers alive then, plus the persistent part. The highest point is the arena the device needs. Click a step to select its operator.</source>
        <translation>La arena de tensores de tflite-micro en cada paso: los tensores y búferes de trabajo vivos en ese momento, más la parte persistente. El punto más alto es la arena que necesita el dispositivo. Haga clic en un paso para seleccionar su operador.</translation>
    </message>
    <message>
        <source>device-memory</source>
        <translation>memoria-dispositivo</translation>
    </message>
    <message>
        <source>peak %1 KiB</source>
        <translation>pico %1 KiB</translation>
    </message>
    <message>
        <source>RAM of %1: %2 KiB</source>
        <translation>RAM de %1: %2 KiB</translation>
    </message>
    <message>
        <source>RAM on the device per step</source>
        <translation>RAM en el dispositivo por paso</translation>
    </message>
</context>
<context>
    <name>ql::widgets::Minimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>Vista general: haga clic o arrastre para mover la vista</translation>
    </message>
</context>
<context>
    <name>ql::widgets::OperatorBars</name>
    <message>
        <source>exact (no error)</source>
        <translation>exacto (sin error)</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>sin valor</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exacto</translation>
    </message>
</context>
<context>
    <name>ql::widgets::OutputBars</name>
    <message>
        <source>score</source>
        <translation>puntuación</translation>
    </message>
    <message>
        <source>The top classes of the float model, with both models&apos; scores</source>
        <translation>Las clases principales del modelo en coma flotante, con las puntuaciones de ambos modelos</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>salidas</translation>
    </message>
</context>
<context>
    <name>ql::widgets::Reason</name>
    <message>
        <source>not quantized in this mode: no weight error</source>
        <translation>no se cuantiza en este modo: sin error en los pesos</translation>
    </message>
    <message>
        <source>stays float in this mode (%1): no weight error</source>
        <translation>se mantiene en coma flotante en este modo (%1): sin error en los pesos</translation>
    </message>
    <message>
        <source>weights beyond float16&apos;s largest value 65504 overflow</source>
        <translation>los pesos que superan el mayor valor de float16, 65504, se desbordan</translation>
    </message>
    <message>
        <source>float16 keeps 11 significant bits: relative error about 2^-12 (%1 dB)</source>
        <translation>float16 conserva 11 bits significativos: error relativo de unos 2^-12 (%1 dB)</translation>
    </message>
    <message>
        <source>many weights are below float16&apos;s normal range (6.1e-5) and lose precision</source>
        <translation>muchos pesos están por debajo del rango normal de float16 (6.1e-5) y pierden precisión</translation>
    </message>
    <message>
        <source>%1% of the weights lie outside the clipping range [%2, %3]</source>
        <translation>el %1 % de los pesos queda fuera del rango de recorte [%2, %3]</translation>
    </message>
    <message>
        <source>channel %1 has a range %2x the median; a per-tensor scale wastes %3 bits of the other channels (per-channel dense weights would fix it)</source>
        <translation>el canal %1 tiene un rango %2 veces la mediana; una escala por tensor desperdicia %3 bits de los demás canales (los pesos densos por canal lo resolverían)</translation>
    </message>
    <message>
        <source>channel %1 has a range %2x the median; a per-tensor scale wastes %3 bits of the other channels (per-channel weights would fix it)</source>
        <translation>el canal %1 tiene un rango %2 veces la mediana; una escala por tensor desperdicia %3 bits de los demás canales (los pesos por canal lo resolverían)</translation>
    </message>
    <message>
        <source>%1 of %2 channels are (nearly) all zero (pruned or dead) and quantize to zero; the others show rounding noise only (%3 dB SQNR)</source>
        <translation>%1 de %2 canales son (casi) todo ceros (podados o muertos) y se cuantizan a cero; los demás solo muestran ruido de redondeo (%3 dB de SQNR)</translation>
    </message>
    <message>
        <source>%1 of %2 channels are (nearly) all zero (pruned or dead) and quantize to zero; the others lose precision (%3 dB SQNR)</source>
        <translation>%1 de %2 canales son (casi) todo ceros (podados o muertos) y se cuantizan a cero; los demás pierden precisión (%3 dB de SQNR)</translation>
    </message>
    <message>
        <source>outliers: the largest |weight| is %1x the standard deviation, so most weights fall on a few of the %2 levels (%3 dB SQNR)</source>
        <translation>valores atípicos: el mayor |peso| es %1 veces la desviación típica, así que la mayoría de los pesos cae en unos pocos de los %2 niveles (%3 dB de SQNR)</translation>
    </message>
    <message>
        <source>only %1 dB SQNR: %2 bits are too coarse for this weight distribution (RMSE/scale %3)</source>
        <translation>solo %1 dB de SQNR: %2 bits son demasiado gruesos para esta distribución de pesos (RMSE/escala %3)</translation>
    </message>
    <message>
        <source>rounding noise only: RMSE/scale %1 (ideal 1/sqrt(12) = 0.289), %2 dB SQNR</source>
        <translation>solo ruido de redondeo: RMSE/escala %1 (ideal 1/sqrt(12) = 0.289), %2 dB de SQNR</translation>
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
        <translation>tamaño del modelo (kB)</translation>
    </message>
    <message>
        <source>accuracy (%) — or agreement without labels</source>
        <translation>exactitud (%) — o concordancia sin etiquetas</translation>
    </message>
    <message>
        <source>Each mode as a point: further left is smaller, higher is more accurate; the dashed line is the float model. Labels give the latency.</source>
        <translation>Cada modo es un punto: más a la izquierda, más pequeño; más arriba, más exacto; la línea discontinua es el modelo en coma flotante. Las etiquetas indican la latencia.</translation>
    </message>
    <message>
        <source>accuracy-vs-size</source>
        <translation>exactitud-vs-tamaño</translation>
    </message>
    <message>
        <source>Accuracy against size</source>
        <translation>Exactitud frente a tamaño</translation>
    </message>
</context>
<context>
    <name>ql::widgets::ValueBars</name>
    <message>
        <source>operator</source>
        <translation>operador</translation>
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
        <translation>bueno</translation>
    </message>
    <message>
        <source>suspect</source>
        <translation>dudoso</translation>
    </message>
    <message>
        <source>bad</source>
        <translation>malo</translation>
    </message>
</context>
<context>
    <name>ql::widgets::WeightView</name>
    <message>
        <source>How the scale and zero point of this weight tensor follow from its values</source>
        <translation>Cómo se derivan la escala y el punto cero de este tensor de pesos a partir de sus valores</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Escala logarítmica</translation>
    </message>
    <message>
        <source>Counts on a logarithmic axis: shows the sparse tails where outliers and clipping live</source>
        <translation>Recuentos en un eje logarítmico: muestra las colas dispersas donde están los valores atípicos y el recorte</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>valor del peso</translation>
    </message>
    <message>
        <source>count</source>
        <translation>recuento</translation>
    </message>
    <message>
        <source>Float weights (blue) and quantized weights (orange); dashed red: the clipping range; grey: the quantization grid. Wheel to zoom, drag to pan.</source>
        <translation>Pesos en coma flotante (azul) y pesos cuantizados (naranja); rojo discontinuo: el rango de recorte; gris: la rejilla de cuantización. Rueda para ampliar, arrastrar para desplazar.</translation>
    </message>
    <message>
        <source>quantized − float</source>
        <translation>cuantizado − float</translation>
    </message>
    <message>
        <source>Quantization error of the weights: for pure rounding, flat between −scale/2 and +scale/2</source>
        <translation>Error de cuantización de los pesos: con redondeo puro, plano entre −escala/2 y +escala/2</translation>
    </message>
    <message>
        <source>output channel</source>
        <translation>canal de salida</translation>
    </message>
    <message>
        <source>weight range</source>
        <translation>rango de pesos</translation>
    </message>
    <message>
        <source>Minimum and maximum weight of each output channel: very unequal ranges make a per-tensor scale waste bits</source>
        <translation>Peso mínimo y máximo de cada canal de salida: con rangos muy desiguales, una escala por tensor desperdicia bits</translation>
    </message>
    <message>
        <source>weight-histogram</source>
        <translation>histograma-pesos</translation>
    </message>
    <message>
        <source>weight-error-histogram</source>
        <translation>histograma-error-pesos</translation>
    </message>
    <message>
        <source>weight-ranges-per-channel</source>
        <translation>rangos-pesos-por-canal</translation>
    </message>
    <message>
        <source>Select a layer with weights to see their histogram.</source>
        <translation>Seleccione una capa con pesos para ver su histograma.</translation>
    </message>
    <message>
        <source>Operator %1 %2 — weights %3 (%4): %5 — %6</source>
        <translation>Operador %1 %2 — pesos %3 (%4): %5 — %6</translation>
    </message>
    <message>
        <source>float</source>
        <translation>float</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>cuantizado</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>Not quantized in this mode: the float32 weights are used as they are.</source>
        <translation>No se cuantiza en este modo: los pesos float32 se usan tal cual.</translation>
    </message>
    <message>
        <source>float16: each weight is rounded to the nearest float16 (11 significant bits); max |error| = %1, SQNR %2 dB.</source>
        <translation>float16: cada peso se redondea al float16 más cercano (11 bits significativos); |error| máx. = %1, SQNR %2 dB.</translation>
    </message>
    <message>
        <source> (per output channel; shown: channel %1, the widest)</source>
        <translation> (por canal de salida; se muestra el canal %1, el más amplio)</translation>
    </message>
    <message>
        <source>Symmetric%1: scale = max|w| / %2 = %3 / %2 = %4; zero point 0; q = clamp(round(w / scale), %5, %2); ŵ = q × scale. Error per weight at most scale / 2 = %6 unless clipped; RMSE / scale = %7 (1/√12 ≈ 0.289 for pure rounding).</source>
        <translation>Simétrico%1: escala = max|w| / %2 = %3 / %2 = %4; punto cero 0; q = clamp(round(w / escala), %5, %2); ŵ = q × escala. Error por peso de como máximo escala / 2 = %6 salvo recorte; RMSE / escala = %7 (1/√12 ≈ 0.289 con redondeo puro).</translation>
    </message>
    <message>
        <source>Asymmetric%1: range [%2, %3] extended to contain 0; scale = (max − min) / (%4 − (%5)) = %6; zero point = round(%5 − min / scale) = %7; q = clamp(round(w / scale) + zp, %5, %4); ŵ = (q − zp) × scale. RMSE / scale = %8.</source>
        <translation>Asimétrico%1: rango [%2, %3] ampliado para contener 0; escala = (max − min) / (%4 − (%5)) = %6; punto cero = round(%5 − min / escala) = %7; q = clamp(round(w / escala) + zp, %5, %4); ŵ = (q − zp) × escala. RMSE / escala = %8.</translation>
    </message>
</context>
</TS>
