<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ql::app::Document</name>
    <message numerus="yes">
        <source>Keeping %n layer(s) in float: %1 %2 → %3 (float %4)</source>
        <translation>
            <numerusform>Keeping %n layer in float: %1 %2 → %3 (float %4)</numerusform>
            <numerusform>Keeping %n layers in float: %1 %2 → %3 (float %4)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; and %n more</numerusform>
            <numerusform>; and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ql::app::MainWindow</name>
    <message numerus="yes">
        <source>the bundled Fashion-MNIST sample (%n test image(s))</source>
        <translation>
            <numerusform>the bundled Fashion-MNIST sample (%n test image)</numerusform>
            <numerusform>the bundled Fashion-MNIST sample (%n test images)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n sample(s))</source>
        <translation>
            <numerusform>%1 (%n sample)</numerusform>
            <numerusform>%1 (%n samples)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Activation SQNR per operator output (the quantized model&apos;s tensor against the float one, %n sample(s) of the data set); the lowest is outlined.</source>
        <translation>
            <numerusform>Activation SQNR per operator output (the quantized model&apos;s tensor against the float one, %n sample of the data set); the lowest is outlined.</numerusform>
            <numerusform>Activation SQNR per operator output (the quantized model&apos;s tensor against the float one, %n samples of the data set); the lowest is outlined.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n layer(s) kept float</source>
        <translation>
            <numerusform>, %n layer kept float</numerusform>
            <numerusform>, %n layers kept float</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n activation range(s) from the model itself</source>
        <translation>
            <numerusform>; %n activation range from the model itself</numerusform>
            <numerusform>; %n activation ranges from the model itself</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>int8 and 16x8 are calibrated on all %n sample(s) of %1.</source>
        <translation>
            <numerusform>int8 and 16x8 are calibrated on the %n sample of %1.</numerusform>
            <numerusform>int8 and 16x8 are calibrated on all %n samples of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>int8 and 16x8 are calibrated on the first %n sample(s) of %1.</source>
        <translation>
            <numerusform>int8 and 16x8 are calibrated on the first %n sample of %1.</numerusform>
            <numerusform>int8 and 16x8 are calibrated on the first %n samples of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>runs; %n operator(s) on a slower path (%1)</source>
        <translation>
            <numerusform>runs; %n operator on a slower path (%1)</numerusform>
            <numerusform>runs; %n operators on a slower path (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) kept in float</source>
        <translation>
            <numerusform>%n layer kept in float</numerusform>
            <numerusform>%n layers kept in float</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Measured elsewhere, opened from %1: %n sample(s)</source>
        <translation>
            <numerusform>Measured elsewhere, opened from %1: %n sample</numerusform>
            <numerusform>Measured elsewhere, opened from %1: %n samples</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ql::app::MemoryDialog</name>
    <message numerus="yes">
        <source>Kernel data of %n operator(s) unknown here, counted as 0.</source>
        <translation>
            <numerusform>Kernel data of %n operator unknown here, counted as 0.</numerusform>
            <numerusform>Kernel data of %n operators unknown here, counted as 0.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ql::app::ModePanel</name>
    <message numerus="yes">
        <source>%n bit(s)</source>
        <translation>
            <numerusform>%n bit</numerusform>
            <numerusform>%n bits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %1 on %n sample(s)</source>
        <translation>
            <numerusform>, %1 on %n sample</numerusform>
            <numerusform>, %1 on %n samples</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ql::app::SideBySideView</name>
    <message numerus="yes">
        <source>%1 has %n name(s), but the model has %2 outputs</source>
        <translation>
            <numerusform>%1 has %n name, but the model has %2 outputs</numerusform>
            <numerusform>%1 has %n names, but the model has %2 outputs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ql::widgets::DiffTableModel</name>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n channel</numerusform>
            <numerusform>%n channels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ql::widgets::ErrorChart</name>
    <message numerus="yes">
        <source>Weight SQNR of %n layer(s); worst outlined in red.</source>
        <translation>
            <numerusform>Weight SQNR of %n layer; worst outlined in red.</numerusform>
            <numerusform>Weight SQNR of %n layers; worst outlined in red.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ql::widgets::GraphView</name>
    <message numerus="yes">
        <source>%n operator(s)</source>
        <translation>
            <numerusform>%n operator</numerusform>
            <numerusform>%n operators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>laying out %n operator(s)…</source>
        <translation>
            <numerusform>laying out %n operator…</numerusform>
            <numerusform>laying out %n operators…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s), %1 boxes, laid out in %2 s</source>
        <translation>
            <numerusform>%n operator, %1 boxes, laid out in %2 s</numerusform>
            <numerusform>%n operators, %1 boxes, laid out in %2 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n more)</numerusform>
            <numerusform> (+%n more)</numerusform>
        </translation>
    </message>
</context>
</TS>
