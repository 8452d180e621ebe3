import Foundation
import Subprocess
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs an external program (pdftotext, soffice) with an argv — never through a shell — through
/// swift-subprocess, with a time limit and a cap on what it may print. Used by the PDF and
/// legacy-Word readers.
struct ExternalTool: Sendable {
    /// What a finished run produced.
    struct Output: Sendable {
        var status: TerminationStatus
        var stdout: [UInt8]
        var stderr: String
        var succeeded: Bool { status.isSuccess }
    }

    enum Failure: Error, Sendable {
        /// The program is not installed (not found on PATH, or the given path does not exist).
        case notFound(String)
        /// The program ran past the time limit and was killed.
        case timedOut(Duration)
        /// The program printed more than the cap.
        case outputTooLarge(Int)
        /// Anything else swift-subprocess reported when launching.
        case launch(String)

        /// The reason for an ``ExtractionError``; `tool` names the program ("pdftotext",
        /// "LibreOffice"), `missing` says what to do when it is not installed.
        func reason(tool: String, missing: String) -> String {
            switch self {
            case .notFound: return missing
            case .timedOut(let d): return "\(tool) ran past its time limit of \(d) and was stopped"
            case .outputTooLarge(let n): return "\(tool) printed more than \(n) bytes"
            case .launch(let m): return "could not run \(tool): \(m)"
            }
        }
    }

    /// Program name (looked up on PATH) or an absolute path.
    var program: String
    var timeout: Duration
    var outputLimit: Int
    /// Run the program in a process group of its own and stop the whole group: for programs that
    /// start others (soffice starts soffice.bin). pdftotext starts none and stays in nianbao's
    /// group, so a Ctrl-C at the terminal reaches it too.
    var ownProcessGroup = false

    /// Runs the program with `arguments`; stdout is collected as bytes, stderr as text (capped at
    /// 64 KB).
    func run(_ arguments: [String], workingDirectory: URL? = nil) async throws -> Output {
        let collected = Locked<[UInt8]>([])
        var output = try await stream(arguments, workingDirectory: workingDirectory) { chunk in
            collected.withLock { $0.append(contentsOf: chunk) }
        }
        output.stdout = collected.value
        return output
    }

    /// Runs the program with `arguments` and hands each piece of its stdout to `consume` as soon
    /// as it arrives, while the program is still running (pdftotext prints page by page, so the
    /// reader works on page 1 while pdftotext works on page 2). The returned `Output` has an
    /// empty `stdout`. Past `outputLimit` bytes the program is killed and `outputTooLarge` thrown.
    func stream(_ arguments: [String], workingDirectory: URL? = nil,
                consume: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) async throws -> Output {
        // The program is resolved on PATH here and handed to swift-subprocess as a path: given a
        // bare name, swift-subprocess tries posix_spawn in every PATH directory until one works,
        // and each failed spawn costs a clone (measured: 8 misses before /usr/bin added ~2 ms
        // to every pdftotext run).
        guard let resolved = Self.resolve(program) else { throw Failure.notFound(program) }
        let executable = Executable.path(FilePath(resolved))
        let cwd = workingDirectory.map { FilePath($0.path) }
        let options = ownProcessGroup ? Self.groupOptions : PlatformOptions()
        let leader = Locked<pid_t?>(nil)   // the program's pid, the leader of its process group
        do {
            return try await run(executable, arguments, cwd: cwd, options: options, leader: leader, consume: consume)
        } catch {
            // Stopped at the time limit or the output cap (or failed): whatever is left of the
            // group goes too. swift-subprocess's own teardown stops once the leader has exited,
            // so a child that ignores SIGTERM would live on without this.
            if ownProcessGroup, let pid = leader.value { kill(-pid, SIGKILL) }
            throw error
        }
    }

    private func run(_ executable: Executable, _ arguments: [String], cwd: FilePath?, options: PlatformOptions, leader: Locked<pid_t?>,
                     consume: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) async throws -> Output {
        let limit = outputLimit
        let timeout = self.timeout
        return try await withThrowingTaskGroup(of: Output?.self) { group in
            group.addTask {
                do {
                    let result = try await Subprocess.run(executable, arguments: Arguments(arguments),
                                                          workingDirectory: cwd, platformOptions: options, input: .none,
                                                          output: .sequence, error: .bytes(limit: 64 << 10)) { execution in
                        leader.value = execution.processIdentifier.value
                        var total = 0
                        for try await chunk in execution.standardOutput {
                            total += chunk.count
                            // Throwing from here makes swift-subprocess kill the program.
                            if total > limit { throw Failure.outputTooLarge(limit) }
                            chunk.withUnsafeBytes { consume($0) }
                        }
                    }
                    return Output(status: result.terminationStatus, stdout: [],
                                  stderr: String(decoding: result.standardError, as: UTF8.self))
                } catch is CancellationError {
                    return nil
                } catch let failure as Failure {
                    throw failure
                } catch let error as SubprocessError where error.code == .outputLimitExceeded {
                    // stdout's cap is checked above, so this is stderr's 64 KB.
                    throw Failure.launch("it wrote more than 64 KB of messages")
                } catch {
                    throw Failure.launch("\(error)")
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            // The first child to finish decides: the tool's output, or the timer (nil).
            let first = try await group.next() ?? nil
            group.cancelAll()   // kills the tool if still running (Subprocess ends with SIGKILL)
            guard let output = first else { throw Failure.timedOut(timeout) }
            return output
        }
    }

    /// With ``ownProcessGroup``: the program runs in a process group of its own, and when it is
    /// stopped (time limit, output cap) the whole group is: `soffice` is a launcher whose
    /// `soffice.bin` child would otherwise live on after the launcher is killed. SIGTERM first,
    /// SIGKILL 0.2 s later, and SIGKILL to the group once the run is over.
    static var groupOptions: PlatformOptions {
        var options = PlatformOptions()
        options.processGroupID = 0   // a new group, led by the program
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: .milliseconds(200))]
        return options
    }

    /// An absolute path if it names an executable file, or the first executable of that name on
    /// PATH; nil when there is none.
    static func resolve(_ program: String) -> String? {
        if program.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        // Looking through PATH costs a stat per directory (about 0.1 ms on this machine): the
        // answer is kept per PATH and checked with one access(2) before it is used again.
        let key = (ProcessInfo.processInfo.environment["PATH"] ?? "") + "\u{0}" + program
        if let known = found.withLock({ $0[key] }), access(known, X_OK) == 0 { return known }
        guard let path = which(program) else { return nil }
        found.withLock { $0[key] = path }
        return path
    }

    /// Programs found on PATH, by PATH and name.
    private static let found = Mutex<[String: String]>([:])

    /// The full path of a program on PATH, or nil.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
