import Foundation

/// Where key text comes from: files and environment variables, read with bounds.
enum KeyText {
    /// Key files hold a key or a ring: a few hundred bytes. Anything over this is not a key file.
    static let maxFileSize = 64 * 1024

    /// The contents of the file at `path`, at most ``maxFileSize`` bytes; the buffer that held them
    /// is zeroed before returning.
    static func contents(ofFile path: String) throws(SessionKeyError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadableFile(path: path) }
        defer { try? handle.close() }
        guard var data = try? handle.read(upToCount: maxFileSize + 1) else { throw .unreadableFile(path: path) }
        defer { data.resetBytes(in: 0..<data.count) }
        guard data.count <= maxFileSize else { throw .fileTooLarge(path: path, limit: maxFileSize) }
        return String(decoding: data, as: UTF8.self)
    }

    /// The value of the environment variable `name`, which must be set and not empty.
    static func environmentVariable(_ name: String) throws(SessionKeyError) -> String {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            throw .missingEnvironmentVariable(name)
        }
        return value
    }
}
