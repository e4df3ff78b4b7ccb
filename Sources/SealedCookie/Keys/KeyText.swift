import Foundation

/// Where key text comes from: files and environment variables, read with bounds, as bytes that
/// the caller zeroes once parsed.
///
/// What is wiped: every copy this library makes (the file buffer, the bytes returned here, the
/// parser's slices). What cannot be: the process environment itself (shared with C code and
/// child processes; `unsetenv` would not zero it either), the page cache of a key file, and a
/// `String` the application passes to ``KeyRing/init(text:)`` or ``SessionKey/init(id:text:)``
/// (Swift strings are immutable and may share storage).
enum KeyText {
    /// Key files hold a key or a ring: a few hundred bytes. Anything over this is not a key file.
    static let maxFileSize = 64 * 1024

    /// The contents of the file at `path`, at most ``maxFileSize`` bytes; the buffer that held
    /// them is zeroed before returning, and the caller zeroes the bytes returned.
    static func contents(ofFile path: String) throws(SessionKeyError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadableFile(path: path) }
        defer { try? handle.close() }
        guard var data = try? handle.read(upToCount: maxFileSize + 1) else { throw .unreadableFile(path: path) }
        defer { data.resetBytes(in: 0..<data.count) }
        guard data.count <= maxFileSize else { throw .fileTooLarge(path: path, limit: maxFileSize) }
        return [UInt8](data)
    }

    /// The value of the environment variable `name`, which must be set and not empty; the
    /// caller zeroes the bytes returned. Read with `getenv` rather than `ProcessInfo`, which
    /// would copy every variable into strings that cannot be wiped.
    static func environmentVariable(_ name: String) throws(SessionKeyError) -> [UInt8] {
        guard let value = getenv(name) else { throw .missingEnvironmentVariable(name) }
        let bytes = [UInt8](UnsafeRawBufferPointer(start: value, count: strlen(value)))
        guard !bytes.isEmpty else { throw .missingEnvironmentVariable(name) }
        return bytes
    }

    /// Calls `parse` with `text` and zeroes `text` afterwards, whether or not parsing succeeds.
    static func parsing<T>(_ text: inout [UInt8], _ parse: ([UInt8]) throws(SessionKeyError) -> T)
        throws(SessionKeyError) -> T
    {
        defer { text.zeroize() }
        return try parse(text)
    }
}
