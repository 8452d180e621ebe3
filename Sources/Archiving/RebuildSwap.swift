import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Installing a rebuilt reports/ tree and index.sqlite. A rebuild writes everything into a staging
/// directory tmp/rebuild-<id>/ first, so a killed rebuild leaves the previous reports/ and index
/// untouched. Installing marks the staging READY, then renames the index and the reports tree into
/// place; if that is interrupted, the next `Archive(root:)` finishes it.
public enum RebuildSwap {
    static let prefix = "rebuild-"
    static let readyMarker = "READY"

    /// A fresh staging directory with an empty reports/ inside.
    public static func makeStaging(_ archive: Archive) throws -> URL {
        let dir = archive.tempDirectory.appendingPathComponent("\(prefix)\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("reports"), withIntermediateDirectories: true)
        return dir
    }

    /// Removes staging directories left by killed rebuilds that never reached READY
    /// (the caller holds the rebuild lock).
    public static func removeStale(_ archive: Archive, except keep: URL? = nil) {
        let tmp = archive.tempDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? [] where name.hasPrefix(prefix) {
            let dir = tmp.appendingPathComponent(name)
            if dir.standardizedFileURL == keep?.standardizedFileURL { continue }
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(readyMarker).path) { continue }
            try? FileManager.default.removeItem(at: dir)
        }
    }

    /// Puts staging/reports and staging/index.sqlite in place of the archive's own, then removes staging.
    public static func install(staging: URL, into archive: Archive) throws {
        archive.closeIndex()
        sync()
        try AtomicFile.write(Data(), to: staging.appendingPathComponent(readyMarker))
        try finish(staging: staging, root: archive.root)
    }

    static func finish(staging: URL, root: URL) throws {
        let fm = FileManager.default
        let newIndex = staging.appendingPathComponent("index.sqlite")
        if fm.fileExists(atPath: newIndex.path) {
            guard rename(newIndex.path, root.appendingPathComponent("index.sqlite").path) == 0 else {
                throw ArchiveError.io(path: newIndex.path, operation: "rename into place", errno: errno)
            }
        }
        let newReports = staging.appendingPathComponent("reports")
        let live = root.appendingPathComponent("reports")
        if fm.fileExists(atPath: newReports.path) {
            let old = staging.appendingPathComponent("old-reports")
            if fm.fileExists(atPath: live.path) {
                guard rename(live.path, old.path) == 0 else { throw ArchiveError.io(path: live.path, operation: "rename aside", errno: errno) }
            }
            guard rename(newReports.path, live.path) == 0 else {
                throw ArchiveError.io(path: newReports.path, operation: "rename into place", errno: errno)
            }
        }
        try AtomicFile.syncDirectory(root)
        try fm.removeItem(at: staging)
    }

    /// Completes installs that a killed process left half done (READY staging directories).
    static func recoverInterruptedSwap(root: URL) {
        let tmp = root.appendingPathComponent("tmp")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
        for name in names {
            let dir = tmp.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: dir.appendingPathComponent(readyMarker).path) else { continue }
            let lockPath = root.appendingPathComponent("state/rebuild.lock").path
            let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return }
            defer { close(fd) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return }   // a live rebuild is installing
            try? finish(staging: dir, root: root)
            flock(fd, LOCK_UN)
        }
    }
}
