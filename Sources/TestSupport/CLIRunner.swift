import Foundation

/// Runs the built `nianbao` binary (from the same build directory as the test bundle) and
/// collects its exit status and output. For end-to-end tests of the command line.
public enum CLIRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The nianbao executable next to the running test bundle (.build/<config>/nianbao).
    public static var binary: URL {
        if let override = ProcessInfo.processInfo.environment["NIANBAO_BIN"] { return URL(fileURLWithPath: override) }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("nianbao")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue {
                return candidate
            }
            dir.deleteLastPathComponent()
        }
        return Fixtures.repoRoot.appendingPathComponent(".build/debug/nianbao")
    }

    /// Run with arguments, waiting on a thread of its own: blocking one of the cooperative pool's two
    /// threads (2 cores) for a child process would starve every other test's async work, in-process
    /// servers included.
    public static func run(_ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:],
                           timeout: TimeInterval = 120) async throws -> Result {
        try await onOwnThread { try runBlocking(arguments, cwd: cwd, environment: environment, timeout: timeout) }
    }

    /// Run with arguments, blocking the calling thread; stdin is /dev/null. Output is read before
    /// waiting (no pipe deadlock). Never call this from async code.
    public static func runBlocking(_ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:],
                           timeout: TimeInterval = 120) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = cwd }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let outPipe = Pipe(), errPipe = Pipe()
        p.standardOutput = outPipe
        p.standardError = errPipe
        p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        try p.run()
        let readers = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        // Pipe readers on threads of their own (Dispatch's worker pool is small and shared).
        readers.enter(); readers.enter()
        Thread { outData = outPipe.fileHandleForReading.readDataToEndOfFile(); readers.leave() }.start()
        Thread { errData = errPipe.fileHandleForReading.readDataToEndOfFile(); readers.leave() }.start()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            p.terminate()
            _ = done.wait(timeout: .now() + 5)
        }
        readers.wait()
        return Result(status: p.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
