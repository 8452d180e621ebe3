import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Atomic file writes: write a temporary file in the destination's directory, fsync it,
/// rename it over the destination, fsync the directory. A reader never sees a partial file;
/// a crash leaves either the old file or the new one (plus, at worst, a stray temp file that
/// `nianbao verify` names).
public enum AtomicFile {
    /// Marker in the name of every temporary file the archive writes (`.<name>.nbtmp-<random>`).
    public static let tempMarker = ".nbtmp-"

    /// Write `data` to `url` atomically. `durable: false` skips the two fsyncs (rebuild output, which
    /// can be regenerated, is synced once at the end instead).
    public static func write(_ data: Data, to url: URL, durable: Bool = true, mode: mode_t = 0o644) throws {
        let dir = url.deletingLastPathComponent()
        let tmp = temporaryURL(for: url)
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw ArchiveError.io(path: tmp.path, operation: "create", errno: errno) }
        do {
            try writeAll(fd: fd, data: data, path: tmp.path)
            if durable, fsync(fd) != 0 { throw ArchiveError.io(path: tmp.path, operation: "fsync", errno: errno) }
            close(fd)
        } catch {
            close(fd)
            unlink(tmp.path)
            throw error
        }
        if rename(tmp.path, url.path) != 0 {
            let e = errno
            unlink(tmp.path)
            throw ArchiveError.io(path: url.path, operation: "rename", errno: e)
        }
        if durable { try syncDirectory(dir) }
    }

    /// A fresh temporary name beside `url`.
    public static func temporaryURL(for url: URL) -> URL {
        let rnd = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent.prefix(100))\(tempMarker)\(rnd)")
    }

    /// fsync a directory so a rename in it survives a power loss.
    public static func syncDirectory(_ dir: URL) throws {
        let fd = open(dir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw ArchiveError.io(path: dir.path, operation: "open directory", errno: errno) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw ArchiveError.io(path: dir.path, operation: "fsync directory", errno: errno) }
    }

    /// fsync an existing file.
    public static func syncFile(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ArchiveError.io(path: url.path, operation: "open", errno: errno) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw ArchiveError.io(path: url.path, operation: "fsync", errno: errno) }
    }

    static func writeAll(fd: Int32, data: Data, path: String) throws {
        try data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ArchiveError.io(path: path, operation: "write", errno: errno)
                }
                offset += n
            }
        }
    }
}
