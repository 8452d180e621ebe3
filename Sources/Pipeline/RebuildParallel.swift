import Foundation

/// Work sharing for rebuild: `jobs` workers pull indices from one counter, so fast and slow
/// documents balance out; results land at their index, so output order never depends on timing.
enum RebuildParallel {
    static func map<T: Sendable>(count: Int, jobs: Int, onDone: (@Sendable (Int) -> Void)? = nil,
                                 _ body: @escaping @Sendable (Int) async -> T) async -> [T] {
        let box = Slots<T>(count: count)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, min(jobs, count)) {
                group.addTask {
                    while let i = box.claim() {
                        let r = await body(i)
                        let done = box.put(i, r)
                        onDone?(done)
                    }
                }
            }
        }
        return box.values()
    }

    /// Runs `body` on its own thread (not the cooperative pool) and awaits it.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (cont: CheckedContinuation<T, Error>) in
            let t = Thread {
                do { cont.resume(returning: try body()) } catch { cont.resume(throwing: error) }
            }
            t.stackSize = 8 << 20
            t.start()
        }
    }

    final class Slots<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var done = 0
        private var slots: [T?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func claim() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard next < slots.count else { return nil }
            next += 1
            return next - 1
        }
        func put(_ i: Int, _ v: T) -> Int {
            lock.lock(); defer { lock.unlock() }
            slots[i] = v
            done += 1
            return done
        }
        func values() -> [T] {
            lock.lock(); defer { lock.unlock() }
            return slots.map { $0! }
        }
    }
}
