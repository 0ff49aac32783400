// SPDX-License-Identifier: MIT
#include "core/file_io.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string_view>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ql {

namespace {

std::string errnoText(int err)
{
    return std::strerror(err);
}

std::string describeWriteError(int err)
{
    if (err == ENOSPC || err == EDQUOT)
        return "the disk is full (" + errnoText(err) + ")";
    if (err == EFBIG)
        return "the file is larger than this system allows (" + errnoText(err) + ")";
    return errnoText(err);
}

} // namespace

Result<std::shared_ptr<const MappedFile>> MappedFile::open(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Error{path + ": cannot open: " + errnoText(errno)};
    struct stat st { };
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return Error{path + ": cannot stat: " + errnoText(err)};
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return Error{path + ": not a regular file"};
    }
    std::shared_ptr<MappedFile> file(new MappedFile);
    file->m_path = path;
    file->m_size = static_cast<std::size_t>(st.st_size);
    if (file->m_size > 0) {
        void* p = ::mmap(nullptr, file->m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            const int err = errno;
            ::close(fd);
            return Error{path + ": cannot map into memory: " + errnoText(err)};
        }
        file->m_data = static_cast<const std::uint8_t*>(p);
        file->m_mapped = true;
    }
    ::close(fd);
    return std::shared_ptr<const MappedFile>(std::move(file));
}

std::shared_ptr<const MappedFile> MappedFile::fromBytes(std::span<const std::uint8_t> bytes, std::string name)
{
    std::shared_ptr<MappedFile> file(new MappedFile);
    file->m_path = std::move(name);
    file->m_size = bytes.size();
    // 16-byte alignment like a page-aligned mapping would give, so views of tensor data stay aligned.
    const std::size_t rounded = (bytes.size() + 15) / 16 * 16 + 16;
    file->m_owned = std::aligned_alloc(16, rounded);
    if (!bytes.empty())
        std::memcpy(file->m_owned, bytes.data(), bytes.size());
    file->m_data = static_cast<const std::uint8_t*>(file->m_owned);
    return file;
}

MappedFile::~MappedFile()
{
    if (m_mapped)
        ::munmap(const_cast<std::uint8_t*>(m_data), m_size);
    std::free(m_owned);
}

Status writeFileAtomically(const std::string& path, std::span<const std::uint8_t> bytes)
{
    std::string tmpl = path + ".XXXXXX.part";
    const int fd = ::mkstemps(tmpl.data(), 5);
    if (fd < 0)
        return Error{path + ": cannot create a temporary file beside it: " + errnoText(errno)};

    auto fail = [&](const std::string& what, int err) {
        ::close(fd);
        ::unlink(tmpl.c_str());
        return Status(Error{path + ": " + what + ": " + describeWriteError(err) + "; nothing was written"});
    };

    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail("cannot write", errno);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0)
        return fail("cannot flush to disk", errno);
    // Keep the permissions an existing file had; a new file gets the usual 0666 & ~umask.
    struct stat st { };
    mode_t mode = 0;
    if (::stat(path.c_str(), &st) == 0) {
        mode = st.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    if (::fchmod(fd, mode) != 0)
        return fail("cannot set permissions", errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmpl.c_str());
        return Error{path + ": cannot close: " + describeWriteError(err) + "; nothing was written"};
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmpl.c_str());
        return Error{path + ": cannot replace: " + errnoText(err) + "; nothing was written"};
    }
    return Status::success();
}

} // namespace ql
