// SPDX-License-Identifier: MIT
// Full-integer quantization of the recurrent operators. UNIDIRECTIONAL_SEQUENCE_LSTM (passes/integer_lstm.cpp): with the
// converter's own ranges, QuantLens writes the LSTM of the shared int8 twin (mnist_lstm_int8) tensor for
// tensor and the two files compute the same codes; with calibration data the cell state's power-of-two
// scale covers the cell values seen and the integer model agrees with the float one; an LSTM the integer
// kernel cannot take stays float and the note says why. LiteRT.js does not load variable tensors, so
// the integer files are run by QuantLens' interpreter (in its tflite-micro rounding too, which
// lstm_test and the tflite-micro goldens tie to tflite-micro).
// SVDF (passes/integer_svdf.cpp): the converter's parameters (10-bit weights_time, int16 state, bias at
// weights_time x state scale), and the integer model follows the float one within a few output steps.
#include "common/load_model.h"
#include "common/graph_builder.h"
#include "common/model_facts.h"
#include "data/samples.h"
#include "exec/interpreter.h"
#include "model/reader.h"
#include "model/transform.h"
#include "passes/quantize.h"
#include "quant/calibrate.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <random>

using namespace ql;
using Op = tflite::BuiltinOperator;
using DT = model::DType;

namespace {

const model::Tensor& at(const model::Graph& g, int t)
{
    return g.main().tensors[static_cast<std::size_t>(t)];
}

// The range a quantized tensor stands for: [(qmin - zp) s, (qmax - zp) s].
quant::TensorRange rangeOf(const model::Tensor& t)
{
    const float s = t.quantization.scale.at(0);
    const auto zp = static_cast<float>(t.quantization.zeroPoint.at(0));
    const float lo = (-128.0f - zp) * s, hi = (127.0f - zp) * s;
    return {true, lo, hi, lo, hi};
}

// Float model and its converter twin have the same four operators (LSTM, RESHAPE, FULLY_CONNECTED,
// SOFTMAX): each float activation gets the range its twin tensor stands for; the cell state +-`cell`.
std::vector<quant::TensorRange> twinRanges(const model::Graph& f, const model::Graph& q, float cell)
{
    std::vector<quant::TensorRange> r(f.main().tensors.size());
    const auto& fo = f.main().operators;
    const auto& qo = q.main().operators;
    r[static_cast<std::size_t>(fo[0].inputs[0])] = rangeOf(at(q, qo[0].inputs[0]));
    for (std::size_t i = 0; i < fo.size(); ++i)
        r[static_cast<std::size_t>(fo[i].outputs[0])] = rangeOf(at(q, qo[i].outputs[0]));
    r[static_cast<std::size_t>(fo[0].inputs[18])] = r[static_cast<std::size_t>(fo[0].outputs[0])];
    r[static_cast<std::size_t>(fo[0].inputs[19])] = {true, -cell, cell, -cell, cell};
    return r;
}

QString sameTensor(const model::Graph& a, int ta, const model::Graph& b, int tb, bool data)
{
    const model::Tensor& x = at(a, ta);
    const model::Tensor& y = at(b, tb);
    if (x.dtype != y.dtype)
        return QStringLiteral("%1: %2 vs %3")
            .arg(QString::fromStdString(y.name), QString::fromStdString(model::dtypeName(x.dtype)),
                QString::fromStdString(model::dtypeName(y.dtype)));
    if (x.quantization.scale != y.quantization.scale || x.quantization.zeroPoint != y.quantization.zeroPoint)
        return QStringLiteral("%1: quantization parameters differ (%2 vs %3)")
            .arg(QString::fromStdString(y.name))
            .arg(x.quantization.scale.empty() ? 0.0 : static_cast<double>(x.quantization.scale[0]), 0, 'g', 10)
            .arg(y.quantization.scale.empty() ? 0.0 : static_cast<double>(y.quantization.scale[0]), 0, 'g', 10);
    if (data) {
        const auto da = a.tensorData(x), db = b.tensorData(y);
        if (da.size() != db.size() || !std::equal(da.begin(), da.end(), db.begin()))
            return QStringLiteral("%1: data differ").arg(QString::fromStdString(y.name));
    }
    return {};
}

data::SampleSet randomSequences(int count, unsigned seed)
{
    data::SampleSet s;
    s.sampleShape = {1, 28, 28};
    s.count = count;
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> d(0.0f, 1.0f);
    s.values.resize(static_cast<std::size_t>(count) * 28 * 28);
    for (auto& v : s.values)
        v = d(rng);
    return s;
}

// Runs `g` on sample i of `s` (quantized to the input's type when it is int8); the output bytes.
std::vector<std::uint8_t> runOn(const model::Graph& g, const data::SampleSet& s, std::int64_t i, exec::Rounding rounding)
{
    exec::InterpreterOptions o;
    o.rounding = rounding;
    auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(g), o);
    if (!it)
        qFatal("%s", it.error().message.c_str());
    const exec::RtTensor& in = (*it)->input(0);
    const float* x = s.sample(i);
    std::vector<std::uint8_t> bytes;
    if (in.dtype == DT::Int8) {
        const float sc = in.quantization().scale.at(0);
        const auto zp = in.zeroPoint();
        for (std::int64_t k = 0; k < s.sampleSize(); ++k)
            bytes.push_back(static_cast<std::uint8_t>(
                static_cast<std::int8_t>(std::clamp<long>(std::lround(x[k] / sc) + zp, -128, 127))));
    } else {
        bytes.resize(static_cast<std::size_t>(s.sampleSize() * 4));
        std::memcpy(bytes.data(), x, bytes.size());
    }
    if (auto st = (*it)->setInput(0, in.dtype, bytes); !st)
        qFatal("%s", st.error().message.c_str());
    if (auto st = (*it)->invoke(); !st)
        qFatal("%s", st.error().message.c_str());
    const exec::RtTensor& out = (*it)->output(0);
    const auto* p = static_cast<const std::uint8_t*>(out.data);
    return {p, p + out.bytes};
}

// Probabilities of an output: float32 as it is, int8 through its scale and zero point.
std::vector<float> probabilities(const model::Graph& g, const std::vector<std::uint8_t>& bytes)
{
    const model::Tensor& out = at(g, g.main().outputs[0]);
    std::vector<float> p;
    if (out.dtype == DT::Float32) {
        p.resize(bytes.size() / 4);
        std::memcpy(p.data(), bytes.data(), bytes.size());
    } else {
        for (auto b : bytes)
            p.push_back(static_cast<float>(static_cast<std::int8_t>(b) - out.quantization.zeroPoint.at(0)) *
                out.quantization.scale.at(0));
    }
    return p;
}

// Full int8 with float inputs and outputs.
Result<passes::QuantizeResult> int8FloatIo(const model::Graph& f, const std::vector<quant::TensorRange>& ranges)
{
    passes::QuantizeOptions o;
    o.mode = passes::Mode::Int8;
    o.io = passes::IoType::Float;
    return passes::quantizeGraph(f, o, ranges);
}

// The first operator of `code` in g's main subgraph, or null.
const model::Operator* firstOp(const model::Graph& g, Op code)
{
    for (const auto& op : g.main().operators)
        if (g.opcodeOf(op) == code)
            return &op;
    return nullptr;
}

// SVDF (rank 2, 3 units, memory 6) on 12 inputs with RELU; `act` replaces the activation.
model::Graph svdfModel(tflite::ActivationFunctionType act = tflite::ActivationFunctionType::RELU)
{
    constexpr int inputs = 12, units = 3, rank = 2, memory = 6, filters = units * rank;
    std::mt19937 rng(17);
    std::uniform_real_distribution<float> d(-0.5f, 0.5f);
    auto values = [&](std::size_t n) {
        std::vector<float> v(n);
        for (auto& x : v)
            x = d(rng);
        return v;
    };
    test::GraphBuilder b;
    const int sg = b.subgraph("main");
    const int x = b.input(sg, "x", DT::Float32, {1, inputs});
    const int wf = b.constant<float>(sg, "weights_feature", DT::Float32, {filters, inputs}, values(filters * inputs));
    const int wt = b.constant<float>(sg, "weights_time", DT::Float32, {filters, memory}, values(filters * memory));
    const int bias = b.constant<float>(sg, "bias", DT::Float32, {units}, values(units));
    const int state = b.tensor(sg, "state", DT::Float32, {1, filters * memory});
    b.at(sg, state).isVariable = true;
    const int y = b.tensor(sg, "y", DT::Float32, {1, units});
    tflite::SVDFOptionsT o;
    o.rank = rank;
    o.fused_activation_function = act;
    b.op(sg, Op::SVDF, {x, wf, wt, bias, state}, {y}, test::opts(o));
    b.output(sg, y);
    return b.graph();
}

data::SampleSet frames(int count, unsigned seed)
{
    data::SampleSet s;
    s.sampleShape = {1, 12};
    s.count = count;
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> d(-1.0f, 1.0f);
    s.values.resize(static_cast<std::size_t>(count) * 12);
    for (auto& v : s.values)
        v = d(rng);
    return s;
}

} // namespace

class QuantizeRecurrentTest : public QObject {
    Q_OBJECT

private slots:
    void int8LstmIsTheConvertersTwin()
    {
        const model::Graph f = test::loadModel("mnist_lstm_float32.tflite");
        const model::Graph t = test::loadModel("mnist_lstm_int8.tflite");
        passes::QuantizeOptions o;
        o.mode = passes::Mode::Int8;
        o.perChannelDense = false; // as the twin
        // The twin's cell scale is 2^-12: its calibrated max |c| lay in (4, 8].
        auto q = passes::quantizeGraph(f, o, twinRanges(f, t, 6.0f));
        QVERIFY2(q.ok(), q.ok() ? "" : q.error().message.c_str());
        QVERIFY(q->floatOperators.empty());
        const model::Graph& g = q->graph;
        const model::Operator* a = firstOp(g, Op::UNIDIRECTIONAL_SEQUENCE_LSTM);
        const model::Operator* b = firstOp(t, Op::UNIDIRECTIONAL_SEQUENCE_LSTM);
        QVERIFY(a && b);
        QCOMPARE(a->inputs.size(), b->inputs.size());
        for (std::size_t k = 0; k < a->inputs.size(); ++k) {
            QCOMPARE(a->inputs[k] < 0, b->inputs[k] < 0);
            if (a->inputs[k] < 0)
                continue;
            const bool constant = (k >= 1 && k <= 8) || (k >= 12 && k <= 15);
            const QString diff = sameTensor(g, a->inputs[k], t, b->inputs[k], constant);
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("input %1: %2").arg(k).arg(diff)));
        }
        QVERIFY(at(g, a->inputs[18]).isVariable && at(g, a->inputs[19]).isVariable);
        QCOMPARE(a->intermediates.size(), b->intermediates.size());
        for (std::size_t k = 0; k < a->intermediates.size(); ++k) {
            const QString diff = sameTensor(g, a->intermediates[k], t, b->intermediates[k], false);
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("intermediate %1: %2").arg(k).arg(diff)));
        }
        const QString out = sameTensor(g, a->outputs[0], t, b->outputs[0], false);
        QVERIFY2(out.isEmpty(), qPrintable(out));
        QCOMPARE(g.opcodes[a->opcodeIndex].version, t.opcodes[b->opcodeIndex].version);

        // The same file, so the same codes, in both roundings.
        const data::SampleSet s = randomSequences(4, 11);
        for (auto rounding : {exec::Rounding::Reference, exec::Rounding::Xnnpack})
            for (std::int64_t i = 0; i < s.count; ++i)
                QCOMPARE(runOn(g, s, i, rounding), runOn(t, s, i, rounding));
    }

    void int8LstmFollowsItsCalibration()
    {
        const model::Graph f = test::loadModel("mnist_lstm_float32.tflite");
        const data::SampleSet cal = randomSequences(8, 3);
        auto ranges = quant::calibrate(f, cal, {});
        QVERIFY2(ranges.ok(), ranges.ok() ? "" : ranges.error().message.c_str());
        const model::Operator& fl = f.main().operators[0];
        const quant::TensorRange cell = (*ranges)[static_cast<std::size_t>(fl.inputs[19])];
        QVERIFY2(cell.valid, "the cell state (a variable tensor) is calibrated");
        QVERIFY(cell.observedHi > cell.observedLo);
        auto q = int8FloatIo(f, *ranges);
        QVERIFY2(q.ok(), q.ok() ? "" : q.error().message.c_str());
        QVERIFY(q->floatOperators.empty());
        const model::Graph& g = q->graph;
        const model::Operator* l = firstOp(g, Op::UNIDIRECTIONAL_SEQUENCE_LSTM);
        QVERIFY(l);
        QCOMPARE(at(g, l->outputs[0]).dtype, DT::Int8);
        // Cell: int16, a power-of-two scale whose range holds the largest |c| seen, and not twice that.
        const model::Tensor& c = at(g, l->inputs[19]);
        QCOMPARE(c.dtype, DT::Int16);
        const float scale = c.quantization.scale.at(0);
        int e = 0;
        QCOMPARE(std::frexp(scale, &e), 0.5f);
        const float maxAbs = std::max(std::abs(cell.observedLo), std::abs(cell.observedHi));
        QVERIFY(maxAbs <= 32768.0f * scale);
        QVERIFY(maxAbs > 16384.0f * scale || scale == std::ldexp(1.0f, -15));
        // Hidden state and effective hidden state: the output's parameters.
        for (int t : {l->inputs[18], l->intermediates.at(4)}) {
            QCOMPARE(at(g, t).quantization.scale, at(g, l->outputs[0]).quantization.scale);
            QCOMPARE(at(g, t).quantization.zeroPoint, at(g, l->outputs[0]).quantization.zeroPoint);
        }
        // The integer model agrees with the float one on sequences it was not calibrated on.
        const data::SampleSet s = randomSequences(16, 29);
        int agree = 0;
        double worst = 0;
        for (std::int64_t i = 0; i < s.count; ++i) {
            const auto pf = probabilities(f, runOn(f, s, i, exec::Rounding::Xnnpack));
            const auto pq = probabilities(g, runOn(g, s, i, exec::Rounding::Reference));
            QCOMPARE(pq.size(), pf.size());
            agree += std::max_element(pf.begin(), pf.end()) - pf.begin() == std::max_element(pq.begin(), pq.end()) - pq.begin();
            for (std::size_t k = 0; k < pf.size(); ++k)
                worst = std::max(worst, static_cast<double>(std::abs(pf[k] - pq[k])));
        }
        qInfo("int8 LSTM vs float on 16 sequences: %d agree, largest probability difference %.4f", agree, worst);
        QVERIFY(agree >= 15);
        QVERIFY(worst < 0.1);
    }

    void lstmOutsideTheIntegerKernelStaysFloatAndSaysWhy_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("why");
        QTest::newRow("cell beyond 64") << QStringLiteral("cell") << QStringLiteral("beyond the 64");
        QTest::newRow("peephole") << QStringLiteral("peephole") << QStringLiteral("peephole");
        QTest::newRow("kept float") << QStringLiteral("keep") << QString();
    }

    void lstmOutsideTheIntegerKernelStaysFloatAndSaysWhy()
    {
        QFETCH(QString, change);
        QFETCH(QString, why);
        model::Graph f = test::loadModel("mnist_lstm_float32.tflite");
        const model::Graph t = test::loadModel("mnist_lstm_int8.tflite");
        auto ranges = twinRanges(f, t, change == QLatin1String("cell") ? 100.0f : 6.0f);
        passes::QuantizeOptions o;
        o.mode = passes::Mode::Int8;
        if (change == QLatin1String("keep"))
            o.keepFloat = {"0"};
        if (change == QLatin1String("peephole")) {
            model::Operator& l = f.subgraphs.front().operators[0];
            for (int k : {9, 10, 11}) {
                model::Tensor p;
                p.name = "peephole" + std::to_string(k);
                p.shape = {20};
                std::vector<float> v(20, 0.05f * static_cast<float>(k - 8));
                std::vector<std::uint8_t> bytes(v.size() * 4);
                std::memcpy(bytes.data(), v.data(), bytes.size());
                p.buffer = model::addOwnedBuffer(f, std::move(bytes));
                f.subgraphs.front().tensors.push_back(p);
                l.inputs[static_cast<std::size_t>(k)] = static_cast<std::int32_t>(f.main().tensors.size() - 1);
            }
            ranges.resize(f.main().tensors.size());
        }
        auto q = passes::quantizeGraph(f, o, ranges);
        QVERIFY2(q.ok(), q.ok() ? "" : q.error().message.c_str());
        QCOMPARE(q->floatOperators, std::vector<int>{0});
        bool named = why.isEmpty();
        for (const auto& n : q->notes)
            named = named || (QString::fromStdString(n).contains(QStringLiteral("operator 0")) && QString::fromStdString(n).contains(why));
        QVERIFY2(named, qPrintable(why));
        const model::Operator* l = firstOp(q->graph, Op::UNIDIRECTIONAL_SEQUENCE_LSTM);
        QVERIFY(l);
        QCOMPARE(at(q->graph, l->outputs[0]).dtype, DT::Float32);
        // The file still runs: the float LSTM between a DEQUANTIZE and a QUANTIZE.
        const data::SampleSet s = randomSequences(1, 5);
        QVERIFY(!runOn(q->graph, s, 0, exec::Rounding::Xnnpack).empty());
    }

    void int8SvdfTakesTheConvertersParameters()
    {
        const model::Graph f = svdfModel();
        auto ranges = quant::calibrate(f, frames(16, 3), {});
        QVERIFY2(ranges.ok(), ranges.ok() ? "" : ranges.error().message.c_str());
        auto q = int8FloatIo(f, *ranges);
        QVERIFY2(q.ok(), q.ok() ? "" : q.error().message.c_str());
        QVERIFY(q->floatOperators.empty());
        const model::Graph& g = q->graph;
        const model::Operator* svdf = firstOp(g, Op::SVDF);
        QVERIFY(svdf);
        QCOMPARE(g.opcodes[svdf->opcodeIndex].version, 3);
        const model::Tensor& wf = at(g, svdf->inputs[1]);
        const model::Tensor& wt = at(g, svdf->inputs[2]);
        const model::Tensor& bias = at(g, svdf->inputs[3]);
        const model::Tensor& state = at(g, svdf->inputs[4]);
        QCOMPARE(wf.dtype, DT::Int8);
        QCOMPARE(wt.dtype, DT::Int16);
        QCOMPARE(state.dtype, DT::Int16);
        QCOMPARE(bias.dtype, DT::Int32);
        QVERIFY(state.isVariable);
        QCOMPARE(state.quantization.zeroPoint.at(0), std::int64_t{0});
        // weights_time: 10-bit codes, the largest at +-511.
        const auto codes = g.tensorData(wt);
        int largest = 0;
        for (std::size_t k = 0; k + 1 < codes.size(); k += 2) {
            std::int16_t c = 0;
            std::memcpy(&c, codes.data() + k, 2);
            largest = std::max(largest, std::abs(static_cast<int>(c)));
        }
        QCOMPARE(largest, 511);
        QCOMPARE(bias.quantization.scale.at(0), wt.quantization.scale.at(0) * state.quantization.scale.at(0));
        // The state scale covers the calibrated state exactly (symmetric, 32767 steps).
        const quant::TensorRange& sr = (*ranges)[static_cast<std::size_t>(f.main().operators[0].inputs[4])];
        QCOMPARE(state.quantization.scale.at(0), std::max(std::abs(sr.lo), std::abs(sr.hi)) / 32767.0f);

        // The integer SVDF follows the float one on frames it was not calibrated on.
        const model::Tensor& out = at(g, svdf->outputs[0]);
        const double step = out.quantization.scale.at(0);
        // What the output can represent: a float value beyond the calibrated range is clipped.
        const double lo = static_cast<double>(-128 - out.quantization.zeroPoint.at(0)) * step;
        const double hi = static_cast<double>(127 - out.quantization.zeroPoint.at(0)) * step;
        const data::SampleSet s = frames(20, 41);
        double worst = 0;
        for (std::int64_t i = 0; i < s.count; ++i) {
            const auto pf = probabilities(f, runOn(f, s, i, exec::Rounding::Xnnpack));
            for (auto rounding : {exec::Rounding::Reference, exec::Rounding::Xnnpack}) {
                const auto pq = probabilities(g, runOn(g, s, i, rounding));
                for (std::size_t k = 0; k < pf.size(); ++k)
                    worst = std::max(worst, std::abs(std::clamp(static_cast<double>(pf[k]), lo, hi) - pq[k]));
            }
        }
        qInfo("int8 SVDF vs float (clipped to the output's range) on 20 frames: largest difference %.4f (%.2f output steps)",
            worst, worst / step);
        QVERIFY(worst <= 4 * step);
    }

    void svdfWithoutReluStaysFloat()
    {
        const model::Graph f = svdfModel(tflite::ActivationFunctionType::NONE);
        auto ranges = quant::calibrate(f, frames(8, 3), {});
        QVERIFY(ranges.ok());
        passes::QuantizeOptions o;
        o.mode = passes::Mode::Int8;
        auto q = passes::quantizeGraph(f, o, *ranges);
        QVERIFY2(q.ok(), q.ok() ? "" : q.error().message.c_str());
        QCOMPARE(q->floatOperators, std::vector<int>{0});
        bool named = false;
        for (const auto& n : q->notes)
            named = named || n.find("RELU") != std::string::npos;
        QVERIFY(named);
    }
};

QTEST_GUILESS_MAIN(QuantizeRecurrentTest)
#include "quantize_recurrent_test.moc"
