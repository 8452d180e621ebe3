import Foundation
import NianbaoCore
#if canImport(Glibc)
import Glibc
#endif

/// The append-only captures log: captures/YYYY-MM.jsonl, one JSON object per line.
extension Archive {
    /// Appends one capture to the log of its month (from `fetchedAt`) with a single O_APPEND write
    /// and an fsync. If an earlier writer was killed mid-line, a newline is written first so the torn
    /// line cannot swallow this one.
    public func appendCapture(_ capture: Capture) throws {
        var line = try StableJSON.data(capture)
        line.append(0x0A)
        let url = capturesDirectory.appendingPathComponent(Self.logName(fetchedAt: capture.fetchedAt))
        mutex.lock()
        defer { mutex.unlock() }
        let fd = open(url.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ArchiveError.io(path: url.path, operation: "open", errno: errno) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, st.st_size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, st.st_size - 1) == 1, last != 0x0A { line.insert(0x0A, at: 0) }
        }
        try AtomicFile.writeAll(fd: fd, data: line, path: url.path)
        if fsync(fd) != 0 { throw ArchiveError.io(path: url.path, operation: "fsync", errno: errno) }
        try? indexStoreLocked()?.upsertCapture(capture)
    }

    /// Every capture, in log order (files by month, lines in order). Torn or corrupt lines are skipped.
    public func captures() throws -> [Capture] { try readCaptureLog().captures }

    /// The newest `fetched` or `not_modified` capture of `url`, for conditional GET validators.
    public func lastCapture(url: String) throws -> Capture? {
        try captures().last { $0.url == url && ($0.outcome == .fetched || $0.outcome == .notModified) }
    }

    /// The log with the lines that could not be read: a torn final line (a writer killed mid-write)
    /// or a corrupt line elsewhere.
    public func readCaptureLog() throws -> CaptureLogContents {
        var out = CaptureLogContents()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: capturesDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        let decoder = JSONDecoder()
        for name in names {
            let data = try Data(contentsOf: capturesDirectory.appendingPathComponent(name))
            let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
            for (i, line) in lines.enumerated() where !line.isEmpty {
                if let c = try? decoder.decode(Capture.self, from: line) {
                    out.captures.append(c)
                } else {
                    let isLast = i == lines.count - 1
                    out.badLines.append(CaptureLogContents.BadLine(file: "captures/\(name)", line: i + 1, torn: isLast))
                }
            }
        }
        return out
    }

    /// captures/YYYY-MM.jsonl for an ISO 8601 time; "unknown-date.jsonl" when it does not start with a date.
    static func logName(fetchedAt: String) -> String {
        let p = Array(fetchedAt.utf8.prefix(7))
        let ok = p.count == 7 && p[4] == UInt8(ascii: "-") && p.enumerated().allSatisfy { $0.offset == 4 || (48...57).contains($0.element) }
        return ok ? String(decoding: p, as: UTF8.self) + ".jsonl" : "unknown-date.jsonl"
    }
}

/// The captures log as read, with the lines that were skipped.
public struct CaptureLogContents: Sendable {
    public struct BadLine: Sendable, Equatable {
        public var file: String
        public var line: Int
        /// The last line of its file, without a newline: an interrupted append.
        public var torn: Bool
    }
    public var captures: [Capture] = []
    public var badLines: [BadLine] = []
}
