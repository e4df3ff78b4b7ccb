public import Logging
import SealedCookie

/// Collects every log line of a test application, or of a library type given its logger.
public final class LogRecorder: Sendable {
    /// One log line.
    public struct Entry: Sendable {
        /// Its level.
        public var level: Logger.Level
        /// Its message.
        public var message: String
        /// Its metadata, as text.
        public var metadata: String
    }

    private let entries = Locked<[Entry]>([])

    /// An empty recorder.
    public init() {}

    /// Every line so far, in order.
    public var all: [Entry] { entries.withLock { $0 } }

    /// A logger at trace level that records into this recorder.
    public var logger: Logger {
        var logger = Logger(label: "test") { _ in Handler(recorder: self) }
        logger.logLevel = .trace
        return logger
    }

    /// Entries at `level` whose message contains `text`.
    public func entries(at level: Logger.Level, containing text: String) -> [Entry] {
        all.filter { $0.level == level && $0.message.contains(text) }
    }

    /// A logger that keeps nothing, for tests that cause store outages on purpose and check them
    /// another way: the default logger would print each one.
    public static var discarding: Logger { Logger(label: "discarded") { _ in SwiftLogNoOpLogHandler() } }

    fileprivate func append(_ entry: Entry) {
        entries.withLock { $0.append(entry) }
    }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            recorder.append(Entry(level: event.level, message: "\(event.message)", metadata: "\(all)"))
        }
    }
}
