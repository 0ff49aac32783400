// SPDX-License-Identifier: MIT
#include "cli/report.h"

#include "cli/args.h"
#include "cli/evaluate.h"
#include "cli/quant_options.h"
#include "data/profiles.h"
#include "passes/quantize.h"
#include "report/gather.h"
#include "target/profile.h"

#include <QCoreApplication>

#include <optional>

namespace ql::cli {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("ql::cli::Report", s);
}

} // namespace

int reportCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args,
        evalOptionsWithValue() +
            QStringList{QStringLiteral("-o"), QStringLiteral("--tables"), QStringLiteral("--analysis-samples"),
                QStringLiteral("--budget"), QStringLiteral("--target"), QStringLiteral("--class-names")},
        quantFlags() + QStringList{QStringLiteral("--sensitivity")});
    const QStringList outputs = a.values(QStringLiteral("-o"));
    if (!a.error.isEmpty() || a.positional.size() != 1 || a.value(QStringLiteral("--data")).isEmpty() ||
        outputs.isEmpty()) {
        err << (a.error.isEmpty() ? tr("report needs one model file, --data and -o REPORT.html or REPORT.pdf")
                                  : a.error)
            << "\n\n"
            << commandHelp(QStringLiteral("report"));
        return 2;
    }
    for (const auto& o : outputs)
        if (!o.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) &&
            !o.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
            return fail(err, "-o: a report is an .html or a .pdf file (got " + o.toStdString() + ")");
    bool ok = true;
    eval::ActivationOptions ao;
    if (const QString v = a.value(QStringLiteral("--analysis-samples")); !v.isEmpty())
        ao.samples = v.toLongLong(&ok);
    if (!ok || ao.samples < 1)
        return fail(err, "--analysis-samples must be a positive number");

    double budget = 0.01;
    if (const QString v = a.value(QStringLiteral("--budget")); !v.isEmpty())
        budget = v.toDouble(&ok);
    if (!ok || !(budget >= 0 && budget <= 1))
        return fail(err, "--budget must be a number from 0 to 1 (0.01 = one point)");
    std::optional<target::Profile> profile;
    if (const QString t = a.value(QStringLiteral("--target")); !t.isEmpty()) {
        auto p = app::findProfile(t);
        if (!p)
            return fail(err, p.error());
        profile = std::move(*p);
    }

    auto ev = prepareEvaluation(a);
    if (!ev)
        return fail(err, ev.error());
    const pipeline::ModelSource& m = ev->model;
    report::ReportRequest req;
    req.version = QCoreApplication::applicationVersion();
    req.arguments = args;
    req.modelPath = a.positional.front();
    req.dataPath = a.value(QStringLiteral("--data"));
    req.files.push_back(report::fileFact(report::FileRole::Model, req.modelPath));
    req.files.push_back(report::fileFact(report::FileRole::Data, req.dataPath));
    if (const QString l = a.value(QStringLiteral("--labels")); !l.isEmpty())
        req.files.push_back(report::fileFact(report::FileRole::Labels, l));
    for (const auto& c : a.values(QStringLiteral("--calibration-data")))
        req.files.push_back(report::fileFact(report::FileRole::CalibrationData, c));
    req.model = &m;
    req.data = &ev->data;
    req.evaluate = ev->options;
    req.notes = ev->notes;
    // The activation analysis needs int8 ranges also when the modes evaluated did not.
    req.ranges = ev->ranges;
    if (req.ranges.empty()) {
        passes::QuantizeOptions q = req.evaluate.quantize;
        q.mode = passes::Mode::Int8;
        auto rr = rangesForCommand(a, m, ev->pre, q, ev->data, "evaluation samples", req.notes);
        if (!rr)
            return fail(err, rr.error());
        req.ranges = std::move(*rr);
        req.evaluate.quantize.calibration = q.calibration;
        req.evaluate.quantize.calibrationSource = q.calibrationSource;
    }
    for (const auto& k : a.values(QStringLiteral("--keep-float")))
        req.keepFloat << k;
    req.activations = ao;
    if (a.flags.contains(QStringLiteral("--sensitivity")))
        req.sensitivityBudget = budget;
    if (const QString v = a.value(QStringLiteral("--threads")); !v.isEmpty())
        req.sensitivityThreads = v.toInt();
    req.target = std::move(profile);
    req.classNamesFile = a.value(QStringLiteral("--class-names"));

    auto r = report::gatherReport(req);
    if (!r)
        return fail(err, r.error());
    QStringList written;
    const QString e = report::writeReport(*r, outputs, a.value(QStringLiteral("--tables")), &written);
    for (const auto& w : written)
        out << w << '\n';
    if (!e.isEmpty())
        return fail(err, e.toStdString());
    return 0;
}

} // namespace ql::cli
