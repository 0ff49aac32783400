// SPDX-License-Identifier: MIT
#include "common/model_facts.h"
#include "layers/layertablemodel.h"
#include "model/reader.h"
#include "passes/quantize.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

#include <set>

using namespace ql;

namespace {

std::shared_ptr<const model::Graph> load(const std::string& file)
{
    auto g = model::readTflite(test::modelPath(file));
    if (!g)
        qFatal("%s", g.error().message.c_str());
    return std::make_shared<const model::Graph>(std::move(g.value()));
}

} // namespace

class LayerTableModelTest : public QObject {
    Q_OBJECT

private slots:
    void passesTheModelTester()
    {
        widgets::LayerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const auto& fact : test::modelFacts()) {
            model.setGraph(load(fact.file));
            int ops = 0;
            for (const auto& [name, n] : fact.ops)
                ops += n;
            QCOMPARE(model.rowCount(), ops);
        }
        model.setGraph(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void showsTheWeightAnalysis()
    {
        widgets::LayerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto g = load("vww_mobilenet_v1_025_96_float32.tflite");
        model.setGraph(g);
        QVERIFY(!model.data(model.index(0, widgets::LayerTableModel::Verdict)).isValid());
        eval::WeightAnalysisOptions o;
        o.perChannel = false;
        auto a = eval::analyzeWeights(*g, o);
        QVERIFY(a.ok());
        model.setWeightAnalysis(std::make_shared<const std::vector<eval::LayerWeights>>(std::move(*a)));
        int suspect = 0, withWeights = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QString v = model.data(model.index(r, widgets::LayerTableModel::Verdict)).toString();
            if (!model.weightsOf(r)) {
                QVERIFY(v.isEmpty());
                continue;
            }
            ++withWeights;
            QCOMPARE(model.layer(r)->index, model.weightsOf(r)->op);
            suspect += v == QLatin1String("suspect");
            QVERIFY(model.data(model.index(r, widgets::LayerTableModel::Verdict), Qt::BackgroundRole).isValid());
            QVERIFY(model.data(model.index(r, widgets::LayerTableModel::WeightSqnr), Qt::ToolTipRole)
                        .toString()
                        .contains(QStringLiteral("SQNR")));
        }
        QCOMPARE(withWeights, 28);
        QCOMPARE(suspect, 2); // per-tensor depthwise layers with very unequal channels
        // Sorting by SQNR puts the worst layer first.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(widgets::LayerTableModel::SortRole);
        proxy.sort(widgets::LayerTableModel::WeightSqnr, Qt::AscendingOrder);
        const double first = proxy.index(0, widgets::LayerTableModel::WeightSqnr).data().toDouble();
        for (int r = 0; r < 28; ++r)
            QVERIFY(proxy.index(r, widgets::LayerTableModel::WeightSqnr).data().toDouble() >= first);
        model.setWeightAnalysis(nullptr);
        QVERIFY(!model.data(model.index(1, widgets::LayerTableModel::Verdict)).isValid());
    }

    void showsWeightsAndTheirQuantization()
    {
        widgets::LayerTableModel model;
        model.setGraph(load("kws_dscnn_int8.tflite"));
        using C = widgets::LayerTableModel;
        const auto text = [&](int row, int col) { return model.index(row, col).data().toString(); };
        QCOMPARE(text(0, C::Op), QStringLiteral("CONV_2D"));
        QCOMPARE(text(0, C::Input), QStringLiteral("1x49x10x1"));
        QCOMPARE(text(0, C::Dtype), QStringLiteral("int8"));
        QCOMPARE(text(0, C::WeightDtype), QStringLiteral("int8"));
        QVERIFY(text(0, C::Quantization).startsWith(QStringLiteral("per-channel x")));
        // Float16 weights behind a DEQUANTIZE are shown as stored.
        model.setGraph(load("conv_tiny_float16.tflite"));
        int conv = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            if (text(r, C::Op) == QStringLiteral("CONV_2D"))
                conv = r;
        QVERIFY(conv >= 0);
        QCOMPARE(text(conv, C::WeightDtype), QStringLiteral("float16"));
        QVERIFY(model.layer(conv)->parameterCount > 0);
    }

    void reasonsAreWordedFromTheirParts()
    {
        // The interface words every verdict's reason from its kind and numbers (so it can be translated); in
        // English that must say exactly what the engine says, for every kind of reason.
        std::set<int> kinds;
        int layers = 0;
        for (const char* file : {"vww_mobilenet_v1_025_96_int8.tflite", "mobilenet_v1_025_224_float32.tflite",
                 "fashion_mnist_cnn_dynrange.tflite", "resnet8_cifar10_float32.tflite"}) {
            auto g = model::readTflite(test::modelPath(file));
            QVERIFY(g.ok());
            auto graph = passes::isQuantized(*g) ? passes::dequantizeGraph(*g) : std::move(g);
            QVERIFY(graph.ok());
            std::vector<eval::WeightAnalysisOptions> schemes(7);
            schemes[0].mode = passes::Mode::Int8;
            schemes[1].mode = passes::Mode::Float16;
            schemes[2].mode = passes::Mode::Dynamic;
            schemes[3].teaching = quant::Scheme{4, true, false}; // per tensor
            schemes[4].teaching = quant::Scheme{2, true, true};
            schemes[5].teaching = quant::Scheme{3, false, true};
            schemes[6].mode = passes::Mode::Int8;
            schemes[6].perChannel = false;
            for (const auto& o : schemes) {
                auto a = eval::analyzeWeights(*graph, o);
                QVERIFY(a.ok());
                for (const auto& L : *a) {
                    QCOMPARE(widgets::reasonText(L), QString::fromStdString(L.reason));
                    kinds.insert(static_cast<int>(L.reasonKind));
                    ++layers;
                }
            }
        }
        QVERIFY2(
            kinds.size() >= 7, qPrintable(QStringLiteral("%1 kinds over %2 layers").arg(kinds.size()).arg(layers)));
    }

    void sortsNumbersAsNumbers()
    {
        widgets::LayerTableModel model;
        model.setGraph(load("resnet8_cifar10_int8.tflite"));
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(widgets::LayerTableModel::SortRole);
        proxy.sort(widgets::LayerTableModel::Bytes, Qt::DescendingOrder);
        qlonglong previous = std::numeric_limits<qlonglong>::max();
        for (int r = 0; r < proxy.rowCount(); ++r) {
            const qlonglong v =
                proxy.index(r, widgets::LayerTableModel::Bytes).data(widgets::LayerTableModel::SortRole).toLongLong();
            QVERIFY(v <= previous);
            previous = v;
        }
        QVERIFY(proxy.index(0, widgets::LayerTableModel::Bytes).data(widgets::LayerTableModel::SortRole).toLongLong() >
            1000);
    }
};

QTEST_MAIN(LayerTableModelTest)
#include "layertablemodel_test.moc"
