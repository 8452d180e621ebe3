import Foundation

/// Shell scripts standing in for pdftotext or soffice, and a look at whether the processes they
/// started are still running.
enum StandInProgram {
    /// Writes `body` as an executable `sh` script in the temporary directory.
    static func script(_ body: String, name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-\(name)-\(UUID().uuidString).sh")
        try ("#!/bin/sh\n" + body + "\n").write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }

    /// A script that starts `sleep 60` in the background — one that ignores SIGTERM, as a
    /// program busy shutting down cleanly does — writes the sleep's pid and its own to `pidFile`,
    /// then waits for it: left alone, both run for a minute.
    static func stalling(pidFile: URL, name: String) throws -> URL {
        try script("(trap '' TERM; exec sleep 60) &\necho $! > '\(pidFile.path)'\necho $$ >> '\(pidFile.path)'\nwait", name: name)
    }

    /// A script that writes its pid to `pidFile` and becomes `sleep 60`: one process, like pdftotext.
    static func stallingAlone(pidFile: URL, name: String) throws -> URL {
        try script("echo $$ > '\(pidFile.path)'\nexec sleep 60", name: name)
    }

    static func pids(in file: URL) -> [Int32] {
        ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Int32($0) }
    }

    /// True while `pid` is a live process (a zombie waiting to be reaped counts as ended).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }

    /// Waits up to `limit` for every pid to end; returns those still running.
    static func stillRunning(_ pids: [Int32], after limit: Duration = .seconds(5)) async -> [Int32] {
        let deadline = ContinuousClock.now + limit
        var alive = pids.filter(isRunning)
        while !alive.isEmpty, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
            alive = alive.filter(isRunning)
        }
        return alive
    }
}
