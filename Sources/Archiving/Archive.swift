import Foundation
import NianbaoCore
#if canImport(Glibc)
import Glibc
#endif

/// Stage 5: owns the on-disk archive layout.
///
///     raw/ab/<sha256>                 response bodies, content-addressed, read-only, deduplicated
///     captures/YYYY-MM.jsonl          append-only log of every fetch attempt
///     reports/<site>/<year>/<agency>.v<N>.json / .txt   one record (and its text) per report version
///     index.sqlite                    derived index (captures, documents, reports, cells, findings)
///     state/                          locks, crawl state
///     tmp/                            scratch on the same filesystem (streaming bodies, rebuild staging)
///
/// Thread-safe: writes through one instance are serialised by an internal lock; across processes,
/// use `withLock`.
public final class Archive: @unchecked Sendable {
    public let root: URL
    /// When false, record/index writes skip fsync (used by bulk tools that sync once at the end).
    public var durable = true
    let mutex = NSLock()
    var indexStore: IndexStore?

    /// Opens (creating when missing) an archive at `root`: raw/ captures/ reports/ state/ tmp/.
    public init(root: URL) throws {
        self.root = root.standardizedFileURL
        for sub in ["raw", "captures", "reports", "state", "tmp"] {
            let dir = self.root.appendingPathComponent(sub)
            do {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            } catch {
                throw ArchiveError.io(path: dir.path, operation: "create directory", errno: errno == 0 ? EIO : errno)
            }
        }
        RebuildSwap.recoverInterruptedSwap(root: self.root)
    }

    public var rawDirectory: URL { root.appendingPathComponent("raw") }
    public var capturesDirectory: URL { root.appendingPathComponent("captures") }
    public var reportsDirectory: URL { root.appendingPathComponent("reports") }
    public var indexURL: URL { root.appendingPathComponent("index.sqlite") }
    /// root/tmp: on the same filesystem as raw/, so a streamed body can be renamed into place.
    public var tempDirectory: URL { root.appendingPathComponent("tmp") }
    /// root/state: locks and crawl state.
    public var stateDirectory: URL { root.appendingPathComponent("state") }

    // MARK: raw store

    /// raw/<first two hex>/<sha256>. A malformed digest is sanitised, never used as a path as is.
    public func rawURL(sha256: String) -> URL {
        let name = PathSanitizer.component(sha256.lowercased())
        let prefix = PathSanitizer.isSHA256(name) ? String(name.prefix(2)) : "_invalid"
        return rawDirectory.appendingPathComponent(prefix).appendingPathComponent(name)
    }

    /// Moves a finished temporary file (normally in `tempDirectory`) into raw/ under its sha256.
    /// The hash is computed unless given. If the body is already stored, the temp file is removed
    /// and the existing object returned. The stored file is fsynced and made read-only.
    public func storeRaw(movingFile tempFile: URL, sha256: String? = nil) throws -> RawObject {
        let digest = try sha256?.lowercased() ?? SHA256.hex(fileAt: tempFile)
        guard PathSanitizer.isSHA256(digest) else { throw ArchiveError.unsafePath("sha256 '\(digest)'") }
        let dest = rawURL(sha256: digest)
        if let existing = try? existingRaw(dest, digest) {
            try? FileManager.default.removeItem(at: tempFile)
            return existing
        }
        let dir = dest.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try AtomicFile.syncFile(tempFile)
        chmod(tempFile.path, 0o444)
        if rename(tempFile.path, dest.path) != 0 {
            guard errno == EXDEV else { throw ArchiveError.io(path: dest.path, operation: "rename", errno: errno) }
            let data = try Data(contentsOf: tempFile)
            try AtomicFile.write(data, to: dest, mode: 0o444)
            try? FileManager.default.removeItem(at: tempFile)
        }
        try AtomicFile.syncDirectory(dir)
        return try existingRaw(dest, digest)
    }

    /// Stores a body held in memory (deduplicated, atomic, read-only).
    public func storeRaw(data: Data) throws -> RawObject {
        let digest = SHA256.hex(data)
        let dest = rawURL(sha256: digest)
        if let existing = try? existingRaw(dest, digest) { return existing }
        try FileManager.default.createDirectory(at: dest.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(data, to: dest, mode: 0o444)
        return RawObject(sha256: digest, size: data.count, url: dest)
    }

    private func existingRaw(_ url: URL, _ digest: String) throws -> RawObject {
        var st = stat()
        guard stat(url.path, &st) == 0 else { throw ArchiveError.io(path: url.path, operation: "stat", errno: errno) }
        return RawObject(sha256: digest, size: Int(st.st_size), url: url)
    }

    // MARK: locks

    /// Runs `body` holding `state/<name>.lock` (flock, exclusive, non-blocking). Throws
    /// `ArchiveError.lockHeld(name)` at once when another holder has it. The lock dies with the process.
    public func withLock<T>(_ name: String, _ body: () async throws -> T) async throws -> T {
        let url = stateDirectory.appendingPathComponent(PathSanitizer.component(name) + ".lock")
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ArchiveError.io(path: url.path, operation: "open lock", errno: errno) }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EWOULDBLOCK { throw ArchiveError.lockHeld(name) }
            throw ArchiveError.io(path: url.path, operation: "flock", errno: errno)
        }
        defer { flock(fd, LOCK_UN) }
        return try await body()
    }
}

/// A body in the raw store.
public struct RawObject: Sendable, Equatable {
    public let sha256: String
    public let size: Int
    /// raw/ab/<sha256>
    public let url: URL
}
