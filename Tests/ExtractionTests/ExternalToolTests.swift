import Foundation
import Synchronization
import Testing
@testable import Extraction

/// The runner for pdftotext and soffice: swift-subprocess, an argv, a time limit, an output cap.
@Suite struct ExternalToolTests {
    @Test func outputPastTheCapKillsTheProgram() async throws {
        // `yes` prints forever: the cap, not the 20 s limit, must end it.
        let t0 = ContinuousClock.now
        let failure = await #expect(throws: ExternalTool.Failure.self) {
            _ = try await ExternalTool(program: "yes", timeout: .seconds(20), outputLimit: 100_000).run([])
        }
        #expect(ContinuousClock.now - t0 < .seconds(15))   // the cap, not the 20 s limit, ended it
        guard case .outputTooLarge(let n) = failure else { Issue.record("got \(String(describing: failure))"); return }
        #expect(n == 100_000)
    }

    /// Causal, not timed: the program prints a line, then waits (up to 20 s) for a flag file that
    /// only the consumer of that line creates, then prints a second line. Delivered at exit only,
    /// the first line would come too late and the program would print "timeout".
    @Test func outputArrivesWhileTheProgramRuns() async throws {
        let flag = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: flag) }
        let received = Received()
        let script = """
            echo first
            i=0
            while [ ! -e '\(flag.path)' ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i+1)); done
            if [ -e '\(flag.path)' ]; then echo second; else echo timeout; fi
            """
        let out = try await ExternalTool(program: "sh", timeout: .seconds(60), outputLimit: 1 << 20)
            .stream(["-c", script]) { piece in
                if received.append(piece) == 1 { _ = FileManager.default.createFile(atPath: flag.path, contents: nil) }
            }
        #expect(out.succeeded)
        #expect(out.stdout.isEmpty)   // streamed, not collected
        #expect(String(decoding: received.bytes, as: UTF8.self) == "first\nsecond\n")
    }

    /// Past its time limit a program run in its own process group is stopped with everything it
    /// started: a launcher's child (soffice.bin under soffice) must not live on. The stand-in's
    /// `sleep 60` ignores SIGTERM and would outlive a kill of the script alone.
    @Test func pastTheTimeLimitTheProgramAndItsChildrenAreStopped() async throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-pids-\(UUID().uuidString)")
        let script = try StandInProgram.stalling(pidFile: pidFile, name: "stall")
        defer { try? FileManager.default.removeItem(at: script); try? FileManager.default.removeItem(at: pidFile) }
        do {
            _ = try await ExternalTool(program: script.path, timeout: .seconds(5), outputLimit: 1 << 20, ownProcessGroup: true).run([])
            Issue.record("a program that waits a minute finished within the 5 s limit")
        } catch let failure as ExternalTool.Failure {
            guard case .timedOut = failure else { Issue.record("got \(failure)"); return }
        }
        let pids = StandInProgram.pids(in: pidFile)
        #expect(pids.count == 2, "the stand-in wrote \(pids)")
        #expect(await StandInProgram.stillRunning(pids) == [])
    }

    @Test func collectsStdoutAndStderrAndStatus() async throws {
        let out = try await ExternalTool(program: "sh", timeout: .seconds(20), outputLimit: 1 << 20)
            .run(["-c", "printf '\\344\\270\\200\\n3119'; echo oops >&2; exit 3"])
        #expect(out.stdout == Array("一\n3119".utf8))
        #expect(out.stderr == "oops\n")
        #expect(!out.succeeded)
        #expect(out.status == .exited(3))
    }

    @Test func aProgramNotOnPathIsNotFound() async throws {
        do {
            _ = try await ExternalTool(program: "nianbao-no-such-tool", timeout: .seconds(5), outputLimit: 10).run([])
            Issue.record("ran a program that does not exist")
        } catch let failure as ExternalTool.Failure {
            guard case .notFound(let name) = failure else { Issue.record("got \(failure)"); return }
            #expect(name == "nianbao-no-such-tool")
        }
    }

    @Test func programsResolveByPathOrName() {
        let sh = ExternalTool.resolve("sh")
        #expect(sh == "/usr/bin/sh" || sh == "/bin/sh")
        #expect(ExternalTool.resolve("nianbao-no-such-tool") == nil)
        #expect(ExternalTool.resolve("/bin/sh") == "/bin/sh")
        let plain = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-not-a-program-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: plain.path, contents: Data("x".utf8), attributes: [.posixPermissions: 0o644])
        defer { try? FileManager.default.removeItem(at: plain) }
        #expect(ExternalTool.resolve(plain.path) == nil)   // exists, not executable
        #expect(ExternalTool.resolve("/no/such/pdftotext") == nil)
    }

    /// Every failure becomes a reason that names the tool; "not found" says what to install.
    @Test func failureReasonsNameTheTool() {
        #expect(ExternalTool.Failure.notFound("soffice").reason(tool: "LibreOffice", missing: "needs LibreOffice") == "needs LibreOffice")
        #expect(ExternalTool.Failure.timedOut(.seconds(30)).reason(tool: "pdftotext", missing: "")
                == "pdftotext ran past its time limit of 30.0 seconds and was stopped")
        #expect(ExternalTool.Failure.outputTooLarge(10).reason(tool: "pdftotext", missing: "") == "pdftotext printed more than 10 bytes")
        #expect(ExternalTool.Failure.launch("EACCES").reason(tool: "LibreOffice", missing: "") == "could not run LibreOffice: EACCES")
    }

    /// stderr has its own 64 KB cap; passing it is not "printed more than" the stdout cap.
    @Test func tooManyMessagesAreNotCalledTooMuchOutput() async throws {
        do {
            _ = try await ExternalTool(program: "sh", timeout: .seconds(20), outputLimit: 1 << 20)
                .run(["-c", "head -c 100000 /dev/zero >&2"])
            Issue.record("100 KB on stderr went through")
        } catch let failure as ExternalTool.Failure {
            guard case .launch(let m) = failure else { Issue.record("got \(failure)"); return }
            #expect(m == "it wrote more than 64 KB of messages")
        }
    }
}

/// The pieces a stream handed over, and how many there were.
final class Received: Sendable {
    private let state = Mutex<([UInt8], Int)>(([], 0))
    /// Adds a piece; returns how many pieces have arrived, this one included.
    func append(_ piece: UnsafeRawBufferPointer) -> Int {
        state.withLock { $0.0.append(contentsOf: piece); $0.1 += 1; return $0.1 }
    }
    var bytes: [UInt8] { state.withLock { $0.0 } }
}
