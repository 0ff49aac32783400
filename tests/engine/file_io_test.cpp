// SPDX-License-Identifier: MIT
// Writing never loses or half-writes a user's file.
#include "core/file_io.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace ql;

namespace {

std::vector<std::uint8_t> pattern(std::size_t n)
{
    std::vector<std::uint8_t> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = static_cast<std::uint8_t>(i * 7);
    return v;
}

QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class FileIoTest : public QObject {
    Q_OBJECT

private slots:
    void writesAndReplaces()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.bin"));
        QVERIFY(writeFileAtomically(path.toStdString(), pattern(1000)).ok());
        QCOMPARE(contents(path).size(), 1000);
        ::chmod(path.toLocal8Bit().constData(), 0640);
        QVERIFY(writeFileAtomically(path.toStdString(), pattern(10)).ok());
        QCOMPARE(contents(path).size(), 10);
        struct stat st { };
        QCOMPARE(::stat(path.toLocal8Bit().constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0640u); // the replaced file keeps its permissions
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void missingFolderIsAnError()
    {
        auto st = writeFileAtomically("/nonexistent-folder/out.tflite", pattern(10));
        QVERIFY(!st.ok());
        QVERIFY(st.error().message.find("/nonexistent-folder/out.tflite") == 0);
        QVERIFY(st.error().message.find("cannot create a temporary file") != std::string::npos);
    }

    void fullDiskKeepsTheOldFile()
    {
        // A file size limit makes write() fail with EFBIG the way a full disk fails with ENOSPC.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("model.tflite"));
        QVERIFY(writeFileAtomically(path.toStdString(), pattern(100)).ok());
        const QByteArray before = contents(path);

        auto* old = std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved{};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
        rlimit small = saved;
        small.rlim_cur = 4096;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
        const auto st = writeFileAtomically(path.toStdString(), pattern(100000));
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, old);

        QVERIFY(!st.ok());
        QVERIFY2(st.error().message.find("cannot write") != std::string::npos, st.error().message.c_str());
        QVERIFY(st.error().message.find("nothing was written") != std::string::npos);
        QCOMPARE(contents(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // the partial temporary is gone
    }

    void mapsFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("data.bin"));
        QVERIFY(writeFileAtomically(path.toStdString(), pattern(5000)).ok());
        auto f = MappedFile::open(path.toStdString());
        QVERIFY(f.ok());
        QCOMPARE((*f)->bytes().size(), std::size_t{5000});
        QCOMPARE((*f)->bytes()[7], std::uint8_t{49});
        auto empty = MappedFile::fromBytes({}, "empty");
        QVERIFY(empty->bytes().empty());
    }
};

QTEST_GUILESS_MAIN(FileIoTest)
#include "file_io_test.moc"
