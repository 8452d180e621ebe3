import Synchronization

/// A value shared between the task that runs an external tool and the callbacks swift-subprocess
/// calls while it runs (the output consumer, the body that learns the pid), behind a lock.
final class Locked<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: sending Value) { storage = Mutex(value) }

    func withLock<R: Sendable>(_ body: (inout sending Value) -> sending R) -> R { storage.withLock(body) }

    var value: Value {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
