<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>%1: choose a .png, .svg or .pdf file</source>
        <translation>%1：请选择 .png、.svg 或 .pdf 文件</translation>
    </message>
    <message>
        <source>%1: cannot write</source>
        <translation>%1：无法写入</translation>
    </message>
    <message>
        <source>%1: cannot replace the file (%2)</source>
        <translation>%1：无法替换该文件（%2）</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot export the chart</source>
        <translation>无法导出图表</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <source>%1: choose a .csv or .json file</source>
        <translation>%1：请选择 .csv 或 .json 文件</translation>
    </message>
    <message>
        <source>%1: choose a .svg, .pdf or .png file</source>
        <translation>%1：请选择 .svg、.pdf 或 .png 文件</translation>
    </message>
    <message>
        <source>There is no graph to export yet.</source>
        <translation>尚无可导出的图。</translation>
    </message>
    <message>
        <source>Model graph</source>
        <translation>模型图</translation>
    </message>
    <message>
        <source>%1: cannot encode the picture</source>
        <translation>%1：无法编码图像</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explore the quantization of TensorFlow Lite models</source>
        <translation>探索 TensorFlow Lite 模型的量化</translation>
    </message>
    <message>
        <source>A .tflite model to open</source>
        <translation>要打开的 .tflite 模型</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once the model is shown, then quit</source>
        <translation>模型显示后将窗口截图保存到 FILE，然后退出</translation>
    </message>
    <message>
        <source>unknown view &apos;%1&apos;</source>
        <translation>未知视图“%1”</translation>
    </message>
    <message>
        <source>Use this language for this run: en, de, es, fr or zh_CN</source>
        <translation>本次运行使用此语言：en、de、es、fr 或 zh_CN</translation>
    </message>
    <message>
        <source>Compare the model with this second model (the Diff view)</source>
        <translation>将模型与第二个模型比较（Diff 视图）</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Show this view at start: weights, graph, errors, compare, side-by-side, train or diff</source>
        <translation>启动时显示此视图：weights、graph、errors、compare、side-by-side、train 或 diff</translation>
    </message>
</context>
<context>
    <name>ql::app::CompareTab</name>
    <message>
        <source>E&amp;valuate all modes</source>
        <translation>评估所有模式(&amp;V)</translation>
    </message>
    <message>
        <source>Run the model in float32, float16, dynamic range, int8 and 16x8 over the data set: accuracy, agreement with float, KL divergence, size and latency (Ctrl+E)</source>
        <translation>在数据集上以 float32、float16、动态范围、int8 和 16x8 运行模型：准确率、与浮点模型的一致率、KL 散度、大小和延迟（Ctrl+E）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <source>Save the comparison as CSV or JSON</source>
        <translation>将比较结果保存为 CSV 或 JSON</translation>
    </message>
    <message>
        <source>%1: %2 / %3</source>
        <translation>%1：%2 / %3</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot export the table</source>
        <translation>无法导出表格</translation>
    </message>
    <message>
        <source>Out of date: %1 since these results were measured. Evaluate all modes again (Ctrl+E).</source>
        <translation>已过时：自这些结果测得以来%1。请重新评估所有模式（Ctrl+E）。</translation>
    </message>
</context>
<context>
    <name>ql::app::DiffTab</name>
    <message>
        <source>Only what differs</source>
        <translation>仅显示差异</translation>
    </message>
    <message>
        <source>File › Compare with… opens a second model (the converter&apos;s file of the same network, another export, an older version) to compare with this one.</source>
        <translation>文件 › 与…比较 会打开第二个模型（同一网络的转换器文件、另一个导出文件或旧版本）与当前模型比较。</translation>
    </message>
    <message>
        <source>A: %1 (%2 operators) — B: %3 (%4 operators). %5 pairs matched, %6 of them differ; %7 only in A, %8 only in B.</source>
        <translation>A：%1（%2 个算子）— B：%3（%4 个算子）。匹配 %5 对，其中 %6 对不同；%7 个仅在 A 中，%8 个仅在 B 中。</translation>
    </message>
    <message>
        <source>The outputs could not be compared on the data set: %1</source>
        <translation>无法在数据集上比较输出：%1</translation>
    </message>
    <message>
        <source>On %1 sample(s) of the data set, the two models pick the same class on %2% of them; the last columns give each pair&apos;s output SQNR (B against A) and cosine.</source>
        <translation>在数据集的 %1 个样本上，两个模型有 %2% 选择了相同的类别；最后几列给出每对算子的输出 SQNR（B 相对 A）和余弦相似度。</translation>
    </message>
    <message>
        <source>On %1 sample(s) of the data set; the last columns give each pair&apos;s output SQNR (B against A) and cosine.</source>
        <translation>在数据集的 %1 个样本上；最后几列给出每对算子的输出 SQNR（B 相对 A）和余弦相似度。</translation>
    </message>
    <message>
        <source>Open a data set (File › Open data set…) to see how far each pair&apos;s outputs are apart.</source>
        <translation>打开数据集（文件 › 打开数据集…）即可查看每对算子输出的差距。</translation>
    </message>
</context>
<context>
    <name>ql::app::Document</name>
    <message>
        <source>keep operator %1 in float</source>
        <translation>将算子 %1 保持浮点</translation>
    </message>
    <message>
        <source>quantize operator %1</source>
        <translation>量化算子 %1</translation>
    </message>
    <message>
        <source>%1 needs a data set to calibrate on (File › Open data set…)</source>
        <translation>%1 需要数据集进行校准（文件 › 打开数据集…）</translation>
    </message>
    <message numerus="yes">
        <source>Keeping %n layer(s) in float: %1 %2 → %3 (float %4)</source>
        <translation>
            <numerusform>将 %n 层保持浮点：%1 %2 → %3（浮点 %4）</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote %1; LiteRT runs %2 on its built-in kernels, everything else on XNNPACK</source>
        <translation>已写入 %1；LiteRT 用内置内核运行 %2，其余用 XNNPACK</translation>
    </message>
    <message>
        <source>Wrote %1; LiteRT runs every operator on XNNPACK</source>
        <translation>已写入 %1；LiteRT 用 XNNPACK 运行所有算子</translation>
    </message>
    <message>
        <source>another model was opened meanwhile</source>
        <translation>期间已打开另一个模型</translation>
    </message>
    <message>
        <source>cancelled: another model was opened</source>
        <translation>已取消：打开了另一个模型</translation>
    </message>
    <message>
        <source>cancelled: the options or the data changed meanwhile; evaluate again</source>
        <translation>已取消：选项或数据已更改，请重新评估</translation>
    </message>
    <message>
        <source>keep suggested layers in float</source>
        <translation>将建议的层保持浮点</translation>
    </message>
    <message>
        <source>the options or the data changed meanwhile; ask again</source>
        <translation>选项或数据已更改，请重新请求</translation>
    </message>
    <message>
        <source>Open a model with one input first: images are sized to its input.</source>
        <translation>请先打开一个单输入模型：图像将按其输入尺寸调整。</translation>
    </message>
    <message>
        <source>operator %1 (%2) in subgraph %3 — %4</source>
        <translation>子图 %3 中的算子 %1（%2）— %4</translation>
    </message>
    <message>
        <source>operator %1 (%2) — %3</source>
        <translation>算子 %1（%2）— %3</translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>；以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>QuantLens cannot run this model: %1.</source>
        <translation>QuantLens 无法运行此模型：%1。</translation>
    </message>
    <message>
        <source>%1 does not fit this model: %2</source>
        <translation>%1 与此模型不匹配：%2</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>您的选择</translation>
    </message>
    <message>
        <source>pixels / 255, the default (the float model does not say which range it was trained on)</source>
        <translation>像素 / 255，默认值（浮点模型未说明其训练时的取值范围）</translation>
    </message>
    <message>
        <source>The calibration data do not fit this model&apos;s input: %1 (%2). An int8 export would be calibrated for the wrong range; choose the value range with File › Data value range….</source>
        <translation>校准数据与此模型的输入不匹配：%1（%2）。int8 导出将按错误的范围校准；请通过“文件 › 数据取值范围…”选择取值范围。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Already within %1 point(s) of float: nothing to keep in float</source>
        <translation>已在浮点结果的 %1 个百分点以内：无需保留浮点层</translation>
    </message>
    <message>
        <source> — still not within the budget</source>
        <translation>——仍未达到预算</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>请先打开模型。</translation>
    </message>
    <message>
        <source>The report evaluates the model on a data set: open one first (File › Open data set…).</source>
        <translation>报告会在数据集上评估模型：请先打开一个数据集（文件 › 打开数据集…）。</translation>
    </message>
    <message>
        <source>The data set was not read from a file, so the report&apos;s command could not read it again; open it from a file.</source>
        <translation>数据集不是从文件读取的，因此报告中的命令无法再次读取它；请从文件打开数据集。</translation>
    </message>
    <message>
        <source>Choose where to write the report.</source>
        <translation>请选择报告的写入位置。</translation>
    </message>
    <message>
        <source>The calibration data were not read from a file, so the report&apos;s command could not read them again; open them from a file.</source>
        <translation>校准数据不是从文件读取的，因此报告中的命令无法再次读取它们；请从文件打开校准数据。</translation>
    </message>
    <message>
        <source>Could not copy %1 to %2 for the report&apos;s command</source>
        <translation>无法将 %1 复制到 %2（供报告中的命令使用）</translation>
    </message>
    <message>
        <source>The ranking only: the selection of layers to keep in float was not measured (merge the selection stage&apos;s shards with the ranking&apos;s)</source>
        <translation>仅有排名：未测量保留为浮点的层的选择（请将选择阶段的分片与排名阶段的分片合并）</translation>
    </message>
    <message>
        <source>keep the opened results&apos; layers in float</source>
        <translation>将所打开结果中的层保留为浮点</translation>
    </message>
</context>
<context>
    <name>ql::app::LayerPane</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (%2, subgraph %3)</source>
        <translation>%1（%2，子图 %3）</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot export the table</source>
        <translation>无法导出表格</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <source>Filter layers (operator, shape, type…)</source>
        <translation>筛选层（算子、形状、类型…）</translation>
    </message>
    <message>
        <source>Open a .tflite model with File › Open, or drop one on this window.</source>
        <translation>通过“文件 › 打开”打开 .tflite 模型，或将模型拖放到此窗口。</translation>
    </message>
    <message>
        <source>QuantLens cannot run this model, so inference, errors on data and export are not available. Blocking operator(s): %1</source>
        <translation>QuantLens 无法运行此模型，因此推理、数据误差和导出均不可用。阻塞的算子：%1</translation>
    </message>
</context>
<context>
    <name>ql::app::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;data set…</source>
        <translation>打开数据集(&amp;D)…</translation>
    </message>
    <message>
        <source>Images for Compare: IDX (.gz), .npy, or a folder with one sub-folder per class</source>
        <translation>用于“比较”的图像：IDX（.gz）、.npy，或每个类别一个子文件夹的文件夹</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export model…</source>
        <translation>导出模型(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the model in the selected mode as a .tflite the TensorFlow Lite runtime loads</source>
        <translation>按所选模式将模型写为 TensorFlow Lite 运行时可加载的 .tflite 文件</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Measure every weighted layer&apos;s effect on accuracy (or agreement) on the data set and keep the fewest layers in float that bring the drop within one point</source>
        <translation>在数据集上测量每个带权重的层对准确率（或一致率）的影响，并保持尽可能少的层为浮点，使下降幅度不超过一个百分点</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About QuantLens</source>
        <translation>关于 QuantLens(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Weights</source>
        <translation>权重(&amp;W)</translation>
    </message>
    <message>
        <source>activation SQNR (dB)</source>
        <translation>激活值 SQNR (dB)</translation>
    </message>
    <message>
        <source>E&amp;rrors</source>
        <translation>误差(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Side by side</source>
        <translation>并排对比(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Training: %1</source>
        <translation>训练：%1</translation>
    </message>
    <message>
        <source>Training done: float, PTQ and QAT are in the Compare tab</source>
        <translation>训练完成：浮点、PTQ 和 QAT 的结果见“比较”标签页</translation>
    </message>
    <message>
        <source>Quantization mode</source>
        <translation>量化模式</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>TensorFlow Lite models (*.tflite);;All files (*)</source>
        <translation>TensorFlow Lite 模型 (*.tflite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Cannot open model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message numerus="yes">
        <source>the bundled Fashion-MNIST sample (%n test image(s))</source>
        <translation>
            <numerusform>内置的 Fashion-MNIST 样本集（%n 张测试图像）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 operators, %3, mode: %4 (%5)</source>
        <translation>%1 — %2 个算子，%3，模式：%4（%5）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n sample(s))</source>
        <translation>
            <numerusform>%1（%n 个样本）</numerusform>
        </translation>
    </message>
    <message>
        <source>no data set yet (File › Open data set…)</source>
        <translation>尚无数据集（文件 › 打开数据集…）</translation>
    </message>
    <message>
        <source>Calibration data (cancel: use the data set)</source>
        <translation>校准数据（取消：使用数据集）</translation>
    </message>
    <message>
        <source>Data sets (*.gz *-ubyte *.idx *.npy);;All files (*)</source>
        <translation>数据集 (*.gz *-ubyte *.idx *.npy);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open calibration data</source>
        <translation>无法打开校准数据</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>T恤/上衣</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>短靴</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Open labels (cancel: no labels)</source>
        <translation>打开标签（取消：不使用标签）</translation>
    </message>
    <message>
        <source>Labels (*.gz *-ubyte *.idx *.npy);;All files (*)</source>
        <translation>标签 (*.gz *-ubyte *.idx *.npy);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open data set</source>
        <translation>无法打开数据集</translation>
    </message>
    <message>
        <source>Open a data set (File › Open data set…) to compare the modes.</source>
        <translation>打开数据集（文件 › 打开数据集…）以比较各模式。</translation>
    </message>
    <message>
        <source>, no labels (agreement only)</source>
        <translation>，无标签（仅一致率）</translation>
    </message>
    <message>
        <source>The data set %1 does not fit this model: %2</source>
        <translation>数据集 %1 与此模型不匹配：%2</translation>
    </message>
    <message>
        <source>About QuantLens</source>
        <translation>关于 QuantLens</translation>
    </message>
    <message>
        <source>&lt;h3&gt;QuantLens %1&lt;/h3&gt;&lt;p&gt;Explore the quantization of TensorFlow Lite models: weights, errors, modes, accuracy and size, side by side.&lt;/p&gt;&lt;p&gt;MIT license. The bundled demo model was trained by QuantLens on Fashion-MNIST (© Zalando SE, MIT license).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QuantLens %1&lt;/h3&gt;&lt;p&gt;探索 TensorFlow Lite 模型的量化：权重、误差、模式、准确率和大小，并排对比。&lt;/p&gt;&lt;p&gt;MIT 许可证。内置演示模型由 QuantLens 在 Fashion-MNIST（© Zalando SE，MIT 许可证）上训练。&lt;/p&gt;</translation>
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
        <translation>正在校准…</translation>
    </message>
    <message>
        <source>Open a model first.</source>
        <translation>请先打开模型。</translation>
    </message>
    <message>
        <source>Mode %1, %2 weights</source>
        <translation>模式 %1，%2权重</translation>
    </message>
    <message>
        <source>per-channel</source>
        <translation>逐通道</translation>
    </message>
    <message>
        <source>per-tensor</source>
        <translation>逐张量</translation>
    </message>
    <message>
        <source>; I/O %1</source>
        <translation>；输入/输出 %1</translation>
    </message>
    <message>
        <source>; activation ranges calibrated (%1) on the first %2 samples of %3</source>
        <translation>；激活值范围已在 %3 的前 %2 个样本上校准（%1）</translation>
    </message>
    <message>
        <source>; needs a data set for calibration (File › Open data set…)</source>
        <translation>；需要数据集进行校准（文件 › 打开数据集…）</translation>
    </message>
    <message>
        <source>. The file is already quantized: this re-quantizes its dequantized weights.</source>
        <translation>。该文件已经量化：此操作会对其反量化后的权重重新量化。</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <source>TensorFlow Lite models (*.tflite)</source>
        <translation>TensorFlow Lite 模型 (*.tflite)</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>%1 is the open model; choose another file</source>
        <translation>%1 是当前打开的模型，请选择其他文件</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>Open a data set first (File › Open data set…).</source>
        <translation>请先打开数据集（文件 › 打开数据集…）。</translation>
    </message>
    <message>
        <source>Choose a TFLite mode: the suggestion measures that mode.</source>
        <translation>请选择一种 TFLite 模式：建议针对该模式进行测量。</translation>
    </message>
    <message>
        <source>Measuring every layer&apos;s sensitivity…</source>
        <translation>正在测量每一层的敏感度…</translation>
    </message>
    <message>
        <source>Suggestion failed: %1</source>
        <translation>生成建议失败：%1</translation>
    </message>
    <message>
        <source>Open a data set to see the activation error per operator output.</source>
        <translation>打开数据集以查看每个算子输出的激活值误差。</translation>
    </message>
    <message numerus="yes">
        <source>Activation SQNR per operator output (the quantized model&apos;s tensor against the float one, %n sample(s) of the data set); the lowest is outlined.</source>
        <translation>
            <numerusform>每个算子输出的激活值 SQNR（量化模型的张量与浮点模型的张量对比，使用数据集中的 %n 个样本）；最低者加框标出。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n layer(s) kept float</source>
        <translation>
            <numerusform>，%n 层保持浮点</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight analysis failed: %1</source>
        <translation>权重分析失败：%1</translation>
    </message>
    <message>
        <source>%1: not found in the application&apos;s resources</source>
        <translation>%1：在应用程序资源中未找到</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>QuantLens will use %1 the next time it starts.</source>
        <translation>QuantLens 下次启动时将使用 %1。</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>How close each operator output of the quantized model stays to the float one on the data set (higher is better). Click a bar to select its layer.</source>
        <translation>在数据集上，量化模型每个算子输出与浮点模型的接近程度（越高越好）。点击柱形可选中对应的层。</translation>
    </message>
    <message>
        <source>Open image &amp;folder…</source>
        <translation>打开图像文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open image folder</source>
        <translation>打开图像文件夹</translation>
    </message>
    <message>
        <source>A folder of images (PNG, JPEG, …), or one sub-folder per class for labelled data; images are scaled to the model&apos;s input</source>
        <translation>图像文件夹（PNG、JPEG 等），或每个类别一个子文件夹（带标签的数据）；图像会缩放到模型的输入尺寸</translation>
    </message>
    <message>
        <source>Cannot export the model</source>
        <translation>无法导出模型</translation>
    </message>
    <message>
        <source>int8 weights and float32 activations; small weights left in float32</source>
        <translation>int8 权重和 float32 激活值；较小的权重保留为 float32</translation>
    </message>
    <message>
        <source>float16 weights behind DEQUANTIZE; small weights left in float32</source>
        <translation>DEQUANTIZE 之前为 float16 权重；较小的权重保留为 float32</translation>
    </message>
    <message>
        <source>float32 weights and activations</source>
        <translation>float32 权重和激活值</translation>
    </message>
    <message>
        <source>float16 weights behind DEQUANTIZE</source>
        <translation>DEQUANTIZE 之前为 float16 权重</translation>
    </message>
    <message>
        <source>int8 weights and float32 activations</source>
        <translation>int8 权重和 float32 激活值</translation>
    </message>
    <message>
        <source>int8 weights and int8 activations</source>
        <translation>int8 权重和 int8 激活值</translation>
    </message>
    <message>
        <source>uint8 weights and uint8 activations</source>
        <translation>uint8 权重和 uint8 激活值</translation>
    </message>
    <message>
        <source>int8 weights and int16 activations</source>
        <translation>int8 权重和 int16 激活值</translation>
    </message>
    <message numerus="yes">
        <source>; %n activation range(s) from the model itself</source>
        <translation>
            <numerusform>；%n 个激活范围来自模型本身</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight analysis: %1</source>
        <translation>权重分析：%1</translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation>图(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Diff</source>
        <translation>差异(&amp;D)</translation>
    </message>
    <message>
        <source>Open a model first, then compare it with another.</source>
        <translation>请先打开一个模型，再与另一个模型比较。</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>正在比较 %1 与 %2…</translation>
    </message>
    <message>
        <source>%1 could not be compared: %2</source>
        <translation>无法比较 %1：%2</translation>
    </message>
    <message>
        <source>%1 against %2: %3 operator pair(s) differ</source>
        <translation>%1 对比 %2：%3 对算子不同</translation>
    </message>
    <message>
        <source>Compare &amp;with…</source>
        <translation>与…比较(&amp;W)</translation>
    </message>
    <message>
        <source>Compare with model</source>
        <translation>与模型比较</translation>
    </message>
    <message>
        <source>Match this model&apos;s operators with another model&apos;s (the converter&apos;s file of the same network, another export, an older version) and show what differs</source>
        <translation>将本模型的算子与另一个模型（同一网络的转换器文件、另一个导出文件或旧版本）匹配并显示差异</translation>
    </message>
    <message>
        <source>Could not measure: %1</source>
        <translation>无法测量：%1</translation>
    </message>
    <message>
        <source>the layers kept in float changed</source>
        <translation>保留为浮点的层已更改</translation>
    </message>
    <message>
        <source>the quantization options changed</source>
        <translation>量化选项已更改</translation>
    </message>
    <message>
        <source>the data set changed</source>
        <translation>数据集已更改</translation>
    </message>
    <message>
        <source>the calibration data changed</source>
        <translation>校准数据已更改</translation>
    </message>
    <message>
        <source>, values in %1</source>
        <translation>，取值范围 %1</translation>
    </message>
    <message>
        <source>The data set&apos;s values now lie in %1 (%2).</source>
        <translation>数据集的值现在位于 %1（%2）。</translation>
    </message>
    <message>
        <source>No data set is open yet; the choice applies to the next one.</source>
        <translation>尚未打开数据集；此选择将应用于下一个数据集。</translation>
    </message>
    <message numerus="yes">
        <source>int8 and 16x8 are calibrated on all %n sample(s) of %1.</source>
        <translation>
            <numerusform>int8 和 16x8 在 %1 的全部 %n 个样本上校准。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>int8 and 16x8 are calibrated on the first %n sample(s) of %1.</source>
        <translation>
            <numerusform>int8 和 16x8 在 %1 的前 %n 个样本上校准。</numerusform>
        </translation>
    </message>
    <message>
        <source>Data: %1%2. %3</source>
        <translation>数据：%1%2。%3</translation>
    </message>
    <message>
        <source>Evaluating every mode failed: %1</source>
        <translation>评估所有模式失败：%1</translation>
    </message>
    <message>
        <source>Suggesting layers to keep in float failed: %1</source>
        <translation>建议保留为浮点的层失败：%1</translation>
    </message>
    <message>
        <source>Activation error on the data set: %1</source>
        <translation>数据集上的激活误差：%1</translation>
    </message>
    <message>
        <source>The model in %1 could not be built: %2</source>
        <translation>无法构建 %1 的模型：%2</translation>
    </message>
    <message>
        <source>Teaching bit widths (here %1) are simulated on the weights for analysis and are not exported. Choose a TFLite mode to export: float16, dynamic range, int8 or 16x8.</source>
        <translation>教学位宽（此处为 %1）仅在权重上模拟用于分析，不会导出。请选择一种 TFLite 模式导出：float16、动态范围、int8 或 16x8。</translation>
    </message>
    <message>
        <source>%1 int8 and 16x8 calibrate by running the model; float16 and dynamic range can still be exported.</source>
        <translation>%1 int8 和 16x8 需要运行模型进行校准；float16 和动态范围仍可导出。</translation>
    </message>
    <message>
        <source>Data &amp;value range…</source>
        <translation>数据取值范围(&amp;V)…</translation>
    </message>
    <message>
        <source>How 8-bit images become input values ([0, 1], [-1, 1], [0, 255], mean and standard deviation, channel order); by default what the model&apos;s input stands for</source>
        <translation>8 位图像如何变为输入值（[0, 1]、[-1, 1]、[0, 255]、均值和标准差、通道顺序）；默认采用模型输入所代表的范围</translation>
    </message>
    <message>
        <source>&amp;Evaluate all modes</source>
        <translation>评估所有模式(&amp;E)</translation>
    </message>
    <message>
        <source>Run every mode over the data set in the Compare tab</source>
        <translation>在“比较”标签页中对数据集运行每种模式</translation>
    </message>
    <message>
        <source>&amp;Suggest layers to keep in float…</source>
        <translation>建议保留为浮点的层(&amp;S)…</translation>
    </message>
    <message>
        <source>operator %1 (%2): %3</source>
        <translation>算子 %1（%2）：%3</translation>
    </message>
    <message>
        <source>does not run (%1)</source>
        <translation>无法运行（%1）</translation>
    </message>
    <message>
        <source>runs, but from operator %1 on the CPU (%2)</source>
        <translation>可运行，但从算子 %1 起在 CPU 上运行（%2）</translation>
    </message>
    <message numerus="yes">
        <source>runs; %n operator(s) on a slower path (%1)</source>
        <translation>
            <numerusform>可运行；%n 个算子走较慢的路径（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>runs</source>
        <translation>可运行</translation>
    </message>
    <message>
        <source>On %1: %2</source>
        <translation>在 %1 上：%2</translation>
    </message>
    <message>
        <source>On %1, this file %2.</source>
        <translation>在 %1 上，此文件%2。</translation>
    </message>
    <message>
        <source>In %1, as QuantLens would export it: %2.</source>
        <translation>以 %1 按 QuantLens 的导出方式：%2。</translation>
    </message>
    <message>
        <source>Open a model first</source>
        <translation>请先打开一个模型</translation>
    </message>
    <message>
        <source>Device &amp;memory per step…</source>
        <translation>每步设备内存(&amp;M)…</translation>
    </message>
    <message>
        <source>The RAM a microcontroller needs at each step of a run (tflite-micro&apos;s tensor arena), as opened and in the chosen mode, against the target&apos;s RAM</source>
        <translation>微控制器在一次运行的每一步所需的 RAM（tflite-micro 的张量 arena），按打开时和所选模式，与目标的 RAM 对比</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Write one self-contained HTML (and PDF) report of the model on the data set: every mode, every layer&apos;s error, the worst layers, with the command that writes it again</source>
        <translation>将模型在数据集上的结果写成一份独立的 HTML（及 PDF）报告：每种模式、每一层的误差、最差的层，并附上重新生成报告的命令</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Writing the report failed: %1</source>
        <translation>写入报告失败：%1</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>报告已写入</translation>
    </message>
    <message>
        <source>No report written</source>
        <translation>未写入报告</translation>
    </message>
    <message>
        <source>int8 and 16x8 calibrated (%1) on the first %2 samples of %3; weights %4</source>
        <translation>int8 和 16x8 在 %3 的前 %2 个样本上校准（%1）；权重%4量化</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>逐通道</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>逐张量</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) kept in float</source>
        <translation>
            <numerusform>%n 层保持浮点</numerusform>
        </translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标设备：%1</translation>
    </message>
    <message>
        <source>Model %1, evaluated on %2</source>
        <translation>模型 %1，在 %2 上评估</translation>
    </message>
    <message>
        <source>Open res&amp;ults…</source>
        <translation>打开结果(&amp;U)…</translation>
    </message>
    <message>
        <source>Open results</source>
        <translation>打开结果</translation>
    </message>
    <message>
        <source>Cannot open the results %1: %2</source>
        <translation>无法打开结果 %1：%2</translation>
    </message>
    <message>
        <source>Open the model the results %1 belong to first (they name %2).</source>
        <translation>请先打开结果 %1 所属的模型（结果中记录的是 %2）。</translation>
    </message>
    <message>
        <source>The results %1 do not record which model they measured: check that they are of %2.</source>
        <translation>结果 %1 未记录所测的模型：请确认它们属于 %2。</translation>
    </message>
    <message>
        <source>The results %1 are of another model (%2), not of the open %3.</source>
        <translation>结果 %1 属于另一个模型（%2），而不是已打开的 %3。</translation>
    </message>
    <message numerus="yes">
        <source>Measured elsewhere, opened from %1: %n sample(s)</source>
        <translation>
            <numerusform>在别处测得，从 %1 打开：%n 个样本</numerusform>
        </translation>
    </message>
    <message>
        <source>, labelled</source>
        <translation>，带标签</translation>
    </message>
    <message>
        <source>QuantLens results (*.json);;All files (*)</source>
        <translation>QuantLens 结果 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Show results measured elsewhere: an evaluation in Compare, a sensitivity ranking in the suggestion dialog, an activation analysis in Errors (the JSON of quantlens-cli eval, sensitivity, analyze or merge with --json, e.g. of a cluster run)</source>
        <translation>显示在别处测得的结果：评估显示在“比较”中，敏感度排名显示在建议对话框中，激活分析显示在“误差”中（quantlens-cli eval、sensitivity、analyze 或 merge 加 --json 输出的 JSON，例如集群运行的结果）</translation>
    </message>
    <message>
        <source>Activation SQNR per operator output in %1, measured elsewhere (opened from %2); the lowest is outlined. The next analysis here replaces it.</source>
        <translation>%1 下每个算子输出的激活 SQNR，在别处测得（从 %2 打开）；最低者已标出。此处的下一次分析将替换它。</translation>
    </message>
</context>
<context>
    <name>ql::app::MemoryDialog</name>
    <message>
        <source>Device memory per step</source>
        <translation>每步设备内存</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>the inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>operator %1 (%2)</source>
        <translation>算子 %1（%2）</translation>
    </message>
    <message>
        <source>%1: %2 KiB at %3: %4 KiB of tensors and scratch buffers, %5 KiB persistent.</source>
        <translation>%1：在%3处 %2 KiB：张量和临时缓冲区 %4 KiB，持久部分 %5 KiB。</translation>
    </message>
    <message numerus="yes">
        <source>Kernel data of %n operator(s) unknown here, counted as 0.</source>
        <translation>
            <numerusform>此处有 %n 个算子的内核数据未知，按 0 计。</numerusform>
        </translation>
    </message>
    <message>
        <source>as opened</source>
        <translation>打开时</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 模式</translation>
    </message>
    <message>
        <source>tflite-micro&apos;s greedy memory planner on a 64-bit host, as MicroInterpreter::arena_used_bytes() reports it. Each model is drawn over its own operators; clicking a step of the file as opened selects that operator.</source>
        <translation>tflite-micro 的贪心内存规划器（64 位主机），与 MicroInterpreter::arena_used_bytes() 报告的一致。每个模型按其自身的算子绘制；点击打开文件的某一步会选中该算子。</translation>
    </message>
</context>
<context>
    <name>ql::app::MessageArea</name>
    <message>
        <source>Dismiss these messages</source>
        <translation>关闭这些消息</translation>
    </message>
</context>
<context>
    <name>ql::app::ModePanel</name>
    <message>
        <source>float16 (half-precision weights)</source>
        <translation>float16（半精度权重）</translation>
    </message>
    <message>
        <source>dynamic range (int8 weights, float activations)</source>
        <translation>动态范围（int8 权重，浮点激活值）</translation>
    </message>
    <message>
        <source>full integer int8</source>
        <translation>全整数 int8</translation>
    </message>
    <message>
        <source>16x8 (int16 activations, int8 weights)</source>
        <translation>16x8（int16 激活值，int8 权重）</translation>
    </message>
    <message>
        <source>teaching: any bit width</source>
        <translation>教学：任意位宽</translation>
    </message>
    <message>
        <source>The quantization the layer table, the histograms and the error charts show</source>
        <translation>层表格、直方图和误差图所显示的量化方式</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <source>integer (int8, or int16 for 16x8)</source>
        <translation>整数（int8；16x8 为 int16）</translation>
    </message>
    <message>
        <source>uint8</source>
        <translation>uint8</translation>
    </message>
    <message>
        <source>float (QUANTIZE / DEQUANTIZE at the edges)</source>
        <translation>浮点（在两端插入 QUANTIZE / DEQUANTIZE）</translation>
    </message>
    <message>
        <source>Input and output type of an exported full-integer model</source>
        <translation>导出的全整数模型的输入和输出类型</translation>
    </message>
    <message>
        <source>&amp;I/O:</source>
        <translation>输入/输出(&amp;I)：</translation>
    </message>
    <message>
        <source>Per-channel convolution weights</source>
        <translation>逐通道卷积权重</translation>
    </message>
    <message>
        <source>One scale per output channel (what the TFLite converter does) instead of one per tensor: channels with small weights keep their precision</source>
        <translation>每个输出通道一个缩放因子（TFLite 转换器的做法），而不是每个张量一个：权重较小的通道能保持精度</translation>
    </message>
    <message>
        <source>Per-channel dense weights</source>
        <translation>逐通道全连接权重</translation>
    </message>
    <message>
        <source>min/max</source>
        <translation>min/max</translation>
    </message>
    <message>
        <source>moving average of min/max</source>
        <translation>min/max 滑动平均</translation>
    </message>
    <message>
        <source>percentile 99.99 %</source>
        <translation>百分位数 99.99%</translation>
    </message>
    <message>
        <source>percentile 99.9 %</source>
        <translation>百分位数 99.9%</translation>
    </message>
    <message>
        <source>least squared error (MSE)</source>
        <translation>最小平方误差（MSE）</translation>
    </message>
    <message>
        <source>entropy (KL divergence)</source>
        <translation>熵（KL 散度）</translation>
    </message>
    <message>
        <source>How each activation&apos;s range is chosen from the calibration samples. min/max keeps every value (what the TFLite converter does); percentiles, MSE and KL clip rare outliers to get a finer grid for the rest</source>
        <translation>如何根据校准样本确定每个激活值的范围。min/max 保留所有值（TFLite 转换器的做法）；百分位数、MSE 和 KL 会截断少见的离群值，使其余值获得更精细的量化网格</translation>
    </message>
    <message>
        <source>Ca&amp;libration:</source>
        <translation>校准(&amp;L)：</translation>
    </message>
    <message>
        <source> samples</source>
        <translation> 个样本</translation>
    </message>
    <message>
        <source>How many samples of the calibration data are run through the float model (the first ones); the converter&apos;s guidance is about 100 representative samples</source>
        <translation>用多少个校准数据样本（从第一个开始）运行浮点模型；转换器建议使用约 100 个代表性样本</translation>
    </message>
    <message>
        <source>Sam&amp;ples:</source>
        <translation>样本数(&amp;P)：</translation>
    </message>
    <message>
        <source>the data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Calibrate on other data than the evaluation data set (for example training images)</source>
        <translation>使用评估数据集以外的数据进行校准（例如训练图像）</translation>
    </message>
    <message>
        <source>Calibrate on:</source>
        <translation>校准数据：</translation>
    </message>
    <message>
        <source>Bits per weight for the teaching scheme: each bit halves the step between levels</source>
        <translation>教学方案中每个权重的位数：每增加一位，量化级之间的步长减半</translation>
    </message>
    <message>
        <source>&amp;Bits:</source>
        <translation>位数(&amp;B)：</translation>
    </message>
    <message>
        <source>Symmetric (zero point 0)</source>
        <translation>对称（零点为 0）</translation>
    </message>
    <message>
        <source>Symmetric: the grid is centred on 0. Asymmetric: a zero point shifts the grid to cover [min, max] exactly, one more level</source>
        <translation>对称：网格以 0 为中心。非对称：用零点平移网格，使其恰好覆盖 [min, max]，并多出一个量化级</translation>
    </message>
    <message numerus="yes">
        <source>%n bit(s)</source>
        <translation>
            <numerusform>%n 位</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (teaching)</source>
        <translation>%1（教学）</translation>
    </message>
    <message>
        <source>, per-channel</source>
        <translation>，逐通道</translation>
    </message>
    <message>
        <source>, per-tensor</source>
        <translation>，逐张量</translation>
    </message>
    <message numerus="yes">
        <source>, %1 on %n sample(s)</source>
        <translation>
            <numerusform>，%1（%n 个样本）</numerusform>
        </translation>
    </message>
    <message>
        <source>Also one scale per output unit for FULLY_CONNECTED (the current converter&apos;s default; older converters used one per tensor)</source>
        <translation>FULLY_CONNECTED 也按每个输出单元使用一个缩放因子（当前转换器的默认做法；旧版转换器每个张量只用一个）</translation>
    </message>
    <message>
        <source>any device</source>
        <translation>任意设备</translation>
    </message>
    <message>
        <source>The device the model is for: the choices below follow what it needs, and the layer table marks the operators that would not run there (docs/targets.md)</source>
        <translation>模型面向的设备：下方选项遵循其要求，层表会标出在该设备上无法运行的算子（docs/targets.md）</translation>
    </message>
    <message>
        <source>T&amp;arget:</source>
        <translation>目标设备(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>ql::app::OptionsCommand</name>
    <message>
        <source>mode %1 → %2</source>
        <translation>模式 %1 → %2</translation>
    </message>
    <message>
        <source>%1 → %2 bits</source>
        <translation>%1 → %2 位</translation>
    </message>
    <message>
        <source>change the quantization options</source>
        <translation>更改量化选项</translation>
    </message>
</context>
<context>
    <name>ql::app::ReportDialog</name>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>One self-contained HTML document (charts as vectors, readable offline, printable) with the model, the settings and their provenance, every mode on the data set, the weight and activation error of every layer, the worst layers and the confusion matrices. It embeds the command that writes it again.</source>
        <translation>一份独立的 HTML 文档（矢量图表，可离线阅读，可打印），包含模型、设置及其来源、每种模式在数据集上的结果、每一层的权重误差和激活误差、最差的层以及混淆矩阵。文档中嵌入了重新生成它的命令。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>报告：</translation>
    </message>
    <message>
        <source>Also as PDF (A4, same name)</source>
        <translation>同时生成 PDF（A4，同名）</translation>
    </message>
    <message>
        <source>Tables as CSV and JSON in a folder beside it</source>
        <translation>表格以 CSV 和 JSON 格式保存在旁边的文件夹中</translation>
    </message>
    <message>
        <source>Rank the layers by sensitivity (slower), allowed drop:</source>
        <translation>按敏感度对层排序（较慢），允许的下降：</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 个百分点</translation>
    </message>
    <message>
        <source>&amp;Write report</source>
        <translation>写入报告(&amp;W)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>HTML documents (*.html)</source>
        <translation>HTML 文档 (*.html)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>No report was written: %1</source>
        <translation>未写入报告：%1</translation>
    </message>
    <message>
        <source>Written again by (from the report&apos;s folder):</source>
        <translation>重新生成命令（在报告所在的文件夹中运行）：</translation>
    </message>
</context>
<context>
    <name>ql::app::SideBySideView</name>
    <message>
        <source>Click a sample to run both models on it</source>
        <translation>点击样本，用两个模型分别运行</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <source>Run both models on a picture (PNG, JPEG, BMP, …), scaled to the model&apos;s input size</source>
        <translation>在一张图片（PNG、JPEG、BMP 等）上运行两个模型，图片会缩放到模型的输入尺寸</translation>
    </message>
    <message>
        <source>no image yet</source>
        <translation>尚无图像</translation>
    </message>
    <message>
        <source>[0, 1] (pixels / 255)</source>
        <translation>[0, 1]（像素 / 255）</translation>
    </message>
    <message>
        <source>[-1, 1] (MobileNet, Inception)</source>
        <translation>[-1, 1]（MobileNet、Inception）</translation>
    </message>
    <message>
        <source>[0, 255] (raw pixel values)</source>
        <translation>[0, 255]（原始像素值）</translation>
    </message>
    <message>
        <source>The value range the model was trained on; a wrong range gives confident nonsense</source>
        <translation>模型训练时所用的取值范围；范围错误会得到置信度很高的错误结果</translation>
    </message>
    <message>
        <source>MNIST and Fashion-MNIST show light objects on a black background</source>
        <translation>MNIST 和 Fashion-MNIST 的图像为黑色背景上的浅色物体</translation>
    </message>
    <message>
        <source>Value range:</source>
        <translation>取值范围：</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>图像文件</translation>
    </message>
    <message>
        <source>The input both models see</source>
        <translation>两个模型看到的输入</translation>
    </message>
    <message>
        <source>Pick a sample or draw to run the float and the quantized model side by side.</source>
        <translation>选择样本或手绘图像，并排对比运行浮点模型和量化模型。</translation>
    </message>
    <message>
        <source>SQNR vs float (dB)</source>
        <translation>相对浮点的 SQNR (dB)</translation>
    </message>
    <message>
        <source>Per operator output: how close the quantized run&apos;s tensor is to the float run&apos;s. The lowest (outlined) is where the two runs part ways.</source>
        <translation>按算子输出：量化运行的张量与浮点运行的张量有多接近。最低处（加框标出）即两次运行开始出现分歧的位置。</translation>
    </message>
    <message>
        <source>Class names…</source>
        <translation>类别名称…</translation>
    </message>
    <message>
        <source>Name the outputs from a text file with one class per line (for example ImageNet&apos;s labels file); models that carry a label file use it automatically</source>
        <translation>从每行一个类别的文本文件为输出命名（例如 ImageNet 的标签文件）；自带标签文件的模型会自动使用该文件</translation>
    </message>
    <message>
        <source>Where the two runs part ways (per operator output):</source>
        <translation>两次运行的分歧位置（按算子输出）：</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n name(s), but the model has %2 outputs</source>
        <translation>
            <numerusform>%1 有 %n 个名称，但模型有 %2 个输出</numerusform>
        </translation>
    </message>
    <message>
        <source> (1001-class ImageNet models put &quot;background&quot; first)</source>
        <translation>（1001 类的 ImageNet 模型把“background”放在首位）</translation>
    </message>
    <message>
        <source>Class names</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot use these class names</source>
        <translation>无法使用这些类别名称</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.webp);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a model with one image input first.</source>
        <translation>请先打开一个具有单个图像输入的模型。</translation>
    </message>
    <message>
        <source>This model does not take images: %1</source>
        <translation>此模型不接受图像输入：%1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>float32: %1 (%2%) — %3: %4 (%5%)%6</source>
        <translation>float32：%1（%2%）— %3：%4（%5%）%6</translation>
    </message>
    <message>
        <source> — they agree</source>
        <translation> — 两者一致</translation>
    </message>
    <message>
        <source> — they disagree</source>
        <translation> — 两者不一致</translation>
    </message>
    <message>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <source>Invert colours</source>
        <translation>反转颜色</translation>
    </message>
    <message>
        <source>Open a model to run it side by side with its quantized version.</source>
        <translation>打开一个模型，与其量化版本并排运行。</translation>
    </message>
    <message>
        <source>The quantized model is not ready yet.</source>
        <translation>量化模型尚未就绪。</translation>
    </message>
    <message>
        <source>Updating for %1…</source>
        <translation>正在为 %1 更新…</translation>
    </message>
</context>
<context>
    <name>ql::app::SuggestDialog</name>
    <message>
        <source>Suggest layers to keep in float</source>
        <translation>建议保留为浮点的层</translation>
    </message>
    <message>
        <source>Measures every weighted layer on (at most 500 samples of) the data set in the chosen mode: the metric with only that layer kept in float, and with only that layer quantized. Then keeps the fewest layers in float that bring the drop within the budget (one undo step).</source>
        <translation>在所选模式下，用数据集（最多 500 个样本）逐层测量带权重的层：仅该层保留浮点时的指标，以及仅该层量化时的指标。然后保留尽可能少的浮点层，使下降处于预算之内（一次撤销步骤）。</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 个百分点</translation>
    </message>
    <message>
        <source>The allowed drop of accuracy (or agreement without labels) against the float model</source>
        <translation>相对浮点模型允许的准确率（无标签时为一致率）下降</translation>
    </message>
    <message>
        <source>Allowed drop:</source>
        <translation>允许的下降：</translation>
    </message>
    <message>
        <source>&amp;Measure</source>
        <translation>测量(&amp;M)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Only this float</source>
        <translation>仅此层浮点</translation>
    </message>
    <message>
        <source>Only this quantized</source>
        <translation>仅此层量化</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>收益</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <source>Kept in float</source>
        <translation>保留为浮点</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <source>%1 / %2 variants</source>
        <translation>%1 / %2 个变体</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Not finished: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
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
        <translation>选择文件（IDX、.gz 或 .npy）</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Training images:</source>
        <translation>训练图像：</translation>
    </message>
    <message>
        <source>Training labels:</source>
        <translation>训练标签：</translation>
    </message>
    <message>
        <source>Test images:</source>
        <translation>测试图像：</translation>
    </message>
    <message>
        <source>Test labels:</source>
        <translation>测试标签：</translation>
    </message>
    <message>
        <source>Passes over the training set (5 reach about 88.6% on Fashion-MNIST)</source>
        <translation>遍历训练集的轮数（在 Fashion-MNIST 上 5 轮约可达 88.6%）</translation>
    </message>
    <message>
        <source>Quantization-aware fine-tuning after float training: int8 fake quantization of weights and activations, so the network learns to live with the rounding</source>
        <translation>浮点训练之后进行量化感知微调：对权重和激活值做 int8 伪量化，使网络学会适应舍入</translation>
    </message>
    <message>
        <source>The same seed gives the same weights</source>
        <translation>相同的种子得到相同的权重</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Use only the first N training samples (all: the whole set)</source>
        <translation>仅使用前 N 个训练样本（全部：使用整个训练集）</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>轮数 (epoch)：</translation>
    </message>
    <message>
        <source>QAT epochs:</source>
        <translation>QAT 轮数：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Training samples:</source>
        <translation>训练样本数：</translation>
    </message>
    <message>
        <source>Trai&amp;n</source>
        <translation>训练(&amp;N)</translation>
    </message>
    <message>
        <source>Train the classic CNN (Conv 12 3x3, MaxPool, Dense) and compare float, PTQ and QAT</source>
        <translation>训练经典 CNN（Conv 12 3x3、MaxPool、Dense），并比较浮点、PTQ 和 QAT</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>保存模型…</translation>
    </message>
    <message>
        <source>Save trained model</source>
        <translation>保存训练好的模型</translation>
    </message>
    <message>
        <source>TensorFlow Lite models (*.tflite)</source>
        <translation>TensorFlow Lite 模型 (*.tflite)</translation>
    </message>
    <message>
        <source>Cannot save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <source>%1epoch %2 of %3: loss %4, training accuracy %5%</source>
        <translation>%1第 %2/%3 轮：损失 %4，训练准确率 %5%</translation>
    </message>
    <message>
        <source>QAT </source>
        <translation>QAT </translation>
    </message>
    <message>
        <source>Test accuracy: %1. The rows are in the Compare tab.</source>
        <translation>测试准确率：%1。结果见“比较”标签页。</translation>
    </message>
</context>
<context>
    <name>ql::app::ValueRangeDialog</name>
    <message>
        <source>Data value range</source>
        <translation>数据取值范围</translation>
    </message>
    <message>
        <source>How 8-bit data (IDX files, uint8 .npy, image folders) become input values. A model trained on other values gives confident nonsense, and its int8 export is calibrated for the wrong range.</source>
        <translation>8 位数据（IDX 文件、uint8 .npy、图像文件夹）如何变为输入值。用其他取值训练的模型会自信地给出错误结果，其 int8 导出也会按错误的范围校准。</translation>
    </message>
    <message>
        <source>As the model asks: %1</source>
        <translation>按模型要求：%1</translation>
    </message>
    <message>
        <source>[0, 1] (pixels / 255)</source>
        <translation>[0, 1]（像素 / 255）</translation>
    </message>
    <message>
        <source>[-1, 1] (MobileNet, Inception)</source>
        <translation>[-1, 1]（MobileNet、Inception）</translation>
    </message>
    <message>
        <source>[0, 255] (raw pixel values)</source>
        <translation>[0, 255]（原始像素值）</translation>
    </message>
    <message>
        <source>(pixel − mean) / standard deviation</source>
        <translation>（像素 − 均值）/ 标准差</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>取值：</translation>
    </message>
    <message>
        <source>Mean:</source>
        <translation>均值：</translation>
    </message>
    <message>
        <source>Standard deviation:</source>
        <translation>标准差：</translation>
    </message>
    <message>
        <source>Colour channels in BGR order (Caffe-style models)</source>
        <translation>颜色通道为 BGR 顺序（Caffe 风格模型）</translation>
    </message>
</context>
<context>
    <name>ql::report::Report</name>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>calibration data</source>
        <translation>校准数据</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source> on %1 samples of %2</source>
        <translation> 基于 %2 的 %1 个样本</translation>
    </message>
    <message>
        <source>Evaluating %1</source>
        <translation>正在评估 %1</translation>
    </message>
    <message>
        <source>Analysing the weights</source>
        <translation>正在分析权重</translation>
    </message>
    <message>
        <source>Measuring the activation error</source>
        <translation>正在测量激活误差</translation>
    </message>
    <message>
        <source>Ranking the layers by sensitivity</source>
        <translation>正在按敏感度对层排序</translation>
    </message>
    <message>
        <source>Checking the target</source>
        <translation>正在检查目标设备</translation>
    </message>
    <message>
        <source>the file as given</source>
        <translation>原始文件</translation>
    </message>
    <message>
        <source>int8 (float I/O, as evaluated)</source>
        <translation>int8（浮点输入/输出，与评估时相同）</translation>
    </message>
    <message>
        <source>wrote %1 (%2 pages)</source>
        <translation>已写入 %1（%2 页）</translation>
    </message>
    <message>
        <source>wrote %1 (%2 modes, %3 weighted layers, %4 activations)</source>
        <translation>已写入 %1（%2 种模式，%3 个带权重的层，%4 个激活值）</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>Mode recognised</source>
        <translation>识别出的模式</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Weights by type</source>
        <translation>按类型统计的权重</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>The model</source>
        <translation>模型概况</translation>
    </message>
    <message>
        <source>QuantLens</source>
        <translation>QuantLens</translation>
    </message>
    <message>
        <source>Evaluation samples</source>
        <translation>评估样本</translation>
    </message>
    <message>
        <source>, labelled</source>
        <translation>，有标签</translation>
    </message>
    <message>
        <source>, without labels</source>
        <translation>，无标签</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>none (no integer mode)</source>
        <translation>无（没有整数模式）</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>逐通道</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>逐张量</translation>
    </message>
    <message>
        <source>Kept in float</source>
        <translation>保留为浮点</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>This command, run from the same folder, regenerates the report with the same numbers, timings aside:</source>
        <translation>在同一文件夹中运行此命令，即可重新生成数值相同的报告（计时除外）：</translation>
    </message>
    <message>
        <source>Settings and provenance</source>
        <translation>设置与来源</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>模式</translation>
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
        <translation>一致率</translation>
    </message>
    <message>
        <source>KL mean</source>
        <translation>KL 均值</translation>
    </message>
    <message>
        <source>KL p99</source>
        <translation>KL p99</translation>
    </message>
    <message>
        <source>file size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>tflite-micro arena</source>
        <translation>tflite-micro 张量区</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>延迟 (ms)</translation>
    </message>
    <message>
        <source>Agreement: the share of samples on which the mode picks the float32 model&apos;s top class.</source>
        <translation>一致率：该模式选出的最高类别与 float32 模型相同的样本所占比例。</translation>
    </message>
    <message>
        <source>Accuracy against file size</source>
        <translation>准确率与文件大小</translation>
    </message>
    <message>
        <source>file size (KiB)</source>
        <translation>文件大小 (KiB)</translation>
    </message>
    <message>
        <source>top-1 accuracy (%)</source>
        <translation>top-1 准确率 (%)</translation>
    </message>
    <message>
        <source>agreement with float32 (%)</source>
        <translation>与 float32 的一致率 (%)</translation>
    </message>
    <message>
        <source>Latency: the median single-sample run on the machine that made the report, one thread.</source>
        <translation>延迟：在生成报告的机器上单线程运行单个样本的耗时中位数。</translation>
    </message>
    <message>
        <source>The modes compared</source>
        <translation>各模式对比</translation>
    </message>
    <message>
        <source>Weight error per layer (%1)</source>
        <translation>每层权重误差（%1）</translation>
    </message>
    <message>
        <source>operator (number, type)</source>
        <translation>算子（编号，类型）</translation>
    </message>
    <message>
        <source>weight SQNR (dB)</source>
        <translation>权重 SQNR (dB)</translation>
    </message>
    <message>
        <source>good above %1 dB</source>
        <translation>高于 %1 dB 为良好</translation>
    </message>
    <message>
        <source>bad below %1 dB</source>
        <translation>低于 %1 dB 为差</translation>
    </message>
    <message>
        <source>Signal-to-quantization-noise ratio of each layer&apos;s weights, quantized and dequantized, against the float weights. Green: good, orange: suspect, red: bad.</source>
        <translation>每层权重经量化再反量化后，相对于浮点权重的信号与量化噪声比。绿色：良好，橙色：可疑，红色：差。</translation>
    </message>
    <message>
        <source>op</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>RMSE / scale</source>
        <translation>RMSE / 缩放因子</translation>
    </message>
    <message>
        <source>clipped</source>
        <translation>截断比例</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Weights, layer by layer</source>
        <translation>逐层权重</translation>
    </message>
    <message>
        <source>Activations, operator by operator</source>
        <translation>逐算子激活值</translation>
    </message>
    <message>
        <source>Not analysed: the report was made without data.</source>
        <translation>未分析：生成报告时没有数据。</translation>
    </message>
    <message>
        <source>Activation error per operator output (%1)</source>
        <translation>每个算子输出的激活误差（%1）</translation>
    </message>
    <message>
        <source>activation SQNR (dB)</source>
        <translation>激活值 SQNR (dB)</translation>
    </message>
    <message>
        <source>this tensor&apos;s own quantization</source>
        <translation>仅此张量自身的量化</translation>
    </message>
    <message>
        <source>with everything upstream</source>
        <translation>包含所有上游的量化</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <source>type in the model</source>
        <translation>模型中的类型</translation>
    </message>
    <message>
        <source>local SQNR (dB)</source>
        <translation>局部 SQNR (dB)</translation>
    </message>
    <message>
        <source>propagated SQNR (dB)</source>
        <translation>传播后 SQNR (dB)</translation>
    </message>
    <message>
        <source>Operator %1 (%2): weights</source>
        <translation>算子 %1（%2）：权重</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>权重值</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>float</source>
        <translation>浮点</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>量化后</translation>
    </message>
    <message>
        <source>Operator %1 (%2), %3</source>
        <translation>算子 %1（%2），%3</translation>
    </message>
    <message>
        <source>The mode quantizes no weights.</source>
        <translation>此模式不量化任何权重。</translation>
    </message>
    <message>
        <source>The worst layers</source>
        <translation>最差的层</translation>
    </message>
    <message>
        <source>Confusion matrix, %1</source>
        <translation>混淆矩阵，%1</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>No confusion matrices: the data set has no labels.</source>
        <translation>没有混淆矩阵：数据集没有标签。</translation>
    </message>
    <message>
        <source>Confusion matrices</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>top-1 accuracy</source>
        <translation>top-1 准确率</translation>
    </message>
    <message>
        <source>agreement with float32</source>
        <translation>与 float32 的一致率</translation>
    </message>
    <message>
        <source>What each layer costs in int8, and what keeping it float buys</source>
        <translation>每一层在 int8 下的代价，以及保留为浮点的收益</translation>
    </message>
    <message>
        <source>change of %1 (points)</source>
        <translation>%1的变化（百分点）</translation>
    </message>
    <message>
        <source>cost: only this layer quantized</source>
        <translation>代价：仅此层量化</translation>
    </message>
    <message>
        <source>gain: only this layer kept float</source>
        <translation>收益：仅此层保持浮点</translation>
    </message>
    <message>
        <source>Metric: %1. float32 %2, all weighted layers in int8 %3; budget %4 points.</source>
        <translation>指标：%1。float32 为 %2，所有带权重的层均为 int8 时为 %3；预算 %4 个百分点。</translation>
    </message>
    <message>
        <source>only this layer quantized</source>
        <translation>仅此层量化</translation>
    </message>
    <message>
        <source>only this layer float</source>
        <translation>仅此层浮点</translation>
    </message>
    <message>
        <source>cost (points)</source>
        <translation>代价（百分点）</translation>
    </message>
    <message>
        <source>gain (points)</source>
        <translation>收益（百分点）</translation>
    </message>
    <message>
        <source>No layer needs to stay float: int8 is within the budget.</source>
        <translation>无需保留任何浮点层：int8 已在预算之内。</translation>
    </message>
    <message>
        <source>Keep in float: --keep-float %1 (then %2, within the budget).</source>
        <translation>保留为浮点：--keep-float %1（此时为 %2，在预算之内）。</translation>
    </message>
    <message>
        <source>Even with --keep-float %1 the metric stays outside the budget (%2).</source>
        <translation>即使使用 --keep-float %1，指标仍超出预算（%2）。</translation>
    </message>
    <message>
        <source>Sensitivity of each layer</source>
        <translation>各层敏感度</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>可运行</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>RAM of the target</source>
        <translation>目标设备的 RAM</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>闪存</translation>
    </message>
    <message>
        <source>flash of the target</source>
        <translation>目标设备的闪存</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>partly on the CPU</source>
        <translation>部分在 CPU 上</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>整个模型</translation>
    </message>
    <message>
        <source>impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>On the target: %1</source>
        <translation>在目标设备上：%1</translation>
    </message>
    <message>
        <source>Made in (seconds):</source>
        <translation>生成耗时（秒）：</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the report&apos;s language code</comment>
        <translation>zh-CN</translation>
    </message>
    <message>
        <source>Quantization report: %1</source>
        <translation>量化报告：%1</translation>
    </message>
</context>
<context>
    <name>ql::widgets::CompareModel</name>
    <message>
        <source>collapse</source>
        <translation>坍缩</translation>
    </message>
    <message>
        <source>Share of samples where this mode picks the same class as the float model</source>
        <translation>此模式与浮点模型预测出相同类别的样本所占比例</translation>
    </message>
    <message>
        <source>Mean KL divergence of this mode&apos;s output distribution from the float model&apos;s: 0 = identical</source>
        <translation>此模式的输出分布相对于浮点模型输出分布的平均 KL 散度：0 表示完全相同</translation>
    </message>
    <message>
        <source>Median time of one single-sample run on this machine, one thread (QuantLens&apos; interpreter)</source>
        <translation>在本机上单线程运行单个样本的耗时中位数（QuantLens 解释器）</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Top-5</source>
        <translation>Top-5</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>KL (mean)</source>
        <translation>KL（均值）</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>延迟 (ms)</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>The model file: what it takes in flash on a device</source>
        <translation>模型文件：在设备闪存中占用的大小</translation>
    </message>
    <message>
        <source>The tensor arena tflite-micro&apos;s interpreter needs for this mode on a microcontroller (activations and its persistent data; 64-bit host figure, as arena_used_bytes() reports it)</source>
        <translation>tflite-micro 解释器在微控制器上运行此模式所需的张量区（激活与持久数据；64 位主机上的数值，与 arena_used_bytes() 报告的一致）</translation>
    </message>
    <message>
        <source>MCU RAM</source>
        <translation>MCU 内存</translation>
    </message>
    <message>
        <source>%1 has %2 of flash; this mode&apos;s file takes more</source>
        <translation>%1 的闪存为 %2；此模式的文件需要更多</translation>
    </message>
    <message>
        <source>%1 has %2 of RAM; this mode needs more for its tensor arena</source>
        <translation>%1 的内存为 %2；此模式的张量区需要更多</translation>
    </message>
</context>
<context>
    <name>ql::widgets::CurveChart</name>
    <message>
        <source>epoch</source>
        <translation>轮 (epoch)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Loss (left) and training accuracy (right), averaged over the epoch so far</source>
        <translation>损失（左轴）和训练准确率（右轴），为本轮截至目前的平均值</translation>
    </message>
    <message>
        <source>training-curves</source>
        <translation>训练曲线</translation>
    </message>
</context>
<context>
    <name>ql::widgets::DiffTableModel</name>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n 个通道</numerusform>
        </translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>仅在 A 中</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>仅在 B 中</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>same</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>changed (largest scale ratio)</source>
        <translation>已更改（最大缩放比）</translation>
    </message>
    <message>
        <source>only in this model</source>
        <translation>仅在此模型中</translation>
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
        <translation>算子</translation>
    </message>
    <message>
        <source>Output scale A</source>
        <translation>输出缩放 A</translation>
    </message>
    <message>
        <source>Output scale B</source>
        <translation>输出缩放 B</translation>
    </message>
    <message>
        <source>Largest scale ratio</source>
        <translation>最大缩放比</translation>
    </message>
    <message>
        <source>Output zero point</source>
        <translation>输出零点</translation>
    </message>
    <message>
        <source>Weights (max LSB)</source>
        <translation>权重（最大 LSB）</translation>
    </message>
    <message>
        <source>Output tensor</source>
        <translation>输出张量</translation>
    </message>
    <message>
        <source>equal</source>
        <translation>相等</translation>
    </message>
    <message>
        <source>Output SQNR B vs A (dB)</source>
        <translation>输出 SQNR B 对 A (dB)</translation>
    </message>
    <message>
        <source>Output cosine</source>
        <translation>输出余弦</translation>
    </message>
</context>
<context>
    <name>ql::widgets::DrawCanvas</name>
    <message>
        <source>Draw with the left mouse button, erase with the right one</source>
        <translation>按住鼠标左键绘制，右键擦除</translation>
    </message>
</context>
<context>
    <name>ql::widgets::ErrorChart</name>
    <message>
        <source>weight SQNR (dB)</source>
        <translation>权重 SQNR (dB)</translation>
    </message>
    <message>
        <source>weight-sqnr-per-layer</source>
        <translation>各层权重SQNR</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>No layers with weights (or no analysis yet).</source>
        <translation>没有带权重的层（或尚未分析）。</translation>
    </message>
    <message numerus="yes">
        <source>Weight SQNR of %n layer(s); worst outlined in red.</source>
        <translation>
            <numerusform>%n 层的权重 SQNR；最差者以红框标出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight SQNR per layer: higher is better, each bit is worth about 6 dB. Green good, yellow suspect, red bad; the worst (up to three) are outlined. Click a bar to select its layer; the wheel zooms along the operators.</source>
        <translation>每层权重 SQNR：越高越好，每位约 6 dB。绿色良好，黄色可疑，红色较差；最差的（最多三个）加框标出。点击柱条选择对应层；滚轮沿算子方向缩放。</translation>
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
        <translation>精确</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Weight SQNR</source>
        <translation>权重 SQNR</translation>
    </message>
    <message>
        <source>Weight verdict</source>
        <translation>权重评价</translation>
    </message>
    <message>
        <source>Activation SQNR</source>
        <translation>激活 SQNR</translation>
    </message>
    <message>
        <source>Clipped weights</source>
        <translation>被截断的权重</translation>
    </message>
    <message>
        <source>Kept in float</source>
        <translation>保留为浮点</translation>
    </message>
    <message>
        <source>Constant bytes</source>
        <translation>常量字节数</translation>
    </message>
    <message>
        <source>The weight analysis has not finished.</source>
        <translation>权重分析尚未完成。</translation>
    </message>
    <message>
        <source>float</source>
        <translation>浮点</translation>
    </message>
    <message>
        <source>left in float</source>
        <translation>保留为浮点</translation>
    </message>
    <message>
        <source>Open a data set to see the activation error of each operator output.</source>
        <translation>打开数据集以查看每个算子输出的激活误差。</translation>
    </message>
    <message>
        <source>kept float</source>
        <translation>浮点</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>已量化</translation>
    </message>
    <message>
        <source>kept in float</source>
        <translation>保留为浮点</translation>
    </message>
    <message>
        <source>Activation SQNR (this tensor only)</source>
        <translation>激活 SQNR（仅此张量）</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
</context>
<context>
    <name>ql::widgets::GraphView</name>
    <message>
        <source>Double-click the title to fold this group</source>
        <translation>双击标题以折叠此组</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>着色依据：</translation>
    </message>
    <message>
        <source>Find operator, #number or tensor (Enter: next)</source>
        <translation>查找算子、#编号或张量（回车：下一个）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>显示整个图</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <source>Open every group of operators</source>
        <translation>展开所有算子组</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>全部折叠</translation>
    </message>
    <message>
        <source>Fold the operators into their name scopes</source>
        <translation>按名称作用域折叠算子</translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s)</source>
        <translation>
            <numerusform>%n 个算子</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>laying out %n operator(s)…</source>
        <translation>
            <numerusform>正在布局 %n 个算子…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s), %1 boxes, laid out in %2 s</source>
        <translation>
            <numerusform>%n 个算子，%1 个框，布局用时 %2 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2
Double-click to expand</source>
        <translation>%1
%2
双击展开</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform>（另有 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Collapse</source>
        <translation>折叠(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Expand</source>
        <translation>展开(&amp;E)</translation>
    </message>
    <message>
        <source>worst: %1</source>
        <translation>最差：%1</translation>
    </message>
    <message>
        <source>no match for “%1”</source>
        <translation>未找到“%1”</translation>
    </message>
    <message>
        <source>match %1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <source>&amp;Keep in float</source>
        <translation>保留为浮点(&amp;K)</translation>
    </message>
    <message>
        <source>Only operators with weights can be kept in float here</source>
        <translation>此处只有带权重的算子可以保留为浮点</translation>
    </message>
    <message>
        <source>Show &amp;weights</source>
        <translation>显示权重(&amp;W)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the graph with its colours and legend as SVG, PDF or PNG, or the colours as node data for Google&apos;s Model Explorer</source>
        <translation>将图连同颜色和图例保存为 SVG、PDF 或 PNG，或将颜色保存为 Google Model Explorer 的节点数据</translation>
    </message>
    <message>
        <source>There is no model to export node data for.</source>
        <translation>没有可导出节点数据的模型。</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>Model Explorer node data (*.json)</source>
        <translation>Model Explorer 节点数据 (*.json)</translation>
    </message>
    <message>
        <source>Export graph</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PDF document (*.pdf);;PNG image (*.png)</source>
        <translation>SVG 图形 (*.svg);;PDF 文档 (*.pdf);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Cannot export the graph</source>
        <translation>无法导出图</translation>
    </message>
    <message>
        <source>Measuring each operator&apos;s time…</source>
        <translation>正在测量每个算子的耗时…</translation>
    </message>
    <message>
        <source>The subgraph shown (control-flow bodies, other signatures); colours and the shared selection are for the main subgraph</source>
        <translation>所显示的子图（控制流主体、其他签名）；颜色和共享选择仅适用于主子图</translation>
    </message>
    <message>
        <source>main</source>
        <translation>主图</translation>
    </message>
    <message>
        <source>subgraph %1</source>
        <translation>子图 %1</translation>
    </message>
    <message>
        <source>Colours are shown for the main subgraph&apos;s operators.</source>
        <translation>颜色仅针对主子图的算子显示。</translation>
    </message>
</context>
<context>
    <name>ql::widgets::LayerTableModel</name>
    <message>
        <source>exact</source>
        <translation>精确</translation>
    </message>
    <message>
        <source>Keep this layer in float: it is not quantized, QUANTIZE/DEQUANTIZE go around it (Ctrl+Z undoes)</source>
        <translation>将此层保持浮点：不对其量化，并在其前后插入 QUANTIZE/DEQUANTIZE（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>%1 weights: %2. SQNR = 10·log10(Σw² / Σ(w − ŵ)²): each bit is worth about 6 dB.</source>
        <translation>%1 权重：%2。SQNR = 10·log10(Σw² / Σ(w − ŵ)²)：每一位约相当于 6 dB。</translation>
    </message>
    <message>
        <source>Weight quantization: %1</source>
        <translation>权重量化：%1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Weight type</source>
        <translation>权重类型</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Weight SQNR (dB)</source>
        <translation>权重 SQNR (dB)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Keep float</source>
        <translation>保持浮点</translation>
    </message>
    <message>
        <source>QuantLens cannot run this operator: %1</source>
        <translation>QuantLens 无法运行此算子：%1</translation>
    </message>
</context>
<context>
    <name>ql::widgets::MemoryChart</name>
    <message>
        <source>step (0: the inputs, then each operator)</source>
        <translation>步骤（0：输入，然后每个算子）</translation>
    </message>
    <message>
        <source>RAM in use (KiB)</source>
        <translation>已用 RAM（KiB）</translation>
    </message>
    <message>
        <source>tflite-micro&apos;s tensor arena at each step: the tensors and scratch buffers alive then, plus the persistent part. The highest point is the arena the device needs. Click a step to select its operator.</source>
        <translation>tflite-micro 每一步的张量 arena：当时存活的张量和临时缓冲区，加上持久部分。最高点就是设备需要的 arena。点击某一步以选中其算子。</translation>
    </message>
    <message>
        <source>device-memory</source>
        <translation>设备内存</translation>
    </message>
    <message>
        <source>peak %1 KiB</source>
        <translation>峰值 %1 KiB</translation>
    </message>
    <message>
        <source>RAM of %1: %2 KiB</source>
        <translation>%1 的 RAM：%2 KiB</translation>
    </message>
    <message>
        <source>RAM on the device per step</source>
        <translation>每步设备上的 RAM</translation>
    </message>
</context>
<context>
    <name>ql::widgets::Minimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>概览：点击或拖动以移动视图</translation>
    </message>
</context>
<context>
    <name>ql::widgets::OperatorBars</name>
    <message>
        <source>exact (no error)</source>
        <translation>精确（无误差）</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>无值</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确</translation>
    </message>
</context>
<context>
    <name>ql::widgets::OutputBars</name>
    <message>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>The top classes of the float model, with both models&apos; scores</source>
        <translation>浮点模型得分最高的几个类别，以及两个模型各自的得分</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>输出</translation>
    </message>
</context>
<context>
    <name>ql::widgets::Reason</name>
    <message>
        <source>not quantized in this mode: no weight error</source>
        <translation>此模式下未量化：权重无误差</translation>
    </message>
    <message>
        <source>stays float in this mode (%1): no weight error</source>
        <translation>此模式下保持浮点（%1）：权重无误差</translation>
    </message>
    <message>
        <source>weights beyond float16&apos;s largest value 65504 overflow</source>
        <translation>超出 float16 最大值 65504 的权重会溢出</translation>
    </message>
    <message>
        <source>float16 keeps 11 significant bits: relative error about 2^-12 (%1 dB)</source>
        <translation>float16 保留 11 位有效位：相对误差约为 2^-12（%1 dB）</translation>
    </message>
    <message>
        <source>many weights are below float16&apos;s normal range (6.1e-5) and lose precision</source>
        <translation>许多权重低于 float16 的正规范围（6.1e-5），精度下降</translation>
    </message>
    <message>
        <source>%1% of the weights lie outside the clipping range [%2, %3]</source>
        <translation>%1% 的权重位于截断范围 [%2, %3] 之外</translation>
    </message>
    <message>
        <source>channel %1 has a range %2x the median; a per-tensor scale wastes %3 bits of the other channels (per-channel dense weights would fix it)</source>
        <translation>通道 %1 的范围是中位数的 %2 倍；逐张量缩放因子浪费了其他通道 %3 位（逐通道全连接权重可解决）</translation>
    </message>
    <message>
        <source>channel %1 has a range %2x the median; a per-tensor scale wastes %3 bits of the other channels (per-channel weights would fix it)</source>
        <translation>通道 %1 的范围是中位数的 %2 倍；逐张量缩放因子浪费了其他通道 %3 位（逐通道权重可解决）</translation>
    </message>
    <message>
        <source>%1 of %2 channels are (nearly) all zero (pruned or dead) and quantize to zero; the others show rounding noise only (%3 dB SQNR)</source>
        <translation>%2 个通道中有 %1 个（几乎）全为零（已剪枝或失效），量化后为零；其余通道只有舍入噪声（SQNR %3 dB）</translation>
    </message>
    <message>
        <source>%1 of %2 channels are (nearly) all zero (pruned or dead) and quantize to zero; the others lose precision (%3 dB SQNR)</source>
        <translation>%2 个通道中有 %1 个（几乎）全为零（已剪枝或失效），量化后为零；其余通道精度下降（SQNR %3 dB）</translation>
    </message>
    <message>
        <source>outliers: the largest |weight| is %1x the standard deviation, so most weights fall on a few of the %2 levels (%3 dB SQNR)</source>
        <translation>离群值：最大 |权重| 是标准差的 %1 倍，因此大多数权重只落在 %2 个量化级中的少数几个上（SQNR %3 dB）</translation>
    </message>
    <message>
        <source>only %1 dB SQNR: %2 bits are too coarse for this weight distribution (RMSE/scale %3)</source>
        <translation>SQNR 仅 %1 dB：%2 位对这种权重分布来说太粗（RMSE/缩放因子 %3）</translation>
    </message>
    <message>
        <source>rounding noise only: RMSE/scale %1 (ideal 1/sqrt(12) = 0.289), %2 dB SQNR</source>
        <translation>只有舍入噪声：RMSE/缩放因子 %1（理想值 1/sqrt(12) = 0.289），SQNR %2 dB</translation>
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
        <translation>模型大小 (kB)</translation>
    </message>
    <message>
        <source>accuracy (%) — or agreement without labels</source>
        <translation>准确率 (%) — 无标签时为一致率</translation>
    </message>
    <message>
        <source>Each mode as a point: further left is smaller, higher is more accurate; the dashed line is the float model. Labels give the latency.</source>
        <translation>每个模式对应一个点：越靠左模型越小，越靠上越准确；虚线表示浮点模型。标注显示延迟。</translation>
    </message>
    <message>
        <source>accuracy-vs-size</source>
        <translation>准确率-大小</translation>
    </message>
    <message>
        <source>Accuracy against size</source>
        <translation>准确率与大小</translation>
    </message>
</context>
<context>
    <name>ql::widgets::ValueBars</name>
    <message>
        <source>operator</source>
        <translation>算子</translation>
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
        <translation>良好</translation>
    </message>
    <message>
        <source>suspect</source>
        <translation>可疑</translation>
    </message>
    <message>
        <source>bad</source>
        <translation>差</translation>
    </message>
</context>
<context>
    <name>ql::widgets::WeightView</name>
    <message>
        <source>How the scale and zero point of this weight tensor follow from its values</source>
        <translation>此权重张量的缩放因子 (scale) 和零点如何由其数值得出</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Counts on a logarithmic axis: shows the sparse tails where outliers and clipping live</source>
        <translation>以对数轴显示计数：可看到离群值和截断所在的稀疏尾部</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>权重值</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Float weights (blue) and quantized weights (orange); dashed red: the clipping range; grey: the quantization grid. Wheel to zoom, drag to pan.</source>
        <translation>浮点权重（蓝色）和量化后的权重（橙色）；红色虚线：截断范围；灰色：量化网格。滚轮缩放，拖动平移。</translation>
    </message>
    <message>
        <source>quantized − float</source>
        <translation>量化值 − 浮点值</translation>
    </message>
    <message>
        <source>Quantization error of the weights: for pure rounding, flat between −scale/2 and +scale/2</source>
        <translation>权重的量化误差：纯舍入时在 −scale/2 与 +scale/2 之间均匀分布</translation>
    </message>
    <message>
        <source>output channel</source>
        <translation>输出通道</translation>
    </message>
    <message>
        <source>weight range</source>
        <translation>权重范围</translation>
    </message>
    <message>
        <source>Minimum and maximum weight of each output channel: very unequal ranges make a per-tensor scale waste bits</source>
        <translation>每个输出通道的最小和最大权重：各通道范围相差悬殊时，逐张量缩放因子会浪费位数</translation>
    </message>
    <message>
        <source>weight-histogram</source>
        <translation>权重直方图</translation>
    </message>
    <message>
        <source>weight-error-histogram</source>
        <translation>权重误差直方图</translation>
    </message>
    <message>
        <source>weight-ranges-per-channel</source>
        <translation>逐通道权重范围</translation>
    </message>
    <message>
        <source>Select a layer with weights to see their histogram.</source>
        <translation>选择一个带权重的层以查看其直方图。</translation>
    </message>
    <message>
        <source>Operator %1 %2 — weights %3 (%4): %5 — %6</source>
        <translation>算子 %1 %2 — 权重 %3（%4）：%5 — %6</translation>
    </message>
    <message>
        <source>float</source>
        <translation>浮点</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>量化后</translation>
    </message>
    <message>
        <source>error</source>
        <translation>误差</translation>
    </message>
    <message>
        <source>Not quantized in this mode: the float32 weights are used as they are.</source>
        <translation>此模式下不量化：直接使用原始的 float32 权重。</translation>
    </message>
    <message>
        <source>float16: each weight is rounded to the nearest float16 (11 significant bits); max |error| = %1, SQNR %2 dB.</source>
        <translation>float16：每个权重舍入到最接近的 float16 值（11 位有效位）；最大 |误差| = %1，SQNR %2 dB。</translation>
    </message>
    <message>
        <source> (per output channel; shown: channel %1, the widest)</source>
        <translation>（逐输出通道；显示范围最宽的通道 %1）</translation>
    </message>
    <message>
        <source>Symmetric%1: scale = max|w| / %2 = %3 / %2 = %4; zero point 0; q = clamp(round(w / scale), %5, %2); ŵ = q × scale. Error per weight at most scale / 2 = %6 unless clipped; RMSE / scale = %7 (1/√12 ≈ 0.289 for pure rounding).</source>
        <translation>对称%1：scale = max|w| / %2 = %3 / %2 = %4；零点为 0；q = clamp(round(w / scale), %5, %2)；ŵ = q × scale。除非被截断，每个权重的误差至多为 scale / 2 = %6；RMSE / scale = %7（纯舍入时为 1/√12 ≈ 0.289）。</translation>
    </message>
    <message>
        <source>Asymmetric%1: range [%2, %3] extended to contain 0; scale = (max − min) / (%4 − (%5)) = %6; zero point = round(%5 − min / scale) = %7; q = clamp(round(w / scale) + zp, %5, %4); ŵ = (q − zp) × scale. RMSE / scale = %8.</source>
        <translation>非对称%1：范围 [%2, %3] 扩展为包含 0；scale = (max − min) / (%4 − (%5)) = %6；零点 zp = round(%5 − min / scale) = %7；q = clamp(round(w / scale) + zp, %5, %4)；ŵ = (q − zp) × scale。RMSE / scale = %8。</translation>
    </message>
</context>
</TS>
