import Foundation
import Subprocess
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

extension ExternalTool {
    /// Runs the program like ``run(_:workingDirectory:)`` — an argv, never a shell; the same time
    /// limit, output cap and ``Failure`` cases — but launches it with `posix_spawn` and reads both
    /// pipes with `poll` on a thread of its own instead of through swift-subprocess.
    ///
    /// Used for pdftotext, where the tool runs for 5–20 ms and swift-subprocess's launch and
    /// asynchronous pipe reading added about 2 ms to every PDF (see /work/notes/pdfperf.md).
    /// Neither the cooperative pool nor GCD's pool is blocked: the waiting happens on a dedicated
    /// thread created per run. Cancelling the calling task kills the program (SIGKILL) and throws
    /// `CancellationError`.
    func runSpawned(_ arguments: [String]) async throws -> Output {
        // A bare name is looked up on PATH by posix_spawnp itself (ENOENT → notFound).
        if program.hasPrefix("/"), !FileManager.default.isExecutableFile(atPath: program) {
            throw Failure.notFound(program)
        }
        let run = SpawnedRun(path: program, arguments: arguments, timeout: timeout, outputLimit: outputLimit)
        let stop = StopFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Output, Error>) in
                // A thread of its own: the wait blocks, and blocking GCD's global pool (as wide as
                // the CPU count) would starve other work queued there.
                let thread = Thread {
                    continuation.resume(with: Result { try run.execute(stop: stop) })
                }
                thread.name = "nianbao-pdftotext"
                thread.start()
            }
        } onCancel: {
            stop.raise()
        }
    }
}

/// Set when the calling task is cancelled; the poll loop checks it between waits.
final class StopFlag: Sendable {
    private let raised = Atomic<Bool>(false)
    func raise() { raised.store(true, ordering: .relaxed) }
    var isRaised: Bool { raised.load(ordering: .relaxed) }
}

/// One blocking run of a program: spawn, read stdout and stderr until both close, reap.
struct SpawnedRun: Sendable {
    /// An absolute path, or a name looked up on PATH.
    var path: String
    var arguments: [String]
    var timeout: Duration
    var outputLimit: Int
    /// stderr beyond this is dropped (only its last line is ever shown).
    static let stderrLimit = 64 << 10
    /// Longest single `poll` wait, so a cancellation is noticed promptly.
    static let pollSliceMs: Int32 = 50
    /// Linux `F_SETPIPE_SZ`: a 1 MB pipe lets the tool write its output without waiting for us.
    static let setPipeSize: Int32 = 1031

    func execute(stop: StopFlag) throws -> ExternalTool.Output {
        let deadline = ContinuousClock.now + timeout
        let out = try PipePair(), err = try PipePair()
        _ = fcntl(out.read, SpawnedRun.setPipeSize, Int32(1 << 20))   // best effort; the default 64 KB also works
        let pid: pid_t
        do {
            pid = try spawn(stdout: out.write, stderr: err.write)
        } catch {
            out.closeAll(); err.closeAll()
            throw error
        }
        out.closeWrite(); err.closeWrite()
        defer { out.closeAll(); err.closeAll() }
        var process = Child(pid: pid)
        defer { process.killAndReap() }   // no-op once reaped

        var stdout: [UInt8] = []
        stdout.reserveCapacity(256 << 10)
        var stderr: [UInt8] = []
        var fds = [pollfd(fd: out.read, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: err.read, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var open = 2
        while open > 0 {
            try check(deadline: deadline, stop: stop)
            let ready = poll(&fds, 2, SpawnedRun.waitMs(until: deadline))
            if ready < 0 {
                if errno == EINTR { continue }
                throw ExternalTool.Failure.launch("poll failed: errno \(errno)")
            }
            if ready == 0 { continue }
            for k in 0..<2 where fds[k].fd >= 0 && fds[k].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fds[k].fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if k == 0 {
                        stdout.append(contentsOf: buffer[0..<n])
                        if stdout.count > outputLimit { throw ExternalTool.Failure.outputTooLarge(outputLimit) }
                    } else if stderr.count < SpawnedRun.stderrLimit {
                        stderr.append(contentsOf: buffer[0..<min(n, SpawnedRun.stderrLimit - stderr.count)])
                    }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    fds[k].fd = -1   // closed: poll ignores negative descriptors
                    open -= 1
                }
            }
        }
        // Both pipes closed: the tool is exiting. Reap it, still within the time limit.
        var pause: useconds_t = 20
        while true {
            if let status = try process.reapIfExited() {
                return ExternalTool.Output(status: status, stdout: stdout,
                                           stderr: String(decoding: stderr, as: UTF8.self))
            }
            try check(deadline: deadline, stop: stop)
            usleep(pause)
            pause = min(pause * 2, 5_000)
        }
    }

    /// Throws when the time limit has passed or the caller was cancelled (the deferred
    /// `killAndReap` then stops the tool).
    private func check(deadline: ContinuousClock.Instant, stop: StopFlag) throws {
        if stop.isRaised { throw CancellationError() }
        if ContinuousClock.now >= deadline { throw ExternalTool.Failure.timedOut(timeout) }
    }

    private static func waitMs(until deadline: ContinuousClock.Instant) -> Int32 {
        let left = deadline - ContinuousClock.now
        let ms = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1
        return Int32(max(0, min(Int64(pollSliceMs), ms)))
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+, declared only under `_GNU_SOURCE`).
    private static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// `posix_spawn` with stdin from /dev/null, the given stdout/stderr, default signal handling
    /// and an empty signal mask (so SIGPIPE and friends behave as in a shell).
    private func spawn(stdout: Int32, stderr: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        // Nothing else of ours leaks into the tool (sockets, other tools' pipes opened without
        // close-on-exec), as swift-subprocess guaranteed too: the child closes every fd from 3 up.
        if let closeFrom = SpawnedRun.addCloseFrom { _ = closeFrom(&actions, 3) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = path.contains("/") ? posix_spawn(&pid, path, &actions, &attr, argv, environ)
                                    : posix_spawnp(&pid, path, &actions, &attr, argv, environ)
        if rc == ENOENT { throw ExternalTool.Failure.notFound(path) }
        guard rc == 0 else { throw ExternalTool.Failure.launch("posix_spawn \(path): errno \(rc)") }
        return pid
    }
}

/// A pipe whose ends are closed at most once (both are close-on-exec; the child gets dup2 copies).
private final class PipePair {
    private(set) var read: Int32
    private(set) var write: Int32

    init() throws {
        var fds: [Int32] = [-1, -1]
        let rc = PipePair.pipe2.map { $0(&fds, O_CLOEXEC) } ?? PipePair.pipeThenCloexec(&fds)
        guard rc == 0 else { throw ExternalTool.Failure.launch("pipe failed: errno \(errno)") }
        read = fds[0]
        write = fds[1]
    }

    /// glibc's `pipe2` (declared only under `_GNU_SOURCE`, so not in Swift's Glibc module): it sets
    /// close-on-exec atomically, so a tool spawned by another thread at the same moment cannot
    /// inherit our write end and hold the pipe open.
    private static let pipe2: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pipe2") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32).self)
    }()

    private static func pipeThenCloexec(_ fds: UnsafeMutablePointer<Int32>) -> Int32 {
        guard pipe(fds) == 0 else { return -1 }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return 0
    }

    func closeWrite() {
        if write >= 0 { close(write); write = -1 }
    }

    func closeAll() {
        closeWrite()
        if read >= 0 { close(read); read = -1 }
    }
}

/// The spawned process until it has been reaped.
private struct Child {
    let pid: pid_t
    private var reaped = false

    init(pid: pid_t) { self.pid = pid }

    /// The exit status if the process has ended (and is now reaped), else nil.
    mutating func reapIfExited() throws -> TerminationStatus? {
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == 0 { return nil }
        if r < 0 {
            if errno == EINTR { return nil }
            reaped = true
            throw ExternalTool.Failure.launch("waitpid failed: errno \(errno)")
        }
        reaped = true
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
    }

    /// SIGKILL and a blocking reap, unless already reaped.
    mutating func killAndReap() {
        guard !reaped else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
    }
}
