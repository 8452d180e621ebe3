import Dispatch

/// A task executor with its own thread, for the in-process test servers.
///
/// The cooperative pool has two threads on this two-core machine. While other tests keep both busy
/// (a LibreOffice conversion, a crawl in a child process, a 5 MB parse), a server running on the pool
/// would accept and time-stamp requests seconds late, and every timing assertion would measure the
/// starvation instead of nianbao. Servers started with `executorPreference: ServerExecutor.shared`
/// (and the child tasks their connections spawn) run here instead.
public final class ServerExecutor: TaskExecutor, @unchecked Sendable {
    private let queue: DispatchQueue

    public init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        queue.async { unowned.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    public static let shared = ServerExecutor(label: "nianbao.test-servers")
}

/// Runs a timing-sensitive test body (and everything it awaits: default actors, Task.sleep
/// resumptions, child tasks) on its own thread instead of the shared cooperative pool, so that
/// CPU-heavy tests running in parallel cannot delay its clock readings by seconds.
public func onDedicatedExecutor<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
    let executor = ServerExecutor(label: "nianbao.test-timing")
    return try await withTaskExecutorPreference(executor) { try await body() }
}
