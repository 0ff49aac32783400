// SPDX-License-Identifier: MIT
#include "cli/diff.h"

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/json_util.h"
#include "cli/quant_options.h"
#include "eval/diff_outputs.h"
#include "model/reader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <optional>

namespace ql::cli {
namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("ql::cli", s);
}

QJsonObject operatorRef(const model::Graph& g, int op)
{
    const auto& o = g.main().operators[static_cast<std::size_t>(op)];
    QString name;
    if (!o.outputs.empty() && o.outputs[0] >= 0)
        name = qs(g.main().tensors[static_cast<std::size_t>(o.outputs[0])].name);
    return {{QStringLiteral("index"), op}, {QStringLiteral("op"), qs(g.opName(o))}, {QStringLiteral("name"), name}};
}

// "0.0235 -> 0.0241 (x1.03)" for one scale, "per-channel x16, up to x1.20" for several.
QString scaleChange(const eval::TensorDiff& t)
{
    if (t.scaleA.empty() || t.scaleB.empty())
        return t.scaleA.empty() == t.scaleB.empty() ? QString()
            : t.scaleA.empty() ? tr("no scale -> scale %1").arg(static_cast<double>(t.scaleB.front()), 0, 'g', 4)
                               : tr("scale %1 -> no scale").arg(static_cast<double>(t.scaleA.front()), 0, 'g', 4);
    if (t.scaleRatio <= 1 + 1e-6)
        return {};
    if (t.scaleA.size() == 1 && t.scaleB.size() == 1)
        return tr("scale %1 -> %2 (x%3)")
            .arg(static_cast<double>(t.scaleA[0]), 0, 'g', 4)
            .arg(static_cast<double>(t.scaleB[0]), 0, 'g', 4)
            .arg(t.scaleB[0] / t.scaleA[0], 0, 'f', 3);
    return tr("%1 scale(s) -> %2, differing by up to x%3").arg(t.scaleA.size()).arg(t.scaleB.size()).arg(t.scaleRatio, 0, 'f', 3);
}

QString describe(const eval::TensorDiff& t)
{
    QStringList parts;
    if (t.dtypeDiffers)
        parts << tr("%1 -> %2").arg(qs(t.dtypeA), qs(t.dtypeB));
    if (const QString s = scaleChange(t); !s.isEmpty())
        parts << s;
    if (t.zeroPointsDiffer)
        parts << tr("zero point %1 -> %2")
                     .arg(t.zeroPointA.size() == 1 ? QString::number(t.zeroPointA[0]) : tr("per channel"))
                     .arg(t.zeroPointB.size() == 1 ? QString::number(t.zeroPointB[0]) : tr("per channel"));
    return QStringLiteral("%1: %2").arg(qs(t.role), parts.join(QStringLiteral(", ")));
}

QJsonObject agreementJson(const eval::OutputAgreement& g, const model::Graph& a)
{
    QJsonArray pairs;
    for (const auto& p : g.pairs) {
        QJsonObject o{{QStringLiteral("a"), p.a}, {QStringLiteral("b"), p.b},
            {QStringLiteral("op"), qs(a.opName(a.main().operators[static_cast<std::size_t>(p.a)]))},
            {QStringLiteral("compared"), p.compared}};
        if (p.compared) {
            // JSON has no infinity: equal outputs give a null SQNR and "equal": true.
            o.insert(QStringLiteral("sqnr_db"), number(p.sqnrDb));
            o.insert(QStringLiteral("equal"), !std::isfinite(p.sqnrDb));
            o.insert(QStringLiteral("cosine"), p.cosine);
            o.insert(QStringLiteral("max_abs_diff"), p.maxAbsDiff);
        } else {
            o.insert(QStringLiteral("why"), qs(p.why));
        }
        pairs.append(o);
    }
    return {{QStringLiteral("samples"), static_cast<double>(g.samples)},
        {QStringLiteral("top1_agreement"), g.top1Agreement >= 0 ? QJsonValue(g.top1Agreement) : QJsonValue()},
        {QStringLiteral("pairs"), pairs}};
}

} // namespace

QJsonObject diffJson(const eval::ModelDiff& d, const model::Graph& a, const model::Graph& b, bool all)
{
    QJsonArray ops;
    int byPosition = 0;
    for (const auto& m : d.matches) {
        byPosition += !m.byName;
        if (!all && !m.changed())
            continue;
        QJsonArray tensors;
        for (const auto& t : m.tensors)
            tensors.append(QJsonObject{{QStringLiteral("role"), qs(t.role)}, {QStringLiteral("name_a"), qs(t.nameA)},
                {QStringLiteral("name_b"), qs(t.nameB)}, {QStringLiteral("dtype_a"), qs(t.dtypeA)},
                {QStringLiteral("dtype_b"), qs(t.dtypeB)}, {QStringLiteral("scale_a"), numbers(t.scaleA)},
                {QStringLiteral("scale_b"), numbers(t.scaleB)}, {QStringLiteral("zero_point_a"), numbers(t.zeroPointA)},
                {QStringLiteral("zero_point_b"), numbers(t.zeroPointB)}, {QStringLiteral("scale_ratio"), t.scaleRatio}});
        QJsonObject o{{QStringLiteral("a"), m.a}, {QStringLiteral("b"), m.b}, {QStringLiteral("op"), qs(m.op)},
            {QStringLiteral("name"), qs(m.name)},
            {QStringLiteral("matched_by"), m.byName ? QStringLiteral("name") : QStringLiteral("position")},
            {QStringLiteral("changed"), m.changed()}, {QStringLiteral("tensors"), tensors}};
        if (!m.opB.empty())
            o.insert(QStringLiteral("op_b"), qs(m.opB));
        if (m.weightMaxLsb) {
            o.insert(QStringLiteral("weight_max_lsb"), *m.weightMaxLsb);
            o.insert(QStringLiteral("weight_mean_lsb"), *m.weightMeanLsb);
        }
        ops.append(o);
    }
    QJsonArray onlyA, onlyB;
    for (const int i : d.onlyA)
        onlyA.append(operatorRef(a, i));
    for (const int j : d.onlyB)
        onlyB.append(operatorRef(b, j));
    return {{QStringLiteral("operators_a"), static_cast<int>(a.main().operators.size())},
        {QStringLiteral("operators_b"), static_cast<int>(b.main().operators.size())},
        {QStringLiteral("matched"), static_cast<int>(d.matches.size())}, {QStringLiteral("matched_by_position"), byPosition},
        {QStringLiteral("changed"), d.changed}, {QStringLiteral("only_a"), onlyA}, {QStringLiteral("only_b"), onlyB},
        {QStringLiteral("operators"), ops}};
}

int diffCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args,
        {QStringLiteral("--data"), QStringLiteral("--samples"), QStringLiteral("--scale"), QStringLiteral("--offset"),
            QStringLiteral("--channel-order")},
        {QStringLiteral("--json"), QStringLiteral("--all")});
    if (!a.error.isEmpty() || a.positional.size() != 2) {
        err << (a.error.isEmpty() ? tr("diff needs exactly two model files") : a.error) << "\n\n"
            << commandHelp(QStringLiteral("diff"));
        return Usage;
    }
    auto ga = model::readTflite(a.positional[0].toStdString());
    if (!ga)
        return fail(err, ga.error());
    auto gb = model::readTflite(a.positional[1].toStdString());
    if (!gb)
        return fail(err, gb.error());
    const auto d = eval::diffModels(*ga, *gb);
    const bool all = a.flags.contains(QStringLiteral("--all"));
    // With --data: every matched pair's outputs on the same samples.
    std::optional<eval::OutputAgreement> agreement;
    if (!a.value(QStringLiteral("--data")).isEmpty()) {
        bool ok = false;
        const std::int64_t samples = a.value(QStringLiteral("--samples"), QStringLiteral("32")).toLongLong(&ok);
        if (!ok || samples < 1) {
            err << tr("--samples must be a positive integer") << '\n';
            return Usage;
        }
        auto pre = parsePreprocess(a, &*ga);
        if (!pre)
            return fail(err, pre.error());
        auto data = loadCommandData(a, *ga, *pre, samples);
        if (!data)
            return fail(err, data.error());
        auto r = eval::compareOutputs(*ga, *gb, d, *data, samples);
        if (!r)
            return fail(err, r.error());
        agreement = std::move(*r);
    }
    if (a.flags.contains(QStringLiteral("--json"))) {
        QJsonObject o = diffJson(d, *ga, *gb, all);
        o.insert(QStringLiteral("model_a"), a.positional[0]);
        o.insert(QStringLiteral("model_b"), a.positional[1]);
        if (agreement)
            o.insert(QStringLiteral("outputs"), agreementJson(*agreement, *ga));
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Ok;
    }
    out << tr("A: %1 (%2 operators)\nB: %3 (%4 operators)\n")
               .arg(QFileInfo(a.positional[0]).fileName())
               .arg(ga->main().operators.size())
               .arg(QFileInfo(a.positional[1]).fileName())
               .arg(gb->main().operators.size());
    out << tr("%1 operators matched, %2 of them differ; %3 only in A, %4 only in B\n\n")
               .arg(d.matches.size())
               .arg(d.changed)
               .arg(d.onlyA.size())
               .arg(d.onlyB.size());
    for (const auto& m : d.matches) {
        if (!all && !m.changed())
            continue;
        QString head = QStringLiteral("#%1 -> #%2 ").arg(m.a).arg(m.b) + qs(m.op);
        if (!m.opB.empty())
            head += QStringLiteral(" -> ") + qs(m.opB);
        if (!m.byName)
            head += tr(" (matched by position)");
        out << head << "  " << qs(m.name).left(80) << '\n';
        for (const auto& t : m.tensors)
            out << "    " << describe(t) << '\n';
        if (m.weightMaxLsb && *m.weightMaxLsb > 0)
            out << "    " << tr("weights differ by up to %1 LSB (mean %2)").arg(*m.weightMaxLsb, 0, 'f', 2).arg(*m.weightMeanLsb, 0, 'f', 3)
                << '\n';
    }
    if (agreement) {
        out << '\n' << tr("Outputs on %1 sample(s) of the data").arg(agreement->samples);
        if (agreement->top1Agreement >= 0)
            out << tr(": the two models pick the same class on %1%").arg(100 * agreement->top1Agreement, 0, 'f', 1);
        out << tr("; the 10 pairs whose outputs differ most (SQNR of B against A):") << '\n';
        std::vector<const eval::PairAgreement*> worst;
        for (const auto& p : agreement->pairs)
            if (p.compared)
                worst.push_back(&p);
        std::sort(worst.begin(), worst.end(), [](const auto* x, const auto* y) { return x->sqnrDb < y->sqnrDb; });
        for (std::size_t k = 0; k < worst.size() && k < 10; ++k)
            out << QStringLiteral("  #%1 -> #%2 %3: %4 dB, cosine %5\n")
                       .arg(worst[k]->a)
                       .arg(worst[k]->b)
                       .arg(qs(ga->opName(ga->main().operators[static_cast<std::size_t>(worst[k]->a)])))
                       .arg(worst[k]->sqnrDb, 0, 'f', 1)
                       .arg(worst[k]->cosine, 0, 'f', 4);
    }
    for (const int i : d.onlyA)
        out << tr("only in A: #%1 %2\n").arg(i).arg(qs(ga->opName(ga->main().operators[static_cast<std::size_t>(i)])));
    for (const int j : d.onlyB)
        out << tr("only in B: #%1 %2\n").arg(j).arg(qs(gb->opName(gb->main().operators[static_cast<std::size_t>(j)])));
    return Ok;
}

} // namespace ql::cli
