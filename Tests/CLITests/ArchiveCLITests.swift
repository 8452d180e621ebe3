import Foundation
import Testing
import NianbaoCore
import TestSupport

/// The archive commands through the built binary (no parser needed): verify, archive add's argument
/// checks and capture recording, export of an empty archive.
@Suite struct ArchiveCLITests {
    func tempDir() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-cli-arch-\(UUID().uuidString)")
    }

    @Test func verifyCleanThenNamesCorruptRaw() async throws {
        let dir = tempDir()
        // A folder that does not exist is no archive (and verify does not create it).
        let missing = try await CLIRunner.run(["verify", "--archive", dir.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no archive at \(dir.path)"))
        #expect(!FileManager.default.fileExists(atPath: dir.path))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let clean = try await CLIRunner.run(["verify", "--archive", dir.path])
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("clean"))
        let file = dir.appendingPathComponent("in.txt")
        try Data("随便一段文字".utf8).write(to: file)
        let add = try await CLIRunner.run(["archive", "add", file.path, "--url", "http://t.gov.cn/a.txt", "--archive", dir.path,
                                     "--fetched-at", "2026-05-01T10:00:00Z"])
        let sha = SHA256.hex(Data("随便一段文字".utf8))
        #expect(add.stdout.contains("capture 20260501T100000.000-"))
        #expect(add.stdout.contains("sha256 \(sha)"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("captures/2026-05.jsonl").path))
        #expect(try await CLIRunner.run(["verify", "--archive", dir.path]).status == 0)
        let raw = dir.appendingPathComponent("raw/\(sha.prefix(2))/\(sha)")
        chmod(raw.path, 0o644)
        try Data("被改过的文字".utf8).write(to: raw)
        let bad = try await CLIRunner.run(["verify", "--archive", dir.path])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("problem: raw/\(sha.prefix(2))/\(sha): content does not match its sha256"))
    }

    @Test func archiveAddRejectsBadTimeAndMissingFile() async throws {
        let dir = tempDir()
        let file = dir.appendingPathComponent("x.txt")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: file)
        let badTime = try await CLIRunner.run(["archive", "add", file.path, "--url", "http://t/x", "--archive", dir.path, "--fetched-at", "yesterday"])
        #expect(badTime.status == 2)
        #expect(badTime.stderr.contains("--fetched-at 'yesterday'"))
        let missing = try await CLIRunner.run(["archive", "add", dir.appendingPathComponent("nope.pdf").path, "--url", "http://t/x", "--archive", dir.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.pdf: cannot read"))
        let noURL = try await CLIRunner.run(["archive", "add", file.path, "--archive", dir.path])
        #expect(noURL.status == 2)
    }

    @Test func exportOfEmptyArchiveHasHeaderOnly() async throws {
        let dir = tempDir()
        let out = dir.appendingPathComponent("e.csv")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let r = try await CLIRunner.run(["export", "--format", "csv", "--out", out.path, "--archive", dir.path])
        #expect(r.status == 0)
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\r\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("report_id,site,agency,year,template,url,sha256,published,version,") == true)
        let bad = try await CLIRunner.run(["export", "--format", "xlsx", "--out", out.path, "--archive", dir.path])
        #expect(bad.status == 2)
    }
}
