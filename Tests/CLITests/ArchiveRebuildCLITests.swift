import Foundation
import Testing
import NianbaoCore
import TestSupport

/// rebuild through the built binary: identical output across runs, and a kill -9 in the middle
/// leaves an archive that verifies clean and a rerun that completes with the same output.
@Suite(.serialized) struct ArchiveRebuildCLITests {
    /// An archive of `count` captures of the seed texts (one agency each), written directly as files.
    func seededArchive(count: Int) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-cli-rebuild-\(UUID().uuidString)")
        let seedDir = Fixtures.shared.appendingPathComponent("seeds")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: seedDir.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { try Data(contentsOf: seedDir.appendingPathComponent($0)) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("captures"), withIntermediateDirectories: true)
        var log = Data()
        for i in 0..<count {
            let body = seeds[i % seeds.count]
            let sha = SHA256.hex(body)
            let rawDir = dir.appendingPathComponent("raw/\(sha.prefix(2))")
            try FileManager.default.createDirectory(at: rawDir, withIntermediateDirectories: true)
            try body.write(to: rawDir.appendingPathComponent(sha))
            let at = String(format: "2026-06-01T00:%02d:%02d.000Z", (i / 60) % 60, i % 60)
            let url = "http://k.gov.cn/\(i).txt"
            let c = Capture(id: Capture.makeID(url: url, fetchedAt: at), url: url, fetchedAt: at, outcome: .fetched, sha256: sha,
                            size: body.count, mediaType: "text/plain", site: "kill", agency: "机构\(i)", kind: "detail")
            log.append(try StableJSON.data(c))
            log.append(0x0A)
        }
        try log.write(to: dir.appendingPathComponent("captures/2026-06.jsonl"))
        return dir
    }

    func derived(_ dir: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)!
        for case let url as URL in e {
            let rel = String(url.standardizedFileURL.path.dropFirst(dir.standardizedFileURL.path.count + 1))
            guard rel.hasPrefix("reports/") || rel == "index.sqlite" else { continue }
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
            if !isDir.boolValue { out[rel] = SHA256.hex(try Data(contentsOf: url)) }
        }
        return out
    }

    @Test func killDuringRebuildThenVerifyIsCleanAndRerunCompletes() async throws {
        let dir = try seededArchive(count: 200)
        let first = try await CLIRunner.run(["rebuild", "--archive", dir.path, "--jobs", "2"])
        #expect(first.status == 0, "\(first.stderr)")
        let baseline = try derived(dir)
        // 200 captures, one agency each: 200 reports × (.json + .txt) + index.sqlite.
        #expect(baseline.count == 401)
        #expect(baseline["index.sqlite"] != nil)
        #expect(try await CLIRunner.run(["verify", "--archive", dir.path]).status == 0)

        // Kill once while documents are processed, once as soon as the staging directory appears (writing).
        let tmp = dir.appendingPathComponent("tmp")
        for whileWriting in [false, true] {
            let p = Process()
            p.executableURL = CLIRunner.binary
            p.arguments = ["rebuild", "--archive", dir.path, "--jobs", "2"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            let deadline = Date().addingTimeInterval(20)
            if whileWriting {
                while p.isRunning, Date() < deadline,
                      ((try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []).isEmpty { usleep(500) }
                usleep(2000)
            } else {
                usleep(50_000)
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            #expect(p.terminationReason == .uncaughtSignal, "rebuild finished before the kill (while writing: \(whileWriting))")
            let v = try await CLIRunner.run(["verify", "--archive", dir.path])
            #expect(v.status == 0, "\(v.stdout)")
            #expect(try derived(dir) == baseline)
        }
        let rerun = try await CLIRunner.run(["rebuild", "--archive", dir.path, "--jobs", "2"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.hasPrefix("rebuilt "))
        #expect(try derived(dir) == baseline)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("tmp").path) == [])
        #expect(try await CLIRunner.run(["verify", "--archive", dir.path]).status == 0)
    }
}
