import Foundation

/// A task executor that owns one thread, for the in-process test servers and timing-sensitive tests.
///
/// The cooperative pool has two threads on this two-core machine, and Dispatch's worker pool on Linux
/// only grows past the core count after it notices blocked workers (about a second later). While other
/// tests keep those busy (a LibreOffice conversion, a crawl in a child process, a 5 MB parse), a server
/// running there would accept and time-stamp requests seconds late, and timing assertions would
/// measure the starvation instead of nianbao. Jobs enqueued here run on this executor's own thread;
/// tasks started with `executorPreference:` (and their child tasks, and the default actors they call)
/// stay on it.
public final class ServerExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    public init(name: String) {
        let thread = Thread { [unowned self] in self.runLoop() }
        thread.name = name
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    private func runLoop() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }

    /// A new executor (and thread) for one server or one test. Threads live until the test process ends.
    public static func make(_ name: String = "nianbao.test-server") -> ServerExecutor { ServerExecutor(name: name) }

    /// Shared by helper tasks of timing tests that have no executor of their own.
    public static let shared = ServerExecutor(name: "nianbao.test-shared")
}

/// Runs a timing-sensitive test body (and everything it awaits: default actors, Task.sleep
/// resumptions, child tasks) on its own thread instead of the shared cooperative pool, so that
/// CPU-heavy tests running in parallel cannot delay its clock readings by seconds.
public func onDedicatedExecutor<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
    try await withTaskExecutorPreference(ServerExecutor.make("nianbao.test-timing")) { try await body() }
}

/// Runs blocking work (waiting for a child process) on a thread of its own and resumes when it is
/// done: neither the cooperative pool nor Dispatch's small worker pool is held while it blocks.
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { cont in
        let t = Thread {
            do { cont.resume(returning: try work()) } catch { cont.resume(throwing: error) }
        }
        t.start()
    }
}
